// The routes the server registers and the operations of the OpenAPI table are the same, both ways: a route under
// /api/v1 that no operation describes is undocumented, an operation no route serves is a promise nobody keeps.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { operations, type Operation } from '@smec/schemas/openapi';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/index.js';
import { routeOf } from '../src/http/problem-code-check.js';
import { prepareTestDatabase, testClock } from '../../../test-support/server.js';

const API = '/api/v1';

let app: FastifyInstance;
let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
/** Every route as Fastify registers it, `METHOD url`, seen by an `onRoute` hook set before the first route. */
const routes: string[] = [];
before(async () => {
  database = await prepareTestDatabase();
  // Everything a server can register: the demo sign-in and the demo site with its CDN build.
  app = await buildApp({
    clock: testClock,
    database,
    demoAuth: true,
    demo: true,
    beforeRoutes: (instance) =>
      instance.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
      }),
  });
  await app.ready();
});
after(async () => {
  await app.close();
  await database.dispose();
});

const operationList = Object.values(operations) as Operation[];
const routeKey = (operation: Operation) => `${operation.method.toUpperCase()} ${routeOf(operation, API)}`;
const isApi = (route: string) => route.split(' ')[1]?.startsWith(`${API}/`) ?? false;

test('every route under /api/v1 is an operation of the table, with the same method and path', () => {
  const documented = new Set(operationList.map(routeKey));
  const undocumented = routes
    .filter(isApi)
    // Fastify answers HEAD by itself on every GET route (exposeHeadRoutes): each is its GET's operation.
    .filter((route) => !(route.startsWith('HEAD ') && routes.includes(route.replace(/^HEAD /, 'GET '))))
    .filter((route) => !documented.has(route));
  assert.deepEqual(undocumented, [], 'routes that no operation describes');
});

test('the routes outside /api/v1 are the CORS preflight, the demo site and the CDN build, and no more', () => {
  // None is part of the API: preflight answers any path (@fastify/cors), the demo pages and the CDN files are
  // served in demo mode only, at the origin's root, and are in no OpenAPI document.
  assert.deepEqual(routes.filter((route) => !isApi(route)).sort(), [
    'GET /',
    'GET /:file',
    'GET /cdn/*',
    'HEAD /',
    'HEAD /:file',
    'HEAD /cdn/*',
    'OPTIONS *',
  ]);
});

test('every operation of the table is a route', () => {
  const missing = operationList
    .filter((operation) => !routes.includes(routeKey(operation)))
    .map((operation) => `${operation.operationId}: ${routeKey(operation)}`);
  assert.deepEqual(missing, [], 'operations that no route serves');
});
