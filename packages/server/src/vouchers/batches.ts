// The batches: the list (filtered by region and claim state) and one batch.
import type { BatchClaimState, MessageLocale, VoucherBatch, VoucherBatchPage } from '@smec/schemas';
import type { RegionIndex } from '../catalog/regions.js';
import { cursorScope, decodeTimeSeqCursor, encodeCursor } from '../http/cursor.js';
import type { ProblemError } from '../http/problem.js';
import type { Db, VoucherContext } from './context.js';
import { problem } from './problems.js';
import { batchOf, claimStateOf, type BatchRow } from './rows.js';
import { unknownRegion } from '../http/common-problems.js';

export interface BatchListQuery {
  readonly region?: string | undefined;
  readonly state?: BatchClaimState | undefined;
  readonly year?: number | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** True when the batch's scope includes `region`: one of its regions is that region or above it. */
function batchCovers(regions: RegionIndex, row: BatchRow, region: string): boolean {
  return (JSON.parse(row.region_codes) as string[]).some((scope) => regions.isWithin(region, scope));
}

/**
 * Batches by claim window opening, then seq. There are tens of batches a year, not thousands: the region and state
 * are filtered in memory (the state depends on the clock), the rest in SQL.
 */
export async function listBatches(context: VoucherContext, query: BatchListQuery): Promise<VoucherBatchPage> {
  if (query.region !== undefined && !context.regions.get(query.region)) {
    throw unknownRegion('query.region', query.region);
  }
  const now = context.clock.now();
  const limit = query.limit ?? 20;
  const scope = cursorScope('voucher-batches', { region: query.region, state: query.state, year: query.year });
  // A draft is its center's own until opened.
  let select = context.db.selectFrom('voucher_batches').selectAll().where('status', '<>', 'draft');
  if (query.year !== undefined) select = select.where('year', '=', query.year);
  const rows = (await select.orderBy('opens_ts').orderBy('seq').execute()).filter(
    (row) =>
      (query.state === undefined || claimStateOf(row, now) === query.state) &&
      (query.region === undefined || batchCovers(context.regions, row, query.region)),
  );
  let start = 0;
  if (query.cursor) {
    const [ts, seq] = decodeTimeSeqCursor(context.secret, query.cursor, scope);
    start = rows.findIndex((row) => row.opens_ts > ts || (row.opens_ts === ts && row.seq > seq));
    if (start < 0) start = rows.length;
  }
  const items = rows.slice(start, start + limit);
  const last = items[items.length - 1];
  return {
    items: items.map((row) => batchOf(row, now)),
    nextCursor:
      start + limit < rows.length && last ? encodeCursor(context.secret, [last.opens_ts, last.seq], scope) : null,
    total: rows.length,
  };
}

export function batchNotFound(locale: MessageLocale, id: string): ProblemError {
  return problem('not_found', locale, 'batchNotFound', id);
}

export async function batchRow(db: Db, id: string, locale: MessageLocale): Promise<BatchRow> {
  const row = await db.selectFrom('voucher_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw batchNotFound(locale, id);
  return row;
}

/**
 * One batch. A draft is its center's own: `staffRegion` (the region of the staff member asking, if one is) sees the
 * drafts issued in it or below; to anyone else a draft is the 404 of a batch that does not exist.
 */
export async function getBatch(
  context: VoucherContext,
  id: string,
  locale: MessageLocale,
  staffRegion?: string | null,
): Promise<{ batch: VoucherBatch; row: BatchRow }> {
  const row = await batchRow(context.db, id, locale);
  if (row.status === 'draft' && !(staffRegion && context.regions.isWithin(row.issuer_region_code, staffRegion))) {
    throw batchNotFound(locale, id);
  }
  return { batch: batchOf(row, context.clock.now()), row };
}
