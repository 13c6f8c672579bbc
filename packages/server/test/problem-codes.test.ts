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
 * An app whose `GET /api/v1/demo/users` (listDemoUsers, an operation that lists `not_found`, served only in demo
 * mode) is a test route throwing `code`.
 */
async function appThrowing(code: 'not_found' | 'quota_exhausted', checkProblemCodes: boolean) {
  const app = await buildApp({ clock: testClock, database, demoAuth: false, checkProblemCodes });
  app.get('/api/v1/demo/users', async () => {
    throw new ProblemError(code, 'thrown by the test');
  });
  await app.ready();
  return app;
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
    const app = await appThrowing('quota_exhausted', true);
    try {
      const warned = once(process, 'warning') as Promise<[Error & { code?: string }]>;
      const problem = assertProblem(await get(app, '/api/v1/demo/users'), 500, 'internal_error');
      assert.match(
        problem.detail ?? '',
        /quota_exhausted is not listed for listDemoUsers \(GET \/api\/v1\/demo\/users\)/,
      );
      const [warning] = await warned;
      assert.equal(warning.code, 'SMEC_UNLISTED_PROBLEM_CODE');
      assert.match(warning.message, /quota_exhausted is not listed for listDemoUsers/);
    } finally {
      await app.close();
    }
  });

  test('a HEAD is checked against its GET operation', async () => {
    const app = await appThrowing('quota_exhausted', true);
    try {
      const warned = once(process, 'warning');
      const response = await app.inject({ method: 'HEAD', url: '/api/v1/demo/users' });
      assert.equal(response.statusCode, 500);
      await warned;
    } finally {
      await app.close();
    }
  });

  test('a listed code goes through unchanged', async () => {
    const app = await appThrowing('not_found', true);
    try {
      assertProblem(await get(app, '/api/v1/demo/users'), 404, 'not_found');
    } finally {
      await app.close();
    }
  });

  test('production servers (the check off, the default) send what the route threw', async () => {
    const app = await appThrowing('quota_exhausted', false);
    try {
      assertProblem(await get(app, '/api/v1/demo/users'), 409, 'quota_exhausted');
    } finally {
      await app.close();
    }
  });

  test('a request no route takes may only be refused as such', async () => {
    const app = await appThrowing('not_found', true);
    try {
      assertProblem(await get(app, '/api/v1/nothing-here'), 404, 'not_found');
      assertProblem(await get(app, '/api/v1/products/%ZZ'), 400, 'validation_failed');
    } finally {
      await app.close();
    }
  });
});
