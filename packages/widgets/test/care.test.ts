// Care mode (适老化, issue 18): every widget with `care`, in a column as narrow as a phone's (320 px), measured —
// every visible text at least 18 px and at least 7:1 against what is behind it, every target at least 44 × 44 px,
// nothing sticking out sideways. Without `care` nothing changes; `care` follows the nearest ancestor that has it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define/smec-catalog.js';
import '../src/define/smec-center-scorecard.js';
import '../src/define/smec-demand-form.js';
import '../src/define/smec-event-calendar.js';
import '../src/define/smec-feedback-rating.js';
import '../src/define/smec-policy-list.js';
import '../src/define/smec-root.js';
import '../src/define/smec-voucher-wallet.js';
import { faintTexts, measuredCounts, overflowing, smallTargets, smallTexts } from './care-measure.js';
import { tokenFor, unratedEngagements } from './feedback-rating-helpers.js';
import { API, part, shadow, statusText } from './helpers.js';
import { tokenOf } from './voucher-wallet-helpers.js';

const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const WAIT = { timeout: 10_000 };

/** Mounts `content` in a 320 px column and returns the element named `tag` once `ready` says it has loaded. */
async function mount(content: TemplateResult, tag: string, ready: (el: Element) => unknown): Promise<Element> {
  const column = await fixture(html`<div style="width: 320px">${content}</div>`);
  const el = column.querySelector(tag)!;
  await waitUntil(() => ready(el), `<${tag}> never loaded: "${shadow(el).textContent?.trim().slice(0, 200)}"`, WAIT);
  return el;
}

async function product(): Promise<string> {
  const response = await fetch(`${API}/products?sort=popular&limit=20`);
  const { items } = (await response.json()) as { items: { id: string; rating: { count: number } }[] };
  return items.find((item) => item.rating.count > 0)!.id;
}

function expectCare(el: Element): void {
  expect(el.hasAttribute('care'), `<${el.localName}> has care`).to.equal(true);
  const measured = measuredCounts(el);
  expect(measured.texts, 'texts measured').to.be.greaterThan(0);
  expect(measured.targets, 'targets measured').to.be.greaterThan(0);
  expect(smallTexts(el), 'texts under 18 px').to.deep.equal([]);
  expect(faintTexts(el), 'texts under 7:1').to.deep.equal([]);
  expect(smallTargets(el), 'targets under 44 × 44 px').to.deep.equal([]);
  expect(overflowing(el), 'wider than 320 px').to.deep.equal([]);
}

