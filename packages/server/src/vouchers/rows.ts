import type {
  BatchClaimState,
  CategoryId,
  Engagement,
  EngagementPaidBy,
  EnterpriseSize,
  OrderedProduct,
  EnterpriseTag,
  Voucher,
  VoucherBatch,
} from '@smec/schemas';
import type { Selectable } from 'kysely';
import type {
  EngagementTable,
  EngagementTimelineTable,
  VoucherBatchTable,
  VoucherHistoryTable,
  VoucherTable,
} from '../db/schema.js';

export type BatchRow = Selectable<VoucherBatchTable>;
export type VoucherRow = Selectable<VoucherTable>;
export type HistoryRow = Selectable<VoucherHistoryTable>;
export type EngagementRow = Selectable<EngagementTable>;
export type TimelineRow = Selectable<EngagementTimelineTable>;

/** Where a batch's claim window stands at `now`; a batch its center paused or closed takes no claims: `closed`. */
export function claimStateOf(row: BatchRow, now: number): BatchClaimState {
  if (row.status === 'paused' || row.status === 'closed') return 'closed';
  if (now < row.opens_ts) return 'upcoming';
  if (now >= row.closes_ts) return 'closed';
  return row.remaining > 0 ? 'open' : 'exhausted';
}

export function batchOf(row: BatchRow, now: number): VoucherBatch {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    issuer: { name: row.issuer_name, regionCode: row.issuer_region_code },
    faceValue: row.face_value,
    quota: row.quota,
    remaining: row.remaining,
    claimOpensAt: row.claim_opens_at,
    claimClosesAt: row.claim_closes_at,
    claimState: claimStateOf(row, now),
    status: row.status,
    revision: row.revision,
    eligibility: {
      sizes: JSON.parse(row.sizes) as EnterpriseSize[],
      tags: JSON.parse(row.tags) as EnterpriseTag[],
      regionCodes: JSON.parse(row.region_codes) as string[],
    },
    categoryIds: JSON.parse(row.category_ids) as CategoryId[],
    annualCapPerEnterprise: row.annual_cap,
    maxCoverage: row.max_coverage,
    useWithinDays: row.use_within_days,
    settleBy: row.settle_by,
  };
}

export function voucherOf(row: VoucherRow, batch: BatchRow, history: readonly HistoryRow[]): Voucher {
  return {
    id: row.id,
    code: row.code,
    batchId: row.batch_id,
    batch: {
      name: batch.name,
      issuerName: batch.issuer_name,
      maxCoverage: batch.max_coverage,
      categoryIds: JSON.parse(batch.category_ids) as CategoryId[],
      annualCapPerEnterprise: batch.annual_cap,
      year: batch.year,
    },
    enterpriseId: row.enterprise_id,
    faceValue: row.face_value,
    status: row.status,
    claimedAt: row.claimed_at,
    useBy: row.use_by,
    settleBy: row.settle_by,
    engagementId: row.engagement_id,
    history: history.map((entry) => ({
      status: entry.status,
      at: entry.at,
      actor: { role: entry.actor_role, name: entry.actor_name },
      note: entry.note,
    })),
  };
}

export function engagementOf(
  row: EngagementRow,
  timeline: readonly TimelineRow[],
  orderedProduct: OrderedProduct | null = null,
): Engagement {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    providerId: row.provider_id,
    providerName: row.provider_name,
    productId: row.product_id,
    productName: row.product_name,
    categoryId: row.category_id as CategoryId,
    voucherId: row.voucher_id,
    contractAmount: row.contract_amount,
    voucherAmount: row.voucher_amount,
    selfPaid: row.self_paid,
    status: row.status,
    acceptedAt: row.accepted_at,
    ratingId: row.rating_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    timeline: timeline.map((entry) => ({
      status: entry.status,
      at: entry.at,
      actor: { role: entry.actor_role, name: entry.actor_name },
      note: entry.note,
    })),
    orderedProduct,
    // A new engagement has no proofs; a listed one gets its own (engagements/proofs.ts).
    proofs: [],
    settlementRefusal: row.settlement_refusal ?? null,
    paidBy: paidByOf(row),
    demandId: row.demand_id ?? null,
  };
}

/** What pays an engagement, from what it stores: its voucher, nothing (a free product as ordered), or the enterprise. */
export function paidByOf(row: Pick<EngagementRow, 'voucher_id' | 'price_kind'>): EngagementPaidBy {
  if (row.voucher_id !== null) return 'voucher';
  return row.price_kind === 'free' ? 'free' : 'self';
}
