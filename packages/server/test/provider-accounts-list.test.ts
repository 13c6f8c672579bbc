// A center's list of the providers it looks after (`GET /provider-accounts`): only its region and the regions below
// it, by admission (removed ones on request), found by name or credit code, keyset paged, never cached; and a
// suspension made from it shows on the list, on the provider's timeline and on the audit log.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AuditLogPage, ProviderAccount, ProviderAccountPage } from '@smec/schemas';
import { startTestServer } from '../../../test-support/server.js';
import { assertProblem, query, request, type JsonResponse } from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const tokens = new Map<string, string>();

const SHANTOU_ADMIN = 'usr-admin-440500';
const SHANTOU_VIEWER = 'usr-viewer-440500';
const SHANTOU_STAFF = 'usr-staff-440500';
const COUNTY_ADMIN = 'usr-admin-440604';

/** What the seed holds, read before the server starts: the list must agree with it. */
const seed = {
  shantouCurrent: 0,
  shantouRemoved: 0,
  countyCurrent: 0,
  /** An admitted provider of Shantou that this file suspends. */
  toSuspend: { id: '', uscc: '', name: '' },
};

before(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      const count = async (city: string | null, county: string | null, states: string[]) => {
        let select = db
          .selectFrom('providers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('admission', 'in', states);
        if (city) select = select.where('city_code', '=', city);
        if (county) select = select.where('region_code', '=', county);
        return Number((await select.executeTakeFirstOrThrow()).n);
      };
      seed.shantouCurrent = await count('440500', null, ['admitted', 'suspended']);
      seed.shantouRemoved = await count('440500', null, ['removed']);
      seed.countyCurrent = await count(null, '440604', ['admitted', 'suspended']);
      const row = await db
        .selectFrom('providers')
        .select(['id', 'uscc', 'name'])
        .where('city_code', '=', '440500')
        .where('admission', '=', 'admitted')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      seed.toSuspend = row;
    },
  });
});
after(() => server.close());

