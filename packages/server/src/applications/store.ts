// Applications to join the network: what the schema cannot check (the platform's day, the regions, the files, the
// organisation not being a provider already), storing one, and looking one up by its number and mobile.
import { randomBytes } from 'node:crypto';
import type {
  ApplicationTimelineEntry,
  FieldError,
  ProviderApplicationRevision,
  ProviderApplicationStatusView,
  StoredApplication,
  SubmittedProviderApplication,
} from '@smec/schemas';
import { checkFoundedOn, messageText, shanghaiDayOf, type MessageLocale } from '@smec/schemas/rules';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Clock } from '../clock.js';
import type { Database, ProviderApplicationTable } from '../db/schema.js';
import { newTrackingNo, phoneHash, sameHash } from '../demands/tracking.js';
import { filesWithKeys, keyHash } from '../files/store.js';
import type { Localized } from '../http/localized.js';
import { ProblemError, validationFailed } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { newResumeKey } from './resume-key.js';

export interface ApplicationContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  /** Keys the mobile hashes. */
  readonly secret: Buffer;
  readonly clock: Clock;
}

const TEXT = {
  alreadyProvider: {
    'zh-CN': '该统一社会信用代码的机构已入驻平台，无需再次申请。',
    'zh-HK': '該統一社會信用代碼的機構已入駐平台，無需再次申請。',
    en: 'An organisation with this credit code is already a provider on the platform.',
  },
  openApplication: {
    'zh-CN': '该机构已有一份正在办理的入驻申请，请用申请编号查询进度。',
    'zh-HK': '該機構已有一份正在辦理的入駐申請，請用申請編號查詢進度。',
    en: 'This organisation already has an application under way; look it up by its number.',
  },
} as const satisfies Record<string, Localized>;

/**
 * Checks what the schema cannot: today's date by the platform's clock, the regions, and that each file is the
 * applicant's: named with its key, or `attached` already (to the draft or the application being resubmitted).
 */
export async function checkApplicationReferences(
  context: ApplicationContext,
  input: ProviderApplicationRevision,
  locale: MessageLocale,
  attached: ReadonlySet<string> = new Set(),
): Promise<void> {
  const errors: FieldError[] = [];
  const refuse = (path: string, code: string) => errors.push({ path, message: messageText(code, locale), code });
  const today = shanghaiDayOf(context.clock.now());
  const founded = checkFoundedOn(input.organisation.foundedOn, today);
  if (founded) refuse('body.organisation.foundedOn', founded);
  if (!context.regions.get(input.organisation.regionCode)) refuse('body.organisation.regionCode', 'region.unknown');
  input.scope.regionsServed.forEach((code, index) => {
    if (!context.regions.get(code)) refuse(`body.scope.regionsServed.${index}`, 'region.unknown');
  });
  const { licence, certificates } = input.files;
  const owned = await applicantsFiles(context.db, [licence, ...certificates], attached);
  if (!owned.has(licence.id)) refuse('body.files.licence', 'application.licence');
  certificates.forEach((file, index) => {
    if (!owned.has(file.id)) refuse(`body.files.certificates.${index}`, 'invalid');
  });
  if (errors.length > 0) throw validationFailed(errors);
}

/** The ids of the named files that are the applicant's: those with the right key, and those already attached. */
export async function applicantsFiles(
  db: Kysely<Database> | Transaction<Database>,
  files: readonly { readonly id: string; readonly key?: string | undefined }[],
  attached: ReadonlySet<string>,
): Promise<Set<string>> {
  const keyed = files.flatMap((file) => (file.key === undefined ? [] : [{ id: file.id, key: file.key }]));
  const owned = await filesWithKeys(db, keyed);
  for (const file of files) if (file.key === undefined && attached.has(file.id)) owned.add(file.id);
  return owned;
}

type Row = Selectable<ProviderApplicationTable>;

export async function timelineOf(db: Kysely<Database> | Transaction<Database>, seq: number) {
  const rows = await db
    .selectFrom('provider_application_timeline')
    .select(['status', 'at', 'actor', 'note'])
    .where('application_seq', '=', seq)
    .orderBy('seq')
    .execute();
  return rows as ApplicationTimelineEntry[];
}

export function statusViewOf(row: Row, input: StoredApplication, timeline: ApplicationTimelineEntry[]) {
  return {
    applicationNo: row.application_no,
    name: row.name,
    uscc: row.uscc,
    regionCode: row.region_code,
    categoryIds: input.scope.categoryIds,
    status: row.status as ProviderApplicationStatusView['status'],
    timeline,
    changeNotes: row.change_notes ? (JSON.parse(row.change_notes) as ProviderApplicationStatusView['changeNotes']) : [],
    noticeEndsOn: row.notice_ends_on,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  } satisfies ProviderApplicationStatusView;
}

/** The input as stored: the files by id only, since a key is the uploader's and never kept in the clear. */
export function storedInput(input: ProviderApplicationRevision): StoredApplication {
  const withoutKey = (file: { id: string }) => ({ id: file.id });
  return {
    ...input,
    files: { licence: withoutKey(input.files.licence), certificates: input.files.certificates.map(withoutKey) },
  };
}

