import type { Clock } from '../clock.js';
import {
  DEMAND_TRANSITIONS,
  type Demand,
  type DemandInput,
  type DemandStatus,
  type DemandStatusView,
  type DemandProposalsInput,
  type DemandTransition,
  type FieldError,
  type MessageLocale,
  type Principal,
  messageText,
} from '@smec/schemas';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { cursorScope, decodeTimeSeqCursor, encodeCursor } from '../http/cursor.js';
import { ProblemError, notFound, validationFailed } from '../http/problem.js';

import { deadlinesOf } from './deadlines.js';
import { demandDeadlinesFrom } from './deadline-days.js';
import { addProposals } from './proposals.js';
import { servingEngagements } from './served.js';
import { demandOf, proposalsOf, statusViewOf, type DemandRow } from './rows.js';
import { newDemandId, newTrackingNo, phoneHash, sameHash } from './tracking.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { unknownRegion } from '../http/common-problems.js';
import { fill, type Localized } from '../http/localized.js';

export interface DemandContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  /** Keys the phone hashes and the list cursors. */
  readonly secret: Buffer;
  /** The clock of tracking numbers, timelines and due dates. */
  readonly clock: Clock;
}

type Db = Kysely<Database> | Transaction<Database>;

const NEXT_STATUS: Record<DemandTransition['action'], DemandStatus> = {
  accept: 'accepted',
  match: 'matched',
  startService: 'inService',
  reject: 'rejected',
  close: 'closed',
};

async function timelineOf(db: Db, seq: number) {
  return db.selectFrom('demand_timeline').selectAll().where('demand_seq', '=', seq).orderBy('seq').execute();
}

/** A stored demand with its timeline and proposals, as its staff see it (the phone in full). */
export async function fullDemand(context: DemandContext, db: Db, seq: number): Promise<Demand> {
  const row = await db.selectFrom('demands').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const matches = (await proposalsOf(db, [seq])).get(seq) ?? [];
  const serving = (await servingEngagements(db, [row.id])).get(row.id) ?? null;
  return demandOf(row, await timelineOf(db, seq), matches, true, context.clock.now(), serving);
}

/** The instants a demand in `regionCode` is due by when its count starts at `from`. */
async function dueDates(db: Db, context: DemandContext, regionCode: string, from: number) {
  const due = demandDeadlinesFrom(from, await deadlinesOf(db, context.regions, regionCode));
  return { accept_by_ts: due.acceptBy, first_match_by_ts: due.firstMatchBy };
}

/** Checks what the schema cannot: the region and the product exist. */
export async function checkDemandReferences(
  context: DemandContext,
  input: DemandInput,
  locale: MessageLocale,
): Promise<void> {
  const errors: FieldError[] = [];
  if (!context.regions.get(input.regionCode)) {
    errors.push({ path: 'body.regionCode', message: messageText('region.unknown', locale), code: 'region.unknown' });
  }
  if (input.productId) {
    const product = await context.db
      .selectFrom('products')
      .select('category_id')
      .where('id', '=', input.productId)
      .where('listed', '=', 1)
      .executeTakeFirst();
    if (!product) errors.push({ path: 'body.productId', message: messageText('invalid', locale), code: 'invalid' });
  }
  if (errors.length > 0) throw validationFailed(errors);
}

/** Stores a new demand and its first timeline entry; answers with the phone in full, as its submitter typed it. */
export async function createDemand(
  context: DemandContext,
  trx: Transaction<Database>,
  input: DemandInput,
): Promise<Demand> {
  const now = new Date(context.clock.now());
  const at = shanghaiDateTime(now.getTime());
  const due = await dueDates(trx, context, input.regionCode, now.getTime());
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = {
      id: newDemandId(),
      tracking_no: newTrackingNo(now),
      uscc: input.enterprise.uscc,
      enterprise_name: input.enterprise.name.trim(),
      contact_name: input.contact.name.trim(),
      contact_phone: input.contact.phone,
      phone_hash: phoneHash(context.secret, input.contact.phone),
      region_code: input.regionCode,
      city_code: context.regions.cityOf(input.regionCode)?.code ?? null,
      category_id: input.categoryId,
      product_id: input.productId ?? null,
      title: input.title.trim(),
      description: input.description.trim(),
      budget_fen: input.budget === 'negotiable' ? null : input.budget,
      expected_by: input.expectedBy ?? null,
      status: 'submitted',
      reject_reason: null,
      submitted_at: at,
      submitted_ts: now.getTime(),
      updated_at: at,
      ...due,
    };
    // A tracking number that is already taken (one in a billion a day) is drawn again; the unique index decides.
    const inserted = await trx
      .insertInto('demands')
      .values(row)
      .onConflict((conflict) => conflict.doNothing())
      .returning('seq')
      .executeTakeFirst();
    if (!inserted) continue;
    await trx
      .insertInto('demand_timeline')
      .values({ demand_seq: inserted.seq, status: 'submitted', at, actor: 'submitter', note: null })
      .execute();
    return fullDemand(context, trx, inserted.seq);
  }
  throw new Error('Could not draw a free tracking number');
}

