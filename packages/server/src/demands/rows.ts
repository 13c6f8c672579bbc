import type { Demand, DemandMatch, DemandStatus, DemandStatusView, DemandTimelineEntry } from '@smec/schemas';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, DemandTable, DemandTimelineTable } from '../db/schema.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { isOverdue } from './deadline-days.js';
import { maskPhone } from './tracking.js';

export type DemandRow = Selectable<DemandTable>;
export type TimelineRow = Selectable<DemandTimelineTable>;
type Db = Kysely<Database> | Transaction<Database>;

export function timelineEntry(row: TimelineRow): DemandTimelineEntry {
  const entry: DemandTimelineEntry = {
    status: row.status as DemandStatus,
    at: row.at,
    actor: row.actor,
    note: row.note,
  };
  if (row.kind === 'transferred' && row.to_region) return { ...entry, kind: 'transferred', toRegion: row.to_region };
  return row.engagement_id ? { ...entry, engagementId: row.engagement_id } : entry;
}

/** The proposals of each demand, in the order they were made, with their providers' and products' names. */
export async function proposalsOf(db: Db, seqs: readonly number[]): Promise<Map<number, DemandMatch[]>> {
  const bySeq = new Map<number, DemandMatch[]>();
  if (seqs.length === 0) return bySeq;
  const rows = await db
    .selectFrom('demand_proposals as dp')
    .innerJoin('providers as pr', 'pr.id', 'dp.provider_id')
    .leftJoin('products as pd', 'pd.id', 'dp.product_id')
    .select([
      'dp.id',
      'dp.demand_seq',
      'dp.provider_id',
      'pr.name as provider_name',
      'dp.product_id',
      'pd.name as product_name',
    ])
    .select('dp.note')
    .where('dp.demand_seq', 'in', seqs)
    .orderBy('dp.demand_seq')
    .orderBy('dp.position')
    .execute();
  for (const row of rows) {
    const list = bySeq.get(row.demand_seq) ?? [];
    list.push({
      id: row.id,
      providerId: row.provider_id,
      providerName: row.provider_name,
      productId: row.product_id,
      productName: row.product_name ?? null,
      note: row.note,
    });
    bySeq.set(row.demand_seq, list);
  }
  return bySeq;
}

/** A demand's deadlines as the API shows them; a row the migration could not date counts from its submission. */
function deadlinesOf(row: DemandRow, now: number) {
  const acceptBy = row.accept_by_ts ?? row.submitted_ts;
  const firstMatchBy = row.first_match_by_ts ?? row.submitted_ts;
  return {
    acceptBy: shanghaiDateTime(acceptBy),
    firstMatchBy: shanghaiDateTime(firstMatchBy),
    overdue: isOverdue(row.status, acceptBy, firstMatchBy, now),
  };
}

/** A stored demand as the API shows it; `fullPhone` only for readers who must call the contact back. */
export function demandOf(
  row: DemandRow,
  timeline: readonly TimelineRow[],
  matches: readonly DemandMatch[],
  fullPhone: boolean,
  now: number,
  engagementId: string | null = null,
): Demand {
  return {
    id: row.id,
    trackingNo: row.tracking_no,
    enterprise: { uscc: row.uscc, name: row.enterprise_name },
    contact: { name: row.contact_name, phone: fullPhone ? row.contact_phone : maskPhone(row.contact_phone) },
    regionCode: row.region_code,
    categoryId: row.category_id as Demand['categoryId'],
    productId: row.product_id,
    title: row.title,
    description: row.description,
    budget: row.budget_fen ?? 'negotiable',
    expectedBy: row.expected_by,
    status: row.status as DemandStatus,
    rejectReason: row.reject_reason,
    matches: [...matches],
    timeline: timeline.map(timelineEntry),
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    contactShared: row.contact_shared === 1,
    ...deadlinesOf(row, now),
    engagementId,
  };
}

export function statusViewOf(
  row: DemandRow,
  timeline: readonly TimelineRow[],
  matches: readonly DemandMatch[],
  engagementId: string | null = null,
): DemandStatusView {
  return {
    id: row.id,
    trackingNo: row.tracking_no,
    title: row.title,
    categoryId: row.category_id as DemandStatusView['categoryId'],
    regionCode: row.region_code,
    status: row.status as DemandStatus,
    rejectReason: row.reject_reason,
    matches: [...matches],
    timeline: timeline.map(timelineEntry),
    submittedAt: row.submitted_at,
    contactPhone: maskPhone(row.contact_phone),
    engagementId,
  };
}
