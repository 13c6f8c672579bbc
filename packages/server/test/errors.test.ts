import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { PROBLEM_TITLES, ProductPage } from '@smec/schemas';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/index.js';
import { prepareTestDatabase, startTestServer, testClock } from '../../../test-support/server.js';
import { assertProblem, request, type JsonResponse } from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('bad input is a 400 problem, never a 5xx', () => {
  const cases: [string, string, string][] = [
    ['/products?limit=0', 'query.limit', 'validation_failed'],
    ['/products?limit=10000', 'query.limit', 'validation_failed'],
    ['/products?limit=abc', 'query.limit', 'validation_failed'],
    ['/products?limit=2.5', 'query.limit', 'validation_failed'],
    ['/products?limit=1&limit=2', 'query.limit', 'validation_failed'],
    ['/products?minPrice=abc', 'query.minPrice', 'validation_failed'],
    ['/products?minPrice=-1', 'query.minPrice', 'validation_failed'],
    ['/products?minPrice=500&maxPrice=100', 'query.minPrice', 'validation_failed'],
    ['/products?minRating=101', 'query.minRating', 'validation_failed'],
    ['/products?category=unknown', 'query.category', 'validation_failed'],
    ['/products?region=999999', 'query.region', 'validation_failed'],
    ['/products?region=440699', 'query.region', 'validation_failed'],
    ['/products?region=4406', 'query.region', 'validation_failed'],
    ['/products?voucherEligible=maybe', 'query.voucherEligible', 'validation_failed'],
    ['/products?free=yes', 'query.free', 'validation_failed'],
    ['/products?sort=cheapest', 'query.sort', 'validation_failed'],
    ['/products?provider=PRV%2001', 'query.provider', 'validation_failed'],
    [`/products?q=${'法'.repeat(101)}`, 'query.q', 'validation_failed'],
    ['/providers?limit=0', 'query.limit', 'validation_failed'],
    ['/providers?category=unknown', 'query.category', 'validation_failed'],
    ['/providers?region=999999', 'query.region', 'validation_failed'],
    ['/providers?sort=price', 'query.sort', 'validation_failed'],
    ['/regions?level=town', 'query.level', 'validation_failed'],
    ['/regions?parent=999999', 'query.parent', 'validation_failed'],
    ['/products/Not%20An%20Id', 'params.id', 'validation_failed'],
  ];
  for (const [path, field, code] of cases) {
    test(path, async () => {
      const problem = assertProblem(await request(server.apiUrl, path), 400, code);
      assert.ok(
        problem.errors?.some((error) => error.path === field && error.message.length > 0),
        JSON.stringify(problem.errors),
      );
      assert.doesNotMatch(problem.errors?.map((error) => error.message).join() ?? '', /^Invalid input$/);
    });
  }

  test('messages say what is wrong', async () => {
    const english = { headers: { 'accept-language': 'en' } };
    const problem = assertProblem(await request(server.apiUrl, '/products?limit=0', english), 400, 'validation_failed');
    assert.deepEqual(problem.errors?.[0], { path: 'query.limit', message: 'Must be at least 1', code: 'too_small' });
    const category = assertProblem(
      await request(server.apiUrl, '/products?category=x', english),
      400,
      'validation_failed',
    );
    assert.match(category.errors?.[0]?.message ?? '', /^Must be one of: policy-consulting, /);
  });
});

describe('cursors', () => {
  test('a tampered cursor is refused', async () => {
    const page = ProductPage.parse((await request(server.apiUrl, '/products?limit=5')).body);
    assert.ok(page.nextCursor);
    const [payload, signature] = page.nextCursor.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify([0, 1])).toString('base64url');
    for (const cursor of [
      `${forged}.${signature}`,
      `${payload}.${signature.slice(0, -2)}AA`,
      payload,
      'garbage',
      `${payload}.${signature}.x`,
    ]) {
      assertProblem(
        await request(server.apiUrl, `/products?limit=5&cursor=${encodeURIComponent(cursor)}`),
        400,
        'invalid_cursor',
      );
    }
  });

  test('a cursor from another query or sort order is refused; another page size is fine', async () => {
    const page = ProductPage.parse((await request(server.apiUrl, '/products?category=legal&limit=5')).body);
    const cursor = encodeURIComponent(page.nextCursor ?? '');
    assertProblem(
      await request(server.apiUrl, `/products?category=finance-tax&limit=5&cursor=${cursor}`),
      400,
      'invalid_cursor',
    );
    assertProblem(
      await request(server.apiUrl, `/products?category=legal&sort=priceAsc&limit=5&cursor=${cursor}`),
      400,
      'invalid_cursor',
    );
    assertProblem(
      await request(server.apiUrl, `/providers?category=legal&limit=5&cursor=${cursor}`),
      400,
      'invalid_cursor',
    );
    const next = await request(server.apiUrl, `/products?category=legal&limit=7&cursor=${cursor}`);
    assert.equal(next.status, 200);
  });
});

