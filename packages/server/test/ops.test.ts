// Operating the reference server: its log holds no personal data, its health check reports the database, a busy
// database is a 503 to retry (never a 500), every response carries the security headers, and SIGTERM drains it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createClient } from '@smec/sdk';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createTestDatabase, prepareTestDatabase, testClock, testSeedAsOf } from '../../../test-support/server.js';
import { databaseTrouble } from '../src/http/database-errors.js';
import { API_CSP } from '../src/http/security-headers.js';
import { buildApp, prepareDatabase, type PreparedDatabase } from '../src/index.js';
import { openTestApp, validDemand } from './demand-helpers.js';
import { assertProblem, type JsonResponse } from './helpers.js';
import { drainOnce } from './drain-scenario.js';
import { insertOpenBatch } from './ops-helpers.js';

async function injectJson<T = unknown>(
  app: FastifyInstance,
  options: InjectOptions | string,
): Promise<JsonResponse<T>> {
  const response = await app.inject(options);
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  const json = /json/.test(headers.get('content-type') ?? '') && response.body !== '';
  return { status: response.statusCode, headers, body: (json ? JSON.parse(response.body) : response.body) as T };
}

test('the log: one JSON line per request with time, level, request id, route, status and duration, and no personal data', async () => {
  const lines: string[] = [];
  const t = await openTestApp({ logger: true, logStream: { write: (line: string) => lines.push(line) } });
  const phone = '13987654321';
  const contactName = '欧阳晓娜';
  const uscc = '91440604MA51K8QX3Q';
  const description = '需要协助梳理研发费用归集，联系人欧阳晓娜，电话请见表单，这段描述只属于运维日志测试。';
  const clientAddress = '203.0.113.77';
  const forwardedAddress = '198.51.100.23';
  // An unexpected failure whose message and PostgreSQL-style `detail` quote a row's values.
  t.app.get('/api/v1/ops-test/failure', async () => {
    throw Object.assign(new Error(`insert failed: Key (contact_phone)=(${phone}) of ${uscc}`), {
      detail: `Failing row contains (${contactName}, ${phone}).`,
    });
  });
  try {
    const created = await t.inject<{ trackingNo: string }>({
      method: 'POST',
      url: '/api/v1/demands',
      payload: validDemand({
        enterprise: { uscc, name: '佛山市禅城区示例科技有限公司' },
        contact: { name: contactName, phone },
        description,
      }),
      headers: { 'idempotency-key': 'ops-log-1', 'x-forwarded-for': forwardedAddress },
      remoteAddress: clientAddress,
    });
    assert.equal(created.status, 201);
    const trackingNo = created.body.trackingNo;
    const lookup = await t.inject({
      method: 'GET',
      url: `/api/v1/demands/lookup?trackingNo=${trackingNo}&phone=${phone}`,
      remoteAddress: clientAddress,
    });
    assert.equal(lookup.status, 200);
    const token = await t.tokenFor('usr-ent-01');
    const mine = await t.inject({
      method: 'GET',
      url: '/api/v1/me/vouchers',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(mine.status, 200);
    const refused = await t.inject({
      method: 'GET',
      url: '/api/v1/me/vouchers',
      headers: { authorization: 'Bearer forged.token.value' },
    });
    assert.equal(refused.status, 401);
    await t.inject({ method: 'GET', url: `/api/v1/health?access_token=${token}` });
    await t.inject({ method: 'GET', url: `/api/v1/ops-test/lookup/${phone}` });
    const failure = await t.inject({ method: 'GET', url: '/api/v1/ops-test/failure' });
    assert.equal(failure.status, 500);

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = records.filter((record) => typeof record['method'] === 'string');
    assert.ok(requests.length >= 8, `one line per request, got ${requests.length}`);
    for (const record of requests) {
      assert.match(String(record['time']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'ISO time');
      // The server's clock's time: under SMEC_NOW the pinned day's, not the machine's.
      assert.ok(Math.abs(Date.parse(String(record['time'])) - testClock.now()) < 60_000, String(record['time']));
      assert.equal(record['level'], 'info');
      assert.match(String(record['reqId']), /^[0-9a-f-]{36}$/);
      assert.equal(typeof record['url'], 'string');
      assert.equal(typeof record['status'], 'number');
      assert.equal(typeof record['durationMs'], 'number');
      assert.ok('route' in record);
      assert.equal(typeof record['msg'], 'string');
    }
    const lookupLine = requests.find((record) => record['route'] === '/api/v1/demands/lookup');
    assert.equal(lookupLine?.['url'], '/api/v1/demands/lookup?trackingNo=***&phone=***');
    assert.equal(lookupLine?.['status'], 200);
    assert.ok(
      requests.some((record) => record['reqId'] === created.headers.get('x-request-id')),
      'the line carries the request id the client saw',
    );
    const failed = records.find((record) => record['level'] === 'error');
    const err = failed?.['err'] as Record<string, unknown> | undefined;
    assert.ok(err, 'the unexpected error is logged');
    assert.equal(err['type'], 'Error');
    assert.match(String(err['message']), /Key \(contact_phone\)=\(\*\*\*\)/);
    assert.equal('detail' in err, false, 'driver details (row values) are left out');

    const log = lines.join('');
    const secrets = [phone, contactName, uscc, trackingNo, token, 'forged.token.value', description, clientAddress];
    for (const secret of [...secrets, forwardedAddress]) {
      assert.equal(log.includes(secret), false, `${secret.slice(0, 16)}… appears in the log`);
    }
    assert.doesNotMatch(log, /authorization|bearer\s+\S{8}/i);
    assert.doesNotMatch(log, /(?<!\d)1[3-9]\d{9}(?!\d)/, 'nothing shaped like a mobile number');
  } finally {
    await t.close();
  }
});

test('health: 503 problem+json with Retry-After when the database fails, and every route then answers 503, not 500', async () => {
  const database = await prepareTestDatabase();
  const app = await buildApp({ checkProblemCodes: true, clock: testClock, database });
  try {
    const healthy = await injectJson<{ status: string; database: string }>(app, '/api/v1/health');
    assert.equal(healthy.status, 200);
    assert.equal(healthy.body.database, 'ok');

    await database.close();
    const down = await injectJson(app, '/api/v1/health');
    const problem = assertProblem(down, 503, 'service_unavailable');
    assert.equal(problem.detail, '数据库暂时无法访问，请稍后重试。');
    assert.match(down.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    assert.equal(down.headers.get('cache-control'), 'no-store');
    const english = await injectJson(app, { url: '/api/v1/health', headers: { 'accept-language': 'en' } });
    assert.equal(
      assertProblem(english, 503, 'service_unavailable').detail,
      'The database is unavailable; retry in a moment.',
    );
    for (const url of ['/api/v1/products?q=财税', '/api/v1/voucher-batches', '/api/v1/policies']) {
      const response = await injectJson(app, url);
      assertProblem(response, 503, 'service_unavailable');
      assert.ok(response.headers.get('retry-after'), `${url}: Retry-After`);
    }
  } finally {
    await app.close();
    await database.dispose();
  }
});

test('transient database errors of SQLite and PostgreSQL are told apart from the others', async () => {
  const coded = (code: string) => Object.assign(new Error(`failure ${code}`), { code });
  for (const code of [
    'SQLITE_BUSY',
    'SQLITE_BUSY_SNAPSHOT',
    'SQLITE_BUSY_TIMEOUT',
    'SQLITE_LOCKED',
    'SQLITE_LOCKED_SHAREDCACHE',
  ]) {
    assert.equal(databaseTrouble(coded(code)), 'busy', code);
  }
  for (const code of ['40001', '40P01', '55P03', '57014', '53300'])
    assert.equal(databaseTrouble(coded(code)), 'busy', code);
  for (const code of ['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08P01', 'ECONNREFUSED']) {
    assert.equal(databaseTrouble(coded(code)), 'down', code);
  }
  assert.equal(databaseTrouble(new Error('Connection terminated unexpectedly')), 'down');
  assert.equal(databaseTrouble(new Error('wrapped', { cause: coded('SQLITE_BUSY') })), 'busy');
  for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_BUSYX', '23505', '42P01', '22001', '40002']) {
    assert.equal(databaseTrouble(coded(code)), undefined, code);
  }
  assert.equal(databaseTrouble(new Error('boom')), undefined);
  assert.equal(databaseTrouble('SQLITE_BUSY'), undefined);
  const cyclic: Error & { cause?: unknown } = new Error('cyclic');
  cyclic.cause = cyclic;
  assert.equal(databaseTrouble(cyclic), undefined);

  // The error handler maps them whatever route throws them.
  const database = await prepareTestDatabase();
  const app = await buildApp({ checkProblemCodes: true, clock: testClock, database });
  app.get('/api/v1/ops-test/:code', async (request) => {
    throw coded((request.params as { code: string }).code);
  });
  try {
    for (const [code, status] of [
      ['55P03', 503],
      ['40P01', 503],
      ['SQLITE_BUSY', 503],
      ['08006', 503],
      ['23505', 500],
    ] as const) {
      const response = await injectJson(app, { url: `/api/v1/ops-test/${code}`, headers: { 'accept-language': 'en' } });
      const problem = assertProblem(response, status, status === 503 ? 'service_unavailable' : 'internal_error');
      if (status === 503) {
        assert.match(response.headers.get('retry-after') ?? '', /^[12]$/, code);
        assert.match(problem.detail ?? '', /retry in a moment/);
      } else {
        assert.equal(response.headers.get('retry-after'), null);
      }
    }
  } finally {
    await app.close();
    await database.dispose();
  }
});

test('a write that finds the database locked is a 503 with Retry-After; the SDK retries it and succeeds once the lock goes', async () => {
  // Wait briefly for a lock: the server answers 503 at once instead of holding the request (SQLite's busy timeout,
  // PostgreSQL's lock_timeout; both are read when the database is opened).
  const saved = { busy: process.env['SMEC_DB_BUSY_TIMEOUT_MS'], lock: process.env['SMEC_DB_LOCK_TIMEOUT_MS'] };
  process.env['SMEC_DB_BUSY_TIMEOUT_MS'] = '200';
  process.env['SMEC_DB_LOCK_TIMEOUT_MS'] = '200';
  const database = await createTestDatabase();
  const holder = await database.open();
  let serverDatabase: PreparedDatabase | undefined;
  let app: FastifyInstance | undefined;
  try {
    await insertOpenBatch(holder.db, 'vbt-ops-lock', 10);
    serverDatabase = await prepareDatabase(database.location, { asOf: testSeedAsOf() });
    app = await buildApp({ checkProblemCodes: true, clock: testClock, database: serverDatabase, demoAuth: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
    const tokenOf = async (userId: string) => {
      const response = await fetch(`${apiUrl}/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    const [first, second] = [await tokenOf('usr-ent-11'), await tokenOf('usr-ent-12')];
    const claim = (token: string, key: string) =>
      fetch(`${apiUrl}/voucher-batches/vbt-ops-lock/claims`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
      });

    // Another connection writes the batch and keeps its transaction open.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holding = holder.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('voucher_batches')
        .set({ updated_at: '2031-01-01T00:00:00+08:00' })
        .where('id', '=', 'vbt-ops-lock')
        .execute();
      locked();
      await released;
    });
    await lockTaken;

    const busy = await claim(first, 'ops-lock-1');
    const text = await busy.text();
    const problem = assertProblem(
      { status: busy.status, headers: busy.headers, body: JSON.parse(text) as unknown },
      503,
      'service_unavailable',
    );
    assert.equal(problem.detail, '系统繁忙，请稍后重试。');
    assert.equal(busy.headers.get('retry-after'), '1');
    // Reads go on while a writer holds the lock.
    assert.equal((await fetch(`${apiUrl}/voucher-batches/vbt-ops-lock`)).status, 200);

    const statuses: number[] = [];
    const client = createClient({
      baseUrl: apiUrl,
      getToken: () => second,
      retry: { limit: 3, backoffLimit: 5_000 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        statuses.push(response.status);
        if (response.status === 503) release();
        return response;
      },
    });
    const voucher = await client.vouchers.claim('vbt-ops-lock');
    assert.deepEqual(statuses, [503, 201], 'the SDK waited Retry-After and retried with the same key');
    assert.equal(voucher.batchId, 'vbt-ops-lock');
    await holding;

    const retried = await claim(first, 'ops-lock-1');
    assert.equal(retried.status, 201, 'the same request succeeds once the lock is gone');
    const batch = await holder.db
      .selectFrom('voucher_batches')
      .select(['quota', 'remaining'])
      .where('id', '=', 'vbt-ops-lock')
      .executeTakeFirstOrThrow();
    const vouchers = await holder.db
      .selectFrom('vouchers')
      .select('id')
      .where('batch_id', '=', 'vbt-ops-lock')
      .execute();
    assert.equal(vouchers.length, 2, 'one voucher each, none from the refused attempts');
    assert.equal(batch.remaining, batch.quota - 2);
  } finally {
    await app?.close();
    await serverDatabase?.close();
    await holder.close();
    await database.dispose();
    for (const [name, value] of [
      ['SMEC_DB_BUSY_TIMEOUT_MS', saved.busy],
      ['SMEC_DB_LOCK_TIMEOUT_MS', saved.lock],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

test('security headers on every response: pages, the CDN build, the API and its problems', async () => {
  const cdnRoot = mkdtempSync(join(tmpdir(), 'smec-ops-cdn-'));
  writeFileSync(join(cdnRoot, 'smec.js'), 'export {};\n');
  const t = await openTestApp({ demo: { cdnRoot } });
  try {
    const common = (headers: Record<string, unknown>, what: string) => {
      assert.equal(headers['x-content-type-options'], 'nosniff', what);
      assert.equal(headers['referrer-policy'], 'strict-origin-when-cross-origin', what);
      assert.equal(headers['x-frame-options'], 'DENY', what);
      assert.equal(headers['strict-transport-security'], undefined, `${what}: no HSTS unless configured`);
    };
    const page = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(page.statusCode, 200);
    common(page.headers, 'page');
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/, 'the page keeps its own policy');
    assert.equal(page.headers['cross-origin-resource-policy'], undefined);

    const script = await t.app.inject({
      method: 'GET',
      url: '/cdn/smec.js',
      headers: { origin: 'https://www.fs.gov.cn' },
    });
    assert.equal(script.statusCode, 200);
    common(script.headers, 'cdn');
    assert.equal(script.headers['cross-origin-resource-policy'], 'cross-origin', 'other sites load the widgets');
    assert.equal(script.headers['access-control-allow-origin'], '*');

    for (const url of ['/api/v1/health', '/api/v1/voucher-batches', '/api/v1/events.ics', '/api/v1/no-such-thing']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { origin: 'https://www.fs.gov.cn' } });
      common(response.headers, url);
      assert.equal(response.headers['content-security-policy'], API_CSP, url);
      assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin', url);
      assert.equal(response.headers['access-control-allow-origin'], '*', `${url}: CORS as before`);
    }
    // A path the router itself refuses (not UTF-8) is answered before any hook runs: the same headers still.
    const badPath = await t.app.inject({ method: 'GET', url: '/api/v1/products/%E0%A4%A' });
    assert.equal(badPath.statusCode, 400);
    common(badPath.headers, 'bad path');
    assert.equal(badPath.headers['content-security-policy'], API_CSP);
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/demands',
      headers: { origin: 'https://www.fs.gov.cn', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['x-content-type-options'], 'nosniff');
  } finally {
    await t.close();
    rmSync(cdnRoot, { recursive: true, force: true });
  }

  // HSTS only when the operator configures it, and only on requests that came over HTTPS.
  const database = await prepareTestDatabase();
  const app = await buildApp({
    checkProblemCodes: true,
    clock: testClock,
    database,
    hstsMaxAge: 31_536_000,
    trustProxy: true,
  });
  try {
    const https = await app.inject({ url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(https.headers['strict-transport-security'], 'max-age=31536000');
    const http = await app.inject({ url: '/api/v1/health' });
    assert.equal(http.headers['strict-transport-security'], undefined);
  } finally {
    await app.close();
    await database.dispose();
  }
});

test('SIGTERM: requests in flight finish, new connections are refused, the database is closed, exit code 0', async () => {
  // The same drain that `npm run stress:drain` runs a hundred times.
  await drainOnce();
});
