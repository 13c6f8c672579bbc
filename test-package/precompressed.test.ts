// The CDN build carries a brotli and a gzip copy of each of its files, which the server sends as they are.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CDN_DIR } from '../test-support/bundle-size.js';

test('every script and stylesheet of the CDN build has a .br and a .gz copy of the same bytes', () => {
  const files = readdirSync(CDN_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|css)$/.test(file));
  assert.ok(files.filter((file) => file.endsWith('.js')).length >= 10, files.join(', '));
  assert.ok(
    files.some((file) => file.startsWith('themes')),
    'the themes are served from the CDN folder too',
  );
  for (const file of files) {
    const body = readFileSync(join(CDN_DIR, file));
    assert.deepEqual(brotliDecompressSync(readFileSync(join(CDN_DIR, `${file}.br`))), body, `${file}.br`);
    assert.deepEqual(gunzipSync(readFileSync(join(CDN_DIR, `${file}.gz`))), body, `${file}.gz`);
  }
});
