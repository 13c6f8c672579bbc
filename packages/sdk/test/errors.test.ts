import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { inspect } from 'node:util';
import { runInNewContext } from 'node:vm';
import {
  createClient,
  hasProblemCode,
  isSmecApiError,
  isSmecError,
  isSmecNotFoundError,
  isSmecResponseValidationError,
  isSmecValidationError,
  SmecApiError,
  SmecConflictError,
  SmecError,
  SmecForbiddenError,
  SmecNotFoundError,
  SmecRateLimitError,
  SmecResponseValidationError,
  SmecServerError,
  SmecUnauthorizedError,
  SmecUnprocessableError,
  SmecValidationError,
  validateWithSchemas,
} from '@smec/sdk';
import { createClient as createCoreClient, type ResponseValidator } from '@smec/sdk/core';
import { HEALTHY, json, problem, startFaultServer, type FaultServer } from './helpers/fault-server.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => assert.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe('status to error class', () => {
  const cases = [
    [400, SmecValidationError],
    [401, SmecUnauthorizedError],
    [403, SmecForbiddenError],
    [404, SmecNotFoundError],
    [409, SmecConflictError],
    [422, SmecUnprocessableError],
    [429, SmecRateLimitError],
    [500, SmecServerError],
    [503, SmecServerError],
    [405, SmecApiError],
  ] as const;
  for (const [status, ErrorClass] of cases) {
    it(`maps ${status} to ${ErrorClass.name}`, async () => {
      server = await startFaultServer((_, res) => problem(res, status, 'some_code', {}, { requestId: 'req-1' }));
      const client = createClient({ baseUrl: server.url, retry: 0 });
      const error = await failure(client.health.get());
      assert.equal(Object.getPrototypeOf(error), ErrorClass.prototype);
      assert.ok(error instanceof SmecApiError && error instanceof SmecError);
      assert.equal(error.name, ErrorClass.name);
      assert.equal(error.status, status);
      assert.equal(error.code, 'some_code');
      assert.equal(error.requestId, 'req-1');
      assert.equal(error.problem.status, status);
      assert.ok(isSmecApiError(error) && isSmecError(error));
    });
  }

  it('exposes the field errors of a 400', async () => {
    const errors = [{ path: 'query.limit', message: 'Too small: expected number to be >=1' }];
    server = await startFaultServer((_, res) => problem(res, 400, 'validation_failed', {}, { errors }));
    const error = await failure(createClient({ baseUrl: server.url }).health.get());
    assert.ok(error instanceof SmecValidationError);
    assert.deepEqual(error.errors, errors);
  });

  it('takes the request id from the X-Request-Id header when the body has none', async () => {
    server = await startFaultServer((_, res) => problem(res, 404, 'not_found', { 'x-request-id': 'hdr-7' }));
    const error = await failure(createClient({ baseUrl: server.url }).health.get());
    assert.ok(isSmecNotFoundError(error));
    assert.equal(error.requestId, 'hdr-7');
  });
});

describe('bodies that are not problems', () => {
  it('still gives a useful error for a proxy HTML page', async () => {
    server = await startFaultServer((_, res) => {
      res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
      res.end('<html><body>nginx: upstream unavailable</body></html>');
    });
    const error = await failure(createClient({ baseUrl: server.url, retry: 0 }).health.get());
    assert.ok(error instanceof SmecServerError);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'http_error');
    assert.equal(error.problem.title, 'Bad Gateway');
    assert.match(error.problem.detail ?? '', /upstream unavailable/);
    assert.match(error.message, /502 Bad Gateway/);
    assert.match(error.message, /GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/health/);
  });

  it('handles a JSON body of another shape and an empty body', async () => {
    server = await startFaultServer((_, res, n) => {
      if (n === 0) return json(res, 404, { error: 'nope' });
      res.writeHead(403);
      res.end();
    });
    const client = createClient({ baseUrl: server.url });
    const notFound = await failure(client.health.get());
    assert.ok(notFound instanceof SmecNotFoundError);
    assert.equal(notFound.code, 'http_error');
    assert.match(notFound.problem.detail ?? '', /nope/);
    const forbidden = await failure(client.health.get());
    assert.ok(forbidden instanceof SmecForbiddenError);
    assert.equal(forbidden.problem.title, 'Forbidden');
  });
});

