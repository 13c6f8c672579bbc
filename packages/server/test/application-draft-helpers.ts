// Applications whose reviewer asked for changes, written straight into a test server's copy of the seeded database
// (the review's transitions are another part of issue 19), each with a resume key the test knows.
import { randomBytes } from 'node:crypto';
import type { ProviderApplicationRevision } from '@smec/schemas';
import { DEMO_APPLICATION, DEMO_FILE } from '@smec/schemas/openapi';
import { usccCheckCharacter } from '@smec/schemas/rules';
import type { Database } from '@smec/server';
import type { Kysely } from 'kysely';
import { keyHash } from '../src/files/store.js';

export interface KeyedApplication {
  readonly applicationNo: string;
  readonly resumeKey: string;
  /** The application as kept, its licence the demo's sample: a resubmission names it without its key. */
  readonly input: ProviderApplicationRevision;
}

/** A law firm's USCC (31…) with its check character, from a five-digit serial of the caller's. */
export function usccOf(series: string, serial: number): string {
  const first17 = `31440000${series}${String(serial).padStart(5, '0')}`;
  return `${first17}${usccCheckCharacter(first17) ?? ''}`;
}

/** `count` applications to insert with {@link insertChangesRequested}; `series` (4 characters) keeps USCCs apart. */
export function changesRequestedApplications(series: string, count: number): KeyedApplication[] {
  return Array.from({ length: count }, (_, index) => {
    const example = DEMO_APPLICATION.input;
    const input: ProviderApplicationRevision = {
      ...structuredClone(example),
      organisation: { ...example.organisation, uscc: usccOf(series, index), name: `测试律师事务所${series}${index}` },
      files: { licence: { id: DEMO_FILE.id }, certificates: [] },
    } as ProviderApplicationRevision;
    return {
      applicationNo: `RZ20990101${series.slice(0, 4)}${String(index).padStart(2, '0')}`,
      resumeKey: randomBytes(32).toString('base64url'),
      input,
    };
  });
}

/** Writes the applications as the review would leave them: submitted, then changes requested with a note. */
export async function insertChangesRequested(db: Kysely<Database>, applications: readonly KeyedApplication[]) {
  for (const application of applications) {
    const at = '2026-11-01T10:00:00+08:00';
    const inserted = await db
      .insertInto('provider_applications')
      .values({
        id: `pap-${randomBytes(8).toString('hex')}`,
        application_no: application.applicationNo,
        uscc: application.input.organisation.uscc,
        name: application.input.organisation.name,
        region_code: application.input.organisation.regionCode,
        phone_hash: 'not-the-lookup-of-these',
        status: 'changesRequested',
        input: JSON.stringify(application.input),
        submitted_at: at,
        submitted_ts: Date.parse(at),
        updated_at: at,
        resume_key_hash: keyHash(application.resumeKey),
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('provider_application_files')
      .values({ application_seq: inserted.seq, file_id: DEMO_FILE.id, role: 'licence' })
      .execute();
    await db
      .insertInto('provider_application_timeline')
      .values([
        { application_seq: inserted.seq, status: 'submitted', at, actor: 'applicant', note: null },
        { application_seq: inserted.seq, status: 'changesRequested', at, actor: 'center', note: '请补充资质证书' },
      ])
      .execute();
  }
}
