// The rate limit's headers as the OpenAPI document states them: `RateLimit` and `RateLimit-Policy` on every answer of
// a limited operation that the limit counted, `Retry-After` with its 429, and the plugin's own headers never.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOpenApiDocument } from '@smec/schemas/openapi';
import { DEMO_DEMAND } from '../src/seed/demands.js';
import { openTestApp, validDemand, type TestApp } from './demand-helpers.js';
import type { JsonResponse } from './helpers.js';

interface DocumentedHeader {
  readonly schema: { readonly pattern?: string };
}
const document = buildOpenApiDocument() as {
  paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, DocumentedHeader> }> }>>;
};

/** The documented pattern of a header of an answer. */
function patternOf(path: string, method: string, status: number, header: string): RegExp {
  const pattern = document.paths[path]?.[method]?.responses[String(status)]?.headers?.[header]?.schema.pattern;
  assert.ok(pattern, `${method} ${path} ${status} documents ${header}`);
  return new RegExp(pattern);
}

/** Asserts the rate-limit headers of an answer: as documented, with `r` requests left, and nothing of the plugin's. */
function assertRateLimit(response: JsonResponse, path: string, method: string, policy: string, left: number): void {
  const rateLimit = response.headers.get('ratelimit') ?? '';
  assert.match(rateLimit, patternOf(path, method, response.status, 'RateLimit'));
  assert.match(rateLimit, new RegExp(`^"${policy}";r=${left};t=\\d+$`), `${response.status}: ${rateLimit}`);
  const limitPolicy = response.headers.get('ratelimit-policy') ?? '';
  assert.match(limitPolicy, patternOf(path, method, response.status, 'RateLimit-Policy'));
  for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
    assert.equal(response.headers.get(name), null, name);
  }
}

describe('rate-limit headers', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({
      rateLimits: { demandSubmit: { max: 5, windowMs: 60_000 }, demandLookup: { max: 3, windowMs: 60_000 } },
    });
  });
  after(() => t.close());

  const submit = (payload: unknown, headers: Record<string, string> = {}) =>
    t.inject({ method: 'POST', url: '/api/v1/demands', payload: payload as object, headers });

  test('every counted submission says what is left, a 201 and a 400 alike', async () => {
    const created = await submit(validDemand(), { 'idempotency-key': 'headers-1' });
    assert.equal(created.status, 201);
    assertRateLimit(created, '/demands', 'post', 'demand-submit', 4);
    const invalid = await submit(validDemand({ title: '' }));
    assert.equal(invalid.status, 400);
    assertRateLimit(invalid, '/demands', 'post', 'demand-submit', 3);
  });

  test('a replay is not counted, so it carries the policy but no RateLimit', async () => {
    const replay = await submit(validDemand(), { 'idempotency-key': 'headers-1' });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.headers.get('ratelimit'), null);
    assert.equal(replay.headers.get('ratelimit-policy'), '"demand-submit";q=5;w=60');
  });

  test('lookups count down to a 429 with Retry-After, each answer as documented', async () => {
    const url = `/api/v1/demands/lookup?trackingNo=${DEMO_DEMAND.trackingNo}&phone=`;
    const found = await t.inject({ method: 'GET', url: `${url}${DEMO_DEMAND.phone}` });
    assert.equal(found.status, 200);
    assertRateLimit(found, '/demands/lookup', 'get', 'demand-lookup', 2);
    const wrongPhone = await t.inject({ method: 'GET', url: `${url}13900000000` });
    assert.equal(wrongPhone.status, 404);
    assertRateLimit(wrongPhone, '/demands/lookup', 'get', 'demand-lookup', 1);
    await t.inject({ method: 'GET', url: `${url}${DEMO_DEMAND.phone}` });
    const refused = await t.inject({ method: 'GET', url: `${url}${DEMO_DEMAND.phone}` });
    assert.equal(refused.status, 429);
    assertRateLimit(refused, '/demands/lookup', 'get', 'demand-lookup', 0);
    const retryAfter = refused.headers.get('retry-after') ?? '';
    assert.match(retryAfter, patternOf('/demands/lookup', 'get', 429, 'Retry-After'));
  });

  test('an operation without a limit sends none of these headers', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/categories' });
    assert.equal(response.status, 200);
    for (const name of ['ratelimit', 'ratelimit-policy', 'retry-after', 'x-ratelimit-remaining']) {
      assert.equal(response.headers.get(name), null, name);
    }
    const documented = document.paths['/categories']?.['get']?.responses['200']?.headers ?? {};
    assert.deepEqual(
      Object.keys(documented).filter((name) => /ratelimit|retry-after/i.test(name)),
      [],
    );
  });
});