async function tokenFor(userId: string): Promise<string> {
  const known = tokens.get(userId);
  if (known) return known;
  const issued = await request<{ token: string }>(server.apiUrl, '/demo/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  assert.equal(issued.status, 200);
  tokens.set(userId, issued.body.token);
  return issued.body.token;
}

async function list(
  user: string | undefined,
  params: Record<string, string | number> = {},
): Promise<JsonResponse<ProviderAccountPage>> {
  const headers: Record<string, string> = user ? { authorization: `Bearer ${await tokenFor(user)}` } : {};
  return request<ProviderAccountPage>(server.apiUrl, `/provider-accounts${query(params)}`, { headers });
}

/** Every page of a list, walked by its cursors. */
async function everyPage(user: string, params: Record<string, string | number>): Promise<ProviderAccount[]> {
  const items: ProviderAccount[] = [];
  let cursor: string | null = null;
  do {
    const page: JsonResponse<ProviderAccountPage> = await list(user, { ...params, ...(cursor ? { cursor } : {}) });
    assert.equal(page.status, 200, JSON.stringify(page.body));
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

test('a city center lists the admitted and suspended providers of its city, by name, over every page', async () => {
  const first = await list(SHANTOU_ADMIN, { limit: 100 });
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('cache-control'), 'private, no-store');
  assert.equal(first.body.total, seed.shantouCurrent);
  const items = await everyPage(SHANTOU_ADMIN, { limit: 100 });
  assert.equal(items.length, seed.shantouCurrent);
  assert.equal(new Set(items.map((each) => each.profile.id)).size, items.length, 'no provider twice');
  for (const each of items) {
    assert.ok(each.profile.regionCode.startsWith('4405'), each.profile.regionCode);
    assert.ok(['admitted', 'suspended'].includes(each.profile.admission), each.profile.admission);
  }
  const states = new Set(items.map((each) => each.profile.admission));
  assert.deepEqual([...states].sort(), ['admitted', 'suspended']);
});

test('one admission is asked for: suspended, or the removed ones, which the default leaves out', async () => {
  const suspended = await everyPage(SHANTOU_ADMIN, { admission: 'suspended', limit: 100 });
  assert.ok(suspended.length > 0);
  assert.ok(suspended.every((each) => each.profile.admission === 'suspended'));
  const removed = await list(SHANTOU_ADMIN, { admission: 'removed', limit: 100 });
  assert.equal(removed.body.total, seed.shantouRemoved);
  assert.ok(removed.body.items.every((each) => each.profile.admission === 'removed'));
  assertProblem(await list(SHANTOU_ADMIN, { admission: 'pending' }), 400, 'validation_failed');
});

test('found by a part of its name or of its credit code, in small letters too', async () => {
  const { id, uscc, name } = seed.toSuspend;
  const byCode = await list(SHANTOU_ADMIN, { q: uscc.slice(4, 14).toLowerCase() });
  assert.deepEqual(
    byCode.body.items.map((each) => each.profile.id),
    [id],
  );
  const byName = await list(SHANTOU_ADMIN, { q: name, limit: 100 });
  assert.ok(byName.body.items.some((each) => each.profile.id === id));
  assert.ok(byName.body.items.every((each) => each.profile.name.includes(name)));
});

test('a county sees its county only; another city finds none of Shantou; the province finds them', async () => {
  const county = await everyPage(COUNTY_ADMIN, { limit: 100 });
  assert.equal(county.length, seed.countyCurrent);
  assert.ok(county.every((each) => each.profile.regionCode === '440604'));
  const other = await list('usr-admin-440100', { q: seed.toSuspend.uscc });
  assert.equal(other.status, 200);
  assert.equal(other.body.total, 0);
  const province = await list('usr-admin-440000', { q: seed.toSuspend.uscc });
  assert.deepEqual(
    province.body.items.map((each) => each.profile.id),
    [seed.toSuspend.id],
  );
});

test('staff of every level read it; anyone else is refused', async () => {
  assert.equal((await list(SHANTOU_VIEWER)).status, 200);
  assert.equal((await list(SHANTOU_STAFF)).status, 200);
  assertProblem(await list(undefined), 401, 'unauthorized');
  assertProblem(await list('usr-ent-01'), 403, 'forbidden');
  assertProblem(await list('usr-prv-01'), 403, 'forbidden');
});

test('a cursor of another filter or another center is refused', async () => {
  const page = await list(SHANTOU_ADMIN, { limit: 1 });
  const cursor = page.body.nextCursor;
  assert.ok(cursor);
  assertProblem(await list(SHANTOU_ADMIN, { admission: 'suspended', cursor }), 400, 'invalid_cursor');
  assertProblem(await list('usr-admin-440000', { cursor }), 400, 'invalid_cursor');
  assertProblem(await list(SHANTOU_ADMIN, { cursor: 'x.y' }), 400, 'invalid_cursor');
});

test('suspended from the list, the provider shows suspended with its reason; the move is on the audit log', async () => {
  const { id } = seed.toSuspend;
  const reason = '年度考核不合格，暂停服务并限期整改';
  const moved = await request<ProviderAccount>(server.apiUrl, `/providers/${id}/transitions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await tokenFor(SHANTOU_STAFF)}`,
      'content-type': 'application/json',
      'idempotency-key': 'list-test-suspend',
    },
    body: JSON.stringify({ action: 'suspend', reason }),
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  const suspended = await list(SHANTOU_ADMIN, { admission: 'suspended', q: seed.toSuspend.uscc });
  const [account] = suspended.body.items;
  assert.equal(account?.profile.id, id);
  assert.equal(account.profile.admission, 'suspended');
  assert.deepEqual(
    account.timeline.map((step) => [step.action, step.reason, step.actorUserId]),
    [['suspend', reason, SHANTOU_STAFF]],
  );
  const admitted = await list(SHANTOU_ADMIN, { admission: 'admitted', q: seed.toSuspend.uscc });
  assert.equal(admitted.body.total, 0);
  const log = await request<AuditLogPage>(server.apiUrl, `/audit-log${query({ entityId: id })}`, {
    headers: { authorization: `Bearer ${await tokenFor(SHANTOU_ADMIN)}` },
  });
  assert.equal(log.status, 200);
  assert.deepEqual(
    log.body.items.map((entry) => [entry.action, entry.entityType]),
    [['provider.suspend', 'provider']],
  );
});
