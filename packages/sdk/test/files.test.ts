// client.files against the real reference server: a Blob up and back, a retried upload stored once, the refusals.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createClient, SmecApiError, SmecNotFoundError, type SmecClient } from '@smec/sdk';
import { PIXEL_PNG } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';

const PNG = Buffer.from(PIXEL_PNG, 'base64');

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: SmecClient;

before(async () => {
  server = await startTestServer();
  client = createClient({ baseUrl: server.apiUrl });
});
after(() => server?.close());

describe('client.files', () => {
  it('uploads a Blob and reads the same bytes back as a Blob of its type with the key', async () => {
    const uploaded = await client.files.upload(new Blob([PNG], { type: 'image/png' }));
    assert.equal(uploaded.mediaType, 'image/png');
    assert.equal(uploaded.sha256, createHash('sha256').update(PNG).digest('hex'));
    const blob = await client.files.get({ id: uploaded.id, key: uploaded.key });
    assert.equal(blob.type, 'image/png');
    assert.deepEqual(Buffer.from(await blob.arrayBuffer()), PNG);
  });

  it('takes bytes, or a Blob without a type, and tells the type from them', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const uploaded = await client.files.upload(pdf);
    assert.equal(uploaded.mediaType, 'application/pdf');
    assert.equal(uploaded.size, pdf.length);
    const untyped = await client.files.upload(new Blob([PNG]));
    assert.equal(untyped.mediaType, 'image/png');
  });

  it('with the same Idempotency-Key, the same file and key come back', async () => {
    const key = `sdk-files-${Date.now()}`;
    const first = await client.files.upload(new Uint8Array(PNG), { idempotencyKey: key });
    const again = await client.files.upload(new Uint8Array(PNG), { idempotencyKey: key });
    assert.deepEqual(again, first);
  });

  it('refuses a renamed executable with a 415 and hides a file from a wrong key with SmecNotFoundError', async () => {
    const exe = new Blob([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')], { type: 'application/pdf' });
    await assert.rejects(client.files.upload(exe), (error: unknown) => {
      assert.ok(error instanceof SmecApiError);
      assert.equal(error.status, 415);
      return true;
    });
    const uploaded = await client.files.upload(new Uint8Array(PNG));
    await assert.rejects(client.files.get({ id: uploaded.id, key: 'not-the-key' }), SmecNotFoundError);
  });
});
