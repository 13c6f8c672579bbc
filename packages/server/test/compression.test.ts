// Bodies over about 1 KB go out brotli- or gzip-compressed as the client asks, with `Vary: Accept-Encoding`; the
// CDN's files go out as the build compressed them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { prepareTestDatabase, testClock } from '../../../test-support/server.js';
import { negotiateEncoding } from '../src/http/compression.js';
import { buildApp } from '../src/index.js';
// @ts-expect-error -- a build script in plain JavaScript, without declarations
import { precompress } from '../../../scripts/precompress.mjs';

const LIST = '/api/v1/products?limit=20';

function decoded(response: LightMyRequestResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload);
  if (encoding === 'gzip') return gunzipSync(response.rawPayload);
  assert.equal(encoding, undefined);
  return response.rawPayload;
}

function varyOf(response: LightMyRequestResponse): string[] {
  return String(response.headers['vary'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
}

test('Accept-Encoding: brotli before gzip at equal weight, the weights otherwise, nothing at q=0 or without the header', () => {
  assert.equal(negotiateEncoding(undefined), undefined);
  assert.equal(negotiateEncoding(''), undefined);
  assert.equal(negotiateEncoding('gzip, deflate, br'), 'br');
  assert.equal(negotiateEncoding('gzip'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(negotiateEncoding('gzip;q=1.0, br;q=0.5'), 'gzip');
  assert.equal(negotiateEncoding('*'), 'br');
  assert.equal(negotiateEncoding('*;q=0'), undefined);
  assert.equal(negotiateEncoding('identity'), undefined);
  assert.equal(negotiateEncoding('deflate, BR;Q=0.8'), 'br');
});

describe('compressed answers', () => {
  let app: FastifyInstance;
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  let cdnRoot: string;
  const script = `export const catalog = ${JSON.stringify('服务产品超市 '.repeat(400))};\n`;

  before(async () => {
    database = await prepareTestDatabase();
    cdnRoot = mkdtempSync(join(tmpdir(), 'smec-cdn-'));
    mkdirSync(join(cdnRoot, 'chunks'));
    writeFileSync(join(cdnRoot, 'smec-catalog.js'), script);
    writeFileSync(join(cdnRoot, 'chunks', 'core-Ab12.js'), script);
    precompress(cdnRoot);
    // A file the build did not compress: compressed on the way out instead.
    writeFileSync(join(cdnRoot, 'late.js'), script);
    app = await buildApp({ checkProblemCodes: true, clock: testClock, database, demo: { cdnRoot } });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.dispose();
    rmSync(cdnRoot, { recursive: true, force: true });
  });

  test('an API list in brotli or gzip, the same JSON as uncompressed, and Vary names both languages and encodings', async () => {
    const plain = await app.inject({ url: LIST });
    assert.equal(plain.statusCode, 200);
    assert.ok(plain.rawPayload.length > 1024, `the list is ${plain.rawPayload.length} bytes`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(varyOf(plain).includes('accept-encoding'), String(plain.headers['vary']));
    for (const [asked, sent] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
    ] as const) {
      const response = await app.inject({ url: LIST, headers: { 'accept-encoding': asked } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-encoding'], sent, asked);
      assert.equal(Number(response.headers['content-length']), response.rawPayload.length);
      assert.ok(
        response.rawPayload.length < plain.rawPayload.length / 3,
        `${sent}: ${response.rawPayload.length} bytes`,
      );
      assert.deepEqual(JSON.parse(decoded(response).toString('utf8')), JSON.parse(plain.body));
      assert.ok(varyOf(response).includes('accept-encoding'));
      assert.equal(response.headers['etag'], String(plain.headers['etag']).replace(/"$/, `-${sent}"`));
    }
  });

  test('a compressed answer revalidates with its own ETag: 304, naming the tag the client holds', async () => {
    const first = await app.inject({ url: LIST, headers: { 'accept-encoding': 'br' } });
    const etag = String(first.headers['etag']);
    assert.match(etag, /-br"$/);
    const again = await app.inject({ url: LIST, headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.rawPayload.length, 0);
    assert.equal(again.headers['etag'], etag);
  });

  test('a small answer goes out as it is', async () => {
    const health = await app.inject({ url: '/api/v1/health', headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(health.statusCode, 200);
    assert.ok(health.rawPayload.length < 1024);
    assert.equal(health.headers['content-encoding'], undefined);
    assert.equal(varyOf(health).includes('accept-encoding'), false);
  });

  test("the CDN sends the build's compressed copies by Accept-Encoding, and compresses a file that has none", async () => {
    for (const path of ['smec-catalog.js', 'chunks/core-Ab12.js']) {
      for (const [asked, sent, suffix] of [
        ['br, gzip', 'br', '.br'],
        ['gzip', 'gzip', '.gz'],
      ] as const) {
        const response = await app.inject({ url: `/cdn/${path}`, headers: { 'accept-encoding': asked } });
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-encoding'], sent);
        assert.match(String(response.headers['content-type']), /javascript/);
        assert.ok(varyOf(response).includes('accept-encoding'));
        assert.deepEqual(response.rawPayload, readFileSync(join(cdnRoot, `${path}${suffix}`)));
        assert.equal(decoded(response).toString('utf8'), script);
      }
      const plain = await app.inject({ url: `/cdn/${path}` });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body, script);
    }
    const late = await app.inject({ url: '/cdn/late.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(late.headers['content-encoding'], 'br');
    assert.equal(decoded(late).toString('utf8'), script);
    // The compressed copies are files of the build, not addresses of their own type.
    const missing = await app.inject({ url: '/cdn/late.js.br' });
    assert.equal(missing.statusCode, 404);
  });
});
