// A center's review of applications to join: the list of its region's applications and the moves it makes on one.
// Each move is a conditional UPDATE on the status it expects, so two reviewers acting at once make one transition.
import {
  APPLICATION_TRANSITIONS,
  NOTICE_DAYS,
  type ApplicationStatus,
  type ApplicationTransition,
  type Principal,
  type ProviderApplication,
  type ProviderApplicationPage,
  type StoredApplication,
} from '@smec/schemas';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ProviderApplicationTable } from '../db/schema.js';
import { unknownRegion } from '../http/common-problems.js';
import { cursorScope, decodeTimeSeqCursor, encodeCursor } from '../http/cursor.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound } from '../http/problem.js';
import { shanghaiDateTime, shanghaiDay } from '../time/shanghai.js';
import { decideObjection, isObjectionMove } from './objection-review.js';
import { objectionsOf } from './objections.js';
import { statusViewOf, timelineOf, type ApplicationContext } from './store.js';
import { tellChangesRequested } from '../notifications/applicant-notices.js';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Selectable<ProviderApplicationTable>;

const DAY_MS = 86_400_000;

const TEXT = {
  noRegion: {
    'zh-CN': '您的账号未绑定服务中心所在地区，无法审核入驻申请。',
    'zh-HK': '您的帳戶未綁定服務中心所在地區，無法審核入駐申請。',
    en: 'Your account is not bound to a service center’s region, so it cannot review applications.',
  },
  outsideRegion: {
    'zh-CN': '地区 {region} 不在您所属的 {own} 范围内。',
    'zh-HK': '地區 {region} 不在您所屬的 {own} 範圍內。',
    en: 'Region {region} is not within your region {own}.',
  },
  noApplication: {
    'zh-CN': '没有编号为 {id} 的入驻申请，或不在您的审核范围内。',
    'zh-HK': '沒有編號為 {id} 的入駐申請，或不在您的審核範圍內。',
    en: 'There is no application {id}, or it is not within your region.',
  },
  notAllowed: {
    'zh-CN': '该申请当前状态为“{status}”，不能执行“{action}”。',
    'zh-HK': '該申請目前狀態為「{status}」，不能執行「{action}」。',
    en: 'The application is {status}; “{action}” is not possible now.',
  },
  movedMeanwhile: {
    'zh-CN': '该申请刚被其他审核人员处理，请刷新后查看。',
    'zh-HK': '該申請剛被其他審核人員處理，請重新整理後查看。',
    en: 'Another reviewer has just acted on this application; reload it to see where it stands.',
  },
} as const satisfies Record<string, Localized>;

function adminRegion(principal: Principal): string {
  if (!principal.regionCode) throw new ProblemError('forbidden', TEXT.noRegion);
  return principal.regionCode;
}

/** A reviewer's view of an application: with its objections (never their mobiles). */
async function answerOf(db: Db, row: Row): Promise<ProviderApplication> {
  const stored = JSON.parse(row.input) as StoredApplication;
  const objections = (await objectionsOf(db, [row.seq])).get(row.seq) ?? [];
  return { ...statusViewOf(row, stored, await timelineOf(db, row.seq)), id: row.id, application: stored, objections };
}

export interface ApplicationListQuery {
  readonly status?: ApplicationStatus | undefined;
  readonly regionCode?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** The applications of the administrator's region (or a region below it), newest first. */
export async function listApplications(
  context: ApplicationContext,
  principal: Principal,
  query: ApplicationListQuery,
): Promise<ProviderApplicationPage> {
  const own = adminRegion(principal);
  const region = query.regionCode ?? own;
  if (!context.regions.get(region)) throw unknownRegion('query.regionCode', region);
  if (!context.regions.isWithin(region, own)) {
    throw new ProblemError('forbidden', fill(TEXT.outsideRegion, { region, own }));
  }
  const limit = query.limit ?? 20;
  const scope = cursorScope('provider-applications', { status: query.status, region });
  // Region codes nest by prefix (a county's code starts with its city's significant digits), so the scope is a
  // list of the region and the regions below it, read from the index rather than the codes.
  const within = context.regions.all.filter((r) => context.regions.isWithin(r.code, region)).map((r) => r.code);
  const base = () => {
    let builder = context.db.selectFrom('provider_applications').where('region_code', 'in', within);
    if (query.status) builder = builder.where('status', '=', query.status);
    return builder;
  };
  const totalRow = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = base().selectAll();
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
  return {
    items: await Promise.all(items.map((row) => answerOf(context.db, row))),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.submitted_ts, last.seq], scope) : null,
    total: Number(totalRow.n),
  };
}

const NEXT_STATUS: Record<Exclude<ApplicationTransition['action'], `${string}Objection`>, ApplicationStatus> = {
  approve: 'publicNotice',
  requestChanges: 'changesRequested',
  reject: 'rejected',
};

/** Makes one center move on an application of the administrator's region; a 409 if its status does not allow it. */
export async function transitionApplication(
  context: ApplicationContext,
  principal: Principal,
  id: string,
  move: ApplicationTransition,
  trx: Transaction<Database>,
): Promise<ProviderApplication> {
  const own = adminRegion(principal);
  const row = await trx.selectFrom('provider_applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !context.regions.isWithin(row.region_code, own)) throw notFound(fill(TEXT.noApplication, { id }));
  const status = row.status as ApplicationStatus;
  if (!APPLICATION_TRANSITIONS[status].includes(move.action)) {
    throw new ProblemError('conflict', fill(TEXT.notAllowed, { status, action: move.action }));
  }
  if (isObjectionMove(move)) return answerOf(trx, await decideObjection(context, principal, row, move, trx));
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const next = NEXT_STATUS[move.action];
  const noticeEnds = now + NOTICE_DAYS * DAY_MS;
  const changes = {
    status: next,
    updated_at: at,
    reviewed_by: principal.userId,
    change_notes: move.action === 'requestChanges' ? JSON.stringify(move.notes) : null,
    ...(move.action === 'approve' ? { notice_ends_ts: noticeEnds, notice_ends_on: shanghaiDay(noticeEnds) } : {}),
  };
  const updated = await trx
    .updateTable('provider_applications')
    .set(changes)
    .where('seq', '=', row.seq)
    .where('status', '=', status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new ProblemError('conflict', TEXT.movedMeanwhile);
  if (move.action === 'requestChanges') await tellChangesRequested(trx, now, row);
  const note = move.action === 'reject' ? move.reason : (move.note ?? null);
  await trx
    .insertInto('provider_application_timeline')
    .values({ application_seq: row.seq, status: next, at, actor: 'center', note: note || null })
    .execute();
  const saved = await trx
    .selectFrom('provider_applications')
    .selectAll()
    .where('seq', '=', row.seq)
    .executeTakeFirstOrThrow();
  return answerOf(trx, saved);
}
