// How the voucher seed writes a voucher with its history and an engagement with its timeline, keeping what the
// checks of a claim and a use would count: the vouchers held per batch, who holds one of which batch, and the money
// each enterprise's vouchers of a year have paid (the yearly cap).
import { voucherPayment } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { Random } from './prng.js';
import type { BatchSpec } from './voucher-batches.js';
import { USCC_CHARS, type SeedEnterprise } from './voucher-enterprises.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type Actor = { role: 'enterprise' | 'provider' | 'admin' | 'system'; name: string };
export type EngagementStatus = 'ordered' | 'confirmed' | 'inProgress' | 'delivered' | 'closed' | 'cancelled';
export type VoucherStatus = 'issued' | 'ordered' | 'confirmed' | 'delivered' | 'settled' | 'expired' | 'withdrawn';

/** A step of an engagement's path: its status, whole days after the step before, and whether it is the acceptance. */
export type PathStep = { status: EngagementStatus; gapDays: number; accepted?: boolean };
export type TimelineEntry = { status: EngagementStatus; ts: number; actor: Actor; note: string };
export type VoucherStep = { status: VoucherStatus; ts: number; actor: Actor; note: string | null };

export interface SeedProduct {
  id: string;
  name: string;
  category_id: string;
  provider_id: string;
  provider_name: string;
  price: number;
}

export interface LedgerActors {
  /** The seeded provider user's name, by provider id. */
  readonly providerUserName: ReadonlyMap<string, string>;
  /** The administrator who settles an engagement of an enterprise in `regionCode`. */
  readonly adminName: (regionCode: string | null) => string;
}

export class VoucherLedger {
  /** How many vouchers of each batch are held (not handed back), by batch id. */
  readonly active = new Map<string, number>();
  /** `batchId enterpriseId` of every voucher held. */
  readonly holds = new Set<string>();
  readonly #capUsed = new Map<string, number>();
  #codeNo = 0;
  readonly #random: Random;
  readonly #asOf: number;
  readonly #batchSeq: ReadonlyMap<string, number>;
  readonly #actors: LedgerActors;
  readonly #insertVoucher;
  readonly #insertHistory;
  readonly #insertEngagement;
  readonly #insertTimeline;

