import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/smec-catalog.js';
import type { SmecCatalog } from '../src/index.js';
import { API, apiTotal, clearUrlState, facetOption, part, results, shadow, statusText, totalOf } from './helpers.js';

function setUrlState(params: Record<string, string>): void {
  clearUrlState();
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  history.replaceState(null, '', url);
}

function hostParams(): string[] {
  return [...new URL(location.href).searchParams.keys()].filter((name) => !name.startsWith('smec_'));
}

describe('smec-catalog URL state', () => {
  afterEach(clearUrlState);

  it('restores a shared view from the URL', async () => {
    setUrlState({ smec_q: '法', smec_cat: 'legal', smec_sort: 'rating' });
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API}></smec-catalog>`);
    await results(el);
    expect(shadow(el).querySelector<HTMLInputElement>('input[type="search"]')?.value).to.equal('法');
    expect(facetOption(el, '法律服务').input.checked).to.equal(true);
    expect(shadow(el).querySelector<HTMLSelectElement>('#smec-sort')?.value).to.equal('rating');
    expect(totalOf(el)).to.equal(await apiTotal({ q: '法', category: 'legal' }));
  });

  it('writes filters and the page into smec_* parameters, leaving the page’s own parameters alone', async () => {
    const hostBefore = hostParams();
    const searchBefore = location.search;
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API}></smec-catalog>`);
    await results(el);
    expect(location.search).to.equal(searchBefore);

    facetOption(el, '可用服务券').input.click();
    await waitUntil(() => new URL(location.href).searchParams.get('smec_voucher') === '1', 'voucher not in the URL');
    const before = await results(el);
    const [, next] = [...part(el, 'pagination')!.querySelectorAll('button')];
    next!.click();
    await waitUntil(() => new URL(location.href).searchParams.get('smec_page') === '2', 'page not in the URL');
    const url = new URL(location.href);
    expect(url.searchParams.get('smec_cursor')).to.match(/.+/);
    expect(hostParams()).to.deep.equal(hostBefore);
    await results(el, before);

    // A second catalog opened on that URL shows the same page.
    const firstIds = [...el.shadowRoot!.querySelectorAll('[part~="card-title"]')].map((t) => t.textContent);
    const copy = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API}></smec-catalog>`);
    await results(copy);
    expect(part(copy, 'pagination')?.textContent).to.include('第 2 页');
    expect([...copy.shadowRoot!.querySelectorAll('[part~="card-title"]')].map((t) => t.textContent)).to.deep.equal(
      firstIds,
    );
  });

  it('restores on popstate', async () => {
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API}></smec-catalog>`);
    const before = await results(el);
    const url = new URL(location.href);
    url.searchParams.set('smec_cat', 'finance-tax');
    history.pushState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await results(el, before);
    expect(facetOption(el, '财税服务').input.checked).to.equal(true);
    expect(totalOf(el)).to.equal(await apiTotal({ category: 'finance-tax' }));
  });

  it('keeps away from the URL with no-url-state', async () => {
    setUrlState({ smec_q: '法' });
    const search = location.search;
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API} no-url-state></smec-catalog>`);
    const before = await results(el);
    expect(shadow(el).querySelector<HTMLInputElement>('input[type="search"]')?.value).to.equal('');
    facetOption(el, '法律服务').input.click();
    await results(el, before);
    expect(location.search).to.equal(search);
    expect(statusText(el)).to.match(/^共/);
  });
});
