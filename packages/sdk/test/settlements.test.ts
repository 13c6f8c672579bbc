// client.settlements and the settlement moves of client.engagements against the real reference server: the
// provider attaches a contract; the center of the enterprise's city sees it in its queue, refuses with a reason,
// gets the queue as CSV, and settles once new proof comes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PIXEL_PNG } from '@smec/schemas/openapi';
import { createClient, SmecConflictError, SmecForbiddenError, type SmecClient } from '@smec/sdk';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let center: SmecClient;
let provider: SmecClient;
let enterprise: SmecClient;

async function signedIn(userId: string): Promise<SmecClient> {
  const { token } = await createClient({ baseUrl: server.apiUrl }).demo.token(userId);
  return createClient({ baseUrl: server.apiUrl, getToken: () => token, locale: 'en' });
}

const png = () => new Blob([Buffer.from(PIXEL_PNG, 'base64')], { type: 'image/png' });

before(async () => {
  server = await startTestServer();
  // usr-ent-01 is in Shantou (440513); its accepted, voucher-paid engagements are Shantou's to settle.
  center = await signedIn('usr-admin-440500');
  provider = await signedIn('usr-prv-01');
  enterprise = await signedIn('usr-ent-01');
});
after(() => server?.close());

describe('client.settlements', () => {
  it('refuses with a reason, takes new proof, exports the queue and settles', async () => {
    const waiting = await center.settlements.list({ state: 'waiting', limit: 100 });
    const item = waiting.items.find((entry) => entry.providerId === 'prv-00001');
    assert.ok(item, 'the seed has an accepted voucher-paid engagement of usr-prv-01’s provider in Shantou');
    const refused = await center.engagements.refuseSettlement(item.engagementId, 'The service report is missing');
    assert.equal(refused.settlementRefusal, 'The service report is missing');
    await assert.rejects(center.engagements.refuseSettlement(item.engagementId, 'Again'), SmecConflictError);
    const listed = await center.settlements.list({ state: 'refused' });
    assert.ok(listed.items.some((entry) => entry.engagementId === item.engagementId));

    await assert.rejects(enterprise.settlements.list(), SmecForbiddenError);
    const file = await provider.files.upload(png());
    const proved = await provider.engagements.addProofs(item.engagementId, [
      { id: file.id, key: file.key, kind: 'proof' },
    ]);
    assert.equal(proved.settlementRefusal, null);
    assert.deepEqual(
      proved.proofs?.map((proof) => proof.file.id),
      [file.id],
    );

    const csv = await center.settlements.exportCsv({ state: 'waiting' });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.ok(text.includes(`\r\n${item.engagementId},Waiting,`), 'the engagement is a line, in English');

    const settled = await center.engagements.settle(item.engagementId);
    assert.equal(settled.status, 'closed');
  });
});
