// The applicant's side of the demo: the resume key of the application under review, an application whose reviewer
// asked for changes (to resubmit) and a draft (to resume), each with a key that is public on purpose, as the
// OpenAPI document's examples and the README show them.
import {
  DEMO_APPLICATION,
  DEMO_APPLICATION_RESUME_KEY,
  DEMO_CHANGES_APPLICATION,
  DEMO_DRAFT,
  DEMO_FILE,
} from '@smec/schemas/openapi';
import { DRAFT_LIFETIME_DAYS } from '@smec/schemas/rules';
import type { DatabaseHandle } from '../db/database.js';
import { phoneHash } from '../demands/tracking.js';
import { keyHash } from '../files/store.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { SeedOptions } from './catalog.js';

const DAY_MS = 86_400_000;

export function seedApplicationDrafts(handle: DatabaseHandle, secret: Buffer, options: SeedOptions): void {
  const { sqlite } = handle;
  const base = DEMO_APPLICATION.input;
  const changes = {
    ...base,
    organisation: { ...base.organisation, uscc: DEMO_CHANGES_APPLICATION.uscc, name: DEMO_CHANGES_APPLICATION.name },
    contact: { ...base.contact, mobile: DEMO_CHANGES_APPLICATION.phone },
    files: { licence: { id: DEMO_FILE.id }, certificates: [] },
  };
  const submittedTs = options.asOf - 6 * DAY_MS;
  const askedTs = options.asOf - 2 * DAY_MS;
  const savedTs = options.asOf - DAY_MS;
  sqlite.transaction(() => {
    sqlite
      .prepare('UPDATE provider_applications SET resume_key_hash = ? WHERE application_no = ?')
      .run(keyHash(DEMO_APPLICATION_RESUME_KEY), DEMO_APPLICATION.applicationNo);

    const { lastInsertRowid } = sqlite
      .prepare(
        `INSERT INTO provider_applications
           (id, application_no, uscc, name, region_code, phone_hash, status, input, submitted_at, submitted_ts,
            updated_at, resume_key_hash)
         VALUES (?, ?, ?, ?, ?, ?, 'changesRequested', ?, ?, ?, ?, ?)`,
      )
      .run(
        'pap-demo-apply1',
        DEMO_CHANGES_APPLICATION.applicationNo,
        DEMO_CHANGES_APPLICATION.uscc,
        DEMO_CHANGES_APPLICATION.name,
        changes.organisation.regionCode,
        phoneHash(secret, DEMO_CHANGES_APPLICATION.phone),
        JSON.stringify(changes),
        shanghaiDateTime(submittedTs),
        submittedTs,
        shanghaiDateTime(askedTs),
        keyHash(DEMO_CHANGES_APPLICATION.resumeKey),
      );
    sqlite
      .prepare(`INSERT INTO provider_application_files (application_seq, file_id, role) VALUES (?, ?, 'licence')`)
      .run(lastInsertRowid, DEMO_FILE.id);
    const step = sqlite.prepare(
      `INSERT INTO provider_application_timeline (application_seq, status, at, actor, note) VALUES (?, ?, ?, ?, ?)`,
    );
    step.run(lastInsertRowid, 'submitted', shanghaiDateTime(submittedTs), 'applicant', null);
    step.run(
      lastInsertRowid,
      'changesRequested',
      shanghaiDateTime(askedTs),
      'center',
      '请补充专业人员的执业证书，并写明服务的主要行业。',
    );

    const draft = {
      organisation: { name: DEMO_DRAFT.name, uscc: DEMO_DRAFT.uscc, orgType: 'partnership', regionCode: '440606' },
      contact: { name: '何先生' },
      files: { licence: { id: DEMO_FILE.id, name: '营业执照.png' }, certificates: [] },
    };
    const saved = sqlite
      .prepare(
        `INSERT INTO provider_application_drafts
           (application_no, key_hash, input, created_at, saved_at, saved_ts, expires_ts)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        DEMO_DRAFT.applicationNo,
        keyHash(DEMO_DRAFT.resumeKey),
        JSON.stringify(draft),
        shanghaiDateTime(savedTs),
        shanghaiDateTime(savedTs),
        savedTs,
        savedTs + DRAFT_LIFETIME_DAYS * DAY_MS,
      );
    sqlite
      .prepare(
        `INSERT INTO provider_application_draft_files (draft_seq, file_id, role, name) VALUES (?, ?, 'licence', ?)`,
      )
      .run(saved.lastInsertRowid, DEMO_FILE.id, '营业执照.png');
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('application_drafts_seeded_at', new Date(options.asOf).toISOString());
  })();
}
