// client.me.notifications against the real reference server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient, SmecForbiddenError, SmecNotFoundError, type SmecClient } from '@smec/sdk';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let enterprise: SmecClient;
let english: SmecClient;
let admin: SmecClient;

before(async () => {
  server = await startTestServer();
  const anonymous = createClient({ baseUrl: server.apiUrl });
  const enterpriseToken = (await anonymous.demo.token('usr-ent-01')).token;
  const adminToken = (await anonymous.demo.token('usr-admin-440100')).token;
  enterprise = createClient({ baseUrl: server.apiUrl, getToken: () => enterpriseToken });
  english = createClient({ baseUrl: server.apiUrl, locale: 'en', getToken: () => enterpriseToken });
  admin = createClient({ baseUrl: server.apiUrl, getToken: () => adminToken });
});
after(() => server?.close());

test('lists the unread, in the client’s language, and marks one read', async () => {
  const page = await enterprise.me.notifications.list({ unread: true });
  assert.deepEqual(
    page.items.map((item) => item.id),
    ['ntf-demo-0001', 'ntf-demo-0002'],
  );
  assert.equal(page.unread, 2);
  const [first] = (await english.me.notifications.list({ limit: 1 })).items;
  assert.match(first!.title, /^Event changed: /);
  const read = await enterprise.me.notifications.read('ntf-demo-0001');
  assert.ok(read.readAt);
  assert.equal((await enterprise.me.notifications.list()).unread, 1);
  const all = [];
  for await (const notification of enterprise.me.notifications.iterate({ limit: 1 })) all.push(notification.id);
  assert.deepEqual(all, ['ntf-demo-0001', 'ntf-demo-0002', 'ntf-demo-0003']);
});

test('throws for another user’s notification and for a center account', async () => {
  await assert.rejects(enterprise.me.notifications.read('ntf-demo-0004'), SmecNotFoundError);
  await assert.rejects(admin.me.notifications.list(), SmecForbiddenError);
});
