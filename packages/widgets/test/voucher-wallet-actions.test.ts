import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { RATING_ITEMS, type Engagement } from '@smec/schemas';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { SmecFeedbackRating, SmecVoucherWallet } from '../src/index.js';
import { formShown, radio } from './feedback-rating-helpers.js';
import { API, part, shadow, LAZY_VIEW } from './helpers.js';
import {
  batchCard,
  engagementCard,
  fieldErrors,
  myEngagements,
  myVouchers,
  statusOf,
  text,
  typeInto,
  useDialog,
  voucherCard,
  wallet,
} from './voucher-wallet-helpers.js';

/** The open batch limited to digitalization services: a voucher of it refuses a tax service. */
const DIGITAL_BATCH = 'vbt-open-440000-c';
/**
 * A published, voucher-eligible tax service (finance-tax), outside the digitalization batch's categories: the picker's
 * first service of that category for `q`. Providers word their services differently, so `name` is the one found.
 */
const TAX_PRODUCT = { q: '企业所得税汇算清缴鉴证', categoryId: 'finance-tax', id: '', name: '' };
/** A published, voucher-eligible digitalization service: a voucher of the digitalization batch pays for it. */
const DIGITAL_PRODUCT = { q: 'MES 生产执行系统实施', categoryId: 'digitalization', id: '', name: '' };

/** The picker's first choice of the category for the query, as the platform ranks it. */
async function firstChoice(product: { q: string; categoryId: string; id: string; name: string }): Promise<void> {
  const query = new URLSearchParams({ q: product.q, voucherEligible: 'true', limit: '8' });
  const page = (await (await fetch(`${API}/products?${query}`)).json()) as {
    items: { id: string; name: string; categoryId: string }[];
  };
  const first = page.items.find((p) => p.categoryId === product.categoryId);
  if (!first) throw new Error(`the seed has no ${product.categoryId} service for ${product.q}`);
  product.id = first.id;
  product.name = first.name;
}

before(async () => {
  await firstChoice(TAX_PRODUCT);
  await firstChoice(DIGITAL_PRODUCT);
});

