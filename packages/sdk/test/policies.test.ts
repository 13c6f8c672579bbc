// client.policies and client.stats against the real reference server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, SmecNotFoundError, SmecValidationError, type SmecClient } from '@smec/sdk';
import { startTestServer, testYear } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: SmecClient;

before(async () => {
  server = await startTestServer();
  client = createClient({ baseUrl: server.apiUrl });
});
after(() => server?.close());

describe('client.policies', () => {
  it('searches with a two-character query within a county and its parents, nearest first', async () => {
    const page = await client.policies.list({ q: '融资', region: '440604', limit: 5 });
    assert.ok(page.items.length > 0);
    for (const policy of page.items) {
      assert.ok(['440604', '440600', '440000'].includes(policy.regionCode));
      assert.ok(`${policy.title}${policy.summary}`.includes('融资'));
    }
  });

  it('iterates every page of a filter once', async () => {
    const first = await client.policies.list({ category: 'finance-tax', limit: 7 });
    const ids: string[] = [];
    for await (const policy of client.policies.list({ category: 'finance-tax', limit: 7 })) ids.push(policy.id);
    assert.equal(ids.length, first.total);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('gets one policy and throws SmecNotFoundError for an unknown id', async () => {
    const policy = await client.policies.get('pol-0001');
    assert.equal(policy.docNumber, '粤府办〔2016〕58号');
    await assert.rejects(client.policies.get('pol-9999'), SmecNotFoundError);
  });

  it('rejects an unknown region with SmecValidationError', async () => {
    await assert.rejects(client.policies.list({ region: '999999' }), SmecValidationError);
  });
});

describe('client.stats', () => {
  it("returns a city's scorecard with its province beside it and twelve months", async () => {
    const card = await client.stats.scorecard({ region: '440600', year: testYear() });
    assert.equal(card.region.region.name, '佛山市');
    assert.equal(card.parent?.region.code, '440000');
    assert.equal(card.trend.length, 12);
    assert.equal(
      card.trend.reduce((sum, month) => sum + month.enterpriseServices, 0),
      card.region.figures.enterpriseServices,
    );
  });
});

describe('client.evaluations and client.targets', () => {
  it('lists the cities best first and gets one center as listed', async () => {
    const list = await client.evaluations.list({ year: testYear(), level: 'city' });
    assert.equal(list.items.length, 21);
    assert.equal(list.items[0]?.rank, 1);
    const foshan = await client.evaluations.get('440600', { year: testYear() });
    assert.deepEqual(
      foshan,
      list.items.find((item) => item.centerId === '440600'),
    );
    await assert.rejects(client.evaluations.get('999999', { year: testYear() }), SmecNotFoundError);
  });

  it("sets a year's shares as the province's administrator, naming the revision read", async () => {
    const { token } = await client.demo.token('usr-admin-440000');
    const province = createClient({ baseUrl: server.apiUrl, getToken: () => token });
    const year = testYear() + 4;
    const read = await province.targets.get(year);
    assert.equal(read.revision, 0);
    const input = {
      weights: { resources: 20, matching: 40, effect: 40 },
      shares: [{ regionCode: '440600', providersIntegrated: 600, enterpriseServices: 18_000 }],
    };
    const written = await province.targets.set(read, input);
    assert.equal(written.revision, 1);
    assert.deepEqual(written.weights, input.weights);
    await assert.rejects(province.targets.set(read, input), (error: Error) =>
      /412|changed/i.test(`${(error as { status?: number }).status} ${error.message}`),
    );
  });
});
