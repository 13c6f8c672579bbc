// Drafts of applications to join: saved by anyone without an account, resumed on any device with the resume key,
// kept thirty days after their last save by the platform's clock, and submitted under the number they were given.
import type {
  CreatedApplicationDraft,
  DraftFile,
  FieldError,
  ProviderApplicationDraft,
  ProviderApplicationDraftInput,
  ProviderApplicationRevision,
  StoredApplicationDraft,
  SubmittedProviderApplication,
} from '@smec/schemas';
import {
  DRAFT_LIFETIME_DAYS,
  checkFoundedOn,
  messageText,
  shanghaiDayOf,
  type MessageLocale,
} from '@smec/schemas/rules';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ProviderApplicationDraftTable } from '../db/schema.js';
import { newTrackingNo } from '../demands/tracking.js';
import { keyHash } from '../files/store.js';
import type { Localized } from '../http/localized.js';
import { notFound, validationFailed } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { applicantsFiles, createApplication, type ApplicationContext } from './store.js';
import { newResumeKey, resumeKeyMatches } from './resume-key.js';

const DAY_MS = 86_400_000;
const LIFETIME_MS = DRAFT_LIFETIME_DAYS * DAY_MS;

/** A wrong number, a wrong key and an expired draft: the same 404. */
export const NO_DRAFT: Localized = {
  'zh-CN': '没有与该申请编号和续填密钥相符的草稿（草稿在最后一次保存 30 天后失效）。',
  'zh-HK': '沒有與該申請編號和續填密鑰相符的草稿（草稿在最後一次儲存 30 天後失效）。',
  en: 'No draft matches this application number and resume key (a draft is kept 30 days after its last save).',
};

type DraftRow = Selectable<ProviderApplicationDraftTable>;
type Db = Kysely<Database> | Transaction<Database>;

/** The files a draft names, in order: the licence first. */
function draftFilesOf(input: ProviderApplicationDraftInput) {
  const files = input.files ?? {};
  return [
    ...(files.licence ? [{ ...files.licence, role: 'licence' as const }] : []),
    ...(files.certificates ?? []).map((file) => ({ ...file, role: 'certificate' as const })),
  ];
}

/**
 * Checks what the schema cannot, for the fields the draft has: the founding date by the platform's clock, the
 * regions, and that each file is the applicant's (its key, or named by this draft already).
 */
export async function checkDraftReferences(
  context: ApplicationContext,
  input: ProviderApplicationDraftInput,
  locale: MessageLocale,
  attached: ReadonlySet<string> = new Set(),
): Promise<void> {
  const errors: FieldError[] = [];
  const refuse = (path: string, code: string) => errors.push({ path, message: messageText(code, locale), code });
  const { organisation, scope } = input;
  if (organisation?.foundedOn !== undefined) {
    const founded = checkFoundedOn(organisation.foundedOn, shanghaiDayOf(context.clock.now()));
    if (founded) refuse('body.organisation.foundedOn', founded);
  }
  if (organisation?.regionCode !== undefined && !context.regions.get(organisation.regionCode)) {
    refuse('body.organisation.regionCode', 'region.unknown');
  }
  (scope?.regionsServed ?? []).forEach((code, index) => {
    if (!context.regions.get(code)) refuse(`body.scope.regionsServed.${index}`, 'region.unknown');
  });
  const files = input.files ?? {};
  const owned = await applicantsFiles(context.db, draftFilesOf(input), attached);
  if (files.licence && !owned.has(files.licence.id)) refuse('body.files.licence', 'application.licence');
  (files.certificates ?? []).forEach((file, index) => {
    if (!owned.has(file.id)) refuse(`body.files.certificates.${index}`, 'invalid');
  });
  if (errors.length > 0) throw validationFailed(errors);
}

/** The draft as kept: the files by id and name, never their keys. */
function storedDraft(input: ProviderApplicationDraftInput): ProviderApplicationDraftInput {
  const withoutKey = (file: { id: string; name?: string | undefined }) => ({
    id: file.id,
    ...(file.name === undefined ? {} : { name: file.name }),
  });
  const { files, ...rest } = input;
  if (!files) return rest;
  return {
    ...rest,
    files: {
      ...(files.licence ? { licence: withoutKey(files.licence) } : {}),
      certificates: (files.certificates ?? []).map(withoutKey),
    },
  };
}

/** The ids of the files a draft names. */
export async function draftFileIds(db: Db, seq: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('provider_application_draft_files')
    .select('file_id')
    .where('draft_seq', '=', seq)
    .execute();
  return new Set(rows.map((row) => row.file_id));
}

async function viewOf(db: Db, row: DraftRow): Promise<ProviderApplicationDraft> {
  const input = JSON.parse(row.input) as ProviderApplicationDraftInput;
  const rows = await db
    .selectFrom('provider_application_draft_files as d')
    .innerJoin('files as f', 'f.id', 'd.file_id')
    .select(['d.file_id', 'd.role', 'd.name', 'f.media_type', 'f.size'])
    .where('d.draft_seq', '=', row.seq)
    .execute();
  const byId = new Map(rows.map((file) => [file.file_id, file]));
  const fileOf = (id: string): DraftFile[] => {
    const file = byId.get(id);
    if (!file) return [];
    return [
      {
        id,
        ...(file.name === null ? {} : { name: file.name }),
        mediaType: file.media_type as DraftFile['mediaType'],
        size: Number(file.size),
      },
    ];
  };
  const { files, ...fields } = input;
  const draft: StoredApplicationDraft = {
    ...(fields as Omit<StoredApplicationDraft, 'files'>),
    files: {
      ...(files?.licence ? { licence: fileOf(files.licence.id)[0] } : {}),
      certificates: (files?.certificates ?? []).flatMap((file) => fileOf(file.id)),
    },
  };
  if (draft.files.licence === undefined) delete draft.files.licence;
  return {
    applicationNo: row.application_no,
    draft,
    savedAt: row.saved_at,
    expiresAt: shanghaiDateTime(Number(row.expires_ts)),
  };
}

