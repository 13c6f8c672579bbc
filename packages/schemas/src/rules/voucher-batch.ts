// Zod-free rules of a center's voucher batch (DOMAIN.md, VoucherBatch): the terms a batch is issued on, checked alike
// by the server when a batch is created, changed or opened and by any editor that shows what is still wrong. Each
// check answers the message keys of its refusals, each with the field it names.

/** draft (not public) → open (claims from its window) → paused ⇄ open → closed (final). */
export const BATCH_STATUSES = ['draft', 'open', 'paused', 'closed'] as const;
export type BatchStatusName = (typeof BATCH_STATUSES)[number];

export const BATCH_ACTIONS = ['open', 'pause', 'close'] as const;
export type BatchActionName = (typeof BATCH_ACTIONS)[number];

/** The statuses each action may start from, and the one it leads to. */
export const BATCH_MOVES: Readonly<Record<BatchActionName, { from: readonly BatchStatusName[]; to: BatchStatusName }>> =
  {
    open: { from: ['draft', 'paused'], to: 'open' },
    pause: { from: ['open'], to: 'paused' },
    close: { from: ['open', 'paused'], to: 'closed' },
  };

/**
 * The terms a claimant and a holder rely on: once a batch has been opened they stay as they were announced (先到先得、
 * 总额控制: the rules of the race do not change during it). Its name, its quota (never below the vouchers issued)
 * and the end of its claim window may still change.
 */
export const BATCH_FROZEN_FIELDS = [
  'year',
  'faceValue',
  'annualCapPerEnterprise',
  'maxCoverage',
  'useWithinDays',
  'claimOpensAt',
  'settleBy',
  'eligibility',
  'categoryIds',
] as const;
export type BatchFrozenField = (typeof BATCH_FROZEN_FIELDS)[number];

export const BATCH_NAME_MAX = 60;
export const BATCH_QUOTA_MAX = 1_000_000;
/** ¥1,000,000 in fen: above any voucher's face value or yearly cap. */
export const BATCH_MONEY_MAX = 100_000_000;
export const BATCH_USE_WITHIN_MAX = 730;
export const BATCH_REGIONS_MAX = 50;

export type BatchMessageKey =
  | 'batch.name.required'
  | 'batch.faceValue.range'
  | 'batch.quota.range'
  | 'batch.cap.range'
  | 'batch.cap.belowFace'
  | 'batch.coverage.range'
  | 'batch.useWithin.range'
  | 'batch.window.order'
  | 'batch.settleBy.afterWindow'
  | 'batch.year.window'
  | 'batch.sizes.required'
  | 'batch.regions.unknown'
  | 'batch.regions.outside'
  | 'batch.regions.tooMany';

/** A batch's terms as an editor or the server holds them (the input's names). */
export interface BatchTerms {
  readonly name: string;
  readonly year: number;
  readonly faceValue: number;
  readonly quota: number;
  readonly annualCapPerEnterprise: number;
  readonly maxCoverage: number;
  readonly useWithinDays: number;
  readonly claimOpensAt: string;
  readonly claimClosesAt: string;
  readonly settleBy: string;
  readonly eligibility: { readonly sizes: readonly string[]; readonly regionCodes: readonly string[] };
}

/** What the region checks need: whether a code exists, and whether it lies within the issuer's region. */
export interface BatchRegionCheck {
  readonly exists: (code: string) => boolean;
  readonly withinIssuer: (code: string) => boolean;
}

export interface BatchRefusal {
  readonly path: string;
  readonly key: BatchMessageKey;
}

const between = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** The year of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiYear(instant: string): number {
  return new Date(Date.parse(instant) + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Every rule a batch's terms break, in the order of the form: amounts in range, a yearly cap at least one voucher's
 * face value, a claim window that closes after it opens, a settle-by after the window, a year the window lies in,
 * at least one enterprise size, and a scope of existing regions within the issuer's.
 */
export function batchRefusals(terms: BatchTerms, regions: BatchRegionCheck): BatchRefusal[] {
  const refusals: BatchRefusal[] = [];
  const refuse = (path: string, key: BatchMessageKey) => refusals.push({ path, key });
  if (terms.name.trim() === '' || terms.name.length > BATCH_NAME_MAX) refuse('name', 'batch.name.required');
  if (!between(terms.faceValue, 100, BATCH_MONEY_MAX)) refuse('faceValue', 'batch.faceValue.range');
  if (!between(terms.quota, 1, BATCH_QUOTA_MAX)) refuse('quota', 'batch.quota.range');
  if (!between(terms.annualCapPerEnterprise, 100, BATCH_MONEY_MAX)) {
    refuse('annualCapPerEnterprise', 'batch.cap.range');
  } else if (terms.annualCapPerEnterprise < terms.faceValue) {
    refuse('annualCapPerEnterprise', 'batch.cap.belowFace');
  }
  if (!between(terms.maxCoverage, 1, 100)) refuse('maxCoverage', 'batch.coverage.range');
  if (!between(terms.useWithinDays, 1, BATCH_USE_WITHIN_MAX)) refuse('useWithinDays', 'batch.useWithin.range');
  const opens = Date.parse(terms.claimOpensAt);
  const closes = Date.parse(terms.claimClosesAt);
  if (!(closes > opens)) refuse('claimClosesAt', 'batch.window.order');
  if (!(Date.parse(terms.settleBy) > closes)) refuse('settleBy', 'batch.settleBy.afterWindow');
  if (terms.year !== shanghaiYear(terms.claimOpensAt) && terms.year !== shanghaiYear(terms.claimClosesAt)) {
    refuse('year', 'batch.year.window');
  }
  if (terms.eligibility.sizes.length === 0) refuse('eligibility.sizes', 'batch.sizes.required');
  if (terms.eligibility.regionCodes.length > BATCH_REGIONS_MAX)
    refuse('eligibility.regionCodes', 'batch.regions.tooMany');
  terms.eligibility.regionCodes.forEach((code, index) => {
    if (!regions.exists(code)) refuse(`eligibility.regionCodes.${index}`, 'batch.regions.unknown');
    else if (!regions.withinIssuer(code)) refuse(`eligibility.regionCodes.${index}`, 'batch.regions.outside');
  });
  return refusals;
}

/** The frozen terms a change of an opened batch would alter (compared as JSON: arrays and objects alike). */
export function frozenChanges(
  current: Readonly<Record<BatchFrozenField, unknown>>,
  patch: Readonly<Partial<Record<string, unknown>>>,
): BatchFrozenField[] {
  return BATCH_FROZEN_FIELDS.filter(
    (field) => patch[field] !== undefined && JSON.stringify(patch[field]) !== JSON.stringify(current[field]),
  );
}
