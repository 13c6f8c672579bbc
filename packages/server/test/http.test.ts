import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/index.js';
import { redactUrl } from '../src/http/logging.js';
import { isEntryFile } from '../src/routes/demo.js';
import { prepareTestDatabase, startTestServer, testClock } from '../../../test-support/server.js';
import { assertProblem } from './helpers.js';

interface DocumentedAnswer {
  readonly headers?: Record<string, { readonly schema: { readonly const?: string } }>;
}

let server: Awaited<ReturnType<typeof startTestServer>>;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('caching', () => {
  for (const path of [
    '/products?q=%E8%B4%A2%E7%A8%8E&limit=3',
    '/products/prd-00001',
    '/providers/prv-00001',
    '/regions',
    '/categories',
    '/providers?limit=2',
  ]) {
    test(`ETag and 304 on ${path}`, async () => {
      const first = await fetch(`${server.apiUrl}${path}`);
      assert.equal(first.status, 200);
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]{20,}"$/);
      // Providers and products carry rating figures that change with each rating: browsers always revalidate; the
      // first page of a list may come from a shared cache for half a minute.
      const rated = /^\/(products|providers)/.test(path);
      const list = rated && path.includes('?');
      assert.equal(
        first.headers.get('cache-control'),
        list
          ? 'public, max-age=0, s-maxage=30, stale-while-revalidate=60'
          : rated
            ? 'public, no-cache'
            : 'public, max-age=60',
      );
      const body = await first.text();

      const again = await fetch(`${server.apiUrl}${path}`);
      assert.equal(again.headers.get('etag'), etag, 'same body, same strong ETag');
      assert.equal(await again.text(), body);

      const revalidated = await fetch(`${server.apiUrl}${path}`, { headers: { 'if-none-match': etag ?? '' } });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.headers.get('etag'), etag);
      assert.equal(await revalidated.text(), '');

      const weak = await fetch(`${server.apiUrl}${path}`, { headers: { 'if-none-match': `"other", W/${etag}` } });
      assert.equal(weak.status, 304);
      const changed = await fetch(`${server.apiUrl}${path}`, { headers: { 'if-none-match': '"stale"' } });
      assert.equal(changed.status, 200);
    });
  }

  test('health is never cached', async () => {
    const response = await fetch(`${server.apiUrl}/health`);
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });
});

