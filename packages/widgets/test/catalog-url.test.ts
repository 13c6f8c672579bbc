import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define/smec-catalog.js';
import type { SmecCatalog } from '../src/index.js';
import {
  API,
  apiTotal,
  cardIds,
  clearUrlState,
  facetOption,
  part,
  results,
  shadow,
  statusText,
  totalOf,
  type,
  LAZY_VIEW,
} from './helpers.js';

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

  it('keeps the region attribute when the URL names only the category (「查看相关服务」)', async () => {
    setUrlState({ smec_cat: 'legal' });
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API} region="440600"></smec-catalog>`);
    await results(el);
    expect(facetOption(el, '法律服务').input.checked).to.equal(true);
    expect(shadow(el).querySelector<HTMLSelectElement>('#smec-city')?.value).to.equal('440600');
    expect(totalOf(el)).to.equal(await apiTotal({ category: 'legal', region: '440600' }));
    expect(totalOf(el)).to.be.lessThan(await apiTotal({ category: 'legal' }));
  });

  it('writes a region the visitor cleared against the attribute, which a shared link then keeps cleared', async () => {
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API} region="440600"></smec-catalog>`);
    const before = await results(el);
    const city = shadow(el).querySelector<HTMLSelectElement>('#smec-city')!;
    city.value = '';
    city.dispatchEvent(new Event('change'));
    await waitUntil(() => new URL(location.href).searchParams.get('smec_region') === '', 'no empty smec_region');
    await results(el, before);
    expect(totalOf(el)).to.equal(await apiTotal({}));

    const copy = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API} region="440600"></smec-catalog>`);
    await results(copy);
    expect(shadow(copy).querySelector<HTMLSelectElement>('#smec-city')?.value).to.equal('');
    expect(totalOf(copy)).to.equal(await apiTotal({}));
  });

  it('goes back from a product to the search, and forward again, with the focus where the visitor was', async () => {
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API}></smec-catalog>`);
    const before = await results(el);
    const entries = history.length;
    type(el, '法');
    await waitUntil(() => new URL(location.href).searchParams.get('smec_q') === '法', 'search not in the URL');
    await results(el, before);
    // Typing replaces the entry: Back must not take the search back letter by letter.
    expect(history.length).to.equal(entries);

    const id = cardIds(el)[1]!;
    shadow(el).querySelector<HTMLElement>(`[data-product-id="${id}"]`)!.click();
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-detail-title', 'the detail did not open', LAZY_VIEW);
    expect(history.length).to.equal(entries + 1);
    expect(new URL(location.href).searchParams.get('smec_product')).to.equal(id);

    history.back();
    await oneEvent(window, 'popstate');
    await waitUntil(() => shadow(el).activeElement?.getAttribute('data-product-id') === id, 'focus not on the card');
    expect(el.product).to.equal(undefined);
    expect(shadow(el).querySelector<HTMLInputElement>('input[type="search"]')?.value).to.equal('法');
    expect(totalOf(el)).to.equal(await apiTotal({ q: '法' }));

    history.forward();
    await oneEvent(window, 'popstate');
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-detail-title', 'focus not on the detail', LAZY_VIEW);
    expect(el.product).to.equal(id);
  });

  it('makes a new history entry for the next page and a facet clicked, and Back undoes each', async () => {
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API}></smec-catalog>`);
    const first = await results(el);
    const entries = history.length;
    const firstIds = cardIds(el);
    const [, next] = [...part(el, 'pagination')!.querySelectorAll('button')];
    next!.click();
    await waitUntil(() => new URL(location.href).searchParams.get('smec_page') === '2', 'page not in the URL');
    const second = await results(el, first);
    expect(history.length).to.equal(entries + 1);

    facetOption(el, '法律服务').input.click();
    await waitUntil(() => new URL(location.href).searchParams.get('smec_cat') === 'legal', 'facet not in the URL');
    await results(el, second);
    expect(history.length).to.equal(entries + 2);

    history.back();
    await oneEvent(window, 'popstate');
    await results(el);
    expect(facetOption(el, '法律服务').input.checked).to.equal(false);
    expect(part(el, 'pagination')?.textContent).to.include('第 2 页');

    history.back();
    await oneEvent(window, 'popstate');
    // The page loads again after Back; on a busy machine (the whole suite at once) that takes more than a second.
    await waitUntil(
      () => part(el, 'pagination')?.textContent?.includes('第 1 页'),
      'not back on the first page',
      LAZY_VIEW,
    );
    await results(el);
    expect(cardIds(el)).to.deep.equal(firstIds);
  });

  it('keeps what is being typed through a popstate that leaves the view as it is (a link to #top)', async () => {
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API}></smec-catalog>`);
    const before = await results(el);
    type(el, '法');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await results(el, before);
    expect(totalOf(el)).to.equal(await apiTotal({ q: '法' }));
    expect(shadow(el).querySelector<HTMLInputElement>('input[type="search"]')?.value).to.equal('法');
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