function inside<T extends Element>(el: Element, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function activeIn(el: Element): Element | null {
  return shadow(el).activeElement;
}

/** Presses Tab until `test` holds for the focused element of the wallet (a visitor tabbing through the page). */
async function tabTo(el: Element, test: (active: Element) => boolean, label: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const active = activeIn(el);
    if (active && test(active)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${label}`);
}

async function claimedVoucherId(el: SmecVoucherWallet, user: 'usr-ent-02' | 'usr-ent-03'): Promise<string> {
  const fired = oneEvent(el, 'smec-voucher-claim');
  const event = await fired;
  expect(event.detail.batchId).to.equal(DIGITAL_BATCH);
  const mine = await myVouchers(user);
  expect(mine.some((v) => v.id === event.detail.voucherId && v.status === 'issued')).to.equal(true);
  return event.detail.voucherId;
}

/**
 * The voucher is shown as ordered and the catalog's 「用券购买」 (`useProduct`) picks another: the use dialog offers
 * only the enterprise's other unused vouchers.
 */
async function expectNoLongerOffered(el: SmecVoucherWallet, voucherId: string): Promise<void> {
  await waitUntil(
    () => text(voucherCard(el, voucherId)?.querySelector('[part~="badge"]')) === '已下单',
    'the used voucher is not shown as ordered',
  );
  expect(voucherCard(el, voucherId)!.querySelector('[part~="use-button"]')).to.equal(null);
  await el.useProduct({ productId: DIGITAL_PRODUCT.id, productName: DIGITAL_PRODUCT.name });
  await waitUntil(() => useDialog(el)?.open, 'the use dialog did not open', LAZY_VIEW);
  const offered = [...shadow(el).querySelectorAll<HTMLOptionElement>('#smec-use-voucher option')].map((o) => o.value);
  const unused = (await myVouchers('usr-ent-02')).filter((v) => v.status === 'issued').map((v) => v.id);
  expect(unused).to.not.include(voucherId);
  // usr-ent-02 keeps two unused vouchers of the seed, so the dialog offers a choice of exactly those.
  expect(offered.sort()).to.deep.equal(unused.sort());
  useDialog(el)!.querySelector<HTMLButtonElement>('.dialog-head button')!.click();
  await waitUntil(() => !useDialog(el), 'the dialog did not close');
}

describe('smec-voucher-wallet: actions on the real platform', () => {
  it('claims, shows the refusal next to the product, keeps the input, then hands back after confirming', async () => {
    const el = await wallet('usr-ent-03');
    const claimed = claimedVoucherId(el, 'usr-ent-03');
    batchCard(el, DIGITAL_BATCH)!.querySelector<HTMLButtonElement>('[part~="claim-button"]')!.click();
    const voucherId = await claimed;
    await waitUntil(() => statusOf(el).startsWith('已领取'), 'no claim message');
    const card = () => voucherCard(el, voucherId)!;
    expect(text(card().querySelector('[part~="badge"]'))).to.equal('可使用');
    await waitUntil(() => activeIn(el)?.id === `smec-voucher-${voucherId}`, 'the focus did not move to the voucher');
    // The announcement is made in the language the wallet shows, also when that changes after the click.
    el.lang = 'en';
    await waitUntil(() => statusOf(el).startsWith('Claimed '), 'the claim message stayed in Chinese');
    expect(statusOf(el)).to.contain(', code GD');
    el.lang = 'zh-CN';
    await waitUntil(() => statusOf(el).startsWith('已领取'), 'the claim message did not come back in Chinese');
    await waitUntil(() => text(batchCard(el, DIGITAL_BATCH)).includes('您已领取本批次'), 'batch not marked claimed');

    // Use it on a tax service: the platform refuses, next to the product picker.
    card().querySelector<HTMLButtonElement>('[part~="use-button"]')!.click();
    await waitUntil(() => useDialog(el)?.open, 'the use dialog did not open', LAZY_VIEW);
    typeInto(inside(el, '#smec-product-q'), TAX_PRODUCT.q);
    await waitUntil(
      () => shadow(el).querySelector(`input[name="smec-product"][value="${TAX_PRODUCT.id}"]`),
      'the product was not found',
      { timeout: 5000 },
    );
    inside<HTMLInputElement>(el, `input[name="smec-product"][value="${TAX_PRODUCT.id}"]`).click();
    typeInto(inside(el, '#smec-amount'), '20000');
    await waitUntil(() => fieldErrors(el).length > 0, 'no refusal shown', { timeout: 5000 });
    const productError = inside(el, '#smec-product-error');
    expect(text(productError)).to.contain('不在本券适用的服务类别内');
    expect(inside<HTMLInputElement>(el, '#smec-amount').value).to.equal('20000');
    expect(inside<HTMLInputElement>(el, '#smec-product-q').value).to.equal(TAX_PRODUCT.q);
    await expect(el).to.be.accessible();

    // A bad amount is refused next to the amount, and what was typed stays.
    typeInto(inside(el, '#smec-amount'), '12.345');
    inside<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await waitUntil(() => text(inside(el, '#smec-amount-error')).includes('最多两位小数'), 'no amount error');
    expect(inside<HTMLInputElement>(el, '#smec-amount').value).to.equal('12.345');
    expect(inside(el, '#smec-amount').getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => activeIn(el)?.id === 'smec-product-q' || activeIn(el)?.id === 'smec-amount', 'no focus');
    useDialog(el)!.querySelector<HTMLButtonElement>('.dialog-head button')!.click();
    await waitUntil(() => !useDialog(el), 'the dialog did not close');

    // Hand back: nothing happens until confirmed.
    card().querySelector<HTMLButtonElement>('[part~="return-button"]')!.click();
    await waitUntil(() => part<HTMLDialogElement>(el, 'return-dialog')?.open, 'no confirmation', LAZY_VIEW);
    expect(text(part(el, 'return-dialog'))).to.contain('此操作不能撤销');
    await expect(el).to.be.accessible();
    const cancel = [...part(el, 'return-dialog')!.querySelectorAll('button')].find((b) => text(b) === '取消')!;
    cancel.click();
    await waitUntil(() => !part(el, 'return-dialog'), 'the confirmation did not close');
    expect((await myVouchers('usr-ent-03')).find((v) => v.id === voucherId)?.status).to.equal('issued');

    const returned = oneEvent(el, 'smec-voucher-return');
    card().querySelector<HTMLButtonElement>('[part~="return-button"]')!.click();
    await waitUntil(() => part(el, 'confirm-return-button'), 'no confirmation', LAZY_VIEW);
    part(el, 'confirm-return-button')!.click();
    expect((await returned).detail).to.deep.equal({ voucherId, batchId: DIGITAL_BATCH });
    await waitUntil(() => text(card().querySelector('[part~="badge"]')) === '已退回', 'not shown as handed back');
    expect(statusOf(el)).to.contain('已退回服务券');
    expect((await myVouchers('usr-ent-03')).find((v) => v.id === voucherId)?.status).to.equal('withdrawn');
  });

  it('uses a voucher: live preview, checked with the platform, then the engagement appears', async () => {
    const el = await wallet('usr-ent-03');
    const voucher = (await myVouchers('usr-ent-03')).find((v) => v.id === 'vch-demo-0017' && v.status === 'issued');
    expect(voucher, 'vch-demo-0017 is issued in the seed').to.not.equal(undefined);
    voucherCard(el, voucher!.id)!.querySelector<HTMLButtonElement>('[part~="use-button"]')!.click();
    await waitUntil(() => useDialog(el)?.open, 'the use dialog did not open', LAZY_VIEW);
    typeInto(inside(el, '#smec-product-q'), TAX_PRODUCT.q);
    await waitUntil(
      () => shadow(el).querySelector(`input[name="smec-product"][value="${TAX_PRODUCT.id}"]`),
      'the product was not found',
      { timeout: 5000 },
    );
    inside<HTMLInputElement>(el, `input[name="smec-product"][value="${TAX_PRODUCT.id}"]`).click();
    // ¥1,234.50 at 50% coverage: the voucher pays ¥617.25 (below its ¥5,000 face value).
    typeInto(inside(el, '#smec-amount'), '1234.5');
    await waitUntil(() => text(part(el, 'preview')).includes('本券抵扣 ¥617.25，您需自付 ¥617.25'), 'no preview');
    await waitUntil(() => text(part(el, 'preview')).includes('已与平台核对'), 'the quote never came', {
      timeout: 5000,
    });
    await expect(el).to.be.accessible();

    const used = oneEvent(el, 'smec-voucher-use');
    part(el, 'confirm-button')!.click();
    const { detail } = await used;
    expect(detail).to.include({ voucherId: voucher!.id, productId: TAX_PRODUCT.id, contractAmount: 123450 });
    expect(detail.voucherAmount).to.equal(61725);
    expect(detail.selfPaid).to.equal(61725);
    await waitUntil(() => engagementCard(el, detail.engagementId), 'the engagement is not listed');
    expect(text(engagementCard(el, detail.engagementId))).to.contain('¥617.25');
    await waitUntil(() => activeIn(el)?.id === `smec-engagement-${detail.engagementId}`, 'focus not moved');
    expect(statusOf(el)).to.equal(`已下单：${TAX_PRODUCT.name}。本券抵扣 ¥617.25，您需自付 ¥617.25。`);
    await waitUntil(
      () => text(voucherCard(el, voucher!.id)?.querySelector('[part~="badge"]')) === '已下单',
      'the voucher is not shown as ordered',
    );
  });

  it('keyboard only: claims a voucher and uses that same one; neither the wallet nor the picker offers it again', async () => {
    const el = await wallet('usr-ent-02');
    const claimButton = batchCard(el, DIGITAL_BATCH)!.querySelector<HTMLButtonElement>('[part~="claim-button"]')!;
    el.focus();
    await tabTo(el, (active) => active === claimButton, 'the claim button');
    const claimed = claimedVoucherId(el, 'usr-ent-02');
    await sendKeys({ press: 'Enter' });
    const voucherId = await claimed;

    const useButton = () => voucherCard(el, voucherId)?.querySelector('[part~="use-button"]');
    await waitUntil(() => useButton(), 'the claimed voucher offers no use button');
    await tabTo(el, (active) => active === useButton(), 'the use button of the claimed voucher');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => activeIn(el)?.id === 'smec-product-q', 'the search box did not take the focus');
    await sendKeys({ type: DIGITAL_PRODUCT.q });
    await waitUntil(
      () => shadow(el).querySelector(`input[name="smec-product"][value="${DIGITAL_PRODUCT.id}"]`),
      'the product was not found',
      { timeout: 5000 },
    );
    await tabTo(
      el,
      (active) => active instanceof HTMLInputElement && active.value === DIGITAL_PRODUCT.id,
      'the product choice',
    );
    await sendKeys({ press: 'Space' });
    await tabTo(el, (active) => active.id === 'smec-amount', 'the amount');
    await sendKeys({ type: '20000' });
    await waitUntil(() => text(part(el, 'preview')).includes('已与平台核对'), 'the quote never came', {
      timeout: 5000,
    });
    const used = oneEvent(el, 'smec-voucher-use');
    await sendKeys({ press: 'Enter' });
    const { detail } = await used;
    expect(detail).to.include({ voucherId, productId: DIGITAL_PRODUCT.id, contractAmount: 2000000 });
    await waitUntil(() => activeIn(el)?.id === `smec-engagement-${detail.engagementId}`, 'focus not moved');
    expect((await myVouchers('usr-ent-02')).find((v) => v.id === voucherId)?.status).to.equal('ordered');

    // What the wallet shows now comes from the platform's answers: the used voucher is ordered, not usable.
    await expectNoLongerOffered(el, voucherId);
    el.refresh();
    await expectNoLongerOffered(el, voucherId);
    await expectNoLongerOffered(await wallet('usr-ent-02'), voucherId);
  });
});

/** 「¥32,000」, as the wallet writes an amount in fen. */
function money(fen: number): string {
  return `¥${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;
}

function confirmDialog(el: Element): HTMLDialogElement | null {
  return part<HTMLDialogElement>(el, 'confirm-dialog');
}

describe('smec-voucher-wallet: 验收 and rating', () => {
  it('asks before 验收 (amount and provider; Escape changes nothing), then the badge says 已验收', async () => {
    const el = await wallet('usr-ent-03');
    const engagement = (await myEngagements('usr-ent-03')).find((e) => e.status === 'delivered' && !e.acceptedAt);
    if (!engagement) throw new Error('usr-ent-03 has no delivered engagement awaiting acceptance');
    const card = () => engagementCard(el, engagement.id)!;
    const accept = () => card().querySelector<HTMLButtonElement>('[part~="accept-button"]');
    expect(text(card().querySelector('[part~="badge"]'))).to.equal('已交付');

    accept()!.focus();
    accept()!.click();
    await waitUntil(() => confirmDialog(el)?.open, 'no confirmation before 验收', LAZY_VIEW);
    const question = text(confirmDialog(el));
    expect(question).to.contain(money(engagement.contractAmount));
    expect(question).to.contain(engagement.providerName);
    expect(question).to.contain(engagement.productName);
    expect(text(part(el, 'confirm-accept-button'))).to.equal('确认验收');
    await waitUntil(() => activeIn(el)?.id === 'smec-confirm-title', 'the question took no focus');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !confirmDialog(el), 'Escape did not close the confirmation');
    await waitUntil(() => activeIn(el) === accept(), 'the focus did not go back to 验收');
    const still = (await myEngagements('usr-ent-03')).find((e) => e.id === engagement.id);
    expect(still?.acceptedAt, 'nothing was accepted').to.equal(null);

    accept()!.click();
    await waitUntil(() => part(el, 'confirm-accept-button'), 'no confirmation before 验收', LAZY_VIEW);
    part(el, 'confirm-accept-button')!.click();
    await waitUntil(() => text(card().querySelector('[part~="badge"]')) === '已验收', 'the badge does not say 已验收');
    expect(text(card())).to.contain('您已验收');
    expect(statusOf(el)).to.equal(`已验收：${engagement.productName}。`);
    await waitUntil(() => activeIn(el)?.id === `smec-engagement-${engagement.id}`, 'the focus did not move');
    const accepted = (await myEngagements('usr-ent-03')).find((e) => e.id === engagement.id);
    expect(accepted?.acceptedAt).to.be.a('string');
    // Reloaded from the platform, it still says so.
    el.refresh();
    await waitUntil(() => part(el, 'engagement'), 'the wallet did not reload');
    expect(text(engagementCard(el, engagement.id)!.querySelector('[part~="badge"]'))).to.equal('已验收');
  });

  it('rates below the grid at full width, then confirms in the card: 已评价, the score and the due date', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await wallet('usr-ent-02');
    const engagements = await myEngagements('usr-ent-02');
    const engagement: Engagement | undefined = engagements.find(
      (e) => e.status === 'delivered' && e.acceptedAt && !e.ratingId,
    );
    if (!engagement) throw new Error('usr-ent-02 has no accepted, unrated engagement');
    const card = () => engagementCard(el, engagement.id)!;
    card().querySelector<HTMLButtonElement>('[part~="rate-button"]')!.click();
    const form = () => part(el, 'rating-panel')?.querySelector<SmecFeedbackRating>('smec-feedback-rating');
    await waitUntil(form, 'the rating form did not open below the engagements', LAZY_VIEW);
    expect(card().querySelector('smec-feedback-rating'), 'not inside the card').to.equal(null);
    expect(form()!.getAttribute('engagement-id')).to.equal(engagement.id);
    await customElements.whenDefined('smec-feedback-rating');
    await formShown(form()!);
    // At 1280 px every item's row of stars stays on one line.
    for (const item of shadow(form()!).querySelectorAll('[part~="item"] .stars')) {
      const tops = new Set([...item.querySelectorAll('label')].map((label) => label.getBoundingClientRect().top));
      expect(tops.size, `the stars of ${item.closest('[data-item]')?.getAttribute('data-item')} wrap`).to.equal(1);
    }

    // 不满意 opens a follow-up: the provider must answer within 15 working days.
    for (const [item] of RATING_ITEMS) radio(form()!, item, 4).click();
    radio(form()!, 'level', 'dissatisfied').click();
    radio(form()!, 'solved', 'no').click();
    const submitted = oneEvent(el, 'smec-rating-submit');
    part(form()!, 'submit-button')!.click();
    const { rating } = (await submitted).detail;
    expect(rating.followUp?.dueOn).to.match(/^\d{4}-\d{2}-\d{2}$/);

    const rated = () => card().querySelector<HTMLElement>('[part~="rated"]');
    await waitUntil(rated, 'the card does not say it was rated');
    await waitUntil(() => activeIn(el) === rated(), 'the focus did not move to the confirmation');
    expect(form(), 'the form closed').to.equal(undefined);
    expect(card().querySelector('[part~="rate-button"]')).to.equal(null);
    const [year, month, day] = rating.followUp!.dueOn.split('-').map(Number);
    const due = `${year}年${month}月${day}日`;
    expect(text(rated())).to.contain('感谢您的评价');
    expect(text(rated())).to.contain(`${rating.score} 分 · ${rating.grade} 级`);
    expect(text(rated()!.querySelector('[part~="due"]'))).to.equal(
      `您对这项服务不满意：服务机构须在 15 个工作日内答复，即 ${due}前。`,
    );
    // The live region says it too.
    expect(statusOf(el)).to.equal(`感谢您的评价。服务机构须在 ${due}前答复。`);
    await expect(el).to.be.accessible();

    // The platform's answer says the same once the wallet has reloaded.
    el.refresh();
    await waitUntil(() => part(el, 'engagement'), 'the wallet did not reload');
    await waitUntil(() => text(rated()).includes('感谢您的评价'), 'the confirmation did not survive the reload');
    const fresh = (await myEngagements('usr-ent-02')).find((e) => e.id === engagement.id);
    expect(fresh?.ratingId).to.equal(rating.id);
  });
});
