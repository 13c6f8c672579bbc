// `GET /me`: each kind of account learns who the platform takes it for, so a widget needs no token parsing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Account } from '@smec/schemas';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem } from './helpers.js';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(async () => {
  await t.close();
});

async function meOf(userId: string): Promise<Account> {
  const response = await t.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { authorization: `Bearer ${await t.tokenFor(userId)}` },
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  assert.equal(response.headers.get('cache-control'), 'private, no-store');
  return Account.parse(response.body);
}

test('a viewer of Shantou is told its level and the name of its region', async () => {
  const me = await meOf('usr-viewer-440500');
  assert.deepEqual(
    { role: me.role, staffRole: me.staffRole, regionCode: me.regionCode, regionName: me.regionName },
    { role: 'admin', staffRole: 'viewer', regionCode: '440500', regionName: '汕头市' },
  );
});

test('an administrator and a staff member are told their own levels', async () => {
  assert.equal((await meOf('usr-admin-440100')).staffRole, 'admin');
  assert.equal((await meOf('usr-staff-440100')).staffRole, 'staff');
  assert.equal((await meOf('usr-admin-440000')).regionName, '广东省');
});

test('an enterprise and a provider user get their organisation , a provider its registered region', async () => {
  const enterprise = await meOf('usr-ent-01');
  assert.equal(enterprise.role, 'enterprise');
  assert.equal(enterprise.staffRole, null);
  assert.match(enterprise.enterpriseId ?? '', /\S/);
  const provider = await meOf('usr-prv-01');
  assert.deepEqual([provider.role, provider.providerId, provider.regionName], ['provider', 'prv-00001', '河源市']);
});

test('nobody signed in is a 401', async () => {
  const response = await t.inject({ method: 'GET', url: '/api/v1/me' });
  assertProblem(response, 401, 'unauthorized');
});
