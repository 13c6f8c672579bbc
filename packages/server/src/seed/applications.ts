// The demo's application to join under review: the one the OpenAPI document's lookup example finds. The seed's
// applications in every state come with the review (issue 19's later steps).
import { DEMO_APPLICATION } from '@smec/schemas/openapi';
import type { DatabaseHandle } from '../db/database.js';
import { phoneHash } from '../demands/tracking.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { SeedOptions } from './catalog.js';

/** Three days before the seed's instant: the application waits for its review. */
const SUBMITTED_DAYS_AGO = 3;

export function seedApplications(handle: DatabaseHandle, secret: Buffer, options: SeedOptions): void {
  const { sqlite } = handle;
  const input = DEMO_APPLICATION.input;
  const stored = { ...input, files: { licence: { id: input.files.licence.id }, certificates: [] } };
  const submittedTs = options.asOf - SUBMITTED_DAYS_AGO * 86_400_000;
  const at = shanghaiDateTime(submittedTs);
  sqlite.transaction(() => {
    const { lastInsertRowid } = sqlite
      .prepare(
        `INSERT INTO provider_applications
           (id, application_no, uscc, name, region_code, phone_hash, status, input, submitted_at, submitted_ts, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?)`,
      )
      .run(
        'pap-demo-0001',
        DEMO_APPLICATION.applicationNo,
        input.organisation.uscc,
        input.organisation.name,
        input.organisation.regionCode,
        phoneHash(secret, DEMO_APPLICATION.phone),
        JSON.stringify(stored),
        at,
        submittedTs,
        at,
      );
    sqlite
      .prepare(`INSERT INTO provider_application_files (application_seq, file_id, role) VALUES (?, ?, 'licence')`)
      .run(lastInsertRowid, input.files.licence.id);
    sqlite
      .prepare(
        `INSERT INTO provider_application_timeline (application_seq, status, at, actor, note)
         VALUES (?, 'submitted', ?, 'applicant', NULL)`,
      )
      .run(lastInsertRowid, at);
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('applications_seeded_at', new Date(options.asOf).toISOString());
  })();
}