describe('problem bodies, read without zod', () => {
  const malformed = {
    'a status that is not the response status': { status: 400 },
    'a status that is not a number': { status: '404' },
    'a code that is not a string': { code: 404 },
    'field errors that are not field errors': { errors: [{ path: 'query.limit' }] },
  };
  for (const [what, fields] of Object.entries(malformed)) {
    it(`treats a problem with ${what} as no problem`, async () => {
      const body = { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', ...fields };
      server = await startFaultServer((_, res) => json(res, 404, body));
      const error = await failure(createCoreClient({ baseUrl: server.url }).health.get());
      assert.ok(error instanceof SmecNotFoundError);
      assert.equal(error.code, 'http_error');
      assert.equal(error.problem.status, 404);
      assert.match(error.problem.detail ?? '', /Not Found/);
    });
  }

  it('keeps a well-formed problem with its optional fields', async () => {
    const errors = [{ path: 'body.title', message: '必填', code: 'required' }];
    server = await startFaultServer((_, res) =>
      problem(res, 400, 'validation_failed', {}, { detail: 'd', instance: '/x', requestId: 'r', errors }),
    );
    const error = await failure(createCoreClient({ baseUrl: server.url }).health.get());
    assert.ok(error instanceof SmecValidationError);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.requestId, 'r');
    assert.deepEqual(error.errors, errors);
  });
});

describe('response validation', () => {
  it('@smec/sdk/core returns the body unchecked unless given a validator', async () => {
    server = await startFaultServer((_, res) => json(res, 200, { ...HEALTHY, status: 'sleepy' }));
    const health = await createCoreClient({ baseUrl: server.url }).health.get();
    assert.equal(health.status, 'sleepy');
    const error = await failure(createCoreClient({ baseUrl: server.url, validate: validateWithSchemas }).health.get());
    assert.ok(error instanceof SmecResponseValidationError);
    assert.deepEqual(error.issues[0]?.path, ['status']);
  });

  it('hands the schema name to a validator of your own and throws its issues', async () => {
    server = await startFaultServer((_, res) => json(res, 200, HEALTHY));
    const names: string[] = [];
    const validate: ResponseValidator = (schemaName, data) => {
      names.push(schemaName);
      return schemaName === 'Health'
        ? { ok: false, issues: [{ code: 'custom', path: ['version'], message: 'too old', input: data }] }
        : { ok: true, data };
    };
    const error = await failure(createCoreClient({ baseUrl: server.url, validate }).health.get());
    assert.deepEqual(names, ['Health']);
    assert.ok(error instanceof SmecResponseValidationError);
    assert.match(error.message, /version: too old/);
  });

  it('@smec/sdk checks by default; validate: false turns it off', async () => {
    server = await startFaultServer((_, res) => json(res, 200, { ...HEALTHY, status: 'sleepy' }));
    assert.ok(
      (await failure(createClient({ baseUrl: server.url }).health.get())) instanceof SmecResponseValidationError,
    );
    const unchecked = await createClient({ baseUrl: server.url, validate: false }).health.get();
    assert.equal(unchecked.status, 'sleepy');
  });

  it('throws SmecResponseValidationError with the issues when a body does not match the schema', async () => {
    server = await startFaultServer((_, res) => json(res, 200, { ...HEALTHY, status: 'sleepy' }));
    const error = await failure(createClient({ baseUrl: server.url }).health.get());
    assert.ok(error instanceof SmecResponseValidationError);
    assert.ok(isSmecResponseValidationError(error));
    assert.deepEqual(error.issues[0]?.path, ['status']);
    assert.match(error.message, /status:/);
    assert.equal(server.requests.length, 1, 'a contract mismatch is not retried');
  });

  it('throws SmecResponseValidationError for a body that is not JSON', async () => {
    server = await startFaultServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html></html>');
    });
    const error = await failure(createClient({ baseUrl: server.url }).health.get());
    assert.ok(error instanceof SmecResponseValidationError);
    assert.match(error.message, /not JSON/);
  });
});

describe('request headers', () => {
  it('sends the token, the locale and extra headers, and redacts the token in errors', async () => {
    server = await startFaultServer((_, res) => problem(res, 404, 'not_found'));
    const client = createClient({
      baseUrl: `${server.url}/`,
      getToken: async () => 'secret-token-123',
      locale: 'en',
      headers: { 'x-center': 'foshan', 'x-both': 'client' },
    });
    const error = await failure(client.health.get({ headers: { 'x-both': 'call' } }));
    const sent = server.requests[0]?.headers;
    assert.equal(sent?.authorization, 'Bearer secret-token-123');
    assert.equal(sent?.['accept-language'], 'en');
    assert.equal(sent?.['x-center'], 'foshan');
    assert.equal(sent?.['x-both'], 'call');
    assert.equal(server.requests[0]?.url, '/api/v1/health');

    assert.ok(error instanceof SmecNotFoundError);
    assert.equal(error.request.headers['authorization'], 'Bearer [REDACTED]');
    assert.equal(error.request.headers['accept-language'], 'en');
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error.stack)]) {
      assert.equal(text.includes('secret-token-123'), false);
    }
  });

  it('sends no Authorization when getToken returns nothing', async () => {
    server = await startFaultServer((_, res) => json(res, 200, HEALTHY));
    await createClient({ baseUrl: new URL(server.url), getToken: () => null }).health.get();
    assert.equal(server.requests[0]?.headers.authorization, undefined);
  });

  it('writes numbers and booleans into the query and leaves undefined out', async () => {
    const emptyPage = {
      items: [],
      nextCursor: null,
      total: 0,
      facets: { categories: [], regions: [], voucherEligible: 0, free: 0, priceBands: [] },
    };
    server = await startFaultServer((_, res) => json(res, 200, emptyPage));
    const client = createClient({ baseUrl: server.url });
    await client.products.list({
      q: '法',
      voucherEligible: true,
      free: false,
      minPrice: 0,
      limit: 5,
      category: undefined,
    });
    const url = new URL(server.requests[0]?.url ?? '', 'http://loopback');
    assert.equal(url.pathname, '/api/v1/products');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      q: '法',
      voucherEligible: 'true',
      free: 'false',
      minPrice: '0',
      limit: '5',
    });
  });
});

