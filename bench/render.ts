// Time from the arrival of the products response to the rendered result list, in Chromium, on the demo page.
// The page is loaded several times; an init script notes when the first product card is in the catalog's shadow
// DOM and painted. Two starting points: the response's `responseEnd` from Resource Timing (the network is done),
// and the moment the widget's code has the whole body (the main thread got to it): the gap between the two is time
// the page's main thread spent on other work.
import { launchChromium } from '../test-support/chromium.js';
import { percentile, report, round, startServerProcess } from './support.js';

const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 15);

// Runs in the page before any script: watch every shadow root for product cards, then wait one frame for paint.
const WATCH_CARDS = `(() => {
  const fetchOriginal = window.fetch;
  window.fetch = async function (...args) {
    const response = await fetchOriginal.apply(this, args);
    if (String(args[0]?.url ?? args[0]).includes('/api/v1/products')) {
      const text = response.text.bind(response);
      response.text = async () => {
        const body = await text();
        window.__smecBodyRead ??= performance.now();
        return body;
      };
    }
    return response;
  };
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
  const bodyToDom: number[] = [];
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
      const bodyRead = (window as unknown as { __smecBodyRead?: number }).__smecBodyRead ?? Number.NaN;
      return { response: response ?? Number.NaN, bodyRead, ...rendered };
    });
    if (run > 0) {
      // The first run pays for compiling the bundle; it is a warm-up.
      toDom.push(timing.seen - timing.response);
      toPaint.push(timing.painted - timing.response);
      bodyToDom.push(timing.seen - timing.bodyRead);
    }
    await page.close();
  }
  toDom.sort((a, b) => a - b);
  toPaint.sort((a, b) => a - b);
  bodyToDom.sort((a, b) => a - b);
  report('catalog-render', {
    runs: toDom.length,
    dataToDomMedianMs: round(percentile(toDom, 50)),
    dataToDomP90Ms: round(percentile(toDom, 90)),
    dataToPaintMedianMs: round(percentile(toPaint, 50)),
    dataToPaintP90Ms: round(percentile(toPaint, 90)),
    bodyInWidgetToDomMedianMs: round(percentile(bodyToDom, 50)),
    bodyInWidgetToDomP90Ms: round(percentile(bodyToDom, 90)),
  });
} finally {
  await browser.close();
  await server.stop();
}
