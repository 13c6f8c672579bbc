import type {
  Engagement,
  EngagementAction,
  EngagementPaidBy,
  EngagementPage,
  EngagementProofsInput,
  EngagementStatus,
  EngagementTransition,
  MessageLocale,
  Principal,
  Role,
  VoucherStatus,
} from '@smec/schemas';
import type { Transaction } from 'kysely';
import { regionsBelow, type RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { cursorScope, decodeCursor, encodeCursor, invalidCursor, type StatusPageQuery } from '../http/cursor.js';

import { engagementNotFound, fieldProblem, problem, statusWord, yuan } from '../vouchers/problems.js';
import { engagementOf, type EngagementRow, type TimelineRow } from '../vouchers/rows.js';
import { orderedProducts, versionKey } from '../products/versions.js';
import type { Db, VoucherContext } from '../vouchers/context.js';
import { actorOf, appendHistory } from '../vouchers/history.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { addProofs, proofsOf } from './proofs.js';
import { notify } from '../notifications/notify.js';
import { demandFollows } from '../demands/served.js';
import { voucherShare } from './order.js';

/** Who may make each move, from which states, to which state, and what the voucher becomes. */
const MOVES: Record<
  EngagementAction,
  {
    readonly roles: readonly Role[];
    readonly from: readonly EngagementStatus[];
    readonly to: EngagementStatus;
    readonly voucher?: VoucherStatus;
    readonly note: string;
  }
> = {
  confirm: {
    roles: ['provider'],
    from: ['ordered'],
    to: 'confirmed',
    voucher: 'confirmed',
    note: '服务机构已确认订单',
  },
  start: { roles: ['provider'], from: ['confirmed'], to: 'inProgress', note: '服务机构开始服务' },
  deliver: { roles: ['provider'], from: ['confirmed', 'inProgress'], to: 'delivered', note: '服务机构已交付' },
  accept: { roles: ['enterprise'], from: ['delivered'], to: 'delivered', voucher: 'delivered', note: '企业已验收' },
  settle: { roles: ['admin'], from: ['delivered'], to: 'closed', voucher: 'settled', note: '服务中心已结算' },
  refuseSettlement: { roles: ['admin'], from: ['delivered'], to: 'delivered', note: '服务中心退回结算' },
  cancel: { roles: ['enterprise', 'provider'], from: ['ordered'], to: 'cancelled', note: '订单已取消' },
};

export function canSeeEngagement(regions: RegionIndex, principal: Principal, row: EngagementRow): boolean {
  if (principal.role === 'enterprise')
    return principal.enterpriseId !== null && principal.enterpriseId === row.enterprise_id;
  if (principal.role === 'provider') return principal.providerId !== null && principal.providerId === row.provider_id;
  return principal.regionCode !== null && regions.isWithin(row.enterprise_region_code, principal.regionCode);
}

async function withTimelines(db: Db, rows: readonly EngagementRow[]): Promise<Engagement[]> {
  if (rows.length === 0) return [];
  const entries = await db
    .selectFrom('engagement_timeline')
    .selectAll()
    .where(
      'engagement_seq',
      'in',
      rows.map((row) => row.seq),
    )
    .orderBy('seq')
    .execute();
  const byEngagement = new Map<number, TimelineRow[]>();
  for (const entry of entries) {
    const list = byEngagement.get(entry.engagement_seq);
    if (list) list.push(entry);
    else byEngagement.set(entry.engagement_seq, [entry]);
  }
  const ordered = await orderedProducts(db, rows);
  const proofs = await proofsOf(
    db,
    rows.map((row) => row.seq),
  );
  return rows.map((row) => ({
    ...engagementOf(
      row,
      byEngagement.get(row.seq) ?? [],
      ordered.get(versionKey(row.product_id, row.product_version)) ?? null,
    ),
    proofs: proofs.get(row.seq) ?? [],
  }));
}

export type EngagementListQuery = StatusPageQuery<EngagementStatus> & {
  readonly paidBy?: EngagementPaidBy | undefined;
};

/** The engagements the user may see, newest first. */
export async function listEngagements(
  context: VoucherContext,
  principal: Principal,
  query: EngagementListQuery,
): Promise<EngagementPage> {
  const limit = query.limit ?? 20;
  const scope = cursorScope(`engagements ${principal.userId}`, { status: query.status, paidBy: query.paidBy });
  const base = () => {
    let select = context.db.selectFrom('engagements');
    if (principal.role === 'enterprise') select = select.where('enterprise_id', '=', principal.enterpriseId ?? '');
    else if (principal.role === 'provider') select = select.where('provider_id', '=', principal.providerId ?? '');
    else if (principal.regionCode !== context.regions.province.code) {
      const codes = principal.regionCode ? regionsBelow(context.regions, principal.regionCode) : [];
      select = select.where('enterprise_region_code', 'in', codes.length > 0 ? codes : ['']);
    }
    if (query.paidBy === 'voucher') select = select.where('voucher_id', 'is not', null);
    else if (query.paidBy) {
      select = select
        .where('voucher_id', 'is', null)
        .where('price_kind', '=', query.paidBy === 'free' ? 'free' : 'paid');
    }
    return query.status ? select.where('status', '=', query.status) : select;
  };
  const total = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = base().selectAll();
  if (query.cursor) {
    const [seq] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof seq !== 'number') throw invalidCursor();
    page = page.where('seq', '<', seq);
  }
  const rows = await page
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await withTimelines(context.db, items),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.seq], scope) : null,
    total: Number(total.n),
  };
}

