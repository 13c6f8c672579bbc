import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/smec-catalog.js';
import type { SmecCatalog, SmecSelectEvent } from '../src/index.js';
import {
  API,
  apiTotal,
  cardIds,
  cardTitles,
  facetOption,
  part,
  parts,
  results,
  shadow,
  statusText,
  totalOf,
  type,
  LAZY_VIEW,
} from './helpers.js';

async function catalog(): Promise<SmecCatalog> {
  const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API} no-url-state></smec-catalog>`);
  await results(el);
  return el;
}

describe('smec-catalog', () => {
  it('shows real products from the platform with the number of results', async () => {
    const el = await catalog();
    expect(parts(el, 'card')).to.have.length(12);
    expect(statusText(el)).to.match(/^共 [\d,]+ 项服务$/);
    expect(totalOf(el)).to.equal(await apiTotal({}));
    expect(totalOf(el)).to.be.greaterThan(10000);
    expect(part(el, 'status')?.getAttribute('aria-live')).to.equal('polite');
    const card = part(el, 'card')!;
    // Provider, category, price or 免费, time limit and rating are all on the card.
    expect(card.textContent).to.match(/(¥[\d,.]+|免费)/);
    expect(card.textContent).to.match(/\d+ 个工作日内/);
    expect(card.textContent).to.match(/(分（满分 100|暂无评价)/);
    await expect(el).to.be.accessible();
  });

  it('starts from the region, category and page size set as attributes', async () => {
    const el = await fixture<SmecCatalog>(
      html`<smec-catalog api-base=${API} no-url-state region="440600" category="legal" page-size="5"></smec-catalog>`,
    );
    await results(el);
    expect(parts(el, 'card')).to.have.length(5);
    expect(totalOf(el)).to.equal(await apiTotal({ region: '440600', category: 'legal' }));
    expect(facetOption(el, '法律服务').input.checked).to.equal(true);
    expect(shadow(el).querySelector<HTMLSelectElement>('#smec-city')?.value).to.equal('440600');
  });

  it('narrows to a one-character Chinese search (法), debounced, keeping the typed text', async () => {
    const el = await catalog();
    const before = statusText(el);
    type(el, '法');
    // Nothing changes before the debounce has passed.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(statusText(el)).to.equal(before);
    await results(el, before);
    expect(totalOf(el)).to.equal(await apiTotal({ q: '法' }));
    expect(totalOf(el)).to.be.lessThan(await apiTotal({}));
    expect(shadow(el).querySelector<HTMLInputElement>('input[type="search"]')?.value).to.equal('法');
  });

  it('searches at once on Enter', async () => {
    const el = await catalog();
    const before = statusText(el);
    type(el, '财税');
    shadow(el).querySelector('form')!.requestSubmit();
    await results(el, before);
    expect(totalOf(el)).to.equal(await apiTotal({ q: '财税' }));
  });

  it('narrows with a facet, to the count the facet showed, and updates the other counts', async () => {
    const el = await catalog();
    const legal = facetOption(el, '法律服务');
    const voucherBefore = facetOption(el, '可用服务券').count;
    expect(legal.count).to.be.greaterThan(0);
    const before = statusText(el);
    legal.input.click();
    await results(el, before);
    expect(totalOf(el)).to.equal(legal.count);
    expect(totalOf(el)).to.equal(await apiTotal({ category: 'legal' }));
    expect(facetOption(el, '可用服务券').count).to.equal(
      await apiTotal({ category: 'legal', voucherEligible: 'true' }),
    );
    expect(facetOption(el, '可用服务券').count).to.be.lessThan(voucherBefore);
    // Clearing the filters brings everything back.
    const narrowed = statusText(el);
    part(el, 'clear-button')!.click();
    await results(el, narrowed);
    expect(totalOf(el)).to.equal(await apiTotal({}));
  });

  it('filters by city, then by county', async () => {
    const el = await catalog();
    const city = shadow(el).querySelector<HTMLSelectElement>('#smec-city')!;
    await waitUntil(() => city.options.length > 20, 'the cities never loaded');
    const all = statusText(el);
    city.value = '440600';
    city.dispatchEvent(new Event('change'));
    await results(el, all);
    await waitUntil(() => totalOf(el) === 0 || shadow(el).querySelector('#smec-county'), 'no county select');
    expect(totalOf(el)).to.equal(await apiTotal({ region: '440600' }));
    const county = shadow(el).querySelector<HTMLSelectElement>('#smec-county')!;
    const option = [...county.options].find((candidate) => candidate.value === '440604')!;
    expect(option.textContent).to.match(/禅城区 \([\d,]+\)/);
    const before = statusText(el);
    county.value = '440604';
    county.dispatchEvent(new Event('change'));
    await results(el, before);
    expect(totalOf(el)).to.equal(await apiTotal({ region: '440604' }));
  });

  it('pages forward and back with cursors', async () => {
    const el = await catalog();
    const first = cardIds(el);
    const button = (label: string) =>
      [...part(el, 'pagination')!.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!;
    const onPage = (n: number) =>
      waitUntil(
        () =>
          shadow(el).querySelector('.result-list')?.getAttribute('aria-busy') === 'false' &&
          part(el, 'pagination')?.textContent?.includes(`第 ${n} 页`) &&
          cardIds(el).length === 12,
        `page ${n} never rendered`,
      );
    expect(button('上一页').getAttribute('aria-disabled')).to.equal('true');
    button('下一页').click();
    await onPage(2);
    expect(statusText(el)).to.match(/^共 [\d,]+ 项服务，第 2 页$/);
    expect(cardIds(el).filter((id) => first.includes(id))).to.deep.equal([]);
    const second = cardIds(el);
    button('下一页').click();
    await onPage(3);
    expect(cardIds(el)[0]).to.not.equal(second[0]);
    button('上一页').click();
    await onPage(2);
    expect(cardIds(el)).to.deep.equal(second);
    button('上一页').click();
    await onPage(1);
    expect(cardIds(el)).to.deep.equal(first);
  });

  it('opens the detail with the five publics and the provider contacts, firing smec-select', async () => {
    const el = await catalog();
    const title = part(el, 'card-title')!;
    const id = title.dataset['productId']!;
    const name = title.textContent!.trim();
    setTimeout(() => title.click());
    const event = (await oneEvent(el, 'smec-select')) as SmecSelectEvent;
    expect(event.productId).to.equal(id);
    expect(event.product.name).to.equal(name);
    expect(event.bubbles && event.composed).to.equal(true);

    await waitUntil(() => part(el, 'detail')?.querySelector('a[href^="tel:"]'), 'the provider never loaded', LAZY_VIEW);
    const detail = part(el, 'detail')!;
    expect(shadow(el).activeElement?.id).to.equal('smec-detail-title');
    expect(detail.querySelector('h2')?.textContent?.trim()).to.equal(name);
    const headings = [...detail.querySelectorAll('h3')].map((h) => h.textContent?.trim());
    expect(headings).to.include.members(['服务功能', '服务流程', '服务标准', '收费标准', '服务时限', '服务机构']);
    expect(detail.querySelectorAll('ol li').length).to.be.greaterThan(0);
    const product = (await (await fetch(`${API}/products/${id}`)).json()) as {
      providerDetail: { phone: string; contact: string; address: string };
      function: string;
    };
    expect(detail.textContent).to.include(product.function);
    expect(detail.textContent).to.include(product.providerDetail.contact);
    expect(detail.textContent).to.include(product.providerDetail.address);
    expect(detail.querySelector('a[href^="tel:"]')?.textContent).to.equal(product.providerDetail.phone);
    await expect(el).to.be.accessible();

    part(el, 'back-button')!.click();
    await waitUntil(() => shadow(el).activeElement?.getAttribute('data-product-id') === id, 'focus not on the card');
  });

  it('does not fire smec-select when code sets product', async () => {
    const el = await catalog();
    let fired = 0;
    el.addEventListener('smec-select', () => fired++);
    el.product = cardIds(el)[1];
    await waitUntil(() => part(el, 'detail')?.querySelector('a[href^="tel:"]'), 'the detail never loaded', LAZY_VIEW);
    el.product = undefined;
    await el.updateComplete;
    expect(part(el, 'card')).to.not.equal(null);
    expect(fired).to.equal(0);
  });

  it('works by keyboard: Tab to search, type, Tab to a card, Enter opens, Escape returns', async () => {
    const el = await catalog();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id).to.equal('smec-q');
    await sendKeys({ type: '法' });
    const before = statusText(el);
    await sendKeys({ press: 'Enter' });
    await results(el, before);
    let presses = 0;
    while (!shadow(el).activeElement?.matches('[part~="card-title"]') && presses++ < 40) {
      await sendKeys({ press: 'Tab' });
    }
    const card = shadow(el).activeElement as HTMLElement;
    expect(card.matches('[part~="card-title"]')).to.equal(true);
    expect(card.dataset['productId']).to.equal(cardIds(el)[0]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => shadow(el).activeElement?.id === 'smec-detail-title',
      'the detail heading has no focus',
      LAZY_VIEW,
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(
      () => shadow(el).activeElement?.getAttribute('data-product-id') === card.dataset['productId'],
      'Escape did not return to the card',
    );
  });

  it('speaks English with lang="en" and Chinese by default', async () => {
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API} no-url-state lang="en"></smec-catalog>`);
    await waitUntil(() => /^[\d,]+ services$/.test(statusText(el)), `no English status: "${statusText(el)}"`);
    expect(shadow(el).querySelector('label[for="smec-q"]')?.textContent?.trim()).to.equal('Search services');
    expect(part(el, 'base')?.getAttribute('lang')).to.equal('en');
    expect(part(el, 'card')?.textContent).to.match(/Within \d+ working days?/);
    await expect(el).to.be.accessible();

    el.lang = 'zh-CN';
    await results(el);
    expect(shadow(el).querySelector('label[for="smec-q"]')?.textContent?.trim()).to.equal('搜索服务');
    expect(part(el, 'base')?.getAttribute('lang')).to.equal('zh-CN');
  });

  it('follows the nearest ancestor lang (zh-HK)', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="zh-HK"><smec-catalog api-base=${API} no-url-state></smec-catalog></div>`,
    );
    const el = wrapper.querySelector('smec-catalog')!;
    await waitUntil(() => /^共 [\d,]+ 項服務$/.test(statusText(el)), `no zh-HK status: "${statusText(el)}"`);
    expect(cardTitles(el).length).to.equal(12);
  });
});
