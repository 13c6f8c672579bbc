import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createClient } from '@smec/sdk';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/define/smec-catalog.js';
import '../src/define/smec-root.js';
import type { SmecCatalog, SmecErrorEvent } from '../src/index.js';
import { API, CLOSED_API, apiTotal, part, results, shadow, statusText, totalOf, type } from './helpers.js';

/** A client whose requests wait until `release()` is called, to hold the catalog in its loading state. */
function gatedClient() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const client = createClient({
    baseUrl: API,
    fetch: async (input, init) => {
      await gate;
      return fetch(input, init);
    },
  });
  return { client, release };
}

describe('smec-catalog states', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('shows loading, then stalled after stalledAfter ms, then the content', async () => {
    const { client, release } = gatedClient();
    const root = await fixture(
      html`<smec-root .client=${client}><smec-catalog no-url-state stalled-after="300"></smec-catalog></smec-root>`,
    );
    const el = root.querySelector('smec-catalog')!;
    await el.updateComplete;
    expect(statusText(el)).to.equal('正在加载…');
    expect(shadow(el).querySelector('.result-list')?.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    await waitUntil(() => statusText(el) === '加载较慢，请稍候…', 'never stalled', { timeout: 3000 });
    await expect(el).to.be.accessible();

    release();
    await results(el);
    expect(shadow(el).querySelector('.result-list')?.getAttribute('aria-busy')).to.equal('false');
  });

  it('shows the empty state for a search that matches nothing, with a way back', async () => {
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API} no-url-state></smec-catalog>`);
    await results(el);
    type(el, 'qqzzxxyy');
    shadow(el).querySelector('form')!.requestSubmit();
    await waitUntil(() => statusText(el) === '没有找到符合条件的服务', 'no empty state');
    expect(part(el, 'card')).to.equal(null);
    await expect(el).to.be.accessible();

    const clearAll = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.includes('清除搜索和筛选'));
    clearAll!.click();
    await results(el);
    expect(totalOf(el)).to.equal(await apiTotal({}));
    expect(shadow(el).querySelector<HTMLInputElement>('input[type="search"]')?.value).to.equal('');
  });

  it('shows the error with a retry button and fires smec-error; retry works once the platform is reachable', async () => {
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${CLOSED_API} no-url-state></smec-catalog>`);
    const failed = (await oneEvent(el, 'smec-error')) as SmecErrorEvent;
    expect(failed.operation).to.equal('products.list');
    expect((failed.error as Error).name).to.equal('SmecNetworkError');
    await waitUntil(() => part(el, 'error'), 'no error box');
    const error = part(el, 'error')!;
    expect(error.textContent).to.include('加载失败');
    expect(error.textContent).to.include('无法连接到服务平台');
    expect(error.closest('[role="alert"]')).to.not.equal(null);
    await expect(el).to.be.accessible();

    // Retrying against the same closed port fails again…
    setTimeout(() => part(el, 'retry-button')!.click());
    await oneEvent(el, 'smec-error');
    await waitUntil(() => part(el, 'error'), 'no error box after the retry');

    // …and succeeds once api-base points at the platform.
    el.apiBase = API;
    await results(el);
    expect(part(el, 'error')).to.equal(null);
  });

  it('aborts the search in flight when a new one starts', async () => {
    const aborted: string[] = [];
    let hold = true;
    const client = createClient({
      baseUrl: API,
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        init?.signal?.addEventListener('abort', () => aborted.push(url));
        // Hold the first product searches until a newer one has been asked for.
        while (hold && url.includes('/products') && !init?.signal?.aborted) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return fetch(input, init);
      },
    });
    const root = await fixture(
      html`<smec-root .client=${client}><smec-catalog no-url-state></smec-catalog></smec-root>`,
    );
    const el = root.querySelector('smec-catalog')!;
    await el.updateComplete;
    type(el, '法');
    shadow(el).querySelector('form')!.requestSubmit();
    await waitUntil(() => aborted.some((url) => url.includes('/products') && !url.includes('q=')), 'not aborted');
    hold = false;
    await results(el);
    expect(totalOf(el)).to.equal(await apiTotal({ q: '法' }));
  });

  it('folds the filters behind a button in a narrow column', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 360px"><smec-catalog api-base=${API} no-url-state></smec-catalog></div>`,
    );
    const el = wrapper.querySelector('smec-catalog')!;
    await results(el);
    const toggle = shadow(el).querySelector<HTMLButtonElement>('[aria-controls="smec-facets-body"]')!;
    const body = shadow(el).querySelector<HTMLElement>('#smec-facets-body')!;
    expect(getComputedStyle(toggle).display).to.not.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(body).display).to.equal('none');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(body).display).to.not.equal('none');
    await expect(el).to.be.accessible();
  });

  it('passes axe in the dark scheme (system setting and theme="dark")', async () => {
    const el = await fixture<SmecCatalog>(
      html`<smec-catalog api-base=${API} no-url-state theme="dark"></smec-catalog>`,
    );
    await results(el);
    const surface = getComputedStyle(part(el, 'base')!).backgroundColor;
    expect(surface).to.not.equal('rgb(255, 255, 255)');
    await expect(el).to.be.accessible();

    await emulateMedia({ colorScheme: 'dark' });
    el.theme = undefined;
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal(surface);
    await expect(el).to.be.accessible();
  });

  it('uses the host page font unless --smec-font-family is set', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="font-family: 'Noto Serif', serif">
        <smec-catalog api-base=${API} no-url-state></smec-catalog>
      </div>`,
    );
    const el = wrapper.querySelector('smec-catalog')!;
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'base')!).fontFamily).to.include('Noto Serif');
    el.style.setProperty('--smec-font-family', 'monospace');
    expect(getComputedStyle(part(el, 'base')!).fontFamily).to.equal('monospace');
  });
});
