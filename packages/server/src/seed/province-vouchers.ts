// The province-scale seed's voucher batches and the ledger that hands their vouchers out: it keeps each batch's
// quota, one active voucher per enterprise and batch, and each enterprise's yearly cap, as the claim and use
// endpoints would have.
import { voucherPayment } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';

import type { EnterpriseSize } from './province-enterprises.js';
import type { Random } from './prng.js';
import { dayStart, shanghaiDateTime, shanghaiYear } from '../time/shanghai.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ALL_SIZES: readonly EnterpriseSize[] = ['micro', 'small', 'medium'];

export interface BatchSpec {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  readonly issuerRegion: string;
  readonly issuerName: string;
  readonly prefix: string;
  readonly faceValue: number;
  readonly quota: number;
  readonly opens: number;
  readonly closes: number;
  readonly sizes: readonly EnterpriseSize[];
  /** A city, or the province. */
  readonly region: string;
  readonly cap: number;
  readonly coverage: number;
  readonly useWithinDays: number;
  readonly settleBy: number;
}

/** The province-scale batches' ids: stable, named by role (the names and code prefixes carry the year they open in). */
export const PROVINCE_BATCHES = { past: 'vbt-prev-440000-p', open: 'vbt-open-440000-p' } as const;

/**
 * Relative to the as-of day D (whole days, claims from 09:00 to 17:00): a past province-wide batch (D−640 … D−330,
 * settled), an open one (D−320 … D+40), and one of each city for its micro and small enterprises (D−250 … D−5,
 * closed lately, still usable).
 */
export function provinceBatches(cities: readonly { code: string; name: string }[], asOf: number): BatchSpec[] {
  const opensAt = (offset: number) => dayStart(asOf, offset) + 9 * HOUR;
  const closesAt = (offset: number) => dayStart(asOf, offset) + 17 * HOUR;
  const pastYear = shanghaiYear(opensAt(-640));
  const openYear = shanghaiYear(opensAt(-320));
  const cityYear = shanghaiYear(opensAt(-250));
  const batches: BatchSpec[] = [
    {
      id: PROVINCE_BATCHES.past,
      name: `${pastYear}年广东省中小微企业服务券（全省统筹批次）`,
      year: pastYear,
      issuerRegion: '440000',
      issuerName: '广东省中小企业服务中心',
      prefix: `GDQ${pastYear}-0101`,
      faceValue: 500_000,
      quota: 110_000,
      opens: opensAt(-640),
      closes: closesAt(-330),
      sizes: ALL_SIZES,
      region: '440000',
      cap: 3_000_000,
      coverage: 50,
      useWithinDays: 180,
      settleBy: closesAt(-150),
    },
    {
      id: PROVINCE_BATCHES.open,
      name: `${openYear}年广东省中小微企业服务券（全省统筹批次）`,
      year: openYear,
      issuerRegion: '440000',
      issuerName: '广东省中小企业服务中心',
      prefix: `GDQ${openYear}-0102`,
      faceValue: 500_000,
      quota: 150_000,
      opens: opensAt(-320),
      closes: closesAt(40),
      sizes: ALL_SIZES,
      region: '440000',
      cap: 5_000_000,
      coverage: 50,
      useWithinDays: 180,
      settleBy: closesAt(220),
    },
  ];
  for (const city of cities) {
    batches.push({
      id: `vbt-city-${city.code}-p`,
      name: `${cityYear}年${city.name}中小企业服务券（市级批次）`,
      year: cityYear,
      issuerRegion: city.code,
      issuerName: `${city.name}中小企业服务中心`,
      prefix: `GD${city.code.slice(2, 4)}Q${cityYear}-0101`,
      faceValue: 300_000,
      quota: 3_000,
      opens: opensAt(-250),
      closes: closesAt(-5),
      sizes: ['micro', 'small'],
      region: city.code,
      cap: 5_000_000,
      coverage: 60,
      useWithinDays: 120,
      settleBy: closesAt(120),
    });
  }
  return batches;
}

export interface Holder {
  readonly index: number;
  readonly id: string;
  readonly cityCode: string;
  readonly size: EnterpriseSize;
  /** Shown as the actor of the enterprise's steps: the enterprise's name, the same on each of them. */
  readonly actorName: string;
}

export interface VoucherStep {
  readonly status: 'ordered' | 'confirmed' | 'delivered' | 'settled' | 'expired' | 'withdrawn';
  readonly ts: number;
  readonly actorRole: 'enterprise' | 'provider' | 'admin' | 'system';
  readonly actorName: string;
  readonly note: string | null;
}

