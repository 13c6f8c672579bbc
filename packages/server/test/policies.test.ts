import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Policy, PolicyPage } from '@smec/schemas';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem, query } from './helpers.js';

let app: TestApp;
before(async () => {
  app = await openTestApp();
});
after(() => app.close());

async function list(params: Record<string, string | number | undefined>) {
  const response = await app.inject<PolicyPage>({ method: 'GET', url: `/api/v1/policies${query(params)}` });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return PolicyPage.parse(response.body);
}

/** Every page of a query, following the cursors. */
async function all(params: Record<string, string | number | undefined>) {
  const items: Policy[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ ...params, limit: 50, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const textOf = (policy: Policy) => [policy.title, policy.issuer, policy.docNumber, policy.summary].join('\n');

describe('the seeded library', () => {
  test('holds 150–300 policies of the province, cities and counties with real-format document numbers', async () => {
    const policies = await all({});
    assert.ok(policies.length >= 150 && policies.length <= 300, `${policies.length} policies`);
    const levels = new Set(policies.map((policy) => policy.regionLevel));
    assert.deepEqual([...levels].sort(), ['city', 'county', 'province']);
    for (const policy of policies) {
      assert.match(policy.docNumber, /^\p{Script=Han}+〔(20\d\d)〕\d+号$/u, policy.docNumber);
      assert.equal(
        policy.docNumber.slice(policy.docNumber.indexOf('〔') + 1, policy.docNumber.indexOf('〕')),
        policy.publishedAt.slice(0, 4),
      );
      assert.match(policy.url, /^https:\/\/[a-z0-9.]+\.gov\.cn\//);
      assert.ok(policy.effectiveFrom >= policy.publishedAt);
      assert.ok(policy.effectiveUntil === null || policy.effectiveUntil > policy.effectiveFrom, policy.id);
    }
    assert.equal(new Set(policies.map((policy) => policy.id)).size, policies.length, 'no page repeats an item');
  });

  test('the guideline’s own reference is pol-0001', async () => {
    const response = await app.inject<Policy>({ method: 'GET', url: '/api/v1/policies/pol-0001' });
    assert.equal(response.status, 200);
    const policy = Policy.parse(response.body);
    assert.equal(policy.docNumber, '粤府办〔2016〕58号');
    assert.equal(policy.regionLevel, 'province');
    assert.equal(policy.status, 'expired');
  });
});

describe('search', () => {
  test('a one-character query finds every policy containing it, and only those', async () => {
    const everything = await all({});
    const expected = everything.filter((policy) => textOf(policy).includes('税')).map((policy) => policy.id);
    const found = await all({ q: '税' });
    assert.ok(found.length > 0);
    assert.deepEqual(found.map((policy) => policy.id).sort(), expected.sort());
  });

  test('a two-character query finds every policy containing it, and only those', async () => {
    const everything = await all({});
    const expected = everything.filter((policy) => textOf(policy).includes('融资')).map((policy) => policy.id);
    const found = await all({ q: '融资' });
    assert.ok(found.length > 0);
    assert.deepEqual(found.map((policy) => policy.id).sort(), expected.sort());
  });

  test('a longer phrase must occur verbatim; a document number is searchable', async () => {
    const found = await all({ q: '服务券管理办法' });
    assert.ok(found.length > 0);
    for (const policy of found) assert.ok(textOf(policy).includes('服务券管理办法'), policy.title);
    const byNumber = await list({ q: '粤府办〔2016〕58号' });
    assert.ok(byNumber.items.some((policy) => policy.id === 'pol-0001'));
  });

  test('punctuation alone and an unknown word match nothing', async () => {
    assert.equal((await list({ q: '、、' })).total, 0);
    assert.equal((await list({ q: '鳄鱼' })).total, 0);
  });
});

describe('filters', () => {
  test("a county's list holds its own, its city's and the province's policies, nearest first", async () => {
    const policies = await all({ region: '440604' });
    const regions = policies.map((policy) => policy.regionCode);
    assert.ok(
      regions.every((code) => ['440604', '440600', '440000'].includes(code)),
      regions.join(),
    );
    assert.ok(regions.includes('440600') && regions.includes('440000'));
    const rank = (code: string) => (code === '440604' ? 0 : code === '440600' ? 1 : 2);
    for (let i = 1; i < policies.length; i++) {
      const [a, b] = [policies[i - 1] as Policy, policies[i] as Policy];
      // Nearest region first, then newest first within a region.
      const ordered =
        rank(a.regionCode) < rank(b.regionCode) ||
        (rank(a.regionCode) === rank(b.regionCode) && a.publishedAt >= b.publishedAt);
      assert.ok(ordered, `${a.regionCode} ${a.publishedAt} before ${b.regionCode} ${b.publishedAt}`);
    }
    const provincial = await all({ region: '440000' });
    assert.ok(provincial.every((policy) => policy.regionCode === '440000'));
    assert.equal(
      regions.filter((code) => code === '440000').length,
      provincial.length,
      'the county sees every provincial policy',
    );
  });

  test('another city’s policies are not in a county’s list', async () => {
    const policies = await all({ region: '440604' });
    assert.ok(!policies.some((policy) => policy.regionCode.startsWith('4401')));
  });

  test('a publication range is inclusive', async () => {
    const policies = await all({ from: '2020-01-01', to: '2021-12-31' });
    assert.ok(policies.length > 0);
    assert.ok(policies.every((policy) => policy.publishedAt >= '2020-01-01' && policy.publishedAt <= '2021-12-31'));
    const everything = await all({});
    assert.equal(
      policies.length,
      everything.filter((policy) => policy.publishedAt >= '2020-01-01' && policy.publishedAt <= '2021-12-31').length,
    );
  });

  test('in force and expired split the started policies', async () => {
    const inForce = await all({ validity: 'inForce' });
    const expired = await all({ validity: 'expired' });
    const everything = await all({});
    assert.ok(inForce.length > 0 && expired.length > 0);
    assert.ok(inForce.every((policy) => policy.status === 'inForce'));
    assert.ok(expired.every((policy) => policy.status === 'expired'));
    const upcoming = everything.filter((policy) => policy.status === 'upcoming').length;
    assert.equal(inForce.length + expired.length + upcoming, everything.length);
  });

  test('category and issuer', async () => {
    const legal = await all({ category: 'legal' });
    assert.ok(legal.length > 0 && legal.every((policy) => policy.categoryIds.includes('legal')));
    const issuer = await all({ issuer: '工业和信息化' });
    assert.ok(issuer.length > 0 && issuer.every((policy) => policy.issuer.includes('工业和信息化')));
    assert.equal((await list({ issuer: '%' })).total, 0, 'LIKE wildcards match themselves');
  });
});

describe('bad input', () => {
  test('is a 400 problem, never a 500', async () => {
    for (const url of [
      '/api/v1/policies?region=999999',
      '/api/v1/policies?region=abc',
      '/api/v1/policies?from=2020-13-01',
      '/api/v1/policies?validity=soon',
      '/api/v1/policies?limit=0',
      '/api/v1/policies?cursor=forged.cursor',
      '/api/v1/policies/BAD%20ID',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      assertProblem(response, 400, response.status === 400 ? String((response.body as { code: string }).code) : '');
    }
    assertProblem(await app.inject({ method: 'GET', url: '/api/v1/policies/pol-9999' }), 404, 'not_found');
  });
});