async function replaceFiles(trx: Transaction<Database>, seq: number, input: ProviderApplicationDraftInput) {
  await trx.deleteFrom('provider_application_draft_files').where('draft_seq', '=', seq).execute();
  const files = draftFilesOf(input).map((file) => ({
    draft_seq: seq,
    file_id: file.id,
    role: file.role,
    name: file.name ?? null,
  }));
  // A file named twice (a licence also given as a certificate) is kept once, as what it was named first.
  const unique = files.filter((file, index) => files.findIndex((other) => other.file_id === file.file_id) === index);
  if (unique.length > 0) await trx.insertInto('provider_application_draft_files').values(unique).execute();
}

/** Forgets the drafts past their thirty days, with their files' links (the files themselves stay). */
async function forgetExpired(trx: Transaction<Database>, now: number): Promise<void> {
  const expired = trx.selectFrom('provider_application_drafts').select('seq').where('expires_ts', '<=', now);
  await trx.deleteFrom('provider_application_draft_files').where('draft_seq', 'in', expired).execute();
  await trx.deleteFrom('provider_application_drafts').where('expires_ts', '<=', now).execute();
}

/** Stores a new draft under a number no application or draft has, and answers with its resume key, said only here. */
export async function createDraft(
  context: ApplicationContext,
  trx: Transaction<Database>,
  input: ProviderApplicationDraftInput,
): Promise<CreatedApplicationDraft> {
  const now = context.clock.now();
  await forgetExpired(trx, now);
  const resumeKey = newResumeKey();
  const at = shanghaiDateTime(now);
  for (let attempt = 0; attempt < 8; attempt++) {
    const applicationNo = newTrackingNo(new Date(now), 'RZ');
    const application = await trx
      .selectFrom('provider_applications')
      .select('seq')
      .where('application_no', '=', applicationNo)
      .executeTakeFirst();
    if (application) continue;
    const inserted = await trx
      .insertInto('provider_application_drafts')
      .values({
        application_no: applicationNo,
        key_hash: keyHash(resumeKey),
        input: JSON.stringify(storedDraft(input)),
        created_at: at,
        saved_at: at,
        saved_ts: now,
        expires_ts: now + LIFETIME_MS,
      })
      .onConflict((conflict) => conflict.doNothing())
      .returning('seq')
      .executeTakeFirst();
    if (!inserted) continue;
    await replaceFiles(trx, inserted.seq, input);
    const row = await trx
      .selectFrom('provider_application_drafts')
      .selectAll()
      .where('seq', '=', inserted.seq)
      .executeTakeFirstOrThrow();
    return { ...(await viewOf(trx, row)), resumeKey };
  }
  throw new Error('Could not draw a free application number');
}

/** The draft if the number and the key match and it has not expired; undefined otherwise, whichever was wrong. */
export async function findDraft(
  context: ApplicationContext,
  db: Db,
  applicationNo: string,
  resumeKey: string,
): Promise<DraftRow | undefined> {
  const row = await db
    .selectFrom('provider_application_drafts')
    .selectAll()
    .where('application_no', '=', applicationNo)
    .where('expires_ts', '>', context.clock.now())
    .executeTakeFirst();
  return resumeKeyMatches(resumeKey, row?.key_hash) ? row : undefined;
}

export function draftView(context: ApplicationContext, row: DraftRow): Promise<ProviderApplicationDraft> {
  return viewOf(context.db, row);
}

/** Replaces what the draft holds and keeps it thirty days from now. */
export async function saveDraft(
  context: ApplicationContext,
  trx: Transaction<Database>,
  row: DraftRow,
  input: ProviderApplicationDraftInput,
): Promise<ProviderApplicationDraft> {
  const now = context.clock.now();
  await trx
    .updateTable('provider_application_drafts')
    .set({
      input: JSON.stringify(storedDraft(input)),
      saved_at: shanghaiDateTime(now),
      saved_ts: now,
      expires_ts: now + LIFETIME_MS,
    })
    .where('seq', '=', row.seq)
    .execute();
  await replaceFiles(trx, row.seq, input);
  const saved = await trx
    .selectFrom('provider_application_drafts')
    .selectAll()
    .where('seq', '=', row.seq)
    .executeTakeFirstOrThrow();
  return viewOf(trx, saved);
}

/** Submits the whole application under the draft's number; the draft is gone. The checks ran before. */
export async function submitDraft(
  context: ApplicationContext,
  trx: Transaction<Database>,
  row: DraftRow,
  input: ProviderApplicationRevision,
): Promise<SubmittedProviderApplication> {
  // Deleted first, in the same transaction: of two submissions at once, the second finds no draft.
  const deleted = await trx.deleteFrom('provider_application_drafts').where('seq', '=', row.seq).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) throw notFound(NO_DRAFT);
  return createApplication(context, trx, input, { applicationNo: row.application_no });
}