/** A tracking number's hash to compare with when there is no such demand, so that both misses take the same time. */
const ABSENT_HASH = 'x'.repeat(43);

/** The status view of a demand if the tracking number and the phone match; undefined otherwise, whichever was wrong. */
export async function lookupDemand(
  context: DemandContext,
  trackingNo: string,
  phone: string,
): Promise<DemandStatusView | undefined> {
  const row = await context.db
    .selectFrom('demands')
    .selectAll()
    .where('tracking_no', '=', trackingNo)
    .executeTakeFirst();
  const given = phoneHash(context.secret, phone);
  const matches = sameHash(given, row?.phone_hash ?? ABSENT_HASH);
  if (!row || !matches) return undefined;
  const proposals = (await proposalsOf(context.db, [row.seq])).get(row.seq) ?? [];
  const serving = (await servingEngagements(context.db, [row.id])).get(row.id) ?? null;
  return statusViewOf(row, await timelineOf(context.db, row.seq), proposals, serving);
}

/** The administrator's region; an administrator without one may see nothing. */
function adminRegion(principal: Principal): string {
  if (!principal.regionCode) throw new ProblemError('forbidden', TEXT.noRegion);
  return principal.regionCode;
}

export interface DemandListQuery {
  readonly status?: DemandStatus | undefined;
  readonly region?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** The demands of the administrator's region (or of a region below it), newest first, phones masked. */
export async function listDemands(context: DemandContext, principal: Principal, query: DemandListQuery) {
  const own = adminRegion(principal);
  const region = query.region ?? own;
  if (!context.regions.get(region)) {
    throw unknownRegion('query.region', region);
  }
  if (!context.regions.isWithin(region, own)) {
    throw new ProblemError('forbidden', fill(TEXT.outsideRegion, { region, own }));
  }
  const limit = query.limit ?? 20;
  const scope = cursorScope('demands', { status: query.status, region, overdue: query.overdue });
  const now = context.clock.now();
  const filter = (builder: ReturnType<typeof base>) => {
    let result = builder;
    const scoped = context.regions.get(region);
    if (scoped && scoped.level === 'city') result = result.where('city_code', '=', region);
    else if (scoped && scoped.level === 'county') result = result.where('region_code', '=', region);
    if (query.status) result = result.where('status', '=', query.status);
    if (query.overdue !== undefined) {
      // The rule of isOverdue, as a WHERE on the stored deadlines.
      const overdue = sql<boolean>`((status = 'submitted' and accept_by_ts < ${now})
        or (status in ('submitted', 'accepted') and first_match_by_ts < ${now}))`;
      result = result.where(query.overdue ? overdue : sql<boolean>`not ${overdue}`);
    }
    return result;
  };
  const base = () => context.db.selectFrom('demands');
  const totalRow = await filter(base())
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = filter(base()).selectAll();
  if (query.cursor) {
    const [ts, seq] = decodeTimeSeqCursor(context.secret, query.cursor, scope);
    page = page.where((eb) =>
      eb.or([eb('submitted_ts', '<', ts), eb.and([eb('submitted_ts', '=', ts), eb('seq', '<', seq)])]),
    );
  }
  const rows = await page
    .orderBy('submitted_ts', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const timelines = await timelinesOf(context.db, items);
  const proposals = await proposalsOf(
    context.db,
    items.map((row) => row.seq),
  );
  const serving = await servingEngagements(
    context.db,
    items.map((row) => row.id),
  );
  return {
    items: items.map((row) =>
      demandOf(
        row,
        timelines.get(row.seq) ?? [],
        proposals.get(row.seq) ?? [],
        false,
        now,
        serving.get(row.id) ?? null,
      ),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.submitted_ts, last.seq], scope) : null,
    total: Number(totalRow.n),
  };
}

async function timelinesOf(db: Db, rows: readonly DemandRow[]) {
  const bySeq = new Map<number, Awaited<ReturnType<typeof timelineOf>>>();
  if (rows.length === 0) return bySeq;
  const entries = await db
    .selectFrom('demand_timeline')
    .selectAll()
    .where(
      'demand_seq',
      'in',
      rows.map((row) => row.seq),
    )
    .orderBy('seq')
    .execute();
  for (const entry of entries) {
    const list = bySeq.get(entry.demand_seq) ?? [];
    list.push(entry);
    bySeq.set(entry.demand_seq, list);
  }
  return bySeq;
}

/** A demand row of the administrator's region, or a 404 that says nothing of demands elsewhere. */
export async function demandInRegion(
  db: Db,
  context: DemandContext,
  principal: Principal,
  id: string,
): Promise<DemandRow> {
  const own = adminRegion(principal);
  const row = await db.selectFrom('demands').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !context.regions.isWithin(row.region_code, own)) throw notFound(fill(TEXT.noDemand, { id }));
  return row;
}

/** One demand of the administrator's region, the phone in full for the call back. */
export async function getDemand(context: DemandContext, principal: Principal, id: string): Promise<Demand> {
  const row = await demandInRegion(context.db, context, principal, id);
  return fullDemand(context, context.db, row.seq);
}

