// The experts' API (服务专家库): the public search and one expert, and the writes of providers and centers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CATEGORY_IDS, ExpertDetail, ExpertPage, ServiceEvent, type Expert } from '@smec/schemas';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem, query } from './helpers.js';

let app: TestApp;
let categoryNames: Map<string, string>;
before(async () => {
  app = await openTestApp();
  const rows = await app.database.db.selectFrom('categories').select(['id', 'name']).execute();
  categoryNames = new Map(rows.map((row) => [row.id, row.name]));
});
after(() => app.close());

async function list(params: Record<string, string | number | undefined>) {
  const response = await app.inject<ExpertPage>({ method: 'GET', url: `/api/v1/experts${query(params)}` });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return ExpertPage.parse(response.body);
}

/** Every page of a query, following the cursors. */
async function all(params: Record<string, string | number | undefined>): Promise<Expert[]> {
  const items: Expert[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await list({ ...params, limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (!cursor) return items;
  }
  throw new Error('more than 100 pages');
}

const textOf = (expert: Expert) =>
  [expert.name, expert.title, ...expert.specialties.map((id) => categoryNames.get(id)), expert.bio].join(' ');

describe('GET /experts', () => {
  test('pages through about 500 seeded experts, each once, with the total on every page', async () => {
    const first = await list({ limit: 20 });
    assert.equal(first.items.length, 20);
    assert.ok(first.total >= 450, `${first.total} experts`);
    const experts = await all({});
    assert.equal(experts.length, first.total);
    assert.equal(new Set(experts.map((expert) => expert.id)).size, experts.length);
    for (const expert of experts) {
      assert.ok(expert.specialties.length >= 1 && expert.specialties.length <= 5, expert.id);
      assert.ok(expert.provider, `${expert.id} is a provider's`);
      assert.equal(expert.listed, true);
    }
  });

  test('a one-character Chinese query finds the experts whose texts hold it, and only those', async () => {
    const found = await all({ q: '律' });
    assert.ok(found.length > 0, 'some expert holds 律');
    for (const expert of found) assert.ok(textOf(expert).includes('律'), expert.id);
    const everyone = await all({});
    const expected = everyone.filter((expert) => textOf(expert).includes('律')).length;
    assert.equal(found.length, expected);
  });

  test('a two-character query matches the pair, not its characters apart', async () => {
    const found = await all({ q: '会计' });
    assert.ok(found.length > 0, 'some expert holds 会计');
    for (const expert of found) assert.ok(textOf(expert).includes('会计'), expert.id);
    const byName = await list({ q: found[0]!.name });
    assert.ok(
      byName.items.some((expert) => expert.id === found[0]!.id),
      'found by its name',
    );
  });

  test('a query of punctuation only matches nothing; an empty one everything', async () => {
    assert.deepEqual(await list({ q: '？！' }), { items: [], nextCursor: null, total: 0 });
    assert.equal((await list({ q: '  ' })).total, (await list({})).total);
  });

  test('categoryId keeps the experts of that specialty', async () => {
    const found = await all({ categoryId: 'legal' });
    assert.ok(found.length > 0);
    for (const expert of found) assert.ok(expert.specialties.includes('legal'), expert.id);
    assert.ok(found.length < (await list({})).total);
  });

  test('regionCode keeps the region and the regions within it', async () => {
    const city = await all({ regionCode: '441600' });
    assert.ok(city.length > 0, 'experts in 河源');
    for (const expert of city) assert.match(expert.regionCode, /^4416/, expert.id);
    const county = city[0]!.regionCode;
    const inCounty = await all({ regionCode: county });
    assert.ok(inCounty.length > 0 && inCounty.length <= city.length);
    for (const expert of inCounty) assert.equal(expert.regionCode, county);
    assert.equal((await list({ regionCode: '440000' })).total, (await list({})).total);
  });

  test('an unknown region is a 400 naming the parameter', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/experts?regionCode=449999' });
    const problem = assertProblem(response, 400, 'validation_failed');
    assert.equal(problem.errors?.[0]?.path, 'query.regionCode');
  });

  test('providerId keeps that provider’s experts; filters combine', async () => {
    const found = await all({ providerId: 'prv-00001' });
    assert.ok(found.length > 0);
    for (const expert of found) assert.equal(expert.provider?.id, 'prv-00001');
    const combined = await all({ providerId: 'prv-00001', categoryId: found[0]!.specialties[0] });
    assert.ok(combined.length > 0 && combined.length <= found.length);
  });

  test('a cursor of another query is refused', async () => {
    const page = await list({ limit: 5 });
    assert.ok(page.nextCursor);
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/experts${query({ limit: 5, cursor: page.nextCursor, categoryId: 'legal' })}`,
    });
    assertProblem(response, 400, 'invalid_cursor');
  });

  test('answers carry an ETag, and a repeat with it is a 304', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/v1/experts?q=律' });
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.match(first.headers.get('cache-control') ?? '', /no-cache/);
    const again = await app.inject({ method: 'GET', url: '/api/v1/experts?q=律', headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('every specialty the seed uses is a category', async () => {
    for (const expert of await all({})) for (const id of expert.specialties) assert.ok(CATEGORY_IDS.includes(id));
  });
});

describe('GET /experts/{id}', () => {
  test('the expert, its provider’s id and name, and the published products it delivers', async () => {
    const response = await app.inject<ExpertDetail>({ method: 'GET', url: '/api/v1/experts/exp-0001' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const expert = ExpertDetail.parse(response.body);
    const provider = await app.database.db
      .selectFrom('providers')
      .select(['id', 'name'])
      .where('id', '=', 'prv-00001')
      .executeTakeFirstOrThrow();
    assert.deepEqual(expert.provider, provider);
    assert.ok(expert.products.length > 0);
    for (const product of expert.products) {
      const row = await app.database.db
        .selectFrom('products')
        .select(['name', 'status', 'provider_id'])
        .where('id', '=', product.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { name: product.name, status: 'published', provider_id: 'prv-00001' });
    }
  });

  test('an unknown expert is a 404', async () => {
    assertProblem(await app.inject({ method: 'GET', url: '/api/v1/experts/exp-9999' }), 404, 'not_found');
  });
});

describe('what the public does not see', () => {
  test('a product of the expert that is not published is left out', async () => {
    const before = ExpertDetail.parse((await app.inject({ method: 'GET', url: '/api/v1/experts/exp-0002' })).body);
    const hidden = before.products[0];
    assert.ok(hidden, 'exp-0002 delivers a product');
    await app.database.db.updateTable('products').set({ status: 'withdrawn' }).where('id', '=', hidden.id).execute();
    try {
      const after = ExpertDetail.parse((await app.inject({ method: 'GET', url: '/api/v1/experts/exp-0002' })).body);
      assert.ok(!after.products.some((product) => product.id === hidden.id));
    } finally {
      await app.database.db.updateTable('products').set({ status: 'published' }).where('id', '=', hidden.id).execute();
    }
  });

  test('an unlisted expert and the experts of an unlisted provider are hidden from the list and the detail', async () => {
    const total = (await list({})).total;
    await app.database.db.updateTable('experts').set({ listed: 0 }).where('id', '=', 'exp-0003').execute();
    const ofProvider2 = (await all({ providerId: 'prv-00002' })).length;
    await app.database.db.updateTable('providers').set({ listed: 0 }).where('id', '=', 'prv-00002').execute();
    try {
      assert.equal((await list({})).total, total - 1 - ofProvider2);
      assert.equal((await list({ providerId: 'prv-00002' })).total, 0);
      assertProblem(await app.inject({ method: 'GET', url: '/api/v1/experts/exp-0003' }), 404, 'not_found');
      assertProblem(await app.inject({ method: 'GET', url: '/api/v1/experts/exp-0002' }), 404, 'not_found');
    } finally {
      await app.database.db.updateTable('experts').set({ listed: 1 }).where('id', '=', 'exp-0003').execute();
      await app.database.db.updateTable('providers').set({ listed: 1 }).where('id', '=', 'prv-00002').execute();
    }
  });
});

describe('POST /me/experts and PATCH /me/experts/{id}', () => {
  const tokens = new Map<string, string>();
  const tokenOf = async (userId: string) => {
    if (!tokens.has(userId)) tokens.set(userId, await app.tokenFor(userId));
    return tokens.get(userId)!;
  };
  const write = async (
    userId: string,
    method: 'POST' | 'PATCH',
    url: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject<ExpertDetail>({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${await tokenOf(userId)}`, 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(payload),
    });
  const created = async (userId: string, payload: unknown) => {
    const response = await write(userId, 'POST', '/me/experts', payload);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return ExpertDetail.parse(response.body);
  };
  const base = { name: '欧阳卓越', title: '高级会计师', specialties: ['finance-tax'], years: 15 };
  const ids = async (params: Record<string, string>) => (await all(params)).map((item) => item.id);

  test('a provider adds an expert of its own, found at once by one and two characters of its name', async () => {
    const expert = await created('usr-prv-01', {
      ...base,
      bio: '专注高新技术企业财税辅导。',
      productIds: ['prd-00004'],
    });
    assert.equal(expert.provider?.id, 'prv-00001');
    assert.equal(expert.regionCode, '441622');
    assert.equal(expert.centerRegionCode, null);
    assert.deepEqual(
      expert.products.map((product) => product.id),
      ['prd-00004'],
    );
    for (const q of ['卓', '卓越', '欧阳卓越', '高新技术']) assert.ok((await ids({ q })).includes(expert.id), q);
    assert.ok((await ids({ q: '卓', categoryId: 'finance-tax', regionCode: '441600' })).includes(expert.id));
    assert.ok(!(await ids({ q: '卓', categoryId: 'legal' })).includes(expert.id));
    const detail = await app.inject<ExpertDetail>({ method: 'GET', url: `/api/v1/experts/${expert.id}` });
    assert.equal(detail.status, 200);
  });

  test('the same Idempotency-Key replays the first answer; with another body it is refused', async () => {
    const headers = { 'idempotency-key': 'expert-key-1' };
    const body = { ...base, name: '司马明远' };
    const first = await write('usr-prv-01', 'POST', '/me/experts', body, headers);
    assert.equal(first.status, 201);
    const again = await write('usr-prv-01', 'POST', '/me/experts', body, headers);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((again.body as ExpertDetail).id, (first.body as ExpertDetail).id);
    assert.equal((await list({ q: '司马明远' })).total, 1);
    const other = await write('usr-prv-01', 'POST', '/me/experts', { ...body, years: 3 }, headers);
    assertProblem(other, 422, 'idempotency_key_reused');
  });

  test('an edit retried with its Idempotency-Key is answered as the first time', async () => {
    const expert = await created('usr-prv-01', { ...base, name: '皇甫重试' });
    const headers = { 'idempotency-key': 'expert-edit-1' };
    const url = `/me/experts/${expert.id}`;
    const first = await write('usr-prv-01', 'PATCH', url, { years: 20 }, headers);
    assert.equal(first.status, 200);
    await app.database.db.updateTable('experts').set({ years: 21 }).where('id', '=', expert.id).execute();
    const again = await write('usr-prv-01', 'PATCH', url, { years: 20 }, headers);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((again.body as ExpertDetail).years, 20);
    const stored = await app.database.db
      .selectFrom('experts')
      .select('years')
      .where('id', '=', expert.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.years, 21, 'the replay changed nothing');
  });

  test('fields are refused with the shared rules’ message keys', async () => {
    const response = await write('usr-prv-01', 'POST', '/me/experts', {
      name: '李',
      title: '高级会计师',
      specialties: ['legal', 'finance-tax', 'financing', 'digitalization', 'market-expansion', 'technology-rd'],
      years: 61,
      bio: '字'.repeat(1001),
    });
    const problem = assertProblem(response, 400, 'validation_failed');
    assert.deepEqual(
      (problem.errors ?? []).map((error) => `${error.path} ${error.code}`),
      [
        'body.name expert.name',
        'body.specialties expert.specialties',
        'body.years expert.years',
        'body.bio expert.bio',
      ],
    );
  });

  test('a product of another provider is a 422 naming the field', async () => {
    const response = await write('usr-prv-01', 'POST', '/me/experts', {
      ...base,
      productIds: ['prd-00001', 'prd-09999'],
    });
    const problem = assertProblem(response, 422, 'invalid_reference');
    assert.deepEqual(
      (problem.errors ?? []).map((error) => `${error.path} ${error.code}`),
      ['body.productIds.1 expert.product'],
    );
    const theirs = await app.database.db
      .selectFrom('products')
      .select('id')
      .where('provider_id', '=', 'prv-00002')
      .executeTakeFirstOrThrow();
    const patched = await write('usr-prv-01', 'PATCH', '/me/experts/exp-0001', { productIds: [theirs.id] });
    assert.equal(assertProblem(patched, 422, 'invalid_reference').errors?.[0]?.path, 'body.productIds.0');
  });

  test('a provider names no other provider and no region outside its city', async () => {
    const other = await write('usr-prv-01', 'POST', '/me/experts', { ...base, providerId: 'prv-00002' });
    assert.equal(assertProblem(other, 422, 'invalid_reference').errors?.[0]?.path, 'body.providerId');
    const far = await write('usr-prv-01', 'POST', '/me/experts', { ...base, regionCode: '440100' });
    assert.equal(assertProblem(far, 422, 'invalid_reference').errors?.[0]?.path, 'body.regionCode');
    const unknown = await write('usr-prv-01', 'POST', '/me/experts', { ...base, regionCode: '449999' });
    assert.equal(assertProblem(unknown, 400, 'validation_failed').errors?.[0]?.path, 'body.regionCode');
    const nearby = await created('usr-prv-01', { ...base, name: '诸葛近邻', regionCode: '441602' });
    assert.equal(nearby.regionCode, '441602');
  });

  test('a center adds to its region, its own or for a provider of its region, and nowhere else', async () => {
    const own = await created('usr-admin-440500', { ...base, name: '上官中心' });
    assert.deepEqual([own.provider, own.regionCode, own.centerRegionCode], [null, '440500', '440500']);
    assert.ok((await ids({ q: '上官中心' })).includes(own.id), 'a center’s expert is public');
    const county = await created('usr-admin-440500', { ...base, name: '上官县区', regionCode: '440513' });
    assert.equal(county.regionCode, '440513');
    const provider = await app.database.db
      .selectFrom('providers')
      .select(['id', 'region_code'])
      .where('region_code', 'like', '4405%')
      .where('listed', '=', 1)
      .executeTakeFirstOrThrow();
    const theirs = await created('usr-admin-440500', { ...base, name: '上官机构', providerId: provider.id });
    assert.deepEqual(
      [theirs.provider?.id, theirs.regionCode, theirs.centerRegionCode],
      [provider.id, provider.region_code, null],
    );
    const outside = await write('usr-admin-440500', 'POST', '/me/experts', { ...base, providerId: 'prv-00001' });
    assert.equal(assertProblem(outside, 422, 'invalid_reference').errors?.[0]?.path, 'body.providerId');
    const elsewhere = await write('usr-admin-440500', 'POST', '/me/experts', { ...base, regionCode: '440100' });
    assert.equal(assertProblem(elsewhere, 422, 'invalid_reference').errors?.[0]?.path, 'body.regionCode');
    const products = await write('usr-admin-440500', 'POST', '/me/experts', { ...base, productIds: ['prd-00001'] });
    assert.equal(assertProblem(products, 422, 'invalid_reference').errors?.[0]?.path, 'body.productIds.0');
  });

  test('an enterprise may not add or edit experts; anonymous callers must sign in', async () => {
    assertProblem(await write('usr-ent-01', 'POST', '/me/experts', base), 403, 'forbidden');
    assertProblem(await write('usr-ent-01', 'PATCH', '/me/experts/exp-0001', { years: 3 }), 403, 'forbidden');
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/me/experts',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(base),
    });
    assertProblem(anonymous, 401, 'unauthorized');
  });

  test('an edit is searchable at once, under the new words and no longer under the old', async () => {
    const expert = await created('usr-prv-01', { ...base, name: '慕容旧名' });
    const patched = await write('usr-prv-01', 'PATCH', `/me/experts/${expert.id}`, {
      name: '慕容新名',
      specialties: ['legal'],
      bio: '擅长股权激励方案。',
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(ExpertDetail.parse(patched.body).name, '慕容新名');
    assert.ok((await ids({ q: '新名' })).includes(expert.id));
    assert.ok(!(await ids({ q: '旧名' })).includes(expert.id));
    assert.ok((await ids({ q: '股权激励' })).includes(expert.id));
    assert.ok((await ids({ q: '法律', categoryId: 'legal' })).includes(expert.id), 'its specialty’s name');
    assert.ok(!(await ids({ q: '慕容', categoryId: 'finance-tax' })).includes(expert.id));
  });

  test('listed: false hides the expert from the public; its owner still edits it', async () => {
    const expert = await created('usr-prv-01', { ...base, name: '公孙隐藏' });
    assert.equal((await write('usr-prv-01', 'PATCH', `/me/experts/${expert.id}`, { listed: false })).status, 200);
    assert.equal((await list({ q: '公孙隐藏' })).total, 0);
    assertProblem(await app.inject({ method: 'GET', url: `/api/v1/experts/${expert.id}` }), 404, 'not_found');
    assert.equal((await write('usr-prv-01', 'PATCH', `/me/experts/${expert.id}`, { listed: true })).status, 200);
    assert.equal((await list({ q: '公孙隐藏' })).total, 1);
  });

  test('another provider’s expert, or one outside a center’s region, does not exist for the caller', async () => {
    assertProblem(await write('usr-prv-02', 'PATCH', '/me/experts/exp-0001', { years: 3 }), 404, 'not_found');
    assertProblem(await write('usr-admin-440500', 'PATCH', '/me/experts/exp-0001', { years: 3 }), 404, 'not_found');
    assertProblem(await write('usr-prv-01', 'PATCH', '/me/experts/exp-9999', { years: 3 }), 404, 'not_found');
    // A county center's expert: its city and the province edit it, the city's other county does not.
    const ofCounty = await created('usr-admin-440507', { ...base, name: '东方县级' });
    assert.equal(ofCounty.regionCode, '440507');
    assertProblem(
      await write('usr-admin-440511', 'PATCH', `/me/experts/${ofCounty.id}`, { years: 3 }),
      404,
      'not_found',
    );
    for (const admin of ['usr-admin-440507', 'usr-admin-440500', 'usr-admin-440000']) {
      assert.equal((await write(admin, 'PATCH', `/me/experts/${ofCounty.id}`, { years: 4 })).status, 200, admin);
    }
    // The provider's expert in 河源: 河源's center edits it too.
    assert.equal((await write('usr-admin-441600', 'PATCH', '/me/experts/exp-0001', { years: 20 })).status, 200);
  });
});

describe('expert clinics name their experts', () => {
  const eventOf = async (id: string) => {
    const response = await app.inject<ServiceEvent>({ method: 'GET', url: `/api/v1/events/${id}` });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return ServiceEvent.parse(response.body);
  };

  test('every seeded clinic names two to four listed experts of its categories, ids and names', async () => {
    const clinics = await app.database.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'expertClinic')
      .execute();
    assert.ok(clinics.length > 0, 'the seed holds expert clinics');
    for (const { id } of clinics.slice(0, 10)) {
      const event = await eventOf(id);
      const experts = event.experts ?? [];
      assert.ok(experts.length >= 2 && experts.length <= 4, `${id}: ${experts.length} experts`);
      for (const named of experts) {
        const expert = ExpertDetail.parse(
          (await app.inject({ method: 'GET', url: `/api/v1/experts/${named.id}` })).body,
        );
        assert.equal(expert.name, named.name);
        assert.ok(
          expert.specialties.some((category) => event.categoryIds.includes(category)),
          `${named.id} serves ${id}`,
        );
      }
    }
  });

  test('another event names none; a hidden expert is left out', async () => {
    const other = await app.database.db
      .selectFrom('events')
      .select('id')
      .where('type', '<>', 'expertClinic')
      .executeTakeFirstOrThrow();
    assert.deepEqual((await eventOf(other.id)).experts, []);
    const clinic = await app.database.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'expertClinic')
      .executeTakeFirstOrThrow();
    const [first, ...rest] = (await eventOf(clinic.id)).experts ?? [];
    assert.ok(first);
    await app.database.db.updateTable('experts').set({ listed: 0 }).where('id', '=', first.id).execute();
    try {
      assert.deepEqual((await eventOf(clinic.id)).experts, rest);
    } finally {
      await app.database.db.updateTable('experts').set({ listed: 1 }).where('id', '=', first.id).execute();
    }
  });

  test('the event list leaves the experts out', async () => {
    const response = await app.inject<{ items: ServiceEvent[] }>({
      method: 'GET',
      url: '/api/v1/events?type=expertClinic',
    });
    assert.equal(response.status, 200);
    for (const event of response.body.items) assert.equal(event.experts, undefined);
  });
});