describe('CORS', () => {
  test('a preflight from any origin is allowed, with our headers', async () => {
    const response = await fetch(`${server.apiUrl}/products`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.foshan.gov.cn',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match, authorization',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /GET/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'idempotency-key', 'if-none-match'])
      assert.ok(allowed.includes(header), header);
  });

  test('a preflight of an edit that names its version (If-Match) is allowed', async () => {
    const response = await fetch(`${server.apiUrl}/me/products/prd-1`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.foshan.gov.cn',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'if-match, authorization, content-type, idempotency-key',
      },
    });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    assert.ok(allowed.includes('if-match'), allowed.join());
  });

  test('every answer carries CORS as the document states it: successes, 304s, problems, the router’s refusals', async () => {
    const document = (await (await fetch(`${server.apiUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, DocumentedAnswer> }>>;
    };
    const documented = (path: string, method: string, status: number) =>
      document.paths[path]?.[method]?.responses[String(status)]?.headers ?? {};
    const categories = await fetch(`${server.apiUrl}/categories`);
    const answers: [string, string, Response][] = [
      ['/categories', 'get', categories],
      [
        '/categories',
        'get',
        await fetch(`${server.apiUrl}/categories`, {
          headers: { 'if-none-match': categories.headers.get('etag') ?? '' },
        }),
      ],
      ['/products', 'get', await fetch(`${server.apiUrl}/products?limit=abc`)],
      ['/demands', 'get', await fetch(`${server.apiUrl}/demands`, { headers: { authorization: 'Bearer abc' } })],
      ['/products/{id}', 'get', await fetch(`${server.apiUrl}/products/prd-99999`)],
      // Not percent-encoded UTF-8: the router refuses it before any hook runs.
      ['/products/{id}', 'get', await fetch(`${server.apiUrl}/products/%E0%A4%A`)],
    ];
    assert.deepEqual(
      answers.map(([, , response]) => response.status),
      [200, 304, 400, 401, 404, 400],
    );
    for (const [path, method, response] of answers) {
      const headers = documented(path, method, response.status);
      for (const name of ['Access-Control-Allow-Origin', 'Access-Control-Expose-Headers']) {
        assert.equal(response.headers.get(name), headers[name]?.schema.const, `${path} ${response.status} ${name}`);
      }
    }
  });

  test('responses expose ETag, Retry-After, RateLimit and the request id', async () => {
    const response = await fetch(`${server.apiUrl}/categories`, { headers: { origin: 'https://www.sz.gov.cn' } });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const header of ['etag', 'retry-after', 'ratelimit', 'ratelimit-policy', 'x-request-id'])
      assert.ok(exposed.split(/,\s*/).includes(header), header);
  });
});

describe('request ids', () => {
  test('every response has one; a sane incoming one is kept, anything else replaced', async () => {
    const generated = await fetch(`${server.apiUrl}/health`);
    assert.match(generated.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const kept = await fetch(`${server.apiUrl}/health`, { headers: { 'x-request-id': 'lb-42.abc' } });
    assert.equal(kept.headers.get('x-request-id'), 'lb-42.abc');
    const replaced = await fetch(`${server.apiUrl}/health`, { headers: { 'x-request-id': 'x'.repeat(200) } });
    assert.notEqual(replaced.headers.get('x-request-id'), 'x'.repeat(200));
  });
});

describe('logging', () => {
  test('phone numbers never reach the log', () => {
    assert.equal(
      redactUrl('/api/v1/demands/lookup?trackingNo=D1&phone=13812345678'),
      // The tracking number is masked too: with the phone it opens a demand.
      '/api/v1/demands/lookup?trackingNo=***&phone=***',
    );
    assert.equal(redactUrl('/x?contact=13812345678'), '/x?contact=138****5678');
    assert.equal(redactUrl('/api/v1/products?q=%E6%B3%95&limit=20'), '/api/v1/products?q=%E6%B3%95&limit=20');
  });
});

describe('demo mode', () => {
  let app: FastifyInstance;
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  let outside: string;
  let cdnRoot: string;

  before(async () => {
    database = await prepareTestDatabase();
    // The CDN folder two levels down, with a secret at each level above it for the traversals below to reach for.
    outside = mkdtempSync(join(tmpdir(), 'smec-demo-'));
    cdnRoot = join(outside, 'site', 'cdn');
    mkdirSync(join(cdnRoot, 'chunks'), { recursive: true });
    writeFileSync(join(cdnRoot, 'smec.js'), 'export {};\n');
    writeFileSync(join(cdnRoot, 'smec-catalog.js'), 'export {};\n');
    writeFileSync(join(cdnRoot, 'chunks', 'lit-Dk3x9Q.js'), 'export const lit = 1;\n');
    writeFileSync(join(outside, 'site', 'secret.txt'), 'nope');
    writeFileSync(join(outside, 'secret.txt'), 'nope');
    app = await buildApp({ checkProblemCodes: true, clock: testClock, database, demo: { cdnRoot } });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  test('the homepage of a city center, under a strict CSP, with the catalog embedded by script tag', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/html/);
    const csp = response.headers['content-security-policy'] as string;
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(csp, /unsafe/);
    const html = response.body;
    assert.match(html, /佛山市中小企业服务中心/);
    assert.match(html, /服务产品超市/);
    assert.match(html, /<script type="module" src="\/cdn\/smec.js"><\/script>/);
    assert.match(html, /<smec-catalog region="440600"[^>]*><\/smec-catalog>/);
    for (const item of ['首页', '服务产品', '政策', '活动', '联系我们']) assert.ok(html.includes(`>${item}</a>`), item);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /<style|\sstyle=/, 'no inline style');
    const css = await app.inject({ method: 'GET', url: '/demo.css' });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['content-type'] as string, /^text\/css/);
  });

  test('CDN entries are cached briefly, hashed chunks forever, both with CORS and the JS type', async () => {
    for (const [url, cache] of [
      ['/cdn/smec.js', 'public, max-age=300'],
      ['/cdn/smec-catalog.js', 'public, max-age=300'],
      ['/cdn/chunks/lit-Dk3x9Q.js', 'public, max-age=31536000, immutable'],
    ] as const) {
      const response = await app.inject({ method: 'GET', url, headers: { origin: 'https://www.jiangmen.gov.cn' } });
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['cache-control'], cache, url);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      assert.match(response.headers['content-type'] as string, /^text\/javascript/);
      assert.ok(response.headers['etag']);
    }
    assert.ok(isEntryFile('smec-loader.js') && isEntryFile('smec-event-calendar.js') && isEntryFile('smec.js.map'));
    assert.ok(!isEntryFile('smec-catalog-B1x9kQ2a.js') && !isEntryFile('lit-Dk3x9Q.js'));
  });

  test('paths outside the CDN folder and missing files are 404 problems', async () => {
    for (const url of [
      '/cdn/missing.js',
      '/cdn/../../etc/passwd',
      '/cdn/%2e%2e/secret.txt',
      '/cdn/..%2f..%2fsecret.txt',
      '/nope.html',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      assertProblem(
        {
          status: response.statusCode,
          headers: new Headers(response.headers as Record<string, string>),
          body: JSON.parse(response.body),
        },
        404,
        'not_found',
      );
    }
  });

  test('the API is served alongside', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/products?limit=1' });
    assert.equal(response.statusCode, 200);
  });
});
