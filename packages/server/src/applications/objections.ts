// Objections to an applicant under public notice (公示异议): anyone files one while the notice runs; the reviewers
// see them with the application and decide each (review.ts).
import { randomBytes } from 'node:crypto';
import type { ApplicationObjection, FiledObjection, ObjectionInput } from '@smec/schemas';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApplicationObjectionTable, Database } from '../db/schema.js';
import { phoneHash } from '../demands/tracking.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { ApplicationContext } from './store.js';

type Db = Kysely<Database> | Transaction<Database>;

export const OBJECTION_TEXT = {
  noNotice: {
    'zh-CN': '没有编号为 {id} 的公示。',
    'zh-HK': '沒有編號為 {id} 的公示。',
    en: 'There is no public notice {id}.',
  },
  notUnderNotice: {
    'zh-CN': '该机构目前不在公示期内，不能提出异议。',
    'zh-HK': '該機構目前不在公示期內，不能提出異議。',
    en: 'This organisation is not under public notice now, so no objection can be filed.',
  },
  noticeEnded: {
    'zh-CN': '该机构的公示已于 {day} 结束，不能再提出异议。',
    'zh-HK': '該機構的公示已於 {day} 結束，不能再提出異議。',
    en: 'The public notice of this organisation ended on {day}; objections are no longer accepted.',
  },
} as const satisfies Record<string, Localized>;

/** True while the notice of an application in `publicNotice` runs: until the instant it ends, by the clock. */
export function noticeRuns(row: { status: string; notice_ends_ts: number | null }, now: number): boolean {
  return row.status === 'publicNotice' && row.notice_ends_ts !== null && now < row.notice_ends_ts;
}

/** Files an objection against the application under notice `noticeId`; 404 for an unknown one, 409 out of notice. */
export async function fileObjection(
  context: ApplicationContext,
  trx: Transaction<Database>,
  noticeId: string,
  input: ObjectionInput,
): Promise<FiledObjection> {
  const application = await trx
    .selectFrom('provider_applications')
    .select(['seq', 'status', 'notice_ends_ts', 'notice_ends_on'])
    .where('id', '=', noticeId)
    .executeTakeFirst();
  if (!application) throw notFound(fill(OBJECTION_TEXT.noNotice, { id: noticeId }));
  const now = context.clock.now();
  if (application.status !== 'publicNotice') throw new ProblemError('conflict', OBJECTION_TEXT.notUnderNotice);
  if (!noticeRuns(application, now)) {
    throw new ProblemError('conflict', fill(OBJECTION_TEXT.noticeEnded, { day: application.notice_ends_on ?? '' }));
  }
  const row = {
    id: `obj-${randomBytes(8).toString('hex')}`,
    application_seq: application.seq,
    name: input.name.trim(),
    phone_hash: phoneHash(context.secret, input.mobile),
    reason: input.reason.trim(),
    status: 'open' as const,
    created_at: shanghaiDateTime(now),
    created_ts: now,
  };
  await trx.insertInto('application_objections').values(row).execute();
  return { id: row.id, noticeId, status: row.status, createdAt: row.created_at };
}

/** An objection as the reviewers see it: without the hash of the mobile. */
export function objectionView(row: Selectable<ApplicationObjectionTable>): ApplicationObjection {
  return {
    id: row.id,
    name: row.name,
    reason: row.reason,
    status: row.status,
    note: row.decided_note,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

/** The objections of the applications, oldest first, by application seq. */
export async function objectionsOf(db: Db, seqs: readonly number[]): Promise<Map<number, ApplicationObjection[]>> {
  const found = new Map<number, ApplicationObjection[]>();
  if (seqs.length === 0) return found;
  const rows = await db
    .selectFrom('application_objections')
    .selectAll()
    .where('application_seq', 'in', seqs)
    .orderBy('seq')
    .execute();
  for (const row of rows) {
    const list = found.get(row.application_seq) ?? [];
    list.push(objectionView(row));
    found.set(row.application_seq, list);
  }
  return found;
}
