// The seeded service-voucher batches, every date relative to the seed's as-of instant (whole days from its Shanghai
// day, D below; Y is its year).
//
// Batch ids are stable and name the batch's role, not its year (names, `year`, code prefixes carry the year the
// batch opens in):
//   vbt-prev-440000      last year's batch (Y−1): closed, still being settled (settles 45 days after D)
//   vbt-old-440000       an older province batch (D−520 … D−460): closed and settled; the demo's expired vouchers
//   vbt-old-440600       an older Foshan batch (D−480 … D−420): closed and settled
//   vbt-closed-440000    a province batch of D−300 … D−150: closed
//   vbt-closed-440000-q  a quarter batch of D−120 … D−30: closed, its vouchers still usable
//   vbt-open-440000-a    the standing province batch, open D−330 … D+400
//   vbt-open-440000-b    the specialised-SME batch (tags), open as -a
//   vbt-open-440000-c    digitalisation only, open as -a, unclaimed by the demo users: the claim example
//   vbt-open-440000-d    quality, IP and R&D categories, open as -a
//   vbt-open-440600      Foshan's micro and small enterprises, open as -a
//   vbt-exhausted-440100 Guangzhou's, open but used up (quota = the vouchers claimed)
//   vbt-next-440000      upcoming: opens 7 days after D, closes D+190
import type { EnterpriseTag } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';
import { dayStart, shanghaiDateTime, shanghaiYear, yearStart } from '../time/shanghai.js';

/** The unclaimed open batch of the claim example. */
export const CLAIMABLE_BATCH_ID = 'vbt-open-440000-c';
/** The batches by role (see the top of the file): stable ids for tests, docs and examples. */
export const SEED_BATCHES = {
  /** Last year's, closed, being settled. */
  previousYear: 'vbt-prev-440000',
  /** Closed and settled. */
  old: 'vbt-old-440000',
  /** Closed. */
  closed: 'vbt-closed-440000',
  /** Open now, for every enterprise of the province. */
  open: 'vbt-open-440000-a',
  claimable: CLAIMABLE_BATCH_ID,
  /** Open now, for Foshan's micro and small enterprises. */
  foshan: 'vbt-open-440600',
  /** Open but used up. */
  exhausted: 'vbt-exhausted-440100',
  /** Opens 7 days after the as-of day. */
  upcoming: 'vbt-next-440000',
} as const;
export const UPCOMING_BATCH_ID = SEED_BATCHES.upcoming;

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type Size = 'micro' | 'small' | 'medium';

export interface BatchSpec {
  id: string;
  name: string;
  year: number;
  issuerRegion: string;
  prefix: string;
  faceValue: number;
  quota: number;
  opens: number;
  closes: number;
  sizes: Size[];
  tags: EnterpriseTag[];
  regions: string[];
  categories: string[];
  cap: number;
  coverage: number;
  useWithinDays: number;
  settleBy: number;
}

const ALL_SIZES: Size[] = ['micro', 'small', 'medium'];

/**
 * The batches relative to the as-of instant (see the top of the file): claim windows open at 09:00 and close at 17:00
 * on whole days from the as-of day, and each is named by the year it opens in.
 */
