// The applicant's own application, read with its resume key (with the reviewer's notes), and resubmitted after the
// reviewer asked for changes.
import type { ProviderApplication, ProviderApplicationRevision, StoredApplication } from '@smec/schemas';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ProviderApplicationTable } from '../db/schema.js';
import { phoneHash } from '../demands/tracking.js';
import type { Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { resumeKeyMatches } from './resume-key.js';
import {
  applicationFiles,
  openApplicationOf,
  refuseOpenApplication,
  refuseProvider,
  statusViewOf,
  storedInput,
  timelineOf,
  type ApplicationContext,
} from './store.js';

type Row = Selectable<ProviderApplicationTable>;
type Db = Kysely<Database> | Transaction<Database>;

/** What the timeline says of a resubmission. */
export const RESUBMITTED_NOTE = '重新提交';

export const NO_APPLICATION: Localized = {
  'zh-CN': '没有与该申请编号和续填密钥相符的入驻申请，请核对后重试。',
  'zh-HK': '沒有與該申請編號和續填密鑰相符的入駐申請，請核對後再試。',
  en: 'No application matches this application number and resume key. Check both and try again.',
};

const NOT_CHANGES_REQUESTED: Localized = {
  'zh-CN': '只有被要求修改的申请才能重新提交；该申请当前不在“需修改”状态。',
  'zh-HK': '只有被要求修改的申請才能重新提交；該申請目前不在「需修改」狀態。',
  en: 'Only an application the reviewer asked to change can be resubmitted; this one is not waiting for changes.',
};

/** A 409 unless the reviewer asked for changes: only then may the applicant resubmit. */
export function refuseUnlessChangesRequested(row: Row): void {
  if (row.status !== 'changesRequested') throw new ProblemError('conflict', NOT_CHANGES_REQUESTED);
}

/** The application if the number and the key match; undefined otherwise, whichever was wrong. */
export async function findOwnApplication(db: Db, applicationNo: string, resumeKey: string): Promise<Row | undefined> {
  const row = await db
    .selectFrom('provider_applications')
    .selectAll()
    .where('application_no', '=', applicationNo)
    .executeTakeFirst();
  return resumeKeyMatches(resumeKey, row?.resume_key_hash) ? row : undefined;
}

/** The application, its status view and its timeline with the reviewer's notes. */
export async function ownApplicationView(db: Db, row: Row): Promise<ProviderApplication> {
  const application = JSON.parse(row.input) as StoredApplication;
  return { ...statusViewOf(row, application, await timelineOf(db, row.seq)), id: row.id, application };
}

/** The ids of the files the application names: its applicant resubmits them without their keys. */
export async function applicationFileIds(db: Db, seq: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('provider_application_files')
    .select('file_id')
    .where('application_seq', '=', seq)
    .execute();
  return new Set(rows.map((file) => file.file_id));
}

/**
 * Replaces the application with the revised one and sends it back to review (`submitted`), with a timeline step.
 * Only from `changesRequested`: anything else, and the second of two resubmissions at once, is a 409.
 */
export async function resubmitApplication(
  context: ApplicationContext,
  trx: Transaction<Database>,
  row: Row,
  input: ProviderApplicationRevision,
): Promise<ProviderApplication> {
  const uscc = input.organisation.uscc;
  if (uscc !== row.uscc) {
    await refuseProvider(trx, uscc);
    if (await openApplicationOf(trx, uscc, row.seq)) refuseOpenApplication();
  }
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const stored = storedInput(input);
  const updated = await trx
    .updateTable('provider_applications')
    .set({
      uscc,
      name: input.organisation.name.trim(),
      region_code: input.organisation.regionCode,
      phone_hash: phoneHash(context.secret, input.contact.mobile),
      status: 'submitted',
      // The reviewer's notes were answered by this revision; the timeline keeps what was asked.
      change_notes: null,
      input: JSON.stringify(stored),
      updated_at: at,
    })
    .where('seq', '=', row.seq)
    .where('status', '=', 'changesRequested')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new ProblemError('conflict', NOT_CHANGES_REQUESTED);
  await trx.deleteFrom('provider_application_files').where('application_seq', '=', row.seq).execute();
  await trx.insertInto('provider_application_files').values(applicationFiles(row.seq, input)).execute();
  await trx
    .insertInto('provider_application_timeline')
    .values({ application_seq: row.seq, status: 'submitted', at, actor: 'applicant', note: RESUBMITTED_NOTE })
    .execute();
  const saved = await trx
    .selectFrom('provider_applications')
    .selectAll()
    .where('seq', '=', row.seq)
    .executeTakeFirstOrThrow();
  return ownApplicationView(trx, saved);
}
