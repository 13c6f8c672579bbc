// The provider after admission over HTTP: its account (`/me/provider`) with If-Match, changes applied at once or kept
// for review, and its center's suspension, reinstatement and removal, with what each does to the catalog, the
// vouchers and the engagements in progress.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Engagement, MyProductPage, ProductPage, Provider, ProviderAccount } from '@smec/schemas';
import { startTestServer } from '../../../test-support/server.js';
import { assertProblem, request, type JsonResponse } from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const tokens = new Map<string, string>();

/** The demo provider user's provider, in 河源市龙川县, and its city's center. */
const PROVIDER = 'prv-00001';
const PROVIDER_USER = 'usr-prv-01';
const CITY_ADMIN = 'usr-admin-441600';
const OTHER_CITY_ADMIN = 'usr-admin-440500';

/** The seed's first suspended provider, whose suspension the seed put on its timeline. */
let firstSuspended = '';

before(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      const row = await db
        .selectFrom('providers')
        .select('id')
        .where('admission', '=', 'suspended')
        .orderBy('seq')
        .executeTakeFirstOrThrow();
      firstSuspended = row.id;
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

async function call<T = ProviderAccount>(
  method: string,
  path: string,
  options: { user?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  headers['authorization'] = `Bearer ${await tokenFor(options.user ?? PROVIDER_USER)}`;
  return request<T>(server.apiUrl, path, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

async function account(): Promise<JsonResponse<ProviderAccount>> {
  const read = await call('GET', '/me/provider');
  assert.equal(read.status, 200);
  return read;
}

function move(action: string, reason?: string, user = CITY_ADMIN) {
  return call('POST', `/providers/${PROVIDER}/transitions`, {
    user,
    body: reason === undefined ? { action } : { action, reason },
  });
}

test('the provider reads its account with an ETag; a change needs If-Match and shows in the catalog at once', async () => {
  const read = await account();
  assert.equal(read.body.profile.id, PROVIDER);
  assert.equal(read.body.profile.admission, 'admitted');
  assert.equal(read.body.pendingChange, null);
  const etag = read.headers.get('etag') ?? '';
  assert.match(etag, new RegExp(`^"${PROVIDER}\\.r${read.body.revision}\\.`));
  const revalidated = await call('GET', '/me/provider', { headers: { 'if-none-match': etag } });
  assert.equal(revalidated.status, 304);

  assertProblem(await call('PATCH', '/me/provider', { body: { phone: '0762-1234567' } }), 428, 'precondition_required');
  assertProblem(
    await call('PATCH', '/me/provider', {
      headers: { 'if-match': '"prv-00001.r99"' },
      body: { phone: '0762-1234567' },
    }),
    412,
    'precondition_failed',
  );
  const changed = await call('PATCH', '/me/provider', {
    headers: { 'if-match': etag },
    body: {
      phone: '0762-1234567',
      shortName: '卓思标准',
      categoryIds: ['testing-certification', 'legal'],
      regionsServed: ['441600', '441300'],
      acceptsVouchers: true,
    },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.revision, read.body.revision + 1);
  assert.deepEqual(changed.body.regionsServed, ['441600', '441300']);
  assertProblem(
    await call('PATCH', '/me/provider', { headers: { 'if-match': etag }, body: { phone: '0762-7654321' } }),
    412,
    'precondition_failed',
  );
  const catalog = await request<Provider>(server.apiUrl, `/providers/${PROVIDER}`);
  assert.equal(catalog.body.phone, '0762-1234567');
  assert.equal(catalog.body.shortName, '卓思标准');
  const lawyers = await request<{ items: Provider[] }>(server.apiUrl, '/providers?category=legal&region=441600');
  assert.ok(lawyers.body.items.some((provider) => provider.id === PROVIDER));
});

test('a new name waits for the center as a pending change; refused it stays, approved it is applied', async () => {
  const before = await account();
  const asked = await call('PATCH', '/me/provider', {
    headers: { 'if-match': before.headers.get('etag') ?? '' },
    body: { name: '河源市卓思检测认证技术服务有限公司', legalRepresentative: '陈立新' },
  });
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  assert.equal(asked.body.profile.name, before.body.profile.name, 'not applied');
  assert.deepEqual(asked.body.pendingChange?.fields, {
    name: '河源市卓思检测认证技术服务有限公司',
    legalRepresentative: '陈立新',
  });
  assert.equal(asked.body.timeline.at(-1)?.action, 'requestChange');

  assertProblem(await move('refuseChange'), 400, 'validation_failed');
  const refused = await move('refuseChange', '名称与营业执照不一致，请上传变更后的执照');
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
  assert.equal(refused.body.pendingChange, null);
  assert.equal(refused.body.profile.name, before.body.profile.name);
  assertProblem(await move('approveChange'), 409, 'conflict');

  const again = await account();
  const reasked = await call('PATCH', '/me/provider', {
    headers: { 'if-match': again.headers.get('etag') ?? '' },
    body: { name: '河源市卓思检测认证技术服务有限公司' },
  });
  assert.equal(reasked.status, 200);
  const approved = await move('approveChange');
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.profile.name, '河源市卓思检测认证技术服务有限公司');
  assert.equal(approved.body.pendingChange, null);
  assert.deepEqual(
    approved.body.timeline.slice(-4).map((entry) => [entry.action, entry.actorUserId]),
    [
      ['requestChange', PROVIDER_USER],
      ['refuseChange', CITY_ADMIN],
      ['requestChange', PROVIDER_USER],
      ['approveChange', CITY_ADMIN],
    ],
  );
  // The products are found under the provider's new name.
  const found = await request<ProductPage>(server.apiUrl, `/products?q=${encodeURIComponent('卓思检测认证')}`);
  assert.ok(found.body.items.some((product) => product.providerId === PROVIDER));
});

test('who may move a provider: its region’s centers and above; others are refused as for demands', async () => {
  assertProblem(await move('suspend', '其他城市的中心', OTHER_CITY_ADMIN), 404, 'not_found');
  assertProblem(await move('suspend', '服务机构自己', PROVIDER_USER), 403, 'forbidden');
  assertProblem(await move('suspend', '企业用户', 'usr-ent-01'), 403, 'forbidden');
  assertProblem(await move('suspend', '短'), 400, 'validation_failed');
  assertProblem(await move('reinstate', '尚未暂停，不能恢复'), 409, 'conflict');
});

test('suspended, a provider leaves the catalog and takes no vouchers; its engagement in progress goes on', async () => {
  const ordered = await call<Engagement>('POST', '/vouchers/vch-demo-0001/use', {
    user: 'usr-ent-01',
    body: { productId: 'prd-00002', contractAmount: 1_200_000 },
  });
  assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
  const listedBefore = await request<ProductPage>(server.apiUrl, `/products?provider=${PROVIDER}`);
  assert.ok(listedBefore.body.total > 0);

  const suspended = await move('suspend', '服务质量回访满意度低于 60 分，暂停服务并限期整改');
  assert.equal(suspended.status, 200, JSON.stringify(suspended.body));
  assert.equal(suspended.body.profile.admission, 'suspended');
  assert.equal(suspended.body.timeline.at(-1)?.reason, '服务质量回访满意度低于 60 分，暂停服务并限期整改');
  assertProblem(await move('suspend', '已经暂停了，不能再暂停'), 409, 'conflict');

  assert.equal((await request<ProductPage>(server.apiUrl, `/products?provider=${PROVIDER}`)).body.total, 0);
  assert.equal((await request(server.apiUrl, `/providers/${PROVIDER}`)).status, 404);
  assert.equal((await request(server.apiUrl, '/products/prd-00002')).status, 404);
  const search = await request<ProductPage>(server.apiUrl, `/products?q=${encodeURIComponent('卓思检测认证')}`);
  assert.ok(search.body.items.every((product) => product.providerId !== PROVIDER));

  // Vouchers are refused with the provider, in the request's language.
  for (const step of ['quote', 'use']) {
    const refused = await call('POST', `/vouchers/vch-demo-0002/${step}`, {
      user: 'usr-ent-01',
      headers: { 'accept-language': 'en' },
      body: { productId: 'prd-00003', contractAmount: 1_200_000 },
    });
    assert.match(assertProblem(refused, 409, 'provider_not_active').detail ?? '', /suspended or removed/);
  }

  // The provider reads its products but changes nothing.
  const mine = await call<MyProductPage>('GET', '/me/products');
  assert.equal(mine.status, 200);
  assertProblem(
    await call('POST', '/me/products', { body: { name: '暂停期间的新服务', categoryId: 'legal' } }),
    409,
    'provider_not_active',
  );
  const me = await account();
  assert.equal(me.body.profile.admission, 'suspended');
  assertProblem(
    await call('PATCH', '/me/provider', {
      headers: { 'if-match': me.headers.get('etag') ?? '' },
      body: { phone: '0762-0000000' },
    }),
    409,
    'provider_not_active',
  );

  // The engagement ordered before goes on to its end.
  for (const [action, user] of [
    ['confirm', PROVIDER_USER],
    ['start', PROVIDER_USER],
    ['deliver', PROVIDER_USER],
    ['accept', 'usr-ent-01'],
  ] as const) {
    const moved = await call<Engagement>('POST', `/engagements/${ordered.body.id}/transitions`, {
      user,
      body: { action },
    });
    assert.equal(moved.status, 200, `${action}: ${JSON.stringify(moved.body)}`);
  }

  const reinstated = await move('reinstate', '整改完成，经复核恢复服务');
  assert.equal(reinstated.status, 200);
  assert.equal(reinstated.body.profile.admission, 'admitted');
  assert.equal(
    (await request<ProductPage>(server.apiUrl, `/products?provider=${PROVIDER}`)).body.total,
    listedBefore.body.total,
  );
  assert.equal((await request(server.apiUrl, `/providers/${PROVIDER}`)).status, 200);
});

test('a removal is final', async () => {
  const removed = await move('remove', '提供虚假材料，移出服务网络');
  assert.equal(removed.status, 200);
  assert.equal(removed.body.profile.admission, 'removed');
  assertProblem(await move('reinstate', '移出后不能恢复'), 409, 'conflict');
  assert.equal((await request<ProductPage>(server.apiUrl, `/products?provider=${PROVIDER}`)).body.total, 0);
  assert.deepEqual(
    (await account()).body.timeline.slice(-3).map((entry) => entry.action),
    ['suspend', 'reinstate', 'remove'],
  );
});

test('the seeded suspended provider shows its suspension on its timeline', async () => {
  const moved = await call('POST', `/providers/${firstSuspended}/transitions`, {
    user: 'usr-admin-440000',
    body: { action: 'reinstate', reason: '整改完成，经复核恢复服务' },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.deepEqual(
    moved.body.timeline.map((entry) => entry.action),
    ['suspend', 'reinstate'],
  );
});
