// The reviewer's decision on an objection during an application's public notice. Upholding rejects the application
// (the note is the reason) and ends its notice; dismissing leaves the notice to run on to admission. Both are
// conditional UPDATEs, on the objection being open and the application under notice, so of two reviewers deciding
// at once one wins and the other is told so (409).
import type { ApplicationTransition, Principal } from '@smec/schemas';
import type { Selectable, Transaction } from 'kysely';
import type { Database, ProviderApplicationTable } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound } from '../http/problem.js';
import { shanghaiDateTime, shanghaiDay } from '../time/shanghai.js';
import type { ApplicationContext } from './store.js';

type Row = Selectable<ProviderApplicationTable>;
export type ObjectionMove = Extract<ApplicationTransition, { action: 'upholdObjection' | 'dismissObjection' }>;

const TEXT = {
  noObjection: {
    'zh-CN': '该申请没有编号为 {id} 的异议。',
    'zh-HK': '該申請沒有編號為 {id} 的異議。',
    en: 'This application has no objection {id}.',
  },
  decided: {
    'zh-CN': '该异议已处理，不能再次处理。',
    'zh-HK': '該異議已處理，不能再次處理。',
    en: 'This objection has been decided already.',
  },
  decidedMeanwhile: {
    'zh-CN': '该异议或申请刚被其他审核人员处理，请刷新后查看。',
    'zh-HK': '該異議或申請剛被其他審核人員處理，請重新整理後查看。',
    en: 'Another reviewer has just decided this objection or the application; reload it to see where it stands.',
  },
} as const satisfies Record<string, Localized>;

export function isObjectionMove(move: ApplicationTransition): move is ObjectionMove {
  return move.action === 'upholdObjection' || move.action === 'dismissObjection';
}

/** Decides one open objection of the application `row` (under notice); answers the application's row after it. */
export async function decideObjection(
  context: ApplicationContext,
  principal: Principal,
  row: Row,
  move: ObjectionMove,
  trx: Transaction<Database>,
): Promise<Row> {
  const objection = await trx
    .selectFrom('application_objections')
    .select(['seq', 'status'])
    .where('id', '=', move.objectionId)
    .where('application_seq', '=', row.seq)
    .executeTakeFirst();
  if (!objection) throw notFound(fill(TEXT.noObjection, { id: move.objectionId }));
  if (objection.status !== 'open') throw new ProblemError('conflict', TEXT.decided);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const note = move.note.trim();
  const upheld = move.action === 'upholdObjection';
  const decided = await trx
    .updateTable('application_objections')
    .set({
      status: upheld ? 'upheld' : 'dismissed',
      decided_note: note,
      decided_by: principal.userId,
      decided_at: at,
      decided_ts: now,
    })
    .where('seq', '=', objection.seq)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(decided.numUpdatedRows) !== 1) throw new ProblemError('conflict', TEXT.decidedMeanwhile);
  // Dismissing changes the application too (its last reviewer, its update time), conditionally on it being under
  // notice still: a dismissal never lands on an application another reviewer has just rejected.
  const noticeEnds = Math.min(now, row.notice_ends_ts ?? now);
  const application = await trx
    .updateTable('provider_applications')
    .set({
      updated_at: at,
      reviewed_by: principal.userId,
      ...(upheld ? { status: 'rejected', notice_ends_ts: noticeEnds, notice_ends_on: shanghaiDay(noticeEnds) } : {}),
    })
    .where('seq', '=', row.seq)
    .where('status', '=', 'publicNotice')
    .executeTakeFirst();
  if (Number(application.numUpdatedRows) !== 1) throw new ProblemError('conflict', TEXT.decidedMeanwhile);
  await trx
    .insertInto('provider_application_timeline')
    .values({ application_seq: row.seq, status: upheld ? 'rejected' : 'publicNotice', at, actor: 'center', note })
    .execute();
  return trx.selectFrom('provider_applications').selectAll().where('seq', '=', row.seq).executeTakeFirstOrThrow();
}