/** Hands out the batches' vouchers and writes them with their histories. */
export class VoucherLedger {
  readonly #random: Random;
  readonly #batches: readonly BatchSpec[];
  readonly #seq = new Map<string, number>();
  readonly #active = new Map<string, number>();
  /** `<batch index> <enterprise index>` of every active voucher. */
  readonly #holds = new Set<string>();
  /** Voucher money committed per `<enterprise index> <year>`: what used vouchers paid and unused ones are worth. */
  readonly #committed = new Map<string, number>();
  readonly #insertVoucher;
  readonly #insertHistory;
  #serial = 0;
  vouchers = 0;

  constructor(handle: DatabaseHandle, random: Random, batches: readonly BatchSpec[], stamp: string) {
    this.#random = random;
    this.#batches = batches;
    const { sqlite } = handle;
    const insertBatch = sqlite.prepare(
      `INSERT INTO voucher_batches (id, name, year, issuer_name, issuer_region_code, code_prefix, face_value, quota,
         remaining, claim_opens_at, opens_ts, claim_closes_at, closes_ts, sizes, tags, region_codes, category_ids,
         annual_cap, max_coverage, use_within_days, settle_by, settle_ts, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, '[]', ?, ?, ?, ?, ?, ?)`,
    );
    for (const batch of batches) {
      const { lastInsertRowid } = insertBatch.run(
        batch.id,
        batch.name,
        batch.year,
        batch.issuerName,
        batch.issuerRegion,
        batch.prefix,
        batch.faceValue,
        batch.quota,
        batch.quota,
        shanghaiDateTime(batch.opens),
        batch.opens,
        shanghaiDateTime(batch.closes),
        batch.closes,
        JSON.stringify(batch.sizes),
        JSON.stringify([batch.region]),
        batch.cap,
        batch.coverage,
        batch.useWithinDays,
        shanghaiDateTime(batch.settleBy),
        batch.settleBy,
        stamp,
      );
      this.#seq.set(batch.id, Number(lastInsertRowid));
    }
    this.#insertVoucher = sqlite.prepare(
      `INSERT INTO vouchers (id, code, batch_seq, batch_id, enterprise_id, face_value, status, claimed_at, claimed_ts,
         use_by, use_by_ts, settle_by, engagement_id, year, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertHistory = sqlite.prepare(
      'INSERT INTO voucher_history (voucher_seq, status, at, actor_role, actor_name, note) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  #eligible(batch: BatchSpec, index: number, holder: Holder): boolean {
    return (
      batch.sizes.includes(holder.size) &&
      (batch.region === '440000' || batch.region === holder.cityCode) &&
      !this.#holds.has(`${index} ${holder.index}`) &&
      (this.#active.get(batch.id) ?? 0) < batch.quota
    );
  }

  #capLeft(batch: BatchSpec, holder: Holder): number {
    return batch.cap - (this.#committed.get(`${holder.index} ${batch.year}`) ?? 0);
  }

  /**
   * A batch the holder could have claimed before `usedTs` and still use then, and when it claimed it; undefined when
   * none is left (quota, one per batch, the yearly cap).
   */
  claimFor(holder: Holder, usedTs: number): { batch: BatchSpec; claimedTs: number } | undefined {
    const start = this.#random.int(0, this.#batches.length - 1);
    for (let k = 0; k < this.#batches.length; k++) {
      const index = (start + k) % this.#batches.length;
      const batch = this.#batches[index];
      if (!batch || !this.#eligible(batch, index, holder)) continue;
      if (batch.settleBy <= usedTs) continue;
      const from = Math.max(batch.opens, usedTs - (batch.useWithinDays - 1) * DAY);
      const to = Math.min(usedTs, batch.closes) - HOUR;
      if (to - from < DAY || this.#capLeft(batch, holder) < batch.faceValue) continue;
      return { batch, claimedTs: this.#random.int(from, to) };
    }
    return undefined;
  }

  /** What a voucher of `batch` pays on a contract, within the holder's yearly cap. */
  payment(batch: BatchSpec, holder: Holder, contractAmount: number): number {
    return voucherPayment({
      faceValue: batch.faceValue,
      maxCoverage: batch.coverage,
      contractAmount,
      capLeft: this.#capLeft(batch, holder),
    }).voucherAmount;
  }

  /**
   * Writes a voucher claimed at `claimedTs` that went through `steps`. `committed` is what it commits of the
   * holder's yearly cap: the amount it paid when used, its face value while unused, nothing once expired or handed
   * back.
   */
  add(input: {
    id: string;
    batch: BatchSpec;
    holder: Holder;
    claimedTs: number;
    steps: readonly VoucherStep[];
    engagementId: string | null;
    committed: number;
  }): void {
    const { batch, holder } = input;
    const index = this.#batches.indexOf(batch);
    const useByTs = Math.min(input.claimedTs + batch.useWithinDays * DAY, batch.settleBy);
    const last = input.steps[input.steps.length - 1];
    const status = last?.status ?? 'issued';
    const code = `${batch.prefix}-${String(++this.#serial).padStart(6, '0')}${CODE_CHARS[this.#random.int(0, 30)]}`;
    const { lastInsertRowid } = this.#insertVoucher.run(
      input.id,
      code,
      this.#seq.get(batch.id),
      batch.id,
      holder.id,
      batch.faceValue,
      status,
      shanghaiDateTime(input.claimedTs),
      input.claimedTs,
      shanghaiDateTime(useByTs),
      useByTs,
      shanghaiDateTime(batch.settleBy),
      input.engagementId,
      batch.year,
      shanghaiDateTime(last?.ts ?? input.claimedTs),
    );
    const seq = Number(lastInsertRowid);
    this.#insertHistory.run(
      seq,
      'issued',
      shanghaiDateTime(input.claimedTs),
      'enterprise',
      holder.actorName,
      `领取${batch.name}`,
    );
    for (const step of input.steps) {
      this.#insertHistory.run(seq, step.status, shanghaiDateTime(step.ts), step.actorRole, step.actorName, step.note);
    }
    if (status !== 'withdrawn') {
      this.#active.set(batch.id, (this.#active.get(batch.id) ?? 0) + 1);
      this.#holds.add(`${index} ${holder.index}`);
    }
    const key = `${holder.index} ${batch.year}`;
    this.#committed.set(key, (this.#committed.get(key) ?? 0) + input.committed);
    this.vouchers += 1;
  }

