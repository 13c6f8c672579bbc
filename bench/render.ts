// Time from the arrival of the products response to the rendered result list, in Chromium, on the demo page.
// The page is loaded several times; an init script notes when the first product card is in the catalog's shadow
// DOM and painted, and the response's `responseEnd` comes from Resource Timing.
import { launchChromium } from '../test-support/chromium.js';
import { percentile, report, round, startServerProcess } from './support.js';

const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 15);

// Runs in the page before any script: watch every shadow root for product cards, then wait one frame for paint.
const WATCH_CARDS = `(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === 'smec-catalog') {
      const observer = new MutationObserver(() => {
        if (root.querySelector('[part~="card"]')) {
          observer.disconnect();
          const seen = performance.now();
          requestAnimationFrame(() => { window.__smecRendered = { seen, painted: performance.now() }; });
        }
      });
      observer.observe(root, { childList: true, subtree: true });
    }
    return root;
  };
})();`;

const server = await startServerProcess({ SMEC_TEST_DEMO: '1' });
const browser = await launchChromium();
try {
  const toDom: number[] = [];
  const toPaint: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    await page.addInitScript(WATCH_CARDS);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => (window as unknown as { __smecRendered?: unknown }).__smecRendered, null, {
      timeout: 20_000,
    });
    const timing = await page.evaluate(() => {
      const rendered = (window as unknown as { __smecRendered: { seen: number; painted: number } }).__smecRendered;
      const response = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/v1/products'))
        .map((entry) => (entry as PerformanceResourceTiming).responseEnd)
        .sort((a, b) => a - b)[0];
      return { response: response ?? Number.NaN, ...rendered };
    });
    if (run > 0) {
      // The first run pays for compiling the bundle; it is a warm-up.
      toDom.push(timing.seen - timing.response);
      toPaint.push(timing.painted - timing.response);
    }
    await page.close();
  }
  toDom.sort((a, b) => a - b);
  toPaint.sort((a, b) => a - b);
  report('catalog-render', {
    runs: toDom.length,
    dataToDomMedianMs: round(percentile(toDom, 50)),
    dataToDomP90Ms: round(percentile(toDom, 90)),
    dataToPaintMedianMs: round(percentile(toPaint, 50)),
    dataToPaintP90Ms: round(percentile(toPaint, 90)),
  });
} finally {
  await browser.close();
  await server.stop();
}
