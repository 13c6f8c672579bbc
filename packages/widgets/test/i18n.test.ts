import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SmecEventCalendar } from '../src/components/event-calendar/event-calendar.component.js';
import { SmecCatalog } from '../src/define/smec-catalog.js';
import '../src/define/smec-root.js';
import { loadLocale, msg, str, withLocale } from '../src/i18n/localization.js';
import type { SmecRoot } from '../src/index.js';
import { API, part, results, shadow, statusText } from './helpers.js';

const ENGLISH_TOTAL = /^[\d,]+ services$/;
const HONG_KONG_TOTAL = /^共 [\d,]+ 項服務$/;
const SOURCE_TOTAL = /^共 [\d,]+ 项服务$/;

function searchLabel(el: SmecCatalog): string {
  return shadow(el).querySelector('label[for="smec-q"]')?.textContent?.trim() ?? '';
}

function translationRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/locales/'));
}

describe('languages per element', () => {
  // First in the file, before anything asks for a translation.
  it('never fetches translations on a zh-CN page', async () => {
    const el = await fixture<SmecCatalog>(html`<smec-catalog api-base=${API} no-url-state></smec-catalog>`);
    await results(el);
    expect(searchLabel(el)).to.equal('搜索服务');
    expect(translationRequests()).to.deep.equal([]);
  });

  it('renders two widgets of different languages on one page at the same time', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <smec-catalog id="english" api-base=${API} no-url-state lang="en"></smec-catalog>
        <smec-catalog id="chinese" api-base=${API} no-url-state></smec-catalog>
      </div>
    `);
    const english = wrapper.querySelector<SmecCatalog>('#english')!;
    const chinese = wrapper.querySelector<SmecCatalog>('#chinese')!;
    await waitUntil(
      () => ENGLISH_TOTAL.test(statusText(english)) && SOURCE_TOTAL.test(statusText(chinese)),
      `not both in their language: "${statusText(english)}" / "${statusText(chinese)}"`,
      { timeout: 10000 },
    );
    expect(searchLabel(english)).to.equal('Search services');
    expect(searchLabel(chinese)).to.equal('搜索服务');
    expect(part(english, 'base')?.getAttribute('lang')).to.equal('en');
    expect(part(chinese, 'base')?.getAttribute('lang')).to.equal('zh-CN');
    // Numbers follow each element's own locale too.
    expect(part(english, 'card')?.textContent).to.match(/Within \d+ working days?/);
    expect(part(chinese, 'card')?.textContent).to.match(/\d+ 个工作日内/);

    // A later update of one does not switch the other.
    english.requestUpdate();
    await english.updateComplete;
    chinese.requestUpdate();
    await chinese.updateComplete;
    expect(searchLabel(english)).to.equal('Search services');
    expect(searchLabel(chinese)).to.equal('搜索服务');
  });

  // Right after the first English catalog of the file, before anything else asks for a translation.
  it('fetches for a catalog the shared texts and its own, no other widget’s', () => {
    const fetched = new Set(translationRequests().map((url) => new URL(url).pathname.replace(/^.*\/src\//, '')));
    expect([...fetched].sort()).to.deep.equal(['components/catalog/locales/en.ts', 'i18n/locales/en.ts']);
  });

  it('re-renders when an ancestor changes its lang', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<section lang="en">
        <div><smec-catalog api-base=${API} no-url-state></smec-catalog></div>
      </section>`,
    );
    const el = wrapper.querySelector('smec-catalog')!;
    await waitUntil(() => ENGLISH_TOTAL.test(statusText(el)), `not in English: "${statusText(el)}"`, {
      timeout: 10000,
    });

    wrapper.setAttribute('lang', 'zh-HK');
    await waitUntil(() => HONG_KONG_TOTAL.test(statusText(el)), `not in zh-HK: "${statusText(el)}"`);
    expect(searchLabel(el)).to.equal('搜尋服務');
    expect(part(el, 'base')?.getAttribute('lang')).to.equal('zh-HK');

    wrapper.removeAttribute('lang');
    await waitUntil(() => SOURCE_TOTAL.test(statusText(el)), `not back in zh-CN: "${statusText(el)}"`);
  });

  it('speaks zh-HK in a widget with lang="zh-HK" inside an English root, English in its sibling', async () => {
    const root = await fixture<SmecRoot>(html`
      <smec-root api-base=${API} lang="en">
        <smec-catalog id="hk" no-url-state lang="zh-HK"></smec-catalog>
        <smec-catalog id="en" no-url-state></smec-catalog>
      </smec-root>
    `);
    const hk = root.querySelector<SmecCatalog>('#hk')!;
    const en = root.querySelector<SmecCatalog>('#en')!;
    await waitUntil(
      () => HONG_KONG_TOTAL.test(statusText(hk)) && ENGLISH_TOTAL.test(statusText(en)),
      `not zh-HK and en: "${statusText(hk)}" / "${statusText(en)}"`,
      { timeout: 10000 },
    );
    expect(searchLabel(hk)).to.equal('搜尋服務');
    expect(searchLabel(en)).to.equal('Search services');
  });

  it('puts the values where each translation wants them', async () => {
    // The shared texts, and the calendar's and the catalog's own.
    await Promise.all(
      (['en', 'zh-HK'] as const).flatMap((locale) =>
        [SmecEventCalendar, SmecCatalog].map((widget) => loadLocale(locale, widget.translations)),
      ),
    );
    // The check of the zh-CN page above looks for the right URLs.
    expect(translationRequests().length).to.be.greaterThan(0);
    const more = () => msg(str`，查看${'12月1日'}的全部 ${5} 个活动`, { id: 'calendar.more.label' });
    expect(withLocale('en', more)).to.equal(', all 5 events on 12月1日');
    expect(withLocale('zh-HK', more)).to.equal('，查看12月1日的全部 5 個活動');
    expect(withLocale('zh-CN', more)).to.equal('，查看12月1日的全部 5 个活动');
    const page = () => msg(str`共 ${'1,234'} 项服务`, { id: 'status.total' });
    expect(withLocale('en', page)).to.equal('1,234 services');
    expect(withLocale('en', () => msg('搜索服务', { id: 'search.label' }))).to.equal('Search services');
  });

  it('speaks the language of the page outside any update', async () => {
    await loadLocale('en');
    const page = document.documentElement;
    const before = page.getAttribute('lang');
    try {
      page.setAttribute('lang', 'en-GB');
      expect(msg('重试', { id: 'status.retry' })).to.equal('Try again');
      page.setAttribute('lang', 'zh-CN');
      expect(msg('重试', { id: 'status.retry' })).to.equal('重试');
    } finally {
      if (before === null) page.removeAttribute('lang');
      else page.setAttribute('lang', before);
    }
  });

  it('outside an update, speaks the language the widgets agree on, else the page’s', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <smec-catalog id="first" api-base=${API} no-url-state lang="en"></smec-catalog>
        <smec-catalog id="second" api-base=${API} no-url-state lang="en"></smec-catalog>
      </div>
    `);
    const second = wrapper.querySelector<SmecCatalog>('#second')!;
    await waitUntil(() => ENGLISH_TOTAL.test(statusText(second)), `not in English: "${statusText(second)}"`, {
      timeout: 10000,
    });
    // What an event handler of either does, say after the server answered.
    expect(msg('重试', { id: 'status.retry' })).to.equal('Try again');

    second.setAttribute('lang', 'zh-HK');
    await waitUntil(() => HONG_KONG_TOTAL.test(statusText(second)), `not in zh-HK: "${statusText(second)}"`);
    expect(msg('重试', { id: 'status.retry' })).to.equal('重试');
  });
});
