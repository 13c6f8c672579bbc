// The batch form's values and rules, apart from its markup so that they are tested without a browser: the shared
// rules (rules/voucher-batch.ts) the server checks with, amounts typed in yuan, times as Asia/Shanghai minutes.
import type { VoucherBatch, VoucherBatchInput, VoucherBatchPatch } from '@smec/schemas';
import {
  BATCH_QUOTA_MAX,
  BATCH_USE_WITHIN_MAX,
  ENTERPRISE_SIZES,
  batchRefusals,
  isRegionCode,
  isRegionWithin,
  parseYuan,
  type BatchMessageKey,
  type MoneyProblem,
} from '@smec/schemas/rules';
import { instantOf, parseCount, shanghaiMinute } from './event-values.js';

export const BATCH_TEXT_FIELDS = [
  'name',
  'year',
  'faceValue',
  'quota',
  'annualCapPerEnterprise',
  'maxCoverage',
  'useWithinDays',
  'claimOpensAt',
  'claimClosesAt',
  'settleBy',
  'regionCodes',
] as const;
export type BatchTextField = (typeof BATCH_TEXT_FIELDS)[number];

export const BATCH_CHOICE_FIELDS = ['sizes', 'tags', 'categoryIds'] as const;
export type BatchChoiceField = (typeof BATCH_CHOICE_FIELDS)[number];

/**
 * The form's fields in its order (the error summary lists them so): first what may change once the batch has
 * opened, then the terms frozen from then on.
 */
export const BATCH_FIELDS = [
  'name',
  'quota',
  'claimClosesAt',
  'year',
  'regionCodes',
  'sizes',
  'tags',
  'categoryIds',
  'faceValue',
  'annualCapPerEnterprise',
  'maxCoverage',
  'claimOpensAt',
  'useWithinDays',
  'settleBy',
] as const satisfies readonly (BatchTextField | BatchChoiceField)[];
export type BatchField = (typeof BATCH_FIELDS)[number];

/** What can still change once a batch has opened: the other terms are frozen (rules/voucher-batch.ts). */
export const BATCH_OPEN_FIELDS: readonly BatchField[] = ['name', 'quota', 'claimClosesAt'];

/** What the form holds: every text as typed (yuan, whole numbers, `2027-03-01T09:00`), the choices ticked. */
export type BatchValues = Record<BatchTextField, string> & Record<BatchChoiceField, readonly string[]>;

/** A shared rule's key, a typed amount that is none, or a number, time or region code that is not one. */
export type BatchProblem = BatchMessageKey | MoneyProblem | 'number' | 'time' | 'region';

const TIME_FIELDS = ['claimOpensAt', 'claimClosesAt', 'settleBy'] as const;
const MONEY_FIELDS = ['faceValue', 'annualCapPerEnterprise'] as const;
/** The keys whose rule compares times: not said while a time is not one yet. */
const WINDOW_KEYS: readonly BatchMessageKey[] = [
  'batch.window.order',
  'batch.settleBy.afterWindow',
  'batch.year.window',
];

/** A new batch's form: this year, every size, half a contract at most, 90 days to use a voucher. */
export function emptyBatch(year: number): BatchValues {
  return {
    name: '',
    year: String(year),
    faceValue: '',
    quota: '',
    annualCapPerEnterprise: '',
    maxCoverage: '50',
    useWithinDays: '90',
    claimOpensAt: '',
    claimClosesAt: '',
    settleBy: '',
    regionCodes: '',
    sizes: [...ENTERPRISE_SIZES],
    tags: [],
    categoryIds: [],
  };
}