export function seedBatches(asOf: number): BatchSpec[] {
  const opensAt = (offset: number) => dayStart(asOf, offset) + 9 * HOUR;
  const closesAt = (offset: number) => dayStart(asOf, offset) + 17 * HOUR;
  const year = shanghaiYear(asOf);
  // Last year's batch opens in year Y−1 whatever the as-of day: about a year before it, on 2 January at the earliest.
  const previousOpens = Math.max(opensAt(-370), yearStart(year - 1, 1) + 9 * HOUR);
  const previousDay = Math.round((dayStart(previousOpens) - dayStart(asOf)) / DAY);
  const batch = (
    id: string,
    title: string,
    issuerRegion: string,
    serial: string,
    window: { opens: number; closes: number; useWithinDays: number; settles: number },
    rest: Pick<BatchSpec, 'faceValue' | 'quota' | 'sizes' | 'tags' | 'categories' | 'cap' | 'coverage'>,
  ): BatchSpec => {
    const opens = opensAt(window.opens);
    const opensYear = shanghaiYear(opens);
    return {
      id,
      name: `${opensYear}年${title}`,
      year: opensYear,
      issuerRegion,
      prefix: `${serial.slice(0, 3)}${opensYear}-${serial.slice(3)}`,
      opens,
      closes: closesAt(window.closes),
      useWithinDays: window.useWithinDays,
      settleBy: closesAt(window.settles),
      regions: [issuerRegion],
      ...rest,
    };
  };
  const province = { sizes: ALL_SIZES, tags: [], categories: [], cap: 5_000_000, coverage: 50 };
  const standing = { opens: -330, closes: 400, useWithinDays: 730, settles: 800 };
  return [
    batch(
      'vbt-old-440000',
      '广东省中小微企业服务券（第一批）',
      '440000',
      'GDQ0001',
      { opens: -520, closes: -460, useWithinDays: 90, settles: -300 },
      { ...province, faceValue: 500_000, quota: 3000, cap: 3_000_000 },
    ),
    batch(
      'vbt-old-440600',
      '佛山市中小企业服务券',
      '440600',
      'FSQ0001',
      { opens: -480, closes: -420, useWithinDays: 150, settles: -250 },
      { ...province, faceValue: 800_000, quota: 600, sizes: ['micro', 'small'], cap: 3_000_000, coverage: 60 },
    ),
    batch(
      SEED_BATCHES.previousYear,
      '广东省中小微企业服务券（年度批次）',
      '440000',
      'GDQ0002',
      { opens: previousDay, closes: previousDay + 58, useWithinDays: 365, settles: 45 },
      { ...province, faceValue: 1_000_000, quota: 3000, cap: 3_000_000 },
    ),
    batch(
      SEED_BATCHES.closed,
      '广东省中小微企业服务券（限时批次）',
      '440000',
      'GDQ0003',
      { opens: -300, closes: -150, useWithinDays: 180, settles: 120 },
      { ...province, faceValue: 1_000_000, quota: 4000 },
    ),
    batch(
      'vbt-closed-440000-q',
      '广东省中小微企业服务券（季度批次）',
      '440000',
      'GDQ0004',
      { opens: -120, closes: -30, useWithinDays: 150, settles: 210 },
      { ...province, faceValue: 600_000, quota: 3000 },
    ),
    batch(SEED_BATCHES.open, '广东省中小微企业服务券（常年批次）', '440000', 'GDQ0005', standing, {
      ...province,
      faceValue: 500_000,
      quota: 20000,
    }),
    batch('vbt-open-440000-b', '广东省专精特新中小企业服务券', '440000', 'GDQ0006', standing, {
      ...province,
      faceValue: 1_000_000,
      quota: 5000,
      tags: ['specialized', 'littleGiant', 'highTech', 'techSme'],
    }),
    batch(CLAIMABLE_BATCH_ID, '广东省中小企业数字化转型服务券', '440000', 'GDQ0007', standing, {
      ...province,
      faceValue: 800_000,
      quota: 5000,
      categories: ['digitalization'],
    }),
    batch('vbt-open-440000-d', '广东省质量品牌与知识产权服务券', '440000', 'GDQ0008', standing, {
      ...province,
      faceValue: 1_000_000,
      quota: 5000,
      categories: ['testing-certification', 'intellectual-property', 'technology-rd'],
    }),
    batch(SEED_BATCHES.foshan, '佛山市中小企业服务券', '440600', 'FSQ0002', standing, {
      ...province,
      faceValue: 1_000_000,
      quota: 2000,
      sizes: ['micro', 'small'],
      coverage: 60,
    }),
    batch(
      SEED_BATCHES.exhausted,
      '广州市中小企业服务券',
      '440100',
      'GZQ0001',
      { opens: -270, closes: 400, useWithinDays: 365, settles: 800 },
      // Set to the number of Guangzhou enterprises that claimed it: the batch is used up.
      { ...province, faceValue: 1_000_000, quota: 0 },
    ),
    batch(
      UPCOMING_BATCH_ID,
      '广东省中小微企业服务券（新一期）',
      '440000',
      'GDQ0009',
      { opens: 7, closes: 190, useWithinDays: 180, settles: 400 },
      { ...province, faceValue: 1_000_000, quota: 10000 },
    ),
  ];
}

/**
 * Writes the batches, each with its whole quota remaining (the seed takes off the vouchers it issues at the end);
 * gives back each batch's seq by id.
 */
export function insertBatches(
  sqlite: DatabaseHandle['sqlite'],
  batches: readonly BatchSpec[],
  issuerName: (regionCode: string | null) => string,
  stamp: string,
): Map<string, number> {
  const insertBatch = sqlite.prepare(
    `INSERT INTO voucher_batches (id, name, year, issuer_name, issuer_region_code, code_prefix, face_value, quota,
       remaining, claim_opens_at, opens_ts, claim_closes_at, closes_ts, sizes, tags, region_codes, category_ids,
       annual_cap, max_coverage, use_within_days, settle_by, settle_ts, updated_at)
     VALUES (@id, @name, @year, @issuer_name, @issuer_region_code, @code_prefix, @face_value, @quota, @quota,
       @claim_opens_at, @opens_ts, @claim_closes_at, @closes_ts, @sizes, @tags, @region_codes, @category_ids,
       @annual_cap, @max_coverage, @use_within_days, @settle_by, @settle_ts, @updated_at)`,
  );
  const batchSeq = new Map<string, number>();
  for (const batch of batches) {
    const result = insertBatch.run({
      id: batch.id,
      name: batch.name,
      year: batch.year,
      issuer_name: issuerName(batch.issuerRegion === '440000' ? null : batch.issuerRegion),
      issuer_region_code: batch.issuerRegion,
      code_prefix: batch.prefix,
      face_value: batch.faceValue,
      quota: batch.quota,
      claim_opens_at: shanghaiDateTime(batch.opens),
      opens_ts: batch.opens,
      claim_closes_at: shanghaiDateTime(batch.closes),
      closes_ts: batch.closes,
      sizes: JSON.stringify(batch.sizes),
      tags: JSON.stringify(batch.tags),
      region_codes: JSON.stringify(batch.regions),
      category_ids: JSON.stringify(batch.categories),
      annual_cap: batch.cap,
      max_coverage: batch.coverage,
      use_within_days: batch.useWithinDays,
      settle_by: shanghaiDateTime(batch.settleBy),
      settle_ts: batch.settleBy,
      updated_at: stamp,
    });
    batchSeq.set(batch.id, Number(result.lastInsertRowid));
  }
  return batchSeq;
}
