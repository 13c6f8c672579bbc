// Pages that do not jump while loading: each widget, on the demo page that embeds it (host content above and below
// it), shifts the page's layout by at most 0.02 (the sum of every `layout-shift` entry without recent input) from
// before its module loads until it has rendered its data. Lighthouse's "good" limit is 0.1 (bench/lighthouse.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPage } from '../test-support/chromium.js';
import type { RunningServer } from '@smec/server';
import { startTestServer } from '../test-support/server.js';

const MAX_SHIFT = 0.02;
// Lighthouse's desktop screen.
const VIEWPORT = { width: 1350, height: 940 };

// Runs before any script of the page: records every shift from the first paint on.
const OBSERVE = `(() => {
  window.smecShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.smecShifts.push({
        value: entry.value,
        at: Math.round(entry.startTime),
        sources: (entry.sources || []).map((source) => {
          const node = source.node;
          const name = node ? (node.nodeType === 1 ? node.localName + (node.id ? '#' + node.id : '') + (node.className && typeof node.className === 'string' ? '.' + node.className.split(' ').join('.') : '') : node.nodeName) : '?';
          return name + ' ' + source.previousRect.y + '→' + source.currentRect.y + ' h' + source.previousRect.height + '→' + source.currentRect.height;
        }),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})()`;

interface Shift {
  value: number;
  at: number;
  sources: string[];
}

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({ demo: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path`, waits for `rendered` (the widget's data on screen) and a quiet network, and gives the shifts. */
async function shiftsWhileLoading(page: Page, path: string, rendered: string): Promise<Shift[]> {
  await page.addInitScript({ content: OBSERVE });
  await page.goto(`${server.url}${path}`);
  await page.locator(rendered).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  // Two frames: a shift is reported after the frame that painted it.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  return (await page.evaluate('window.smecShifts')) as Shift[];
}

function assertStable(shifts: Shift[], report: (message: string) => void): void {
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
  report(`layout shift ${total.toFixed(4)}`);
  assert.ok(
    total <= MAX_SHIFT,
    `layout shift ${total.toFixed(3)} > ${MAX_SHIFT}:\n${shifts.map((s) => `  ${s.value.toFixed(3)} at ${s.at} ms: ${s.sources.join('; ')}`).join('\n')}`,
  );
}

const WIDGETS = [
  { widget: 'smec-catalog', path: '/', rendered: 'smec-catalog [part~="card"]' },
  { widget: 'smec-demand-form', path: '/demand', rendered: 'smec-demand-form [part~="submit-button"]' },
  { widget: 'smec-event-calendar', path: '/events', rendered: 'smec-event-calendar [part~="event"]' },
  { widget: 'smec-voucher-wallet', path: '/wallet', rendered: 'smec-voucher-wallet [part~="sign-in"]' },
  { widget: 'smec-feedback-rating', path: '/ratings', rendered: 'smec-feedback-rating [part~="rating"]' },
  { widget: 'smec-policy-list', path: '/policies', rendered: 'smec-policy-list [part~="item"]' },
  { widget: 'smec-center-scorecard', path: '/scorecard', rendered: 'smec-center-scorecard [part~="figure"]' },
  {
    widget: 'smec-provider-application',
    path: '/join',
    rendered: 'smec-provider-application [part~="next-button"]',
  },
  { widget: 'smec-expert-directory', path: '/experts', rendered: 'smec-expert-directory [part~="card"]' },
  { widget: 'smec-center-directory', path: '/centers', rendered: 'smec-center-directory [part~="tile"]' },
  { widget: 'smec-public-notice', path: '/join', rendered: 'smec-public-notice [part~="item"]' },
  { widget: 'smec-provider-workbench', path: '/provider', rendered: 'smec-provider-workbench [part~="sign-in"]' },
  { widget: 'smec-center-workbench', path: '/workbench', rendered: 'smec-center-workbench [part~="sign-in"]' },
];

for (const { widget, path, rendered } of WIDGETS) {
  test(`<${widget}> on ${path} does not shift the page while it loads`, async (t) => {
    const page = await newPage(browser, { viewport: VIEWPORT });
    try {
      assertStable(await shiftsWhileLoading(page, path, rendered), (message) => t.diagnostic(message));
    } finally {
      await page.close();
    }
  });
}
