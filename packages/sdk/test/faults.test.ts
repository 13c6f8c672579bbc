import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  createClient,
  isAbortError,
  isSmecApiError,
  isSmecNetworkError,
  isSmecTimeoutError,
  PagePromise,
  type Page,
  SmecNetworkError,
  SmecTimeoutError,
} from '@smec/sdk';
import { HEALTHY, json, problem, startFaultServer, type FaultServer } from './helpers/fault-server.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('timeouts', () => {
  it('fails a hanging request with SmecTimeoutError keeping the cause', async () => {
    server = await startFaultServer(() => {}); // never answers
    const client = createClient({ baseUrl: server.url, timeout: 100, retry: 0 });
    const started = performance.now();
    const error = await client.health.get().catch((e: unknown) => e);
    assert.ok(error instanceof SmecTimeoutError);
    assert.ok(isSmecTimeoutError(error));
    assert.equal(error.timeout, 100);
    assert.ok(error.cause !== undefined);
    assert.equal(isSmecApiError(error), false);
    assert.equal((error as unknown as { status?: number }).status, undefined);
    assert.ok(performance.now() - started < 1_000);
  });

  it('retries a timed-out GET', async () => {
    server = await startFaultServer((_, res, n) => (n === 0 ? undefined : json(res, 200, HEALTHY)));
    const client = createClient({ baseUrl: server.url, timeout: 100, retry: { backoffLimit: 10 } });
    assert.equal((await client.health.get()).status, 'ok');
    assert.equal(server.requests.length, 2);
  });

  it('counts the time to read the body', async () => {
    server = await startFaultServer((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":'); // and never finishes
    });
    const client = createClient({ baseUrl: server.url, timeout: 150, retry: 0 });
    await assert.rejects(client.health.get(), SmecTimeoutError);
  });
});

describe('network errors', () => {
  it('reports a refused connection as SmecNetworkError, never as a status', async () => {
    const closed = await startFaultServer(() => {});
    await closed.close();
    const client = createClient({ baseUrl: closed.url, retry: 0 });
    const error = await client.health.get().catch((e: unknown) => e);
    assert.ok(error instanceof SmecNetworkError);
    assert.ok(isSmecNetworkError(error));
    assert.equal(isSmecApiError(error), false);
    assert.equal('status' in error, false);
    assert.ok(error.cause instanceof Error);
    assert.equal(error.request?.method, 'GET');
    assert.equal(error.request?.url, `${closed.url}/health`);
  });

  it('retries a dropped connection for an idempotent call', async () => {
    server = await startFaultServer((_, res, n) => (n === 0 ? res.socket?.destroy() : json(res, 200, HEALTHY)));
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 10 } });
    assert.equal((await client.health.get()).status, 'ok');
    assert.equal(server.requests.length, 2);
  });
});

describe('abort', () => {
  it('cancels the request in flight and rejects with the AbortError as is', async () => {
    server = await startFaultServer(() => {}); // hangs
    const client = createClient({ baseUrl: server.url, timeout: 5_000 });
    const controller = new AbortController();
    const call = client.health.get({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = await call.catch((e: unknown) => e);
    assert.ok(isAbortError(error));
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(server.requests.length, 1);
    assert.ok(performance.now() - started < 1_000);
  });

  it('rejects with the reason the caller gave', async () => {
    server = await startFaultServer(() => {});
    const client = createClient({ baseUrl: server.url });
    const controller = new AbortController();
    const reason = new Error('navigated away');
    const call = client.health.get({ signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await assert.rejects(call, (error) => error === reason);
  });

  it('cancels the wait before a retry', async () => {
    server = await startFaultServer((_, res) => problem(res, 503, 'service_unavailable', { 'retry-after': '5' }));
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 10_000 } });
    const controller = new AbortController();
    const call = client.health.get({ signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    await assert.rejects(call, { name: 'AbortError' });
    assert.ok(performance.now() - started < 1_000, 'the retry wait was not cancelled');
    assert.equal(server.requests.length, 1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    server = await startFaultServer((_, res) => json(res, 200, HEALTHY));
    const client = createClient({ baseUrl: server.url });
    await assert.rejects(client.health.get({ signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(server.requests.length, 0);
  });

  it('stops paging when aborted between pages', async () => {
    server = await startFaultServer((request, res) => {
      const cursor = new URL(request.url, 'http://loopback').searchParams.get('cursor');
      json(res, 200, { items: [cursor ?? '0'], nextCursor: String(Number(cursor ?? 0) + 1), total: 100 });
    });
    const client = createClient({ baseUrl: server.url });
    const controller = new AbortController();
    const list = new PagePromise<Page<unknown>>(
      (cursor) =>
        client.request({ path: '/list', query: { cursor }, signal: controller.signal }) as Promise<Page<unknown>>,
    );
    const seen: unknown[] = [];
    await assert.rejects(
      async () => {
        for await (const item of list) {
          seen.push(item);
          if (seen.length === 3) controller.abort();
        }
      },
      { name: 'AbortError' },
    );
    assert.deepEqual(seen, ['0', '1', '2']);
    assert.equal(server.requests.length, 3);
  });
});