  constructor(
    sqlite: DatabaseHandle['sqlite'],
    random: Random,
    asOf: number,
    batchSeq: ReadonlyMap<string, number>,
    actors: LedgerActors,
  ) {
    this.#random = random;
    this.#asOf = asOf;
    this.#batchSeq = batchSeq;
    this.#actors = actors;
    this.#insertVoucher = sqlite.prepare(
      `INSERT INTO vouchers (id, code, batch_seq, batch_id, enterprise_id, face_value, status, claimed_at, claimed_ts,
         use_by, use_by_ts, settle_by, engagement_id, year, updated_at)
       VALUES (@id, @code, @batch_seq, @batch_id, @enterprise_id, @face_value, @status, @claimed_at, @claimed_ts,
         @use_by, @use_by_ts, @settle_by, @engagement_id, @year, @updated_at)`,
    );
    this.#insertHistory = sqlite.prepare(
      'INSERT INTO voucher_history (voucher_seq, status, at, actor_role, actor_name, note) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#insertEngagement = sqlite.prepare(
      `INSERT INTO engagements (id, enterprise_id, enterprise_name, enterprise_region_code, provider_id, provider_name,
         product_id, product_name, category_id, voucher_id, contract_amount, voucher_amount, self_paid, status,
         accepted_at, rating_id, created_at, created_ts, updated_at)
       VALUES (@id, @enterprise_id, @enterprise_name, @enterprise_region_code, @provider_id, @provider_name, @product_id,
         @product_name, @category_id, @voucher_id, @contract_amount, @voucher_amount, @self_paid, @status, @accepted_at,
         NULL, @created_at, @created_ts, @updated_at)`,
    );
    this.#insertTimeline = sqlite.prepare(
      `INSERT INTO engagement_timeline (engagement_seq, status, at, actor_role, actor_name, note)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  /** How many vouchers have been written: the serial of the last voucher code. */
  get codeNo(): number {
    return this.#codeNo;
  }

  /** A voucher claimed at `claimedTs`, then through `steps`; returns its use-by instant. */
  addVoucher(input: {
    id: string;
    batch: BatchSpec;
    enterprise: SeedEnterprise;
    claimedTs: number;
    steps: VoucherStep[];
    engagementId: string | null;
  }): number {
    const random = this.#random;
    const { batch } = input;
    const useByTs = Math.min(input.claimedTs + batch.useWithinDays * DAY, batch.settleBy);
    const last = input.steps[input.steps.length - 1];
    const status = last?.status ?? 'issued';
    this.#codeNo++;
    const code = `${batch.prefix}-${String(this.#codeNo).padStart(5, '0')}${USCC_CHARS[random.int(0, USCC_CHARS.length - 1)]}`;
    const result = this.#insertVoucher.run({
      id: input.id,
      code,
      batch_seq: this.#batchSeq.get(batch.id),
      batch_id: batch.id,
      enterprise_id: input.enterprise.id,
      face_value: batch.faceValue,
      status,
      claimed_at: shanghaiDateTime(input.claimedTs),
      claimed_ts: input.claimedTs,
      use_by: shanghaiDateTime(useByTs),
      use_by_ts: useByTs,
      settle_by: shanghaiDateTime(batch.settleBy),
      engagement_id: input.engagementId,
      year: batch.year,
      updated_at: shanghaiDateTime(last?.ts ?? input.claimedTs),
    });
    const seq = Number(result.lastInsertRowid);
    this.#insertHistory.run(
      seq,
      'issued',
      shanghaiDateTime(input.claimedTs),
      'enterprise',
      input.enterprise.name,
      `领取${batch.name}`,
    );
    for (const step of input.steps) {
      this.#insertHistory.run(seq, step.status, shanghaiDateTime(step.ts), step.actor.role, step.actor.name, step.note);
    }
    if (status !== 'withdrawn') {
      this.active.set(batch.id, (this.active.get(batch.id) ?? 0) + 1);
      this.holds.add(`${batch.id} ${input.enterprise.id}`);
    }
    return useByTs;
  }

  /** An engagement through `path` (ordered first), every step after the one before; returns its last time. */
  addEngagement(input: {
    id: string;
    enterprise: SeedEnterprise;
    enterpriseActor: Actor;
    product: SeedProduct;
    createdTs: number;
    path: PathStep[];
    voucher: { id: string; batch: BatchSpec } | null;
  }) {
    const random = this.#random;
    const contract = Math.max(100_000, Math.round((input.product.price || random.int(2000, 30000) * 100) / 100) * 100);
    let voucherAmount = 0;
    if (input.voucher) {
      const key = `${input.enterprise.id} ${input.voucher.batch.year}`;
      const used = this.#capUsed.get(key) ?? 0;
      voucherAmount = voucherPayment({
        faceValue: input.voucher.batch.faceValue,
        maxCoverage: input.voucher.batch.coverage,
        contractAmount: contract,
        capLeft: input.voucher.batch.cap - used,
      }).voucherAmount;
      this.#capUsed.set(key, used + voucherAmount);
    }
    const providerActor: Actor = {
      role: 'provider',
      name: this.#actors.providerUserName.get(input.product.provider_id) ?? `${input.product.provider_name} 项目负责人`,
    };
    const admin: Actor = { role: 'admin', name: this.#actors.adminName(input.enterprise.region_code) };
    const entries: TimelineEntry[] = [];
    let ts = input.createdTs;
    let acceptedTs: number | null = null;
    for (const step of input.path) {
      const next = ts + step.gapDays * DAY + random.int(1, 6) * HOUR;
      // Nothing happens after the as-of instant: an engagement of the last weeks is still under way.
      if (next > this.#asOf - HOUR) break;
      ts = next;
      const actor =
        step.status === 'closed'
          ? admin
          : step.status === 'cancelled' || step.accepted
            ? input.enterpriseActor
            : providerActor;
      const note =
        step.status === 'confirmed'
          ? '服务机构已确认订单'
          : step.status === 'inProgress'
            ? '服务机构开始服务'
            : step.status === 'delivered'
              ? step.accepted
                ? '企业已验收'
                : '服务机构已交付'
              : step.status === 'closed'
                ? '服务中心已结算'
                : '企业取消订单';
      if (step.accepted) acceptedTs = ts;
      entries.push({ status: step.status, ts, actor, note });
    }
    const status = entries[entries.length - 1]?.status ?? 'ordered';
    const result = this.#insertEngagement.run({
      id: input.id,
      enterprise_id: input.enterprise.id,
      enterprise_name: input.enterprise.name,
      enterprise_region_code: input.enterprise.region_code,
      provider_id: input.product.provider_id,
      provider_name: input.product.provider_name,
      product_id: input.product.id,
      product_name: input.product.name,
      category_id: input.product.category_id,
      voucher_id: input.voucher?.id ?? null,
      contract_amount: contract,
      voucher_amount: voucherAmount,
      self_paid: contract - voucherAmount,
      status,
      accepted_at: acceptedTs === null ? null : shanghaiDateTime(acceptedTs),
      created_at: shanghaiDateTime(input.createdTs),
      created_ts: input.createdTs,
      updated_at: shanghaiDateTime(ts),
    });
    const seq = Number(result.lastInsertRowid);
    this.#insertTimeline.run(
      seq,
      'ordered',
      shanghaiDateTime(input.createdTs),
      input.enterpriseActor.role,
      input.enterpriseActor.name,
      `${input.product.name}：合同金额 ¥${(contract / 100).toFixed(2)}`,
    );
    for (const entry of entries) {
      this.#insertTimeline.run(
        seq,
        entry.status,
        shanghaiDateTime(entry.ts),
        entry.actor.role,
        entry.actor.name,
        entry.note,
      );
    }
    return { entries, acceptedTs, providerActor, admin };
  }
}

/** The voucher's steps that follow its engagement's. */
export function voucherSteps(
  createdTs: number,
  engagementId: string,
  productName: string,
  enterpriseActor: Actor,
  entries: readonly TimelineEntry[],
): VoucherStep[] {
  const steps: VoucherStep[] = [
    {
      status: 'ordered',
      ts: createdTs,
      actor: enterpriseActor,
      note: `用于服务项目 ${engagementId}（${productName}）`,
    },
  ];
  for (const entry of entries) {
    const status: VoucherStatus | null =
      entry.status === 'confirmed'
        ? 'confirmed'
        : entry.status === 'delivered' && entry.note === '企业已验收'
          ? 'delivered'
          : entry.status === 'closed'
            ? 'settled'
            : null;
    if (status) steps.push({ status, ts: entry.ts, actor: entry.actor, note: entry.note });
  }
  return steps;
}
