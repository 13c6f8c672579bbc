import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * True when the resume key (`resumeKeyHash`, its hash) is that of an application, or of a draft not yet expired, that names the file: its
 * applicant reads it again on any device, without the file's own key. The key is random (256 bits), so comparing its
 * hash in the query gives nothing away.
 */
export async function applicantReads(
  db: Kysely<Database>,
  id: string,
  resumeKeyHash: string,
  now: number,
): Promise<boolean> {
  const hash = resumeKeyHash;
  const application = await db
    .selectFrom('provider_application_files as f')
    .innerJoin('provider_applications as a', 'a.seq', 'f.application_seq')
    .select('f.file_id')
    .where('f.file_id', '=', id)
    .where('a.resume_key_hash', '=', hash)
    .executeTakeFirst();
  if (application) return true;
  const draft = await db
    .selectFrom('provider_application_draft_files as f')
    .innerJoin('provider_application_drafts as d', 'd.seq', 'f.draft_seq')
    .select('f.file_id')
    .where('f.file_id', '=', id)
    .where('d.key_hash', '=', hash)
    .where('d.expires_ts', '>', now)
    .executeTakeFirst();
  return draft !== undefined;
}
