// A webmaster's sites, in a real Chromium against the real server and the CDN build: every widget on a page with a
// strict Content-Security-Policy (zero violations), on a plain page with nothing but the loader script and
// attributes, inside a React 19 page and a Vue 3 page (properties from the framework, events to its handlers), and
// with smec loaded twice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '@smec/server';
import { launchChromium, newPage } from '../test-support/chromium.js';
import { startTestServer } from '../test-support/server.js';

/** The policy of the issue, word for word, plus nothing: the widgets need no policy name of their own. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

/** A user whose vouchers and ratings no other test of this file changes. */
const ENTERPRISE_USER = 'usr-ent-08';
const RATED_PRODUCT = 'prd-00001';

interface WidgetCase {
  tag: string;
  /** The element as a webmaster writes it. */
  markup: string;
  /** Something inside the widget that shows it rendered real data (Playwright locators pierce shadow roots). */
  ready: string;
  signedIn?: boolean;
}

const WIDGETS: readonly WidgetCase[] = [
  {
    tag: 'smec-catalog',
    markup: '<smec-catalog region="440600" page-size="5" no-url-state></smec-catalog>',
    ready: '[part~="card"]',
  },
  {
    tag: 'smec-demand-form',
    markup: '<smec-demand-form category="legal"></smec-demand-form>',
    ready: '[part~="submit-button"]',
  },
  {
    tag: 'smec-event-calendar',
    markup: '<smec-event-calendar region="440600" view="list"></smec-event-calendar>',
    ready: '[part~="event"]',
  },
  {
    tag: 'smec-voucher-wallet',
    markup: '<smec-voucher-wallet></smec-voucher-wallet>',
    ready: '[part~="voucher"]',
    signedIn: true,
  },
  {
    tag: 'smec-policy-list',
    markup: '<smec-policy-list region="440604"></smec-policy-list>',
    ready: '[part~="item"]',
  },
  {
    tag: 'smec-center-scorecard',
    markup: '<smec-center-scorecard region="440600"></smec-center-scorecard>',
    ready: '[part~="figure"]',
  },
  {
    tag: 'smec-feedback-rating',
    markup: `<smec-feedback-rating product-id="${RATED_PRODUCT}"></smec-feedback-rating>`,
    ready: '[part~="summary"]',
  },
];

let server: RunningServer;
let browser: Browser;
let token: string;

before(async () => {
  server = await startTestServer({ demo: true });
  browser = await launchChromium();
  const response = await fetch(`${server.apiUrl}/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: ENTERPRISE_USER }),
  });
  assert.equal(response.status, 200);
  token = ((await response.json()) as { token: string }).token;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  /** Page errors, console errors and CSP violations, in order. */
  problems: string[];
  warnings: string[];
}

/**
 * A page that answers `/host/<name>` from `files` with `headers` (on the server's own origin, so 'self' is the
 * platform), and records every error and security-policy violation.
 */
async function watchedPage(files: Record<string, string>, headers: Record<string, string> = {}): Promise<Watched> {
  const page = await newPage(browser);
  const problems: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  await page.route(`${server.url}/host/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.replace('/host/', '');
    const body = files[name];
    if (body === undefined) return route.fulfill({ status: 404, body: 'not found' });
    const type = name.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
    return route.fulfill({ status: 200, headers: { 'content-type': type, ...headers }, body });
  });
  return { page, problems, warnings };
}

