import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright';

const server = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'test-support/serve.ts'], {
  stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, SMEC_TEST_DEMO: '1' }, cwd: '/work/main',
});
const [line] = await once(createInterface({ input: server.stdout }), 'line');
const { url } = JSON.parse(line);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
const requests = [];
page.on('request', (r) => requests.push(r.url()));
await page.goto(url + '/');
const cat = page.locator('smec-catalog');
await page.waitForFunction(() => /共/.test(document.querySelector('smec-catalog')?.shadowRoot?.querySelector('[part=status]')?.textContent ?? ''), null, { timeout: 15000 });
const info = await page.evaluate(() => {
  const root = document.querySelector('smec-catalog').shadowRoot;
  const card = root.querySelector('.card');
  const cs = getComputedStyle(card);
  const btn = root.querySelector('.button-primary');
  return {
    status: root.querySelector('[part=status]').textContent.trim(),
    cards: root.querySelectorAll('[part=card]').length,
    cardBorder: cs.borderTopWidth + ' ' + cs.borderTopStyle,
    cardPadding: cs.paddingTop,
    cardDisplay: cs.display,
    btnBg: getComputedStyle(btn).backgroundColor,
    layoutCols: getComputedStyle(root.querySelector('.layout')).gridTemplateColumns,
    options: root.querySelectorAll('.option').length,
    firstOption: root.querySelector('.option').textContent.replace(/\s+/g, ' ').trim(),
    searchBox: root.querySelector('#smec-q').placeholder,
  };
});
console.log(info);
// search
await page.evaluate(() => {
  const input = document.querySelector('smec-catalog').shadowRoot.querySelector('#smec-q');
  input.value = '法律'; input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.form.requestSubmit();
});
await page.waitForTimeout(800);
console.log('after search', await page.evaluate(() => document.querySelector('smec-catalog').shadowRoot.querySelector('[part=status]').textContent.trim()), new URL(page.url()).search);
// open detail
await page.evaluate(() => document.querySelector('smec-catalog').shadowRoot.querySelector('[part=card-title]').click());
await page.waitForFunction(() => document.querySelector('smec-catalog').shadowRoot.querySelector('.contacts'), null, { timeout: 10000 });
console.log('detail', await page.evaluate(() => {
  const r = document.querySelector('smec-catalog').shadowRoot;
  return { h3: [...r.querySelectorAll('h3')].map((h) => h.textContent.trim()), contactsGrid: getComputedStyle(r.querySelector('.contacts div')).gridTemplateColumns, focus: r.activeElement?.id };
}));
// english
await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
await page.waitForTimeout(800);
console.log('en', await page.evaluate(() => [...document.querySelector('smec-catalog').shadowRoot.querySelectorAll('h3')].map((h) => h.textContent.trim()).slice(0, 3)));
// dark theme
await page.evaluate(() => document.querySelector('smec-catalog').setAttribute('theme', 'dark'));
console.log('dark bg', await page.evaluate(() => getComputedStyle(document.querySelector('smec-catalog').shadowRoot.querySelector('.base')).backgroundColor));
console.log('scripts', requests.filter((u) => u.includes('/cdn/')).map((u) => u.replace(url, '')));
console.log('errors', errors);
await browser.close();
server.stdin.end();
await once(server, 'exit');
