import { describeTextLimit, textCap } from './bounds.js';
import { DateTime, Fen, Id, RegionCode, pageOf } from './common.js';
import { CategoryId } from './reference.js';
import { OrderedProduct } from './ordered-product.js';
import { EngagementProof } from './settlement.js';
import {
  ENGAGEMENT_PAYERS,
  ENGAGEMENT_STATUSES,
  ENTERPRISE_SIZES,
  ENTERPRISE_TAGS,
  VOUCHER_STATUSES,
  type VoucherLimit,
} from './rules/voucher.js';
import { BATCH_STATUSES } from './rules/voucher-batch.js';
import * as z from './zod.js';

export const EnterpriseSize = z.enum(ENTERPRISE_SIZES);
export type EnterpriseSize = z.infer<typeof EnterpriseSize>;

export const EnterpriseTag = z.enum(ENTERPRISE_TAGS);
export type EnterpriseTag = z.infer<typeof EnterpriseTag>;

/** Where a batch's claim window stands now: before it opens, open with quota left, used up, or past its close. */
export const BatchClaimState = z.enum(['upcoming', 'open', 'exhausted', 'closed']);
export type BatchClaimState = z.infer<typeof BatchClaimState>;

/**
 * Where the issuing center has put the batch: `draft` (seen only by its staff), `open` (claims within its window),
 * `paused` or `closed` (no claims; `claimState` is then `closed`).
 */
export const BatchStatus = z.enum(BATCH_STATUSES);
export type BatchStatus = z.infer<typeof BatchStatus>;

/**
 * A batch of service vouchers (中小微企业服务券) issued by a center: first come first served until `remaining` is 0,
 * void at expiry (先到先得、总额控制、用完为止、期满作废). `maxCoverage` is the largest share of a contract a voucher
 * pays, in percent (50 = half). Eligibility: the enterprise's size is one of `sizes`; if `tags` is not empty, it holds
 * at least one of them; its region lies within one of `regionCodes`. `categoryIds` empty means any category.
 */
export const VoucherBatch = z.object({
  id: Id,
  name: z.string(),
  year: z.int().check(z.minimum(2000), z.maximum(2100)),
  issuer: z.object({ name: z.string(), regionCode: RegionCode }),
  faceValue: Fen,
  quota: z.int().check(z.minimum(1)),
  remaining: z.int().check(z.minimum(0)),
  claimOpensAt: DateTime,
  claimClosesAt: DateTime,
  claimState: BatchClaimState,
  status: BatchStatus,
  /** Counts its center's changes and moves: `"<id>.r<revision>"` is the ETag a change sends as `If-Match`. */
  revision: z.int().check(z.minimum(0)),
  eligibility: z.object({
    sizes: z.array(EnterpriseSize),
    tags: z.array(EnterpriseTag),
    regionCodes: z.array(RegionCode),
  }),
  categoryIds: z.array(CategoryId),
  annualCapPerEnterprise: Fen,
  maxCoverage: z.int().check(z.minimum(1), z.maximum(100)),
  useWithinDays: z.int().check(z.minimum(1)),
  settleBy: DateTime,
});
export type VoucherBatch = z.infer<typeof VoucherBatch>;

export const VoucherBatchPage = pageOf(VoucherBatch);
export type VoucherBatchPage = z.infer<typeof VoucherBatchPage>;

export const VoucherStatus = z.enum(VOUCHER_STATUSES);
export type VoucherStatus = z.infer<typeof VoucherStatus>;

/** Who made a change: a person of a role, or the platform itself (`system`, e.g. the expiry sweep). */
export const Actor = z.object({
  role: z.enum(['enterprise', 'provider', 'admin', 'system']),
  name: z.string(),
});
export type Actor = z.infer<typeof Actor>;

/** One change of a voucher, appended and never edited. */
export const VoucherHistoryEntry = z.object({
  status: VoucherStatus,
  at: DateTime,
  actor: Actor,
  note: z.nullable(z.string()),
});
export type VoucherHistoryEntry = z.infer<typeof VoucherHistoryEntry>;