async function visibleRow(
  context: VoucherContext,
  db: Db,
  principal: Principal,
  id: string,
  locale: MessageLocale,
): Promise<EngagementRow> {
  const row = await db.selectFrom('engagements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !canSeeEngagement(context.regions, principal, row)) throw engagementNotFound(locale, id);
  return row;
}

export async function getEngagement(
  context: VoucherContext,
  principal: Principal,
  id: string,
  locale: MessageLocale,
): Promise<Engagement> {
  const [engagement] = await withTimelines(context.db, [await visibleRow(context, context.db, principal, id, locale)]);
  if (!engagement) throw engagementNotFound(locale, id);
  return engagement;
}

/**
 * Moves an engagement on, with its voucher. The move is one conditional UPDATE on the state read, so of two
 * concurrent moves from one state only one passes; the other is a 409 like any move the state does not allow.
 */
export async function transitionEngagement(
  context: VoucherContext,
  trx: Transaction<Database>,
  principal: Principal,
  id: string,
  transition: EngagementTransition,
  locale: MessageLocale,
): Promise<Engagement> {
  const row = await visibleRow(context, trx, principal, id, locale);
  const move = MOVES[transition.action];
  if (!move.roles.includes(principal.role)) throw problem('forbidden', locale, 'forbiddenMove');
  const accepting = transition.action === 'accept';
  // Settling and refusing to settle both need the enterprise's acceptance first.
  const settling = transition.action === 'settle' || transition.action === 'refuseSettlement';
  if (
    !move.from.includes(row.status) ||
    (accepting && row.accepted_at !== null) ||
    (settling && row.accepted_at === null) ||
    // Refusing is for what a voucher pays (the center settles the voucher's part), once until new proof comes.
    (transition.action === 'refuseSettlement' && (row.voucher_id === null || (row.settlement_refusal ?? null) !== null))
  ) {
    throw problem('conflict', locale, 'conflict', statusWord(locale, row.status));
  }
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const amounts =
    transition.action === 'confirm' && transition.contractAmount !== undefined
      ? await agreedAmounts(trx, row, transition.contractAmount, locale)
      : null;
  let update = trx
    .updateTable('engagements')
    .set({
      status: move.to,
      updated_at: at,
      ...(amounts ?? {}),
      ...(accepting ? { accepted_at: at } : {}),
      ...(transition.action === 'refuseSettlement' ? { settlement_refusal: transition.reason.trim() } : {}),
    })
    .where('seq', '=', row.seq)
    .where('status', '=', row.status);
  update =
    row.accepted_at === null ? update.where('accepted_at', 'is', null) : update.where('accepted_at', 'is not', null);
  const moved = await update.executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) {
    throw problem('conflict', locale, 'conflict', statusWord(locale, row.status));
  }
  const actor = await actorOf(trx, principal);
  const said =
    transition.action === 'refuseSettlement'
      ? `${move.note}：${transition.reason.trim()}`
      : transition.note?.trim() || move.note;
  const note = amounts ? `${said}（合同金额 ${yuan('zh-CN', amounts.contract_amount)}）` : said;
  await trx
    .insertInto('engagement_timeline')
    .values({ engagement_seq: row.seq, status: move.to, at, actor_role: actor.role, actor_name: actor.name, note })
    .execute();

  if (transition.action === 'refuseSettlement') await tellProvider(trx, now, row, transition.reason.trim());
  if (row.demand_id && (accepting || transition.action === 'cancel')) {
    await demandFollows(trx, row, accepting ? 'accepted' : 'cancelled', principal.role, at);
  }

  if (row.voucher_id) {
    const voucher = await trx
      .selectFrom('vouchers')
      .select(['seq', 'use_by_ts'])
      .where('id', '=', row.voucher_id)
      .executeTakeFirst();
    if (voucher) {
      let status = move.voucher;
      let voucherNote = note;
      if (transition.action === 'cancel') {
        // The voucher goes back to the enterprise while it can still be used; past its deadline it is void.
        status = now < voucher.use_by_ts ? 'issued' : 'expired';
        voucherNote =
          status === 'issued' ? `订单已取消，服务券退回企业（${note}）` : `订单已取消，服务券已过使用期限（${note}）`;
      }
      if (status) {
        await trx
          .updateTable('vouchers')
          .set({
            status,
            updated_at: at,
            ...(transition.action === 'cancel' ? { engagement_id: null } : {}),
          })
          .where('seq', '=', voucher.seq)
          .execute();
        await appendHistory(trx, voucher.seq, status, at, actor, voucherNote);
      }
    }
  }
  const updated = await trx.selectFrom('engagements').selectAll().where('seq', '=', row.seq).executeTakeFirstOrThrow();
  const [engagement] = await withTimelines(trx, [updated]);
  if (!engagement) throw engagementNotFound(locale, id);
  return engagement;
}

