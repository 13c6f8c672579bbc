// client.experts and client.me.experts against the real reference server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Me,
  FullMe,
  createClient,
  createClientFrom,
  SmecForbiddenError,
  SmecNotFoundError,
  SmecUnprocessableError,
  SmecValidationError,
  type SmecClient,
} from '@smec/sdk';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: SmecClient;
let provider: SmecClient;
let enterprise: SmecClient;

before(async () => {
  server = await startTestServer();
  client = createClient({ baseUrl: server.apiUrl });
  const providerToken = (await client.demo.token('usr-prv-01')).token;
  const enterpriseToken = (await client.demo.token('usr-ent-01')).token;
  provider = createClient({ baseUrl: server.apiUrl, getToken: () => providerToken });
  enterprise = createClient({ baseUrl: server.apiUrl, getToken: () => enterpriseToken });
});
after(() => server?.close());

describe('client.experts', () => {
  it('searches with one and two Chinese characters', async () => {
    for (const q of ['律', '会计']) {
      const page = await client.experts.list({ q, limit: 5 });
      assert.ok(page.items.length > 0, q);
      for (const expert of page.items) assert.ok(`${expert.name}${expert.title}${expert.bio}`.includes(q), q);
    }
  });

  it('iterates every page of a filter once, as iterating the list does', async () => {
    const first = await client.experts.list({ categoryId: 'legal', regionCode: '440100', limit: 7 });
    const ids: string[] = [];
    for await (const expert of client.experts.iterate({ categoryId: 'legal', regionCode: '440100', limit: 7 })) {
      assert.ok(expert.specialties.includes('legal'));
      assert.match(expert.regionCode, /^4401/);
      ids.push(expert.id);
    }
    assert.equal(ids.length, first.total);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('gets one expert with its provider and products; an unknown one throws SmecNotFoundError', async () => {
    const expert = await client.experts.get('exp-0001');
    assert.equal(expert.provider?.id, 'prv-00001');
    assert.ok(expert.products.length > 0);
    await assert.rejects(client.experts.get('exp-9999'), SmecNotFoundError);
  });

  it('rejects an unknown region with SmecValidationError', async () => {
    await assert.rejects(client.experts.list({ regionCode: '449999' }), SmecValidationError);
  });
});

describe('client.me.experts', () => {
  it('creates an expert that a search finds at once, and updates it', async () => {
    const created = await provider.me.experts.create({
      name: '端木行远',
      title: '注册审核员',
      specialties: ['testing-certification'],
      years: 9,
      productIds: ['prd-00001'],
    });
    assert.equal(created.provider?.id, 'prv-00001');
    assert.deepEqual(
      created.products.map((product) => product.id),
      ['prd-00001'],
    );
    assert.equal((await client.experts.list({ q: '行远' })).items[0]?.id, created.id);
    const updated = await provider.me.experts.update(created.id, { title: '高级工程师', years: 10 });
    assert.equal(updated.title, '高级工程师');
    assert.equal((await client.experts.get(created.id)).years, 10);
  });

  it('repeats one create with its key: one expert', async () => {
    const input = { name: '西门守一', title: '高级会计师', specialties: ['finance-tax' as const], years: 5 };
    const first = await provider.me.experts.create(input, { idempotencyKey: 'sdk-expert-1' });
    const again = await provider.me.experts.create(input, { idempotencyKey: 'sdk-expert-1' });
    assert.equal(again.id, first.id);
    assert.equal((await client.experts.list({ q: '西门守一' })).total, 1);
  });

  it('throws the refusals as their errors', async () => {
    const base = { name: '南宫试', title: '律师', specialties: ['legal' as const], years: 3 };
    await assert.rejects(provider.me.experts.create({ ...base, years: 61 }), (error: unknown) => {
      assert.ok(error instanceof SmecValidationError);
      assert.equal(error.problem.errors?.[0]?.code, 'expert.years');
      return true;
    });
    await assert.rejects(provider.me.experts.create({ ...base, productIds: ['prd-09999'] }), (error: unknown) => {
      assert.ok(error instanceof SmecUnprocessableError);
      assert.equal(error.problem.errors?.[0]?.path, 'body.productIds.0');
      return true;
    });
    await assert.rejects(enterprise.me.experts.create(base), SmecForbiddenError);
    await assert.rejects(provider.me.experts.update('exp-0002', { years: 4 }), SmecNotFoundError);
  });

  it('is on createClient’s `me`, and on createClientFrom’s when made with FullMe', () => {
    assert.ok(client.me instanceof FullMe);
    const withExperts = createClientFrom({ baseUrl: server.apiUrl }, { me: FullMe });
    assert.equal(typeof withExperts.me.experts.create, 'function');
    const plain = createClientFrom({ baseUrl: server.apiUrl }, { me: Me });
    assert.equal(plain.me.experts, undefined);
  });
});