/** One enterprise's voucher, with the batch terms that govern it and its whole history (oldest first). */
export const Voucher = z.object({
  id: Id,
  /** The code printed on the voucher, e.g. `GDQ2026-0001-7K3M9P`. */
  code: z.string(),
  batchId: Id,
  batch: z.object({
    name: z.string(),
    issuerName: z.string(),
    maxCoverage: z.int().check(z.minimum(1), z.maximum(100)),
    categoryIds: z.array(CategoryId),
    annualCapPerEnterprise: Fen,
    /** The batch's year, whose yearly cap the voucher counts to (`voucherMoneyUsed`). */
    year: z.int().check(z.minimum(2000), z.maximum(2100)),
  }),
  enterpriseId: Id,
  faceValue: Fen,
  status: VoucherStatus,
  claimedAt: DateTime,
  /** The last moment the voucher can be used on an order; after it an unused voucher expires. */
  useBy: DateTime,
  /** The last moment the center settles an order paid with it. */
  settleBy: DateTime,
  /** The engagement the voucher paid for, once used. */
  engagementId: z.nullable(Id),
  history: z.array(VoucherHistoryEntry),
});
export type Voucher = z.infer<typeof Voucher>;

export const VoucherPage = pageOf(Voucher);
export type VoucherPage = z.infer<typeof VoucherPage>;

/**
 * An engagement (服务项目): an enterprise buys a product from a provider. ordered → confirmed (provider) →
 * inProgress (provider started) → delivered (provider delivered; `acceptedAt` set once the enterprise accepts) →
 * closed (settled by the center, or closed without a voucher); or cancelled before confirmation.
 * `voucherAmount` = min(face value, maxCoverage % of `contractAmount`, what is left of the yearly cap); `selfPaid` is
 * the rest. No change is given.
 */
export const EngagementStatus = z.enum(ENGAGEMENT_STATUSES);
export type EngagementStatus = z.infer<typeof EngagementStatus>;

/** What pays the engagement: `voucher` (the voucher its part, the enterprise the rest), `self`, or `free` (公益, 0). */
export const EngagementPaidBy = z.enum(ENGAGEMENT_PAYERS);
export type EngagementPaidBy = z.infer<typeof EngagementPaidBy>;

export const EngagementTimelineEntry = z.object({
  status: EngagementStatus,
  at: DateTime,
  actor: Actor,
  note: z.nullable(z.string()),
});
export type EngagementTimelineEntry = z.infer<typeof EngagementTimelineEntry>;

export const Engagement = z.object({
  id: Id,
  enterpriseId: Id,
  enterpriseName: z.string(),
  providerId: Id,
  providerName: z.string(),
  productId: Id,
  productName: z.string(),
  categoryId: CategoryId,
  voucherId: z.nullable(Id),
  contractAmount: Fen,
  voucherAmount: Fen,
  selfPaid: Fen,
  status: EngagementStatus,
  /** When the enterprise accepted the delivery; only then can the engagement be rated. */
  acceptedAt: z.nullable(DateTime),
  /** The rating the enterprise gave, once rated. */
  ratingId: z.nullable(Id),
  createdAt: DateTime,
  updatedAt: DateTime,
  timeline: z.array(EngagementTimelineEntry),
  /**
   * The product as ordered (its name, price and five publics at the version the catalog showed then), however the
   * provider changed it since; null for an engagement ordered before versions were kept.
   */
  orderedProduct: z.optional(z.nullable(OrderedProduct)),
  /** The contract and proofs of delivery the provider attached (to its parties and the centers of the region). */
  proofs: z.optional(z.array(EngagementProof)),
  /** Why the center last refused to settle it, until the provider adds proof again. */
  settlementRefusal: z.optional(z.nullable(z.string())),
  /** What pays it; `contractAmount` is 0 exactly when `free`. */
  paidBy: z.optional(EngagementPaidBy),
  /** The demand it serves, when the enterprise accepted a center's proposal for that demand. */
  demandId: z.optional(z.nullable(Id)),
});
export type Engagement = z.infer<typeof Engagement>;

