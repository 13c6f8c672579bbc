// client.providerApplications' applicant side against the real reference server: a draft saved and resumed, submitted
// under its number, the own application read by its resume key with its licence, and a resubmission.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, SmecConflictError, SmecNotFoundError, SmecValidationError, type SmecClient } from '@smec/sdk';
import { usccCheckCharacter, type ProviderApplicationRevision } from '@smec/schemas';
import { DEMO_CHANGES_APPLICATION, PIXEL_PNG, operations } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: SmecClient;

before(async () => {
  server = await startTestServer();
  client = createClient({ baseUrl: server.apiUrl, locale: 'en' });
});
after(() => server?.close());

function uscc(serial: string): string {
  const first17 = `31440000MD03${serial}`;
  return `${first17}${usccCheckCharacter(first17) ?? ''}`;
}

describe('client.providerApplications, the applicant’s side', () => {
  it('saves a draft, resumes it with the number and key, and submits it under that number', async () => {
    const licence = await client.files.upload(new Blob([Buffer.from(PIXEL_PNG, 'base64')], { type: 'image/png' }));
    const draft = await client.providerApplications.saveDraft({
      organisation: { name: '佛山市禅城区草稿律师事务所' },
      files: { licence: { id: licence.id, key: licence.key, name: 'licence.png' } },
    });
    const resume = { applicationNo: draft.applicationNo, resumeKey: draft.resumeKey };
    const read = await client.providerApplications.getDraft(resume);
    assert.equal(read.draft.organisation?.name, '佛山市禅城区草稿律师事务所');
    assert.equal(read.draft.files.licence?.name, 'licence.png');

    const saved = await client.providerApplications.updateDraft(resume, {
      ...read.draft,
      files: { licence: { id: licence.id } },
    });
    assert.equal(saved.draft.files.licence?.id, licence.id);
    await assert.rejects(
      client.providerApplications.updateDraft(resume, { contact: { mobile: '123' } }),
      (error: unknown) => error instanceof SmecValidationError && error.errors[0]?.path === 'body.contact.mobile',
    );

    const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationRevision;
    const application = await client.providerApplications.submitDraft(resume, {
      ...example,
      organisation: { ...example.organisation, uscc: uscc('00001') },
      files: { licence: { id: licence.id }, certificates: [] },
    });
    assert.equal(application.applicationNo, draft.applicationNo);
    await assert.rejects(client.providerApplications.getDraft(resume), SmecNotFoundError);

    const own = await client.providerApplications.get({
      applicationNo: application.applicationNo,
      resumeKey: application.resumeKey,
    });
    assert.equal(own.status, 'submitted');
    const blob = await client.files.get({ id: licence.id, resumeKey: application.resumeKey });
    assert.equal(blob.type, 'image/png');
    await assert.rejects(
      client.providerApplications.resubmit(
        { applicationNo: own.applicationNo, resumeKey: application.resumeKey },
        {
          ...own.application,
          files: { licence: { id: licence.id }, certificates: [] },
        },
      ),
      SmecConflictError,
    );
  });

  it('resubmits the demo application whose reviewer asked for changes', async () => {
    const resume = {
      applicationNo: DEMO_CHANGES_APPLICATION.applicationNo,
      resumeKey: DEMO_CHANGES_APPLICATION.resumeKey,
    };
    const mine = await client.providerApplications.get(resume);
    assert.equal(mine.status, 'changesRequested');
    assert.ok(
      mine.timeline.some((step) => step.actor === 'center' && step.note),
      'the reviewer’s note',
    );
    const resubmitted = await client.providerApplications.resubmit(resume, mine.application);
    assert.equal(resubmitted.status, 'submitted');
    assert.equal(resubmitted.timeline.at(-1)?.note, '重新提交');
  });
});
