// The check that keeps the operations table honest: on in every test server, a problem whose code the matched
// operation does not list becomes a 500 and a process warning, so the test that meets it fails.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { problemCodesOf, operations } from '@smec/schemas/openapi';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/index.js';
import { ProblemError } from '../src/http/problem.js';
import { prepareTestDatabase, testClock } from '../../../test-support/server.js';
import { assertProblem } from './helpers.js';

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
before(async () => {
  database = await prepareTestDatabase();
});
after(() => database.dispose());

/**
 * Runs `check` on an app whose `GET /api/v1/demo/users` (listDemoUsers, an operation that lists `not_found`, served
 * only in demo mode) is a test route throwing `code`.
 */
async function withAppThrowing(
  code: 'not_found' | 'quota_exhausted',
  checkProblemCodes: boolean,
  check: (app: FastifyInstance) => Promise<void>,
): Promise<void> {
  // Without the check the option is left out: the production default.
  const app = await buildApp({
    clock: testClock,
    database,
    demoAuth: false,
    ...(checkProblemCodes ? { checkProblemCodes } : {}),
  });
  app.get('/api/v1/demo/users', async () => {
    throw new ProblemError(code, 'thrown by the test');
  });
  await app.ready();
  try {
    await check(app);
  } finally {
    await app.close();
  }
}

async function get(app: FastifyInstance, url: string) {
  const response = await app.inject({ method: 'GET', url });
  return {
    status: response.statusCode,
    headers: new Headers(response.headers as Record<string, string>),
    body: JSON.parse(response.body) as unknown,
  };
}

describe('a problem code its operation does not list', () => {
  test('listDemoUsers lists not_found, not quota_exhausted: the premise of the tests below', () => {
    assert.ok(problemCodesOf(operations.listDemoUsers).includes('not_found'));
    assert.ok(!problemCodesOf(operations.listDemoUsers).includes('quota_exhausted'));
  });

  test('becomes a 500 internal_error naming it, with a warning, under the check', async () => {
    await withAppThrowing('quota_exhausted', true, async (app) => {
      const warned = once(process, 'warning') as Promise<[Error & { code?: string }]>;
      const problem = assertProblem(await get(app, '/api/v1/demo/users'), 500, 'internal_error');
      assert.match(
        problem.detail ?? '',
        /quota_exhausted is not listed for listDemoUsers \(GET \/api\/v1\/demo\/users\)/,
      );
      const [warning] = await warned;
      assert.equal(warning.code, 'SMEC_UNLISTED_PROBLEM_CODE');
      assert.match(warning.message, /quota_exhausted is not listed for listDemoUsers/);
    });
  });

  test('a HEAD is checked against its GET operation', async () => {
    await withAppThrowing('quota_exhausted', true, async (app) => {
      const warned = once(process, 'warning');
      const response = await app.inject({ method: 'HEAD', url: '/api/v1/demo/users' });
      assert.equal(response.statusCode, 500);
      await warned;
    });
  });

  test('a listed code goes through unchanged', async () => {
    await withAppThrowing('not_found', true, async (app) => {
      assertProblem(await get(app, '/api/v1/demo/users'), 404, 'not_found');
    });
  });

  test('production servers (the check off, the default) send what the route threw', async () => {
    await withAppThrowing('quota_exhausted', false, async (app) => {
      assertProblem(await get(app, '/api/v1/demo/users'), 409, 'quota_exhausted');
    });
  });

  test('a request no route takes may only be refused as such', async () => {
    await withAppThrowing('not_found', true, async (app) => {
      assertProblem(await get(app, '/api/v1/nothing-here'), 404, 'not_found');
      assertProblem(await get(app, '/api/v1/products/%ZZ'), 400, 'validation_failed');
    });
  });
});
