import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  createClient,
  isSmecRateLimitError,
  isSmecServerError,
  SmecNotFoundError,
  SmecRateLimitError,
  SmecServerError,
  SmecValidationError,
} from '@smec/sdk';
import { HEALTHY, json, problem, startFaultServer, type FaultServer } from './helpers/fault-server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('retries', () => {
  it('retries a GET after 503s and returns the eventual success', async () => {
    server = await startFaultServer((_, res, n) =>
      n < 2 ? problem(res, 503, 'service_unavailable') : json(res, 200, HEALTHY),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 20 } });
    const health = await client.health.get();
    assert.equal(health.status, 'ok');
    assert.equal(server.requests.length, 3);
  });

  it('gives up after `limit` retries and throws the last error as SmecServerError', async () => {
    server = await startFaultServer((_, res) => problem(res, 502, 'internal_error'));
    const client = createClient({ baseUrl: server.url, retry: { limit: 3, backoffLimit: 10 } });
    const error = await client.health.get().then(
      () => assert.fail('expected an error'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof SmecServerError);
    assert.ok(isSmecServerError(error));
    assert.equal(error.status, 502);
    assert.equal(server.requests.length, 4);
  });

  it('does not retry with retry: 0', async () => {
    server = await startFaultServer((_, res) => problem(res, 503, 'service_unavailable'));
    const client = createClient({ baseUrl: server.url, retry: 0 });
    await assert.rejects(client.health.get(), SmecServerError);
    assert.equal(server.requests.length, 1);
  });

  it('never retries a 4xx other than 408 and 429, even when asked to', async () => {
    for (const [status, ErrorClass] of [
      [404, SmecNotFoundError],
      [400, SmecValidationError],
    ] as const) {
      const fault = await startFaultServer((_, res) => problem(res, status, 'x'));
      const client = createClient({ baseUrl: fault.url, retry: { backoffLimit: 10, statusCodes: [400, 404, 503] } });
      await assert.rejects(client.health.get(), ErrorClass);
      assert.equal(fault.requests.length, 1, `status ${status} was retried`);
      await fault.close();
    }
  });

  it('retries 408 and 429', async () => {
    server = await startFaultServer((_, res, n) =>
      n === 0 ? problem(res, 408, 'timeout') : n === 1 ? problem(res, 429, 'rate_limited') : json(res, 200, HEALTHY),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 10 } });
    assert.equal((await client.health.get()).status, 'ok');
    assert.equal(server.requests.length, 3);
  });

  it('waits as long as Retry-After says, in seconds', async () => {
    server = await startFaultServer((_, res, n) =>
      n === 0 ? problem(res, 503, 'service_unavailable', { 'retry-after': '1' }) : json(res, 200, HEALTHY),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 5_000 } });
    await client.health.get();
    const [first, second] = server.requests;
    assert.ok(first && second);
    const waited = second.at - first.at;
    assert.ok(waited >= 950, `waited only ${waited} ms`);
    assert.ok(waited < 2_500, `waited ${waited} ms`);
  });

  it('waits until a Retry-After HTTP date', async () => {
    server = await startFaultServer((_, res, n) =>
      n === 0
        ? problem(res, 429, 'rate_limited', { 'retry-after': new Date(Date.now() + 2_000).toUTCString() })
        : json(res, 200, HEALTHY),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 5_000 } });
    await client.health.get();
    const [first, second] = server.requests;
    assert.ok(first && second);
    // The date has one-second resolution, so the wait is between one and two seconds.
    const waited = second.at - first.at;
    assert.ok(waited >= 900, `waited only ${waited} ms`);
    assert.ok(waited < 3_000, `waited ${waited} ms`);
  });

  it('fails at once with retryAfter when Retry-After exceeds backoffLimit', async () => {
    server = await startFaultServer((_, res) => problem(res, 429, 'rate_limited', { 'retry-after': '120' }));
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 1_000 } });
    const started = performance.now();
    const error = await client.health.get().catch((e: unknown) => e);
    assert.ok(error instanceof SmecRateLimitError);
    assert.ok(isSmecRateLimitError(error));
    assert.equal(error.retryAfter, 120);
    assert.equal(error.code, 'rate_limited');
    assert.equal(server.requests.length, 1);
    assert.ok(performance.now() - started < 500);
  });

  it('backs off exponentially with jitter, capped by backoffLimit', async () => {
    server = await startFaultServer((_, res, n) =>
      n < 4 ? problem(res, 500, 'internal_error') : json(res, 200, HEALTHY),
    );
    const client = createClient({ baseUrl: server.url, retry: { limit: 4, backoffLimit: 100 } });
    await client.health.get();
    const times = server.requests.map((request) => request.at);
    const gaps = times.slice(1).map((at, i) => at - (times[i] ?? 0));
    assert.equal(gaps.length, 4);
    // Full jitter: each wait is random in [0, min(100, 300·2^n)], plus the request's own time.
    for (const gap of gaps) assert.ok(gap < 180, `a wait of ${gap} ms exceeds backoffLimit`);
  });
});