describe('not found', () => {
  test('unknown ids and routes are 404 problems', async () => {
    assertProblem(await request(server.apiUrl, '/products/prd-99999'), 404, 'not_found');
    assertProblem(await request(server.apiUrl, '/providers/prv-99999'), 404, 'not_found');
    assertProblem(await request(server.apiUrl, '/nothing-here'), 404, 'not_found');
    assertProblem(await request(server.url, '/'), 404, 'not_found');
  });

  test("a problem's title is in the request's language, from the one list of codes", async () => {
    const titleIn = async (language: string | undefined) => {
      const headers: Record<string, string> = language ? { 'accept-language': language } : {};
      const response = await request(server.apiUrl, '/products/prd-99999', { headers });
      return assertProblem(response, 404, 'not_found').title;
    };
    assert.equal(await titleIn(undefined), PROBLEM_TITLES.not_found['zh-CN']);
    assert.equal(await titleIn('zh-CN,zh;q=0.9'), '未找到');
    assert.equal(await titleIn('zh-HK'), '找不到');
    assert.equal(await titleIn('en-GB,en;q=0.8'), 'Not found');
  });

  test('a product of a provider that is not admitted is not public', async () => {
    // Find a non-listed product by walking ids: listed ones answer 200, the others 404, never 500.
    let hidden = 0;
    for (let n = 1; n <= 60; n++) {
      const response = await request(server.apiUrl, `/products/prd-${String(n).padStart(5, '0')}`);
      assert.ok(response.status === 200 || response.status === 404);
      if (response.status === 404) hidden++;
    }
    assert.ok(hidden < 60);
  });

  test('a write method on a read-only resource is 405 with Allow', async () => {
    const response = await request(server.apiUrl, '/products', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assertProblem(response, 405, 'method_not_allowed');
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    // Fastify parses the body before routing it to the fallback, so malformed JSON is caught first: still a 4xx.
    const malformed = await request(server.apiUrl, '/products', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"x":',
    });
    assertProblem(malformed, 400, 'validation_failed');
  });
});

describe('the global error handler', () => {
  let app: FastifyInstance;
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;

  before(async () => {
    database = await prepareTestDatabase();
    app = await buildApp({ checkProblemCodes: true, clock: testClock, database });
    // Routes that only a test has: a JSON body, and a bug.
    app.post('/api/v1/test-echo', async (request) => ({ received: request.body }));
    app.get('/api/v1/test-bug', async () => {
      throw new Error('secret internals at /srv/app.js:12');
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.dispose();
  });

  const inject = async (options: InjectOptions) => {
    const response = await app.inject(options);
    return {
      status: response.statusCode,
      headers: new Headers(response.headers as Record<string, string>),
      body: response.body === '' ? '' : (JSON.parse(response.body) as unknown),
    };
  };

  test('malformed JSON is a 400 problem', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    assertProblem(response, 400, 'validation_failed');
  });

  test('a wrong content type is a 415 problem', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    assertProblem(response, 415, 'unsupported_media_type');
  });

  test('a body that is too large is a 413 problem', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ a: 'x'.repeat(100_000) }),
    });
    assertProblem(response, 413, 'payload_too_large');
  });

  test('an unexpected error is a 500 problem with the request id and no internals', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/test-bug', headers: { 'x-request-id': 'trace-123' } });
    const problem = assertProblem(response, 500, 'internal_error');
    assert.equal(problem.requestId, 'trace-123');
    assert.doesNotMatch(JSON.stringify(response.body), /secret|\/srv/);
  });

  test('health answers 503 when the database is gone', async () => {
    const own = await prepareTestDatabase();
    const broken = await buildApp({ checkProblemCodes: true, clock: testClock, database: own });
    try {
      await own.close();
      const response = await broken.inject({ method: 'GET', url: '/api/v1/health' });
      assertProblem(
        {
          status: response.statusCode,
          headers: new Headers(response.headers as Record<string, string>),
          body: JSON.parse(response.body),
        },
        503,
        'service_unavailable',
      );
    } finally {
      await broken.close();
      await own.dispose();
    }
  });
});

describe('arbitrary query strings', () => {
  test('never produce a 5xx or a non-problem error', async () => {
    const keys = [
      'q',
      'category',
      'region',
      'provider',
      'voucherEligible',
      'free',
      'minPrice',
      'maxPrice',
      'minRating',
      'sort',
      'limit',
      'cursor',
      'level',
      'parent',
      'acceptsVouchers',
      'x',
    ];
    const values = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom(
        '0',
        '1',
        '-1',
        'true',
        'false',
        '440600',
        '440000',
        '441900',
        '法',
        '财税',
        '1e3',
        'NaN',
        '100',
        '101',
        'legal',
        'rating',
        '%',
        "'",
        '"; drop table products; --',
        '\u0000',
        'prd-00001',
      ),
      fc.integer({ min: -5, max: 2_000_000_000 }).map(String),
    );
    const paths = fc.constantFrom(
      '/products',
      '/providers',
      '/regions',
      '/categories',
      '/products/prd-00001',
      '/providers/x',
    );
    const answered: JsonResponse[] = [];
    const refused: JsonResponse[] = [];
    await fc.assert(
      fc.asyncProperty(paths, fc.dictionary(fc.constantFrom(...keys), values, { maxKeys: 5 }), async (path, params) => {
        const response = await request(server.apiUrl, `${path}?${new URLSearchParams(params).toString()}`);
        assert.ok([200, 400, 404].includes(response.status), `${path} ${JSON.stringify(params)} → ${response.status}`);
        (response.status === 200 ? answered : refused).push(response);
      }),
      { numRuns: 150 },
    );
    // A refusal is a problem document; an answer is not. Both kinds came up, so both checks ran.
    assert.ok(answered.length > 0 && refused.length > 0, `${answered.length} answers, ${refused.length} refusals`);
    for (const response of answered) {
      assert.equal((response.body as { code?: unknown }).code, undefined, JSON.stringify(response.body));
    }
    for (const response of refused) {
      assertProblem(response, response.status, (response.body as { code?: unknown }).code as string);
    }
  });
});