export const EngagementPage = pageOf(Engagement);
export type EngagementPage = z.infer<typeof EngagementPage>;

/** Contract amounts are fen, at least ¥1 and at most ¥100,000,000. */
export const ContractAmount = z
  .int({ error: 'contract.amount' })
  .check(z.minimum(100, { error: 'contract.amount' }), z.maximum(10_000_000_000, { error: 'contract.amount' }));

/** A note to the provider on an order: up to 200 characters. */
const OrderNote = z.string().check(textCap(200, 'invalid'), describeTextLimit(200));

/**
 * Orders a published product (`POST /engagements`). A free (公益) product is ordered at 0 and takes no amount and no
 * voucher; a paid one at `contractAmount` (default: the product's price), which the provider confirms or corrects
 * with its `confirm`. `voucherId` pays part of it, as `POST /vouchers/{id}/use` does, when the product and the
 * voucher's batch allow it.
 */
export const EngagementOrderInput = z.object({
  productId: Id,
  contractAmount: z.optional(ContractAmount),
  voucherId: z.optional(Id),
  note: z.optional(OrderNote),
});
export type EngagementOrderInput = z.infer<typeof EngagementOrderInput>;

/** Uses a voucher on a published, voucher-eligible product for a contract amount (fen). */
export const VoucherUseInput = z.object({
  productId: Id,
  contractAmount: ContractAmount,
});
export type VoucherUseInput = z.infer<typeof VoucherUseInput>;

/**
 * What using a voucher would pay, computed by the server without ordering anything (`POST …/quote`): the same rules
 * as the use itself, so the form shows exactly what the order will say.
 */
export const VoucherQuote = z.object({
  contractAmount: Fen,
  voucherAmount: Fen,
  selfPaid: Fen,
  /** What the enterprise may still be paid by vouchers this year, before this use. */
  capLeft: Fen,
  /** Which rule limited `voucherAmount`: the face value, the coverage share, or the yearly cap. */
  limitedBy: z.enum(['faceValue', 'coverage', 'annualCap'] as const satisfies readonly VoucherLimit[]),
});
export type VoucherQuote = z.infer<typeof VoucherQuote>;

/** A change of an engagement. Provider: confirm (optionally with the agreed contract amount), start, deliver, cancel (decline) while ordered. Enterprise: accept a
 * delivery, cancel while ordered. Staff of the region: settle an accepted delivery (closes it), or refuse to settle it
 * with a reason (it stays delivered). */
export const EngagementTransition = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('confirm'),
    note: z.optional(z.string().check(z.maxLength(200))),
    /** The amount agreed with the enterprise, if not the one ordered; a voucher's part is computed again. */
    contractAmount: z.optional(ContractAmount),
  }),
  z.object({ action: z.literal('start'), note: z.optional(z.string().check(z.maxLength(200))) }),
  z.object({ action: z.literal('deliver'), note: z.optional(z.string().check(z.maxLength(200))) }),
  z.object({ action: z.literal('accept'), note: z.optional(z.string().check(z.maxLength(200))) }),
  z.object({ action: z.literal('settle'), note: z.optional(z.string().check(z.maxLength(200))) }),
  z.object({
    action: z.literal('refuseSettlement'),
    /** Why the center does not settle: the provider reads it on the timeline, adds proof, and it is queued again. */
    reason: z.string().check(
      textCap(200, 'invalid'),
      z.refine((value) => value.trim().length >= 2, { error: 'invalid' }),
      describeTextLimit(200),
    ),
  }),
  z.object({ action: z.literal('cancel'), note: z.optional(z.string().check(z.maxLength(200))) }),
]);
export type EngagementTransition = z.infer<typeof EngagementTransition>;
export type EngagementAction = EngagementTransition['action'];