/** The provider attaches its contract or proofs of delivery to an engagement ordered from it. */
export async function addEngagementProofs(
  context: VoucherContext,
  trx: Transaction<Database>,
  principal: Principal,
  id: string,
  input: EngagementProofsInput,
  locale: MessageLocale,
): Promise<Engagement> {
  const row = await visibleRow(context, trx, principal, id, locale);
  await addProofs(trx, principal, row, input, context.clock.now(), locale);
  const updated = await trx.selectFrom('engagements').selectAll().where('seq', '=', row.seq).executeTakeFirstOrThrow();
  const [engagement] = await withTimelines(trx, [updated]);
  if (!engagement) throw engagementNotFound(locale, id);
  return engagement;
}

/** The provider's users are told the center refused to settle, and why. */
async function tellProvider(trx: Transaction<Database>, now: number, row: EngagementRow, reason: string) {
  const users = await trx.selectFrom('users').select('id').where('provider_id', '=', row.provider_id).execute();
  await notify(
    trx,
    now,
    users.map((user) => user.id),
    {
      kind: 'settlementRefused',
      subjectType: 'engagement',
      subjectId: row.id,
      data: { productName: row.product_name, enterpriseName: row.enterprise_name, reason },
    },
  );
}

/**
 * The amounts of the contract the provider confirms at another amount than ordered: a voucher pays its part of the
 * new amount by the rule of the order itself; a free service has no amount to agree.
 */
async function agreedAmounts(
  trx: Transaction<Database>,
  row: EngagementRow,
  contractAmount: number,
  locale: MessageLocale,
) {
  if (row.price_kind === 'free') throw fieldProblem('body.contractAmount', 'freeHasNoAmount');
  if (!row.voucher_id) return { contract_amount: contractAmount, voucher_amount: 0, self_paid: contractAmount };
  const voucher = await trx
    .selectFrom('vouchers')
    .selectAll()
    .where('id', '=', row.voucher_id)
    .executeTakeFirstOrThrow();
  const batch = await trx
    .selectFrom('voucher_batches')
    .selectAll()
    .where('seq', '=', voucher.batch_seq)
    .executeTakeFirstOrThrow();
  const quote = await voucherShare(trx, voucher, batch, contractAmount, locale);
  return { contract_amount: contractAmount, voucher_amount: quote.voucherAmount, self_paid: quote.selfPaid };
}
