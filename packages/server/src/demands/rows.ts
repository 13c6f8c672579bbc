import type { Demand, DemandMatch, DemandStatus, DemandStatusView, DemandTimelineEntry } from '@smec/schemas';
import type { Selectable } from 'kysely';
import type { DemandTable, DemandTimelineTable } from '../db/schema.js';
import { maskPhone } from './tracking.js';

export type DemandRow = Selectable<DemandTable>;
export type TimelineRow = Selectable<DemandTimelineTable>;

export function timelineEntry(row: TimelineRow): DemandTimelineEntry {
  return { status: row.status as DemandStatus, at: row.at, actor: row.actor, note: row.note };
}

/** A stored demand as the API shows it; `fullPhone` only for readers who must call the contact back. */
export function demandOf(row: DemandRow, timeline: readonly TimelineRow[], fullPhone: boolean): Demand {
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
    matches: JSON.parse(row.matches) as DemandMatch[],
    timeline: timeline.map(timelineEntry),
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  };
}

export function statusViewOf(row: DemandRow, timeline: readonly TimelineRow[]): DemandStatusView {
  return {
    trackingNo: row.tracking_no,
    title: row.title,
    categoryId: row.category_id as DemandStatusView['categoryId'],
    regionCode: row.region_code,
    status: row.status as DemandStatus,
    rejectReason: row.reject_reason,
    matches: JSON.parse(row.matches) as DemandMatch[],
    timeline: timeline.map(timelineEntry),
    submittedAt: row.submitted_at,
    contactPhone: maskPhone(row.contact_phone),
  };
}
