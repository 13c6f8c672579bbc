// `GET /events?status=draft`: a center's staff list their own drafts (and those of the centers below them), which
// no public list shows; nobody else may ask for drafts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ServiceEventPage, StaffEvent } from '@smec/schemas';
import { eventInput, openEventServer, type EventServer } from './events-admin-helpers.js';
import { assertProblem } from './helpers.js';

let server: EventServer;
let draft: StaffEvent;
before(async () => {
  server = await openEventServer();
  // Chancheng (440604) lies in Foshan (440600).
  const created = await server.call<StaffEvent>('POST', '/events', {
    token: await server.token('usr-admin-440604'),
    body: eventInput({ title: '禅城区草稿活动：数字化转型沙龙' }),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  draft = StaffEvent.parse(created.body);
  assert.equal(draft.status, 'draft');
});
after(() => server.close());

async function draftsAs(userId: string): Promise<string[]> {
  const response = await server.call<ServiceEventPage>('GET', '/events?status=draft&limit=500', {
    token: await server.token(userId),
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  assert.equal(response.headers.get('cache-control'), 'private, no-store');
  const page = ServiceEventPage.parse(response.body);
  assert.ok(page.items.every((event) => event.status === 'draft'));
  return page.items.map((event) => event.id);
}

test('the county that made a draft, its city and the province list it; another city does not', async () => {
  assert.ok((await draftsAs('usr-admin-440604')).includes(draft.id));
  assert.ok((await draftsAs('usr-admin-440000')).includes(draft.id));
  assert.ok(!(await draftsAs('usr-admin-440100')).includes(draft.id));
  assert.ok(!(await draftsAs('usr-viewer-440500')).includes(draft.id));
});

test('the public list still never shows a draft', async () => {
  const response = await server.call<ServiceEventPage>('GET', '/events?limit=500');
  assert.equal(response.status, 200);
  assert.ok(!ServiceEventPage.parse(response.body).items.some((event) => event.id === draft.id));
  const scheduled = await server.call<ServiceEventPage>('GET', '/events?status=scheduled&limit=500');
  assert.ok(ServiceEventPage.parse(scheduled.body).items.every((event) => event.status === 'scheduled'));
});

test('drafts are for center staff: anonymous 401, an enterprise 403', async () => {
  assertProblem(await server.call('GET', '/events?status=draft'), 401, 'unauthorized');
  const enterprise = await server.call('GET', '/events?status=draft', { token: await server.token('usr-ent-01') });
  assertProblem(enterprise, 403, 'forbidden');
});
