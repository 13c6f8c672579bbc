// What the demo homepage (a city center's page with the catalog) moves over the wire: its JavaScript and its JSON,
// from Resource Timing in Chromium, in a fresh browser each run (nothing cached). `decodedBodySize` is what the
// bytes are uncompressed, which is what an uncompressed wire moved (the server before compression); `transferSize`
// is what crosses the wire now, headers included.
//   node --conditions=source --import tsx bench/homepage-bytes.ts
import { launchChromium } from '../test-support/chromium.js';
import { report, round, startServerProcess } from './support.js';

interface Moved {
  readonly files: number;
  readonly transferredKb: number;
  readonly uncompressedKb: number;
}

const MEASURE = `(() => {
  const sum = (entries) => ({
    files: entries.length,
    transferred: entries.reduce((total, e) => total + e.transferSize, 0),
    uncompressed: entries.reduce((total, e) => total + e.decodedBodySize, 0),
    encoded: entries.filter((e) => e.encodedBodySize < e.decodedBodySize).length,
  });
  const resources = performance.getEntriesByType('resource');
  return {
    javascript: sum(resources.filter((e) => new URL(e.name).pathname.endsWith('.js'))),
    json: sum(resources.filter((e) => new URL(e.name).pathname.startsWith('/api/'))),
  };
})()`;

interface Sums {
  files: number;
  transferred: number;
  uncompressed: number;
  encoded: number;
}

const kb = (bytes: number) => round(bytes / 1024, 1);
const moved = (sums: Sums): Moved => ({
  files: sums.files,
  transferredKb: kb(sums.transferred),
  uncompressedKb: kb(sums.uncompressed),
});

const server = await startServerProcess({ SMEC_TEST_DEMO: '1' });
const browser = await launchChromium();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  // The catalog's first page is on screen: everything the first view needs has arrived.
  await page.waitForFunction(
    `document.querySelector('smec-catalog')?.shadowRoot?.querySelector('[part~="card"]') !== null`,
    null,
    { timeout: 20_000 },
  );
  const { javascript, json } = (await page.evaluate(MEASURE)) as { javascript: Sums; json: Sums };
  await context.close();
  if (javascript.files === 0 || json.files === 0) throw new Error('the homepage loaded no script or no JSON');
  report('homepage-bytes', {
    javascript: moved(javascript),
    json: moved(json),
    compressedFiles: javascript.encoded + json.encoded,
    savedPercent: round(
      100 * (1 - (javascript.transferred + json.transferred) / (javascript.uncompressed + json.uncompressed)),
      1,
    ),
  });
} finally {
  await browser.close();
  await server.stop();
}
