// A webmaster's view: the demo homepage, served by the reference server under its strict CSP, shows the live
// catalog from the CDN build with real seeded products, and nothing breaks the page's security policy.
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

test('the demo homepage shows real products in the embedded catalog, with no CSP violation', async () => {
  const page = await newPage(browser);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  const response = await page.goto(`${server.url}/`);
  assert.equal(response?.status(), 200);
  assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);

  const cards = page.locator('smec-catalog [part~="card"]');
  await cards.first().waitFor({ timeout: 20_000 });
  const names = await page.locator('smec-catalog [part~="card-title"]').allTextContents();
  assert.ok(names.length > 0, 'the catalog shows product cards');

  // The cards show what the API holds, not placeholder text.
  const api = (await (await fetch(`${server.apiUrl}/products?region=440600&limit=50`)).json()) as {
    items: { name: string }[];
    total: number;
  };
  const apiNames = new Set(api.items.map((item) => item.name));
  assert.ok(
    names.some((name) => apiNames.has(name.trim())),
    `card titles ${JSON.stringify(names.slice(0, 3))} come from the API`,
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('the CDN serves the widget modules with CORS and caching headers', async () => {
  for (const file of ['smec.js', 'smec-catalog.js']) {
    const response = await fetch(`${server.url}/cdn/${file}`, { headers: { Origin: 'https://www.example.gov.cn' } });
    assert.equal(response.status, 200, file);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('cache-control') ?? '', /max-age=\d+/);
  }
});

test('the demo switches the widgets between the example themes, and remembers the choice', async () => {
  const page = await newPage(browser);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${server.url}/`);
  await page.locator('smec-catalog [part~="card"]').first().waitFor({ timeout: 20_000 });
  const primary = () =>
    page.evaluate(() =>
      getComputedStyle(document.querySelector('smec-catalog') as Element)
        .getPropertyValue('--smec-color-primary')
        .trim(),
    );
  // Without a theme, the host site's own stylesheet (demo.css) sets the token, as a webmaster would.
  assert.equal(await primary(), '#b71c1c');

  const themed = (colour: string) =>
    page.waitForFunction(
      (expected) =>
        getComputedStyle(document.querySelector('smec-catalog') as Element)
          .getPropertyValue('--smec-color-primary')
          .trim() === expected,
      colour,
    );
  await page.selectOption('#demo-theme', 'gov-red');
  await themed('#a8171c');

  await page.reload();
  await themed('#a8171c');
  assert.equal(await page.locator('#demo-theme').inputValue(), 'gov-red', 'the choice survives a reload');

  await page.selectOption('#demo-theme', 'neutral-blue');
  await themed('#1d4f91');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the demo’s 「默认蓝」 shows the platform’s blue, not the site’s red', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await page.locator('smec-catalog [part~="card"]').first().waitFor({ timeout: 20_000 });
  await page.selectOption('#demo-theme', 'default');
  await page.waitForFunction(() => {
    const catalog = document.querySelector('smec-catalog')!;
    return (
      getComputedStyle(catalog.shadowRoot!.querySelector('.base') ?? catalog)
        .getPropertyValue('--_primary')
        .trim() === '#0b5cad'
    );
  });
  await page.close();
});

test('the demo switches the widgets’ language and care mode, and remembers both', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  const status = page.locator('smec-catalog [part~="status"]');
  await page.locator('smec-catalog [part~="card"]').first().waitFor({ timeout: 20_000 });
  assert.match((await status.textContent()) ?? '', /项服务/);
  // The demo's own switches speak the page's language.
  const themeLabel = await page.locator('label:has(#demo-theme)').innerText();
  assert.match(themeLabel, /^主题/);
  assert.doesNotMatch(themeLabel, /Theme|Default/);
  assert.match(await page.locator('label:has(#demo-lang)').innerText(), /^语言/);

  await page.selectOption('#demo-lang', 'en');
  await page.waitForFunction(() =>
    /services$/.test(
      document.querySelector('smec-catalog')?.shadowRoot?.querySelector('[part~="status"]')?.textContent?.trim() ?? '',
    ),
  );
  await page.check('#demo-care');
  const catalogFont = () => page.evaluate(() => getComputedStyle(document.querySelector('smec-catalog')!).fontSize);
  await page.waitForFunction(() => document.querySelector('smec-catalog')?.hasAttribute('care'));
  assert.equal(await catalogFont(), '18px');

  await page.reload();
  await page.waitForFunction(() => document.querySelector('smec-catalog')?.hasAttribute('care'));
  await page.waitForFunction(() =>
    /services$/.test(
      document.querySelector('smec-catalog')?.shadowRoot?.querySelector('[part~="status"]')?.textContent?.trim() ?? '',
    ),
  );
  assert.equal(await page.locator('#demo-lang').inputValue(), 'en', 'the language survives a reload');
  assert.equal(await page.locator('#demo-care').isChecked(), true, 'care mode survives a reload');

  await page.uncheck('#demo-care');
  await page.waitForFunction(() => !document.querySelector('smec-catalog')?.hasAttribute('care'));
  assert.notEqual(await catalogFont(), '18px');
  await page.close();
});
