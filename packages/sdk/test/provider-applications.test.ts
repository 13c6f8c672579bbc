// client.providerApplications against the real reference server: upload a licence, apply, follow the application.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, SmecConflictError, SmecNotFoundError, SmecValidationError, type SmecClient } from '@smec/sdk';
import { usccCheckCharacter, type ProviderApplicationInput } from '@smec/schemas';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: SmecClient;

before(async () => {
  server = await startTestServer();
  client = createClient({ baseUrl: server.apiUrl, locale: 'en' });
});
after(() => server?.close());

async function newApplication(serial: string): Promise<ProviderApplicationInput> {
  const licence = await client.files.upload(new Blob([Buffer.from(PIXEL_PNG, 'base64')], { type: 'image/png' }));
  const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationInput;
  const first17 = `31440000MD09${serial}`;
  return {
    ...example,
    organisation: { ...example.organisation, uscc: `${first17}${usccCheckCharacter(first17) ?? ''}` },
    files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
  };
}

describe('client.providerApplications', () => {
  it('applies with an uploaded licence and looks the application up by its number and mobile', async () => {
    const input = await newApplication('00001');
    const application = await client.providerApplications.create(input);
    assert.equal(application.status, 'submitted');
    const view = await client.providerApplications.lookup({
      applicationNo: application.applicationNo,
      phone: input.contact.mobile,
    });
    assert.equal(view.name, input.organisation.name);
    await assert.rejects(
      client.providerApplications.lookup({ applicationNo: application.applicationNo, phone: '13900000000' }),
      SmecNotFoundError,
    );
    await assert.rejects(client.providerApplications.create(input), SmecConflictError);
  });

  it('names the field of a refusal in the client’s language', async () => {
    const input = await newApplication('00002');
    const wrongType = { ...input, organisation: { ...input.organisation, orgType: 'association' as const } };
    await assert.rejects(client.providerApplications.create(wrongType), (error: unknown) => {
      assert.ok(error instanceof SmecValidationError);
      assert.deepEqual(
        error.errors.map((field) => [field.path, field.code]),
        [['body.organisation.uscc', 'application.uscc.orgType']],
      );
      assert.match(error.errors[0]?.message ?? '', /organisation type/);
      return true;
    });
  });

  it('a center lists its applications, asks for changes on a field and the applicant sees the note', async () => {
    const input = await newApplication('00003');
    const application = await client.providerApplications.create(input);
    const { token } = await client.demo.token('usr-admin-440600');
    const center = createClient({ baseUrl: server.apiUrl, locale: 'en', getToken: () => token });
    const page = await center.providerApplications.list({ status: 'submitted', limit: 100 });
    assert.ok(page.items.some((item) => item.id === application.id));
    const notes = [{ field: 'files.licence' as const, note: '营业执照照片不清晰，请重新上传。' }];
    const moved = await center.providerApplications.transition(application.id, { action: 'requestChanges', notes });
    assert.equal(moved.status, 'changesRequested');
    const view = await client.providerApplications.lookup({
      applicationNo: application.applicationNo,
      phone: input.contact.mobile,
    });
    assert.deepEqual(view.changeNotes, notes);
    await assert.rejects(
      center.providerApplications.transition(application.id, { action: 'approve' }),
      SmecConflictError,
    );
  });
});
