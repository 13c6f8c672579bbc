// The SDK ships to browsers: it must bundle for the browser platform with no Node built-in, and stay small.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

async function bundle(external: string[]): Promise<{ gzip: number; code: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['source'],
    external,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { gzip: gzipSync(code).length, code };
}

describe('browser bundle', () => {
  it('has no Node built-in import and keeps zod jitless', async () => {
    const { code } = await bundle([]);
    assert.doesNotMatch(code, /\bfrom\s*["']node:|require\(/);
    assert.match(code, /jitless:!0/);
  });

  it('the client with every resource stays within 10 KB min+gzip, zod excluded', async () => {
    const { gzip } = await bundle(['zod', 'zod/*']);
    assert.ok(gzip <= 10 * 1024, `${gzip} bytes`);
  });

  it('the whole entry, zod and schemas included, stays within 16 KB min+gzip', async () => {
    const { gzip } = await bundle([]);
    assert.ok(gzip <= 16 * 1024, `${gzip} bytes`);
  });
});