  /** Whether the holder may claim `batch` now (for the unused vouchers seeded after the engagements). */
  canHold(batch: BatchSpec, holder: Holder): boolean {
    return (
      this.#eligible(batch, this.#batches.indexOf(batch), holder) && this.#capLeft(batch, holder) >= batch.faceValue
    );
  }

  batch(id: string): BatchSpec {
    const found = this.#batches.find((batch) => batch.id === id);
    if (!found) throw new Error(`No batch ${id}`);
    return found;
  }
}

/**
 * Vouchers never used: held (claimed in the last two months), expired (claimed in the past batch, not used in time)
 * and handed back (the quota went back to the batch). `count` are drawn; a holder who may not hold one is skipped.
 */
export function addUnusedVouchers(
  ledger: VoucherLedger,
  random: Random,
  input: {
    readonly asOf: number;
    readonly count: number;
    readonly enterpriseCount: number;
    readonly holderOf: (index: number) => Holder;
    /** The id of the next voucher, from the same serial as the used ones'. */
    readonly nextId: () => string;
  },
): void {
  const open = ledger.batch(PROVINCE_BATCHES.open);
  const past = ledger.batch(PROVINCE_BATCHES.past);
  const system = { actorRole: 'system' as const, actorName: '服务券平台' };
  for (let k = 0; k < input.count; k++) {
    const holder = input.holderOf(random.int(0, input.enterpriseCount - 1));
    const kind = random.weighted([
      ['held', 70],
      ['expired', 22],
      ['withdrawn', 8],
    ] as const);
    const batch = kind === 'expired' ? past : open;
    if (!ledger.canHold(batch, holder)) continue;
    const id = input.nextId();
    if (kind === 'held') {
      const claimedTs = random.int(input.asOf - 60 * DAY, input.asOf - DAY);
      ledger.add({ id, batch, holder, claimedTs, steps: [], engagementId: null, committed: batch.faceValue });
    } else if (kind === 'expired') {
      const claimedTs = random.int(batch.opens, batch.closes - 200 * DAY);
      const useBy = Math.min(claimedTs + batch.useWithinDays * DAY, batch.settleBy);
      const steps: VoucherStep[] = [
        { status: 'expired', ts: useBy + 10 * 60_000, ...system, note: '超过使用期限未使用，自动作废' },
      ];
      ledger.add({ id, batch, holder, claimedTs, steps, engagementId: null, committed: 0 });
    } else {
      const claimedTs = random.int(batch.opens, input.asOf - 30 * DAY);
      const steps: VoucherStep[] = [
        {
          status: 'withdrawn',
          ts: claimedTs + random.int(2, 20) * DAY,
          actorRole: 'enterprise',
          actorName: holder.actorName,
          note: '企业退回，名额返还本批次',
        },
      ];
      ledger.add({ id, batch, holder, claimedTs, steps, engagementId: null, committed: 0 });
    }
  }
}