describe('care mode', () => {
  it('<smec-catalog care>: large text, large targets, 7:1, within 320 px', async () => {
    const el = await mount(
      html`<smec-catalog api-base=${API} care no-url-state></smec-catalog>`,
      'smec-catalog',
      (catalog) => part(catalog, 'card') && shadow(catalog).querySelector('#smec-city option[value="440100"]'),
    );
    expectCare(el);
  });

  it('<smec-demand-form care>', async () => {
    const el = await mount(
      html`<smec-demand-form api-base=${API} care draft-key="care-test"></smec-demand-form>`,
      'smec-demand-form',
      (form) => shadow(form).querySelector('select option[value]:not([value=""])'),
    );
    expectCare(el);
  });

  it('<smec-event-calendar care> in its month and list views', async () => {
    for (const view of ['month', 'list']) {
      const el = await mount(
        html`<smec-event-calendar api-base=${API} care view=${view}></smec-event-calendar>`,
        'smec-event-calendar',
        (calendar) => /本月共|本月暂无活动/.test(statusText(calendar)),
      );
      expectCare(el);
    }
  });

  it('<smec-policy-list care>', async () => {
    const el = await mount(
      html`<smec-policy-list api-base=${API} care></smec-policy-list>`,
      'smec-policy-list',
      (list) => part(list, 'item') && shadow(list).querySelector('#smec-pl-category option[value="legal"]'),
    );
    expectCare(el);
  });

  it('<smec-center-scorecard care>', async () => {
    const el = await mount(
      html`<smec-center-scorecard api-base=${API} care region="440600" year=${year}></smec-center-scorecard>`,
      'smec-center-scorecard',
      (card) => part(card, 'figures'),
    );
    expectCare(el);
  });

  it('<smec-feedback-rating care> showing a product’s ratings', async () => {
    const id = await product();
    const el = await mount(
      html`<smec-feedback-rating api-base=${API} care product-id=${id}></smec-feedback-rating>`,
      'smec-feedback-rating',
      (rating) => part(rating, 'summary'),
    );
    expectCare(el);
  });

  it('<smec-feedback-rating> rating an engagement inside <smec-root care>', async () => {
    // Only looked at, never sent: usr-ent-05's engagements stay for the rating tests.
    const token = await tokenFor('usr-ent-05');
    const [engagement] = await unratedEngagements(token);
    const el = await mount(
      html`<smec-root api-base=${API} care .getToken=${() => token}>
        <smec-feedback-rating engagement-id=${engagement!.id}></smec-feedback-rating>
      </smec-root>`,
      'smec-feedback-rating',
      (rating) => part(rating, 'submit-button') && shadow(rating).querySelector('input[type="radio"]'),
    );
    expectCare(el);
  });

  it('<smec-voucher-wallet> signed in, inside <smec-root care>', async () => {
    const token = await tokenOf('usr-ent-02');
    const el = await mount(
      html`<smec-root api-base=${API} care .getToken=${() => token}
        ><smec-voucher-wallet></smec-voucher-wallet
      ></smec-root>`,
      'smec-voucher-wallet',
      (wallet) => part(wallet, 'vouchers') && part(wallet, 'batch'),
    );
    expectCare(el);
  });

  it('changes nothing without care: the page’s text size, 40 px buttons, the usual colours', async () => {
    const el = await mount(
      html`<smec-catalog api-base=${API} no-url-state></smec-catalog>`,
      'smec-catalog',
      (catalog) => part(catalog, 'card'),
    );
    expect(el.hasAttribute('care')).to.equal(false);
    expect(getComputedStyle(el).fontSize).to.equal(getComputedStyle(document.body).fontSize);
    const button = shadow(el).querySelector('.button')!;
    expect(getComputedStyle(button).minHeight).to.equal('40px');
    expect(getComputedStyle(el).getPropertyValue('--_muted').trim()).to.equal('#57606a');
    expect(smallTexts(el).length, 'some texts stay under 18 px').to.be.greaterThan(0);
  });

  it('follows the nearest ancestor with care, and keeps a care of the widget’s own', async () => {
    const root = await fixture(
      html`<smec-root api-base=${API}>
        <smec-policy-list id="inherits"></smec-policy-list>
        <smec-policy-list id="own" care></smec-policy-list>
      </smec-root>`,
    );
    const inherits = root.querySelector('#inherits')!;
    const own = root.querySelector('#own')!;
    expect(inherits.hasAttribute('care')).to.equal(false);

    root.setAttribute('care', '');
    await waitUntil(() => inherits.hasAttribute('care'), 'the widget did not take the root’s care');
    expect(getComputedStyle(inherits).fontSize).to.equal('18px');

    root.removeAttribute('care');
    await waitUntil(() => !inherits.hasAttribute('care'), 'the widget kept care after the root dropped it');
    expect(own.hasAttribute('care'), 'a care of its own stays').to.equal(true);

    // The whole page at once: care on <html>.
    document.documentElement.setAttribute('care', '');
    try {
      await waitUntil(() => inherits.hasAttribute('care'), 'the widget did not follow <html care>');
    } finally {
      document.documentElement.removeAttribute('care');
    }
    await waitUntil(() => !inherits.hasAttribute('care'), 'the widget kept care after <html> dropped it');
  });
});
