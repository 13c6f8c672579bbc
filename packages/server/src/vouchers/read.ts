// Reading vouchers: with their batches and histories, an enterprise's own, and one voucher to whoever may see it.
import type { MessageLocale, Principal, Voucher, VoucherPage, VoucherStatus } from '@smec/schemas';
import { cursorScope, decodeTimeSeqCursor, encodeCursor, type StatusPageQuery } from '../http/cursor.js';
import { enterpriseIdOf, type Db, type VoucherContext } from './context.js';
import { voucherNotFound } from './problems.js';
import { voucherOf, type HistoryRow, type VoucherRow } from './rows.js';

/** Vouchers with their batches and histories, in the order given. */
async function vouchersOf(db: Db, rows: readonly VoucherRow[]): Promise<Voucher[]> {
  if (rows.length === 0) return [];
  const batchSeqs = [...new Set(rows.map((row) => row.batch_seq))];
  const batches = new Map(
    (await db.selectFrom('voucher_batches').selectAll().where('seq', 'in', batchSeqs).execute()).map((row) => [
      row.seq,
      row,
    ]),
  );
  const history = new Map<number, HistoryRow[]>();
  const entries = await db
    .selectFrom('voucher_history')
    .selectAll()
    .where(
      'voucher_seq',
      'in',
      rows.map((row) => row.seq),
    )
    .orderBy('seq')
    .execute();
  for (const entry of entries) {
    const list = history.get(entry.voucher_seq);
    if (list) list.push(entry);
    else history.set(entry.voucher_seq, [entry]);
  }
  return rows.map((row) => {
    const batch = batches.get(row.batch_seq);
    if (!batch) throw new Error(`Voucher ${row.id} has no batch`);
    return voucherOf(row, batch, history.get(row.seq) ?? []);
  });
}

export async function voucherById(db: Db, row: VoucherRow): Promise<Voucher> {
  const [voucher] = await vouchersOf(db, [row]);
  if (!voucher) throw new Error('unreachable');
  return voucher;
}

/** The enterprise's own voucher; anyone else's is the same 404 as a voucher that does not exist. */
export async function ownVoucher(db: Db, id: string, enterpriseId: string, locale: MessageLocale): Promise<VoucherRow> {
  const row = await db
    .selectFrom('vouchers')
    .selectAll()
    .where('id', '=', id)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if (!row) throw voucherNotFound(locale, id);
  return row;
}

export type MyVoucherListQuery = StatusPageQuery<VoucherStatus>;

/** The enterprise's vouchers, newest claim first. */
export async function myVouchers(
  context: VoucherContext,
  principal: Principal,
  query: MyVoucherListQuery,
  locale: MessageLocale,
): Promise<VoucherPage> {
  const enterpriseId = enterpriseIdOf(principal, locale);
  const limit = query.limit ?? 20;
  const scope = cursorScope(`me/vouchers ${enterpriseId}`, { status: query.status });
  const base = () => {
    const mine = context.db.selectFrom('vouchers').where('enterprise_id', '=', enterpriseId);
    return query.status ? mine.where('status', '=', query.status) : mine;
  };
  const total = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = base().selectAll();
  if (query.cursor) {
    const [ts, seq] = decodeTimeSeqCursor(context.secret, query.cursor, scope);
    page = page.where((eb) =>
      eb.or([eb('claimed_ts', '<', ts), eb.and([eb('claimed_ts', '=', ts), eb('seq', '<', seq)])]),
    );
  }
  const rows = await page
    .orderBy('claimed_ts', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await vouchersOf(context.db, items),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.claimed_ts, last.seq], scope) : null,
    total: Number(total.n),
  };
}

/**
 * One voucher, to the enterprise holding it, the provider it was used with, and administrators of the batch's or the
 * enterprise's region; a 404 to anyone else, the same as for a voucher that does not exist.
 */
export async function getVoucher(
  context: VoucherContext,
  principal: Principal,
  id: string,
  locale: MessageLocale,
): Promise<Voucher> {
  const row = await context.db.selectFrom('vouchers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await canSeeVoucher(context, principal, row))) throw voucherNotFound(locale, id);
  return voucherById(context.db, row);
}

async function canSeeVoucher(context: VoucherContext, principal: Principal, row: VoucherRow): Promise<boolean> {
  if (principal.role === 'enterprise') return principal.enterpriseId === row.enterprise_id;
  if (principal.role === 'provider') {
    if (!row.engagement_id || !principal.providerId) return false;
    const engagement = await context.db
      .selectFrom('engagements')
      .select('provider_id')
      .where('id', '=', row.engagement_id)
      .executeTakeFirst();
    return engagement?.provider_id === principal.providerId;
  }
  const scope = principal.regionCode;
  if (!scope) return false;
  const batch = await context.db
    .selectFrom('voucher_batches')
    .select('issuer_region_code')
    .where('seq', '=', row.batch_seq)
    .executeTakeFirst();
  if (batch && context.regions.isWithin(batch.issuer_region_code, scope)) return true;
  const enterprise = await context.db
    .selectFrom('enterprises')
    .select('region_code')
    .where('id', '=', row.enterprise_id)
    .executeTakeFirst();
  return enterprise !== undefined && context.regions.isWithin(enterprise.region_code, scope);
}
