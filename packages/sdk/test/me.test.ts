// client.me.account() against the real reference server: each account learns who the platform takes it for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, SmecUnauthorizedError } from '@smec/sdk';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;

async function accountOf(userId: string) {
  const { token } = await createClient({ baseUrl: server.apiUrl }).demo.token(userId);
  return createClient({ baseUrl: server.apiUrl, getToken: () => token }).me.account();
}

before(async () => {
  server = await startTestServer();
});
after(() => server?.close());

describe('client.me.account', () => {
  it('tells a center viewer its level and region, and an enterprise its organisation', async () => {
    const viewer = await accountOf('usr-viewer-440500');
    assert.deepEqual([viewer.role, viewer.staffRole, viewer.regionName], ['admin', 'viewer', '汕头市']);
    const enterprise = await accountOf('usr-ent-01');
    assert.deepEqual([enterprise.role, enterprise.staffRole], ['enterprise', null]);
    assert.match(enterprise.enterpriseId ?? '', /\S/);
  });

  it('throws SmecUnauthorizedError when nobody is signed in', async () => {
    await assert.rejects(createClient({ baseUrl: server.apiUrl }).me.account(), SmecUnauthorizedError);
  });
});