describe('POST and Idempotency-Key', () => {
  it('generates one key per call and reuses it on every retry', async () => {
    server = await startFaultServer((_, res, n) =>
      n < 2 ? problem(res, 503, 'service_unavailable') : json(res, 201, { ok: true }),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 10 } });
    assert.deepEqual(await client.request({ method: 'POST', path: '/demands', body: { a: 1 } }), { ok: true });
    assert.equal(server.requests.length, 3);
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    assert.match(String(keys[0]), UUID);
    assert.deepEqual(keys, [keys[0], keys[0], keys[0]]);
    assert.equal(server.requests[0]?.body, '{"a":1}');
    assert.equal(server.requests[0]?.headers['content-type'], 'application/json');

    // The next logical call gets a new key.
    await client.request({ method: 'POST', path: '/demands', body: { a: 1 } });
    assert.notEqual(server.requests[3]?.headers['idempotency-key'], keys[0]);
  });

  it('gives a DELETE a key of its own too, reused on every retry', async () => {
    server = await startFaultServer((_, res, n) =>
      n < 2 ? problem(res, 503, 'service_unavailable') : json(res, 200, { ok: true }),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 10 } });
    await client.request({ method: 'DELETE', path: '/events/evt-1/registrations/reg-1' });
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    assert.match(String(keys[0]), UUID);
    assert.deepEqual(keys, [keys[0], keys[0], keys[0]]);
    await client.request({ method: 'DELETE', path: '/events/evt-1/registrations/reg-1' });
    assert.notEqual(server.requests[3]?.headers['idempotency-key'], keys[0], 'the next call gets a new key');
  });

  it('sends a caller-chosen key unchanged', async () => {
    server = await startFaultServer((_, res, n) => (n < 1 ? problem(res, 502, 'internal_error') : json(res, 201, {})));
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 10 } });
    await client.request({ method: 'POST', path: '/demands', body: {}, idempotencyKey: 'order-42' });
    assert.deepEqual(
      server.requests.map((request) => request.headers['idempotency-key']),
      ['order-42', 'order-42'],
    );
  });

  it('does not retry a POST without a key', async () => {
    server = await startFaultServer((_, res) => problem(res, 503, 'service_unavailable'));
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 10 } });
    await assert.rejects(
      client.request({ method: 'POST', path: '/demands', body: {}, idempotencyKey: false }),
      SmecServerError,
    );
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]?.headers['idempotency-key'], undefined);
  });

  it('does not send a key with a GET', async () => {
    server = await startFaultServer((_, res) => json(res, 200, HEALTHY));
    await createClient({ baseUrl: server.url }).health.get();
    assert.equal(server.requests[0]?.headers['idempotency-key'], undefined);
  });
});
