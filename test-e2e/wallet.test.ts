// The demo site's sign-in and wallet page: sign in once on /signin, come back to /wallet, see the enterprise's real
// vouchers in <smec-voucher-wallet>, under the strict CSP, with the session shown in the header of every page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage } from '../test-support/chromium.js';
import type { RunningServer } from '@smec/server';
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

test('sign in on the demo, open the wallet, see the vouchers; the session follows to the events page', async () => {
  const page = await newPage(browser);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });

  // Signed out, the wallet asks for sign-in; its link leads to the sign-in page with the way back.
  await page.goto(`${server.url}/wallet`);
  await page.locator('smec-voucher-wallet [part~="sign-in"]').waitFor({ timeout: 20_000 });
  await page.locator('#demo-session a').click();
  await page.waitForURL(/\/signin\?return=%2Fwallet/);

  await page.locator('button[data-user-id="usr-ent-04"]').click();
  await page.waitForURL(/\/wallet(\?|$)/);
  await page
    .locator('smec-voucher-wallet [part~="voucher"]')
    .first()
    .waitFor({ timeout: 20_000 })
    .catch((error: Error) => {
      throw new Error(`${error.message}\n${page.url()}\n${problems.join('\n')}`);
    });
  assert.match((await page.locator('#demo-session').textContent()) ?? '', /已登录：/);

  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('smec-demo-session') ?? '{}').token);
  const mine = (await (
    await fetch(`${server.apiUrl}/me/vouchers?limit=100`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { items: { id: string }[] };
  const shown = await page
    .locator('smec-voucher-wallet [part~="voucher"]')
    .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset['voucherId']));
  assert.deepEqual(new Set(shown), new Set(mine.items.map((v) => v.id)));

  // Signed in once: the events page knows too.
  await page.goto(`${server.url}/events`);
  assert.match((await page.locator('#demo-session').textContent({ timeout: 10_000 })) ?? '', /已登录：/);

  // 退出 ends the session everywhere.
  await page.locator('#demo-session button').click();
  await page.waitForFunction(() => document.querySelector('#demo-session a')?.textContent === '登录');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('smec-demo-session')), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the sign-in page never sends the visitor to another site', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/signin?return=${encodeURIComponent('//evil.example/')}`);
  await page.locator('button[data-user-id="usr-ent-04"]').click();
  await page.waitForURL(`${server.url}/`);
  await page.close();
});

test('the demo serves its session script as JavaScript under the CSP', async () => {
  const response = await fetch(`${server.url}/demo-session.js`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/javascript/);
});
