// A visitor on a phone: no demo page is wider than the screen, from 320 px up, with the widgets' content loaded, the
// calendar as a month grid too, and the wallet's use-voucher dialog open. A failure names what sticks out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '@smec/server';
import { launchChromium, newPage } from '../test-support/chromium.js';
import { nextFrames, overflowAtWidths } from '../test-support/overflow.js';
import { startTestServer } from '../test-support/server.js';

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

/** Each demo page, with what shows that its widgets have loaded their content (not their loading state). */
const PAGES: Record<string, readonly string[]> = {
  '/': ['smec-catalog [part~="card"]', 'smec-demand-form [part~="fieldset"]'],
  '/demand': [
    'smec-demand-form#demand-form [part~="fieldset"]',
    'smec-demand-form[mode="lookup"] [part~="submit-button"]',
  ],
  '/events': ['smec-event-calendar [part~="event"]'],
  '/wallet': ['smec-voucher-wallet [part~="sign-in"]', 'smec-catalog [part~="card"]'],
  '/ratings': [
    'smec-feedback-rating[product-id] [part~="summary"]',
    'smec-feedback-rating[provider-id] [part~="summary"]',
  ],
  '/policies': ['smec-policy-list [part~="item"]'],
  '/scorecard': ['smec-center-scorecard [part~="figures"]'],
  '/signin': ['button[data-user-id]'],
  '/join': ['smec-provider-application [part~="next-button"]', 'smec-public-notice [part~="item"]'],
  '/experts': ['smec-expert-directory [part~="card"]'],
  '/centers': ['smec-center-directory [part~="card"]', 'smec-center-directory [part~="tile"]'],
  '/provider': ['smec-provider-workbench [part~="sign-in"]'],
  '/workbench': ['smec-center-workbench [part~="sign-in"]'],
};

async function loaded(page: Page, selectors: readonly string[]): Promise<void> {
  for (const selector of selectors) await page.locator(selector).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await nextFrames(page);
}

for (const [path, selectors] of Object.entries(PAGES)) {
  test(`${path} fits the screen at 320, 390, 768 and 1280 px`, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(`${server.url}${path}`);
      await loaded(page, selectors);
      assert.deepEqual(await overflowAtWidths(page), []);
    } finally {
      await page.close();
    }
  });
}

test('the calendar fits the screen as a month grid at every width', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/events`);
    await loaded(page, PAGES['/events']!);
    await page.locator('smec-event-calendar').evaluate((calendar) => calendar.setAttribute('view', 'month'));
    await page.locator('smec-event-calendar [part~="grid"]').waitFor();
    assert.deepEqual(await overflowAtWidths(page, undefined, ' (month view)'), []);
  } finally {
    await page.close();
  }
});

test('the wallet, signed in, and its use-voucher dialog fit the screen', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/signin?return=${encodeURIComponent('/wallet')}`);
    await page.locator('button[data-user-id="usr-ent-04"]').click();
    await page.waitForURL(/\/wallet(\?|$)/);
    await loaded(page, ['smec-voucher-wallet [part~="voucher"]', 'smec-catalog [part~="card"]']);
    const problems = await overflowAtWidths(page);

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.locator('smec-voucher-wallet [part~="use-button"]').first().click();
    await page.locator('smec-voucher-wallet [part~="use-dialog"][open]').waitFor();
    // The select of the enterprise's vouchers is the widest thing in the dialog: it must be there to be measured.
    await page.locator('smec-voucher-wallet #smec-use-voucher').waitFor();
    problems.push(...(await overflowAtWidths(page, [1280, 390], ' (use-voucher dialog open)')));
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('the provider workbench, signed in, fits the screen in its products, editor, engagements and profile', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/signin?return=${encodeURIComponent('/provider')}`);
    await page.locator('button[data-user-id="usr-prv-01"]').click();
    await page.waitForURL(/\/provider(\?|$)/);
    await loaded(page, ['smec-provider-workbench [part~="banner"]', 'smec-provider-workbench [part~="product"]']);
    const problems = await overflowAtWidths(page);
    await page.locator('smec-provider-workbench [part~="edit-button"]').first().click();
    await page.locator('smec-provider-workbench [part~="editor"]').waitFor();
    await page.locator('smec-provider-workbench [part~="preview-button"]').click();
    await page.locator('smec-provider-workbench [part~="preview"]').waitFor();
    problems.push(...(await overflowAtWidths(page, undefined, ' (editor and preview)')));
    for (const view of ['engagements', 'profile']) {
      await page.locator(`smec-provider-workbench [part~="nav-button"][data-view="${view}"]`).click();
      await page
        .locator(`smec-provider-workbench [part~="${view === 'profile' ? 'profile' : 'engagement'}"]`)
        .first()
        .waitFor();
      problems.push(...(await overflowAtWidths(page, undefined, ` (${view})`)));
    }
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