describe('ETag cache', () => {
  function etagServer() {
    return startFaultServer((request, res) => {
      if (request.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        return res.end();
      }
      json(res, 200, HEALTHY, { etag: '"v1"' });
    });
  }

  it('revalidates with If-None-Match and reuses the cached body on 304', async () => {
    server = await etagServer();
    const client = createClient({ baseUrl: server.url });
    const first = await client.health.get();
    const second = await client.health.get();
    assert.equal(server.requests[0]?.headers['if-none-match'], undefined);
    assert.equal(server.requests[1]?.headers['if-none-match'], '"v1"');
    assert.deepEqual(second, first);
    assert.notEqual(second, first, 'each call gets its own objects');
  });

  it('can be turned off', async () => {
    server = await etagServer();
    const client = createClient({ baseUrl: server.url, cache: false });
    await client.health.get();
    await client.health.get();
    assert.equal(server.requests[1]?.headers['if-none-match'], undefined);
  });

  it('evicts the least recently used entry', async () => {
    server = await etagServer();
    const client = createClient({ baseUrl: server.url, cache: { maxEntries: 1 } });
    await client.request({ path: '/health' });
    await client.request({ path: '/health', query: { a: 1 } }); // evicts /health
    await client.request({ path: '/health' });
    assert.equal(server.requests[2]?.headers['if-none-match'], undefined);
  });
});

describe('type guards', () => {
  it('match on name, so they work across realms where instanceof does not', () => {
    const foreign = runInNewContext(
      'Object.assign(new Error("x"), { name: "SmecNotFoundError", status: 404 })',
    ) as unknown;
    assert.equal(foreign instanceof Error, false);
    assert.ok(isSmecNotFoundError(foreign));
    assert.ok(isSmecApiError(foreign));
    assert.ok(isSmecError(foreign));
    assert.equal(isSmecValidationError(foreign), false);
    assert.equal(isSmecError(new Error('plain')), false);
    assert.equal(isSmecError(null), false);
    assert.equal(isSmecApiError('SmecApiError'), false);
  });
});

describe('problem codes', () => {
  it('hasProblemCode says which code the platform sent, and narrows the error to it', async () => {
    server = await startFaultServer((_, res) => problem(res, 409, 'quota_exhausted'));
    const error = await failure(createCoreClient({ baseUrl: server.url, retry: 0 }).health.get());
    assert.equal(hasProblemCode(error, 'claim_not_open', 'quota_exhausted'), true);
    assert.equal(hasProblemCode(error, 'claim_not_open'), false);
    assert.equal(hasProblemCode(new Error('quota_exhausted'), 'quota_exhausted'), false);
    assert.equal(hasProblemCode({ name: 'SmecConflictError', code: 'quota_exhausted' }, 'quota_exhausted'), true);
    assert.ok(hasProblemCode(error, 'quota_exhausted'));
    // Narrowed by the guard: the compiler knows the code.
    const code: 'quota_exhausted' = error.code;
    assert.equal(code, 'quota_exhausted');
    // @ts-expect-error a code the platform does not list is refused by the compiler
    assert.equal(hasProblemCode(error, 'quota_exhaustd'), false);
  });

  it('keeps a code this SDK does not know, from a newer platform, with or without response validation', async () => {
    server = await startFaultServer((_, res) => problem(res, 409, 'brand_new_refusal'));
    for (const client of [createClient({ baseUrl: server.url, retry: 0 }), createCoreClient({ baseUrl: server.url })]) {
      const error = await failure(client.health.get());
      assert.ok(error instanceof SmecConflictError);
      assert.equal(error.code, 'brand_new_refusal');
      assert.equal(hasProblemCode(error, 'conflict'), false);
    }
  });

  it('names a body that was no problem http_error, a code hasProblemCode knows', async () => {
    server = await startFaultServer((_, res) => {
      res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
      res.end('<html></html>');
    });
    const error = await failure(createCoreClient({ baseUrl: server.url, retry: 0 }).health.get());
    assert.equal(hasProblemCode(error, 'http_error'), true);
  });
});