/** True when an application or a draft holds the number: a draft's number is the application's to be. */
async function numberTaken(trx: Transaction<Database>, applicationNo: string): Promise<boolean> {
  const draft = await trx
    .selectFrom('provider_application_drafts')
    .select('seq')
    .where('application_no', '=', applicationNo)
    .executeTakeFirst();
  return draft !== undefined;
}

/** The one open application of the organisation, if it has one (another than `except`). */
export async function openApplicationOf(trx: Transaction<Database>, uscc: string, except?: number) {
  let query = trx
    .selectFrom('provider_applications')
    .select('seq')
    .where('uscc', '=', uscc)
    .where('status', 'in', ['submitted', 'changesRequested', 'publicNotice']);
  if (except !== undefined) query = query.where('seq', '<>', except);
  return query.executeTakeFirst();
}

/** Refuses an organisation that is a provider already. */
export async function refuseProvider(trx: Transaction<Database>, uscc: string): Promise<void> {
  const provider = await trx.selectFrom('providers').select('id').where('uscc', '=', uscc).executeTakeFirst();
  if (provider) throw new ProblemError('conflict', TEXT.alreadyProvider);
}

export function refuseOpenApplication(): never {
  throw new ProblemError('conflict', TEXT.openApplication);
}

export interface CreateOptions {
  /** The number to keep: a draft's, when the application is submitted from it. */
  readonly applicationNo?: string;
}

/**
 * Stores the application, its first timeline step and its files; one under way per organisation (a unique index).
 * Answers with a new resume key, said only here: the applicant's way back to its application.
 */
export async function createApplication(
  context: ApplicationContext,
  trx: Transaction<Database>,
  input: ProviderApplicationRevision,
  options: CreateOptions = {},
): Promise<SubmittedProviderApplication> {
  await refuseProvider(trx, input.organisation.uscc);
  const resumeKey = newResumeKey();
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const stored = storedInput(input);
  for (let attempt = 0; attempt < 8; attempt++) {
    const applicationNo = options.applicationNo ?? newTrackingNo(new Date(now), 'RZ');
    if (options.applicationNo === undefined && (await numberTaken(trx, applicationNo))) continue;
    const row = {
      id: `pap-${randomBytes(8).toString('hex')}`,
      application_no: applicationNo,
      uscc: input.organisation.uscc,
      name: input.organisation.name.trim(),
      region_code: input.organisation.regionCode,
      phone_hash: phoneHash(context.secret, input.contact.mobile),
      status: 'submitted',
      input: JSON.stringify(stored),
      submitted_at: at,
      submitted_ts: now,
      updated_at: at,
      resume_key_hash: keyHash(resumeKey),
    };
    const inserted = await trx
      .insertInto('provider_applications')
      .values(row)
      .onConflict((conflict) => conflict.doNothing())
      .returning('seq')
      .executeTakeFirst();
    if (!inserted) {
      // Either the organisation has one under way (the partial unique index), or the number was taken: draw again.
      if (await openApplicationOf(trx, row.uscc)) refuseOpenApplication();
      if (options.applicationNo !== undefined) throw new Error(`Application number ${applicationNo} is taken`);
      continue;
    }
    await trx.insertInto('provider_application_files').values(applicationFiles(inserted.seq, input)).execute();
    await trx
      .insertInto('provider_application_timeline')
      .values({ application_seq: inserted.seq, status: 'submitted', at, actor: 'applicant', note: null })
      .execute();
    const saved = await trx
      .selectFrom('provider_applications')
      .selectAll()
      .where('seq', '=', inserted.seq)
      .executeTakeFirstOrThrow();
    return {
      ...statusViewOf(saved, stored, await timelineOf(trx, saved.seq)),
      id: saved.id,
      application: stored,
      resumeKey,
    };
  }
  throw new Error('Could not draw a free application number');
}

/** The rows of the files an application names. */
export function applicationFiles(seq: number, input: ProviderApplicationRevision) {
  return [
    { application_seq: seq, file_id: input.files.licence.id, role: 'licence' as const },
    ...input.files.certificates.map((file) => ({
      application_seq: seq,
      file_id: file.id,
      role: 'certificate' as const,
    })),
  ];
}

/** A hash to compare with when no application has the number, so that both misses take the same time. */
const ABSENT_HASH = 'x'.repeat(43);

/** The status view if the number and the mobile match; undefined otherwise, whichever was wrong. */
export async function lookupApplication(
  context: ApplicationContext,
  applicationNo: string,
  mobile: string,
): Promise<ProviderApplicationStatusView | undefined> {
  const row = await context.db
    .selectFrom('provider_applications')
    .selectAll()
    .where('application_no', '=', applicationNo)
    .executeTakeFirst();
  const matches = sameHash(phoneHash(context.secret, mobile), row?.phone_hash ?? ABSENT_HASH);
  if (!row || !matches) return undefined;
  const input = JSON.parse(row.input) as StoredApplication;
  return statusViewOf(row, input, await timelineOf(context.db, row.seq));
}
