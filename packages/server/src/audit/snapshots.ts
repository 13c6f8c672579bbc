// What the audit log keeps of each entity a staff write changes: the fields its writes may change, read in the
// write's own transaction.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { parsedJson, type Snapshot, type SnapshotReader } from './audited-write.js';

type Trx = Transaction<Database>;

export const demandSnapshot: SnapshotReader = async (trx: Trx, id: string) => {
  const row = await trx
    .selectFrom('demands')
    .select(['seq', 'status', 'reject_reason', 'region_code'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const proposals = await trx
    .selectFrom('demand_proposals')
    .select(['provider_id', 'product_id', 'note'])
    .where('demand_seq', '=', row.seq)
    .orderBy('position')
    .execute();
  return {
    status: row.status,
    rejectReason: row.reject_reason,
    regionCode: row.region_code,
    matches: proposals.map((proposal) => ({
      providerId: proposal.provider_id,
      productId: proposal.product_id,
      note: proposal.note,
    })),
  };
};

/** A region's own deadlines (absent while it inherits them). */
export const demandDeadlinesSnapshot: SnapshotReader = async (trx: Trx, code: string) => {
  const row = await trx
    .selectFrom('demand_deadlines')
    .select(['accept_days', 'first_match_days'])
    .where('region_code', '=', code)
    .executeTakeFirst();
  return row && { acceptDays: row.accept_days, firstMatchDays: row.first_match_days };
};

export const applicationSnapshot: SnapshotReader = async (trx: Trx, id: string) => {
  const row = await trx
    .selectFrom('provider_applications')
    .select(['status', 'change_notes', 'notice_ends_on', 'reviewed_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      status: row.status,
      changeNotes: parsedJson(row.change_notes),
      noticeEndsOn: row.notice_ends_on,
      reviewedBy: row.reviewed_by,
    }
  );
};

/** An application and one of its objections: a decision on the objection may end the application's notice. */
export function objectionSnapshot(objectionId: string): SnapshotReader {
  return async (trx: Trx, id: string) => {
    const application = await applicationSnapshot(trx, id);
    const objection = await trx
      .selectFrom('application_objections')
      .select(['status', 'decided_note'])
      .where('id', '=', objectionId)
      .executeTakeFirst();
    if (!application) return undefined;
    return {
      ...application,
      objectionId,
      objectionStatus: objection?.status ?? null,
      objectionNote: objection?.decided_note ?? null,
    };
  };
}

export const providerSnapshot: SnapshotReader = async (trx: Trx, id: string) => {
  const row = await trx
    .selectFrom('providers')
    .select(['admission', 'listed', 'name', 'uscc', 'legal_representative'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const pending = await trx
    .selectFrom('provider_changes')
    .select('fields')
    .where('provider_id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return {
    admission: row.admission,
    listed: row.listed === 1,
    name: row.name,
    uscc: row.uscc,
    legalRepresentative: row.legal_representative,
    pendingChange: pending ? parsedJson(pending.fields) : null,
  } satisfies Snapshot;
};

export const engagementSnapshot: SnapshotReader = async (trx: Trx, id: string) => {
  const row = await trx
    .selectFrom('engagements as e')
    .leftJoin('vouchers as v', 'v.id', 'e.voucher_id')
    .select(['e.status', 'e.accepted_at', 'v.status as voucher_status'])
    .where('e.id', '=', id)
    .executeTakeFirst();
  return row && { status: row.status, acceptedAt: row.accepted_at, voucherStatus: row.voucher_status };
};

export const expertSnapshot: SnapshotReader = async (trx: Trx, id: string) => {
  const row = await trx
    .selectFrom('experts')
    .select(['seq', 'name', 'title', 'years', 'bio', 'region_code', 'provider_id', 'center_region_code', 'listed'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const specialties = await trx
    .selectFrom('expert_specialties')
    .select('category_id')
    .where('expert_seq', '=', row.seq)
    .orderBy('category_id')
    .execute();
  const products = await trx
    .selectFrom('expert_products')
    .select('product_id')
    .where('expert_seq', '=', row.seq)
    .orderBy('product_id')
    .execute();
  return {
    name: row.name,
    title: row.title,
    years: row.years,
    bio: row.bio,
    regionCode: row.region_code,
    centerRegionCode: row.center_region_code,
    listed: row.listed === 1,
    specialties: specialties.map((entry) => entry.category_id),
    productIds: products.map((entry) => entry.product_id),
  };
};
