// A provider's own products over HTTP: drafts, edits with If-Match, publishing refused while a public is missing,
// published products found by a catalog search within a second, withdrawals, and what another provider sees.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Engagement, MyProduct, MyProductPage, ProductPage } from '@smec/schemas';
import { DEMO_DRAFTS } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';
import { assertProblem, request, type JsonResponse } from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const tokens = new Map<string, string>();

before(async () => {
  server = await startTestServer();
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

async function call<T = MyProduct>(
  method: string,
  path: string,
  options: { user?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  headers['authorization'] = `Bearer ${await tokenFor(options.user ?? 'usr-prv-01')}`;
  return request<T>(server.apiUrl, path, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

/** A product complete enough to publish. */
const COMPLETE = {
  summary: '为中小企业提供一次 ISO 9001 预审，找出认证前要补的差距。',
  function: '对照标准逐条检查企业的质量管理体系，指出不符合项并给出整改建议。',
  process: [
    { title: '资料审查', description: '审阅企业的体系文件。' },
    { title: '现场预审', description: '到企业现场按标准检查。' },
  ],
  standard: '出具预审报告，列明不符合项和整改建议。',
  fee: { listPrice: 600_000, discountPrice: 480_000, isFree: false, note: '含一次现场预审和报告。' },
  timeLimitDays: 10,
  suitableFor: '计划一年内申请认证的企业。',
  voucherEligible: true,
  regionCodes: ['441600'],
};

async function search(q: string): Promise<ProductPage> {
  const response = await request<ProductPage>(server.apiUrl, `/products?q=${encodeURIComponent(q)}`);
  assert.equal(response.status, 200);
  return response.body;
}

test('a draft needs only its name and category; the provider lists it with what publishing still needs', async () => {
  const created = await call('POST', '/me/products', {
    body: { name: '质量体系预审服务', categoryId: 'testing-certification' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.status, 'draft');
  assert.equal(created.headers.get('etag'), `"${created.body.id}.r0"`);
  assert.ok(created.body.missing.some((entry) => entry.path === 'function'));
  const drafts = await call<MyProductPage>('GET', '/me/products?status=draft');
  assert.equal(drafts.status, 200);
  assert.ok(drafts.body.items.some((item) => item.id === created.body.id));
  assert.ok(drafts.body.items.every((item) => item.status === 'draft'));
  const all = await call<MyProductPage>('GET', '/me/products?limit=2');
  assert.equal(all.body.items.length, 2);
  assert.ok(all.body.nextCursor);
  const next = await call<MyProductPage>('GET', `/me/products?limit=2&cursor=${all.body.nextCursor}`);
  assert.equal(next.status, 200);
  assert.ok(next.body.items.every((item) => !all.body.items.some((seen) => seen.id === item.id)));
  assert.equal(next.body.total, all.body.total);
});

test('publishing is refused, naming each missing public in the request language', async () => {
  const response = await call('POST', `/me/products/${DEMO_DRAFTS.incomplete}/publish`, {
    headers: { 'accept-language': 'en' },
  });
  const problem = assertProblem(response, 422, 'not_publishable');
  const paths = (problem.errors ?? []).map((error) => error.path);
  for (const path of ['body.function', 'body.process', 'body.standard', 'body.fee.note', 'body.timeLimitDays']) {
    assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
  }
  const process = problem.errors?.find((error) => error.path === 'body.process');
  assert.equal(process?.code, 'product.process.steps');
  assert.match(process?.message ?? '', /at least two steps/);
  const chinese = await call('POST', `/me/products/${DEMO_DRAFTS.incomplete}/publish`);
  assert.match(
    assertProblem(chinese, 422, 'not_publishable').errors?.find((e) => e.path === 'body.process')?.message ?? '',
    /至少需要两个步骤/,
  );
});

test('price rules refuse a discount at the list price and a free service with a price', async () => {
  const created = await call('POST', '/me/products', {
    body: {
      ...COMPLETE,
      name: '价格规则检查服务',
      categoryId: 'testing-certification',
      fee: { ...COMPLETE.fee, discountPrice: 600_000 },
    },
  });
  assert.equal(created.status, 201);
  const refused = assertProblem(await call('POST', `/me/products/${created.body.id}/publish`), 422, 'not_publishable');
  assert.deepEqual(
    refused.errors?.map((error) => error.path),
    ['body.fee.discountPrice'],
  );
  const free = await call('PATCH', `/me/products/${created.body.id}`, {
    headers: { 'if-match': created.headers.get('etag') ?? '' },
    body: { fee: { isFree: true } },
  });
  assert.equal(free.status, 200);
  const priced = assertProblem(await call('POST', `/me/products/${created.body.id}/publish`), 422, 'not_publishable');
  assert.deepEqual(
    priced.errors?.map((error) => error.code),
    ['product.fee.free.priced'],
  );
});

test('edits need If-Match: 428 without, 412 when stale, and of two edits of one version one wins', async () => {
  const created = await call('POST', '/me/products', { body: { name: '并发编辑检查服务', categoryId: 'legal' } });
  const id = created.body.id;
  const etag = created.headers.get('etag') ?? '';
  assertProblem(
    await call('PATCH', `/me/products/${id}`, { body: { summary: '没有 If-Match' } }),
    428,
    'precondition_required',
  );
  const [first, second] = await Promise.all([
    call('PATCH', `/me/products/${id}`, { headers: { 'if-match': etag }, body: { summary: '第一个修改' } }),
    call('PATCH', `/me/products/${id}`, { headers: { 'if-match': etag }, body: { summary: '第二个修改' } }),
  ]);
  const statuses = [first.status, second.status].sort();
  assert.deepEqual(statuses, [200, 412]);
  const winner = first.status === 200 ? first : second;
  assertProblem(first.status === 412 ? first : second, 412, 'precondition_failed');
  const read = await call('GET', `/me/products/${id}`);
  assert.equal(read.body.summary, winner.body.summary);
  assert.equal(read.headers.get('etag'), winner.headers.get('etag'));
  assert.equal(read.body.revision, 1);
  assertProblem(
    await call('PATCH', `/me/products/${id}`, { headers: { 'if-match': etag }, body: { summary: '旧版本' } }),
    412,
    'precondition_failed',
  );
});

test('published, a product is found by a catalog search within a second; an edit shows at once; a withdrawal removes it', async () => {
  const name = '琥珀体系预审服务';
  const created = await call('POST', '/me/products', {
    body: { ...COMPLETE, name, categoryId: 'testing-certification' },
  });
  assert.equal(created.status, 201);
  assert.equal((await search('琥珀')).total, 0, 'a draft is in no listing');
  const published = await call('POST', `/me/products/${created.body.id}/publish`, {
    headers: { 'idempotency-key': `publish-${created.body.id}` },
  });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  assert.equal(published.body.status, 'published');
  assert.equal(published.body.version, 1);
  const started = Date.now();
  const found = await search('琥珀');
  assert.ok(Date.now() - started < 1000, 'within a second');
  assert.deepEqual(
    found.items.map((item) => item.id),
    [created.body.id],
  );
  assert.equal(found.items[0]?.fee.discountPrice, 480_000);
  const replay = await call('POST', `/me/products/${created.body.id}/publish`, {
    headers: { 'idempotency-key': `publish-${created.body.id}` },
  });
  assert.equal(replay.status, 200);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  assertProblem(await call('POST', `/me/products/${created.body.id}/publish`), 409, 'conflict');

  const detail = await request<{ name: string }>(server.apiUrl, `/products/${created.body.id}`);
  assert.equal(detail.status, 200);
  const edited = await call('PATCH', `/me/products/${created.body.id}`, {
    headers: { 'if-match': published.headers.get('etag') ?? '' },
    body: { name: '玛瑙体系预审服务' },
  });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal(edited.body.version, 2);
  assert.equal((await search('琥珀')).total, 0, 'the old name is no longer found');
  assert.equal((await search('玛瑙')).items[0]?.id, created.body.id);
  assertProblem(
    await call('PATCH', `/me/products/${created.body.id}`, {
      headers: { 'if-match': edited.headers.get('etag') ?? '' },
      body: { function: '' },
    }),
    422,
    'not_publishable',
  );

  const withdrawn = await call('POST', `/me/products/${created.body.id}/withdraw`);
  assert.equal(withdrawn.status, 200);
  assert.equal(withdrawn.body.status, 'withdrawn');
  assert.equal((await search('玛瑙')).total, 0);
  assert.equal((await request(server.apiUrl, `/products/${created.body.id}`)).status, 404);
  assertProblem(await call('POST', `/me/products/${created.body.id}/withdraw`), 409, 'conflict');
});

test('the seeded complete draft publishes; the catalog facets count it', async () => {
  const before = await request<ProductPage>(server.apiUrl, '/products?category=testing-certification&region=441600');
  const published = await call('POST', `/me/products/${DEMO_DRAFTS.complete}/publish`);
  assert.equal(published.status, 200, JSON.stringify(published.body));
  const after = await request<ProductPage>(server.apiUrl, '/products?category=testing-certification&region=441600');
  assert.equal(after.body.total, before.body.total + 1);
});

test("another provider's product does not exist for a provider; other roles are refused", async () => {
  const other = 'usr-prv-02';
  assertProblem(await call('GET', `/me/products/${DEMO_DRAFTS.incomplete}`, { user: other }), 404, 'not_found');
  assertProblem(
    await call('PATCH', `/me/products/${DEMO_DRAFTS.incomplete}`, {
      user: other,
      headers: { 'if-match': '*' },
      body: { summary: '别人的' },
    }),
    404,
    'not_found',
  );
  assertProblem(
    await call('POST', `/me/products/${DEMO_DRAFTS.incomplete}/publish`, { user: other }),
    404,
    'not_found',
  );
  const mine = await call<MyProductPage>('GET', '/me/products', { user: other });
  assert.ok(mine.body.items.every((item) => item.providerId !== 'prv-00001'));
  assertProblem(await call('GET', '/me/products', { user: 'usr-ent-01' }), 403, 'forbidden');
  assertProblem(await request(server.apiUrl, '/me/products'), 401, 'unauthorized');
});

test('an engagement keeps the product as ordered: name, price and publics of the version the catalog showed', async () => {
  const productId = 'prd-00002';
  const read = await call('GET', `/me/products/${productId}`);
  assert.equal(read.status, 200);
  const priced = await call('PATCH', `/me/products/${productId}`, {
    headers: { 'if-match': read.headers.get('etag') ?? '' },
    body: { fee: { listPrice: 2_000_000, discountPrice: 1_600_000 } },
  });
  assert.equal(priced.status, 200, JSON.stringify(priced.body));
  const version = priced.body.version;
  assert.ok(version >= 1);
  const used = await call<Engagement>('POST', '/vouchers/vch-demo-0001/use', {
    user: 'usr-ent-01',
    body: { productId, contractAmount: 1_600_000 },
  });
  assert.equal(used.status, 201, JSON.stringify(used.body));
  assert.equal(used.body.orderedProduct?.version, version);
  assert.equal(used.body.orderedProduct?.price, 1_600_000);

  const renamed = await call('PATCH', `/me/products/${productId}`, {
    headers: { 'if-match': priced.headers.get('etag') ?? '' },
    body: { name: '海外技术法规咨询（新版）', fee: { listPrice: 3_000_000, discountPrice: null } },
  });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  assert.equal(renamed.body.version, version + 1);

  const engagement = await call<Engagement>('GET', `/engagements/${used.body.id}`, { user: 'usr-ent-01' });
  assert.equal(engagement.status, 200);
  assert.equal(engagement.body.productName, read.body.name);
  assert.equal(engagement.body.orderedProduct?.name, read.body.name);
  assert.deepEqual(engagement.body.orderedProduct?.fee, {
    listPrice: 2_000_000,
    discountPrice: 1_600_000,
    isFree: false,
    note: read.body.fee.note,
  });
  const asProvider = await call<Engagement>('GET', `/engagements/${used.body.id}`);
  assert.equal(asProvider.body.orderedProduct?.version, version);
  const catalog = await request<{ name: string; fee: { listPrice: number } }>(server.apiUrl, `/products/${productId}`);
  assert.equal(catalog.body.name, '海外技术法规咨询（新版）');
  assert.equal(catalog.body.fee.listPrice, 3_000_000);
});