function htmlPage(body: string, scripts: readonly string[]): string {
  const tags = scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>${tags}</head>
<body>${body}</body></html>`;
}

/** An external script (allowed by script-src 'self') that signs the page's user in, as a host site's own code does. */
function sessionScript(): string {
  return `const token = ${JSON.stringify(token)};
for (const root of document.querySelectorAll('smec-root')) root.getToken = () => token;`;
}

for (const widget of WIDGETS) {
  test(`<${widget.tag}> works under a strict CSP with zero violations`, async () => {
    // The session script hands the root a token, as the host site's own sign-in code would.
    const body = `<smec-root>${widget.markup}</smec-root>`;
    const { page, problems } = await watchedPage(
      {
        'strict.html': htmlPage(body, ['/host/session.js', '/cdn/smec-loader.js']),
        'session.js': sessionScript(),
      },
      { 'content-security-policy': STRICT_CSP },
    );
    const response = await page.goto(`${server.url}/host/strict.html`);
    assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
    await page.locator(`${widget.tag} ${widget.ready}`).first().waitFor({ timeout: 20_000 });
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('a plain page with nothing but the loader script and attributes loads only the widgets it uses', async () => {
  const { page, problems } = await watchedPage({
    'plain.html': htmlPage(
      WIDGETS.filter((widget) => !widget.signedIn)
        .map((widget) => widget.markup)
        .join('\n'),
      ['/cdn/smec-loader.js'],
    ),
  });
  const loaded: string[] = [];
  page.on('request', (request) => {
    const match = /\/cdn\/(smec-[a-z-]+)\.js$/.exec(request.url());
    if (match?.[1]) loaded.push(match[1]);
  });
  await page.goto(`${server.url}/host/plain.html`);
  for (const widget of WIDGETS.filter((widget) => !widget.signedIn)) {
    await page.locator(`${widget.tag} ${widget.ready}`).first().waitFor({ timeout: 20_000 });
  }
  assert.deepEqual(
    loaded.filter((name) => name !== 'smec-loader').sort(),
    WIDGETS.filter((widget) => !widget.signedIn)
      .map((widget) => widget.tag)
      .sort(),
    'the loader fetched the modules of the tags on the page and no other',
  );

  // A widget added later (as a CMS's script might) is loaded when it appears.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<smec-root></smec-root>'));
  await page.waitForFunction(() => customElements.get('smec-root') !== undefined, undefined, { timeout: 10_000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the catalog alone under a strict CSP: 我要咨询 opens a demand form from that widget’s own CDN module', async () => {
  const { page, problems } = await watchedPage(
    {
      'catalog.html': htmlPage('<smec-catalog region="440600" no-url-state></smec-catalog>', ['/cdn/smec-catalog.js']),
    },
    { 'content-security-policy': STRICT_CSP },
  );
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await page.goto(`${server.url}/host/catalog.html`);
  await page.locator('smec-catalog [part~="card-title"]').first().click({ timeout: 20_000 });
  await page.locator('smec-catalog [part~="consult-button"]').click({ timeout: 20_000 });
  await page.locator('smec-catalog smec-demand-form [name="categoryId"]').waitFor({ timeout: 20_000 });
  assert.ok(loaded.includes('/cdn/smec-demand-form.js'), 'the form came as its own module');
  // The chunk of the form's own module, not a copy built into the catalog's.
  const entry = await (await fetch(`${server.url}/cdn/smec-demand-form.js`)).text();
  const own = /chunks\/smec-demand-form-[\w-]+\.js/.exec(entry)?.[0];
  assert.ok(own, 'the form module imports its chunk');
  assert.deepEqual(
    loaded.filter((path) => path.includes('/chunks/smec-demand-form-')),
    [`/cdn/${own}`],
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('loading smec twice, from two script tags of different versions, does not throw and warns once', async () => {
  // A second copy of the CDN at another URL, as an old and a new release at two addresses would be: its modules are
  // new module records, so every widget class is defined a second time.
  const { page, problems, warnings } = await watchedPage({
    'twice.html': htmlPage('<smec-catalog region="440600" page-size="5" no-url-state></smec-catalog>', [
      '/cdn/smec.js',
      '/copy/smec.js',
      '/cdn/smec-loader.js',
      '/copy/smec-loader.js',
    ]),
  });
  await page.route(`${server.url}/copy/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace('/copy/', '/cdn/') });
    await route.fulfill({ response });
  });
  await page.goto(`${server.url}/host/twice.html`);
  await page.locator('smec-catalog [part~="card"]').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((entry) => entry.name.includes('/copy/chunks/')),
  );
  assert.deepEqual(problems, []);
  const smecWarnings = warnings.filter((text) => /smec/i.test(text));
  assert.equal(smecWarnings.length, 1, `one warning: ${JSON.stringify(smecWarnings)}`);
  await page.close();
});

async function bundleHost(file: string): Promise<string> {
  const result = await build({
    entryPoints: [new URL(`./hosts/${file}`, import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    write: false,
    jsx: 'automatic',
    logLevel: 'silent',
    define: {
      HOST: JSON.stringify({ apiBase: server.apiUrl, token, productId: RATED_PRODUCT }),
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  const [output] = result.outputFiles;
  assert.ok(output, `${file} bundled`);
  return output.text;
}

for (const framework of [
  { name: 'React 19', file: 'react-host.jsx', version: () => readPackageVersion('react') },
  { name: 'Vue 3', file: 'vue-host.js', version: () => readPackageVersion('vue') },
]) {
  test(`a ${framework.name} page hosts every widget: properties set by the framework, events to its handlers`, async () => {
    assert.match(framework.version(), framework.name.startsWith('React') ? /^19\./ : /^3\./);
    const { page, problems } = await watchedPage({
      'app.html': htmlPage('<div id="app"></div>', ['/cdn/smec.js', '/host/app.js']),
      'app.js': await bundleHost(framework.file),
    });
    await page.goto(`${server.url}/host/app.html`);
    for (const widget of WIDGETS) {
      await page.locator(`${widget.tag} ${widget.ready}`).first().waitFor({ timeout: 20_000 });
    }
    // Set as properties, not attributes: a number, a boolean and a function reached the elements.
    const properties = await page.evaluate(() => {
      const catalog = document.querySelector('smec-catalog') as (Element & { pageSize?: unknown }) | null;
      const root = document.querySelector('smec-root') as (Element & { getToken?: unknown }) | null;
      return {
        pageSize: catalog?.pageSize,
        getToken: typeof root?.getToken,
        attribute: catalog?.getAttribute('page-size'),
      };
    });
    assert.deepEqual(properties, { pageSize: 5, getToken: 'function', attribute: null });
    assert.equal(await page.locator('smec-catalog [part~="card"]').count(), 5, 'pageSize 5 took effect');

    // An event of a widget reaches the framework's handler, which re-renders the page.
    await page.locator('smec-catalog [part~="card"] a, smec-catalog [part~="card"] button').first().click();
    await page.waitForFunction(() =>
      document.getElementById('heard')?.textContent?.includes('smec-select:smec-catalog'),
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
}

function readPackageVersion(name: string): string {
  const file = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