/** Fen as the yuan a person types back: `500000` → `5000`, `12345` → `123.45`. */
export function yuanText(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

export function valuesOfBatch(batch: VoucherBatch): BatchValues {
  return {
    name: batch.name,
    year: String(batch.year),
    faceValue: yuanText(batch.faceValue),
    quota: String(batch.quota),
    annualCapPerEnterprise: yuanText(batch.annualCapPerEnterprise),
    maxCoverage: String(batch.maxCoverage),
    useWithinDays: String(batch.useWithinDays),
    claimOpensAt: shanghaiMinute(batch.claimOpensAt),
    claimClosesAt: shanghaiMinute(batch.claimClosesAt),
    settleBy: shanghaiMinute(batch.settleBy),
    regionCodes: batch.eligibility.regionCodes.join(', '),
    sizes: batch.eligibility.sizes,
    tags: batch.eligibility.tags,
    categoryIds: batch.categoryIds,
  };
}

/** The codes typed for the scope, separated by commas, 顿号 or spaces. */
export function scopeCodes(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

function fen(text: string): number {
  const value = parseYuan(text);
  return typeof value === 'number' ? value : Number.NaN;
}

/**
 * The rule each field breaks, by the shared rules once the numbers and times read; `issuerRegion` (the staff
 * member's center) bounds the scope, and the platform checks that each code exists.
 */
export function batchProblems(values: BatchValues, issuerRegion?: string): Partial<Record<BatchField, BatchProblem>> {
  const problems: Partial<Record<BatchField, BatchProblem>> = {};
  for (const field of MONEY_FIELDS) {
    const value = parseYuan(values[field]);
    if (typeof value !== 'number') problems[field] = value;
  }
  const numbers = {
    year: parseCount(values.year, 2100),
    quota: parseCount(values.quota, BATCH_QUOTA_MAX),
    maxCoverage: parseCount(values.maxCoverage, 100),
    useWithinDays: parseCount(values.useWithinDays, BATCH_USE_WITHIN_MAX),
  };
  if (!(numbers.year >= 2000)) problems.year = 'number';
  for (const field of TIME_FIELDS) if (!instantOf(values[field])) problems[field] = 'time';
  const codes = scopeCodes(values.regionCodes);
  if (codes.some((code) => !isRegionCode(code))) problems.regionCodes = 'region';
  const timesRead = TIME_FIELDS.every((field) => !problems[field]);
  const refusals = batchRefusals(
    {
      name: values.name,
      year: numbers.year,
      faceValue: fen(values.faceValue),
      quota: numbers.quota,
      annualCapPerEnterprise: fen(values.annualCapPerEnterprise),
      maxCoverage: numbers.maxCoverage,
      useWithinDays: numbers.useWithinDays,
      claimOpensAt: instantOf(values.claimOpensAt) ?? '',
      claimClosesAt: instantOf(values.claimClosesAt) ?? '',
      settleBy: instantOf(values.settleBy) ?? '',
      eligibility: { sizes: values.sizes, regionCodes: problems.regionCodes ? [] : codes },
    },
    {
      exists: isRegionCode,
      withinIssuer: (code) => !issuerRegion || isRegionWithin(code, issuerRegion),
    },
  );
  for (const { path, key } of refusals) {
    if (!timesRead && WINDOW_KEYS.includes(key)) continue;
    const field = batchFieldOf(path);
    if (field) problems[field] ??= key;
  }
  return problems;
}

/** What `POST /voucher-batches` gets from a form without problems. */
export function batchInputOf(values: BatchValues): VoucherBatchInput {
  const codes = scopeCodes(values.regionCodes);
  return {
    name: values.name.trim(),
    year: parseCount(values.year, 2100),
    faceValue: fen(values.faceValue),
    quota: parseCount(values.quota, BATCH_QUOTA_MAX),
    annualCapPerEnterprise: fen(values.annualCapPerEnterprise),
    maxCoverage: parseCount(values.maxCoverage, 100),
    useWithinDays: parseCount(values.useWithinDays, BATCH_USE_WITHIN_MAX),
    claimOpensAt: instantOf(values.claimOpensAt)!,
    claimClosesAt: instantOf(values.claimClosesAt)!,
    settleBy: instantOf(values.settleBy)!,
    eligibility: {
      sizes: [...values.sizes] as VoucherBatchInput['eligibility']['sizes'],
      tags: [...values.tags] as NonNullable<VoucherBatchInput['eligibility']['tags']>,
      ...(codes.length > 0 ? { regionCodes: codes } : {}),
    },
    categoryIds: [...values.categoryIds] as NonNullable<VoucherBatchInput['categoryIds']>,
  };
}

/**
 * What `PATCH /voucher-batches/{id}` gets: every term of a draft; of an opened batch only what may still change
 * (its name, quota and the window's end), so a frozen term is never sent back.
 */
export function batchPatchOf(values: BatchValues, batch: Pick<VoucherBatch, 'status'>): VoucherBatchPatch {
  const input = batchInputOf(values);
  if (batch.status === 'draft') return input;
  return { name: input.name, quota: input.quota, claimClosesAt: input.claimClosesAt };
}

/** The form's field a path of the platform's refusal names (`body.eligibility.regionCodes.0` → `regionCodes`). */
export function batchFieldOf(path: string): BatchField | undefined {
  const parts = path.replace(/^body\./, '').split('.');
  const name = parts[0] === 'eligibility' ? parts[1] : parts[0];
  return BATCH_FIELDS.find((field) => field === name);
}
