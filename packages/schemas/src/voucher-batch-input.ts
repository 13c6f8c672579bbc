// What a center's staff send of a voucher batch: a new draft, a change (If-Match), a move, and a voucher's revocation.
// The shapes and bounds are checked here (400); the rules between fields (rules/voucher-batch.ts) by the server (422).
import { describeTextLimit, textCap } from './bounds.js';
import { DateTime, RegionCode } from './common.js';
import { CategoryId } from './reference.js';
import { EnterpriseSize, EnterpriseTag } from './voucher.js';
import {
  BATCH_ACTIONS,
  BATCH_MONEY_MAX,
  BATCH_NAME_MAX,
  BATCH_QUOTA_MAX,
  BATCH_REGIONS_MAX,
  BATCH_USE_WITHIN_MAX,
} from './rules/voucher-batch.js';
import { CATEGORY_IDS } from './rules/catalog.js';
import { ENTERPRISE_SIZES, ENTERPRISE_TAGS } from './rules/voucher.js';
import * as z from './zod.js';

/** An instant as sent: its fraction of a second bounded, so the text is. */
const Instant = DateTime.check(z.maxLength(35));
const Name = z.string().check(textCap(BATCH_NAME_MAX, 'batch.name.required'), describeTextLimit(BATCH_NAME_MAX));
const Money = (key: string) =>
  z.int({ error: key }).check(z.minimum(100, { error: key }), z.maximum(BATCH_MONEY_MAX, { error: key }));

export const BatchEligibilityInput = z.object({
  sizes: z.array(EnterpriseSize).check(z.maxLength(ENTERPRISE_SIZES.length)),
  /** Empty: any enterprise of an eligible size; else it must hold one of them. */
  tags: z.optional(z.array(EnterpriseTag).check(z.maxLength(ENTERPRISE_TAGS.length))),
  /** The scope, within the issuer's region; left out: the issuer's whole region. */
  regionCodes: z.optional(z.array(RegionCode).check(z.maxLength(BATCH_REGIONS_MAX))),
});
export type BatchEligibilityInput = z.infer<typeof BatchEligibilityInput>;

const TERMS = {
  name: Name,
  year: z.int().check(z.minimum(2000), z.maximum(2100)),
  faceValue: Money('batch.faceValue.range'),
  quota: z
    .int({ error: 'batch.quota.range' })
    .check(z.minimum(1, { error: 'batch.quota.range' }), z.maximum(BATCH_QUOTA_MAX, { error: 'batch.quota.range' })),
  annualCapPerEnterprise: Money('batch.cap.range'),
  maxCoverage: z
    .int({ error: 'batch.coverage.range' })
    .check(z.minimum(1, { error: 'batch.coverage.range' }), z.maximum(100, { error: 'batch.coverage.range' })),
  useWithinDays: z
    .int({ error: 'batch.useWithin.range' })
    .check(
      z.minimum(1, { error: 'batch.useWithin.range' }),
      z.maximum(BATCH_USE_WITHIN_MAX, { error: 'batch.useWithin.range' }),
    ),
  claimOpensAt: Instant,
  claimClosesAt: Instant,
  settleBy: Instant,
  eligibility: BatchEligibilityInput,
  /** Empty or left out: a voucher of the batch pays for any category. */
  categoryIds: z.optional(z.array(CategoryId).check(z.maxLength(CATEGORY_IDS.length))),
};

/**
 * A new batch, a draft of the signed-in staff member's center (the issuer): not public until opened. Amounts are fen;
 * `maxCoverage` is a percentage of the contract.
 */
export const VoucherBatchInput = z.object(TERMS);
export type VoucherBatchInput = z.infer<typeof VoucherBatchInput>;

/** A change of some terms; once the batch has opened only its name, quota and claim window's end may change. */
export const VoucherBatchPatch = z.object({
  name: z.optional(TERMS.name),
  year: z.optional(TERMS.year),
  faceValue: z.optional(TERMS.faceValue),
  quota: z.optional(TERMS.quota),
  annualCapPerEnterprise: z.optional(TERMS.annualCapPerEnterprise),
  maxCoverage: z.optional(TERMS.maxCoverage),
  useWithinDays: z.optional(TERMS.useWithinDays),
  claimOpensAt: z.optional(Instant),
  claimClosesAt: z.optional(Instant),
  settleBy: z.optional(Instant),
  eligibility: z.optional(BatchEligibilityInput),
  categoryIds: z.optional(z.array(CategoryId).check(z.maxLength(CATEGORY_IDS.length))),
});
export type VoucherBatchPatch = z.infer<typeof VoucherBatchPatch>;

/** open (a draft or a paused batch), pause (an open one), close (for good). */
export const VoucherBatchTransition = z.object({
  action: z.enum(BATCH_ACTIONS),
  note: z.optional(z.string().check(textCap(200, 'invalid'), describeTextLimit(200))),
});
export type VoucherBatchTransition = z.infer<typeof VoucherBatchTransition>;

/** Why a voucher is revoked (fraud): the reason goes on its history. */
export const VoucherRevokeInput = z.object({
  reason: z.string().check(
    textCap(200, 'invalid'),
    z.refine((value) => value.trim().length >= 2, { error: 'invalid' }),
    describeTextLimit(200),
  ),
});
export type VoucherRevokeInput = z.infer<typeof VoucherRevokeInput>;
