// Applications to join the network: what the schema cannot check (the platform's day, the regions, the files, the
// organisation not being a provider already), storing one, and looking one up by its number and mobile.
import { randomBytes } from 'node:crypto';
import type {
  ApplicationTimelineEntry,
  FieldError,
  ProviderApplication,
  ProviderApplicationInput,
  ProviderApplicationStatusView,
  StoredApplication,
} from '@smec/schemas';
import { checkFoundedOn, messageText, shanghaiDayOf, type MessageLocale } from '@smec/schemas/rules';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Clock } from '../clock.js';
import type { Database, ProviderApplicationTable } from '../db/schema.js';
import { newTrackingNo, phoneHash, sameHash } from '../demands/tracking.js';
import { filesWithKeys } from '../files/store.js';
import type { Localized } from '../http/localized.js';
import { ProblemError, validationFailed } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';

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

/** Checks what the schema cannot: today's date by the platform's clock, the regions, and that each file is the applicant's. */
export async function checkApplicationReferences(
  context: ApplicationContext,
  input: ProviderApplicationInput,
  locale: MessageLocale,
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
  const owned = await filesWithKeys(context.db, [licence, ...certificates]);
  if (!owned.has(licence.id)) refuse('body.files.licence', 'application.licence');
  certificates.forEach((file, index) => {
    if (!owned.has(file.id)) refuse(`body.files.certificates.${index}`, 'invalid');
  });
  if (errors.length > 0) throw validationFailed(errors);
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
function storedInput(input: ProviderApplicationInput): StoredApplication {
  const withoutKey = (file: { id: string }) => ({ id: file.id });
  return {
    ...input,
    files: { licence: withoutKey(input.files.licence), certificates: input.files.certificates.map(withoutKey) },
  };
}

/** Stores the application, its first timeline step and its files; one under way per organisation (a unique index). */
export async function createApplication(
  context: ApplicationContext,
  trx: Transaction<Database>,
  input: ProviderApplicationInput,
): Promise<ProviderApplication> {
  const provider = await trx
    .selectFrom('providers')
    .select('id')
    .where('uscc', '=', input.organisation.uscc)
    .executeTakeFirst();
  if (provider) throw new ProblemError('conflict', TEXT.alreadyProvider);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const stored = storedInput(input);
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = {
      id: `pap-${randomBytes(8).toString('hex')}`,
      application_no: newTrackingNo(new Date(now), 'RZ'),
      uscc: input.organisation.uscc,
      name: input.organisation.name.trim(),
      region_code: input.organisation.regionCode,
      phone_hash: phoneHash(context.secret, input.contact.mobile),
      status: 'submitted',
      input: JSON.stringify(stored),
      submitted_at: at,
      submitted_ts: now,
      updated_at: at,
    };
    const inserted = await trx
      .insertInto('provider_applications')
      .values(row)
      .onConflict((conflict) => conflict.doNothing())
      .returning('seq')
      .executeTakeFirst();
    if (!inserted) {
      // Either the organisation has one under way (the partial unique index), or the number was taken: draw again.
      const open = await trx
        .selectFrom('provider_applications')
        .select('seq')
        .where('uscc', '=', row.uscc)
        .where('status', 'in', ['submitted', 'changesRequested', 'publicNotice'])
        .executeTakeFirst();
      if (open) throw new ProblemError('conflict', TEXT.openApplication);
      continue;
    }
    const files = [
      { application_seq: inserted.seq, file_id: input.files.licence.id, role: 'licence' as const },
      ...input.files.certificates.map((file) => ({
        application_seq: inserted.seq,
        file_id: file.id,
        role: 'certificate' as const,
      })),
    ];
    await trx.insertInto('provider_application_files').values(files).execute();
    await trx
      .insertInto('provider_application_timeline')
      .values({ application_seq: inserted.seq, status: 'submitted', at, actor: 'applicant', note: null })
      .execute();
    const saved = await trx
      .selectFrom('provider_applications')
      .selectAll()
      .where('seq', '=', inserted.seq)
      .executeTakeFirstOrThrow();
    return { ...statusViewOf(saved, stored, await timelineOf(trx, saved.seq)), id: saved.id, application: stored };
  }
  throw new Error('Could not draw a free application number');
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