const STATUS_WORDS: Record<DemandStatus, Localized> = {
  submitted: { 'zh-CN': '已提交，待受理', 'zh-HK': '已提交，待受理', en: 'submitted' },
  accepted: { 'zh-CN': '已受理', 'zh-HK': '已受理', en: 'accepted' },
  matched: { 'zh-CN': '已匹配服务机构', 'zh-HK': '已配對服務機構', en: 'matched' },
  inService: { 'zh-CN': '服务中', 'zh-HK': '服務中', en: 'in service' },
  closed: { 'zh-CN': '已办结', 'zh-HK': '已辦結', en: 'closed' },
  rejected: { 'zh-CN': '不予受理', 'zh-HK': '不予受理', en: 'rejected' },
};

const TEXT = {
  noRegion: {
    'zh-CN': '您的账号没有可管理的地区。',
    'zh-HK': '您的帳戶沒有可管理的地區。',
    en: 'Your account has no region to administer.',
  },
  outsideRegion: {
    'zh-CN': '地区 {region} 不在您管理的地区（{own}）范围内。',
    'zh-HK': '地區 {region} 不在您管理的地區（{own}）範圍內。',
    en: 'Region {region} lies outside the region you administer ({own}).',
  },
  noDemand: {
    'zh-CN': '您管理的地区内没有需求 {id}。',
    'zh-HK': '您管理的地區內沒有需求 {id}。',
    en: 'No demand {id} in your region.',
  },
  notAllowed: {
    'zh-CN': '需求当前状态为“{from}”，不能执行 {action}；可执行：{allowed}。',
    'zh-HK': '需求目前狀態為「{from}」，不能執行 {action}；可執行：{allowed}。',
    en: 'A {from} demand cannot be moved by {action}; allowed: {allowed}.',
  },
  none: { 'zh-CN': '无', 'zh-HK': '無', en: 'none' },
  movedMeanwhile: {
    'zh-CN': '该需求已被他人处理，请刷新后重试。',
    'zh-HK': '該需求已被他人處理，請重新載入後再試。',
    en: 'The demand was moved by someone else meanwhile; reload it.',
  },
} as const satisfies Record<string, Localized>;

/** The 409 of a move the demand's status does not allow, naming the moves it does. */
function moveNotAllowed(from: DemandStatus, action: string): ProblemError {
  const allowed = DEMAND_TRANSITIONS[from];
  const list = (locale: MessageLocale) => (allowed.length > 0 ? allowed.join(', ') : TEXT.none[locale]);
  const text = TEXT.notAllowed;
  const detail = (locale: MessageLocale) =>
    text[locale]
      .replace('{from}', STATUS_WORDS[from][locale])
      .replace('{action}', `'${action}'`)
      .replace('{allowed}', list(locale));
  return new ProblemError('conflict', { 'zh-CN': detail('zh-CN'), 'zh-HK': detail('zh-HK'), en: detail('en') });
}

/**
 * Moves a demand on and records the move in its timeline, in the caller's transaction. The UPDATE is conditional on the
 * status the move was checked against, so of two administrators moving the same demand at once only one succeeds.
 */
export async function transitionDemand(
  context: DemandContext,
  principal: Principal,
  id: string,
  move: DemandTransition,
  locale: MessageLocale,
  trx: Transaction<Database>,
  /** Where the body holds the proposals of a match, for the errors' paths. */
  proposalsField: 'matches' | 'proposals' = 'matches',
): Promise<Demand> {
  const now = new Date(context.clock.now());
  const row = await demandInRegion(trx, context, principal, id);
  const from = row.status as DemandStatus;
  if (!DEMAND_TRANSITIONS[from].includes(move.action)) {
    throw moveNotAllowed(from, move.action);
  }
  const to = NEXT_STATUS[move.action];
  const at = shanghaiDateTime(now.getTime());
  const updated = await trx
    .updateTable('demands')
    .set({
      status: to,
      updated_at: at,
      ...(move.action === 'reject' ? { reject_reason: move.reason.trim() } : {}),
    })
    .where('seq', '=', row.seq)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new ProblemError('conflict', TEXT.movedMeanwhile);
  // After the conditional UPDATE: of two rounds of proposals at once, the second counts the first's.
  if (move.action === 'match')
    await addProposals(trx, principal, row, move.matches, proposalsField, locale, now.getTime());
  const note = move.action === 'reject' ? move.reason.trim() : move.note?.trim() || null;
  await trx
    .insertInto('demand_timeline')
    .values({ demand_seq: row.seq, status: to, at, actor: 'center', note })
    .execute();
  return fullDemand(context, trx, row.seq);
}

/** `POST /demands/{id}/proposals`: the `match` move with the proposals' own body. */
export async function proposeForDemand(
  context: DemandContext,
  principal: Principal,
  id: string,
  input: DemandProposalsInput,
  locale: MessageLocale,
  trx: Transaction<Database>,
): Promise<Demand> {
  const note = input.note === undefined ? {} : { note: input.note };
  const move = { action: 'match' as const, matches: input.proposals, ...note };
  return transitionDemand(context, principal, id, move, locale, trx, 'proposals');
}
