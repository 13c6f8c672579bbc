// The experts' API (服务专家库): the public search and one expert, and the writes of providers and centers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CATEGORY_IDS, ExpertDetail, ExpertPage, type Expert } from '@smec/schemas';
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
