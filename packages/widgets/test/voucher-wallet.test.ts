import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { daysLeft, messageText, type Fee } from '@smec/schemas';
import { createClient } from '@smec/sdk';
import type { SmecVoucherWallet } from '../src/index.js';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import {
  batchCard,
  batches,
  engagementCard,
  myEngagements,
  myVouchers,
  text,
  tokenOf,
  typeInto,
  useDialog,
  voucherCard,
  wallet,
} from './voucher-wallet-helpers.js';

describe('smec-voucher-wallet: states', () => {
  for (const [account, lang, title] of [
    ['usr-prv-01', 'zh-CN', '服务券仅供企业账号使用'],
    ['usr-admin-440000', 'en', 'Vouchers are for enterprise accounts'],
  ] as const) {
    it(`signed in as ${account}: says the wallet is for enterprise accounts, with no retry that cannot help`, async () => {
      const el = await wallet(account, lang);
      // The English texts arrive with their table, loaded on demand.
      await waitUntil(() => text(part(el, 'wrong-account')?.querySelector('h3')) === title, `no「${title}」`);
      expect(part(el, 'retry-button')).to.equal(null);
      expect(part(el, 'error')).to.equal(null);
      expect(part(el, 'vouchers')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('signed out: a sign-in prompt with the host’s slot, firing smec-auth-required, and no call for vouchers', async () => {
    const el = await wallet();
    expect(part(el, 'vouchers')).to.equal(null);
    const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="sign-in"]')!;
    expect(slot.assignedElements()[0]?.textContent).to.equal('企业用户登录');
    expect(text(part(el, 'sign-in'))).to.contain('登录后查看您的服务券');
    await expect(el).to.be.accessible();

    const fired = oneEvent(el, 'smec-auth-required');
    part(el, 'sign-in-button')!.click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ widget: 'voucher-wallet' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('lists the vouchers with status, face value, countdown and history as an ordered list', async () => {
    const [vouchers, el] = await Promise.all([myVouchers('usr-ent-04'), wallet('usr-ent-04')]);
    expect(vouchers.length).to.be.greaterThan(1);
    expect(parts(el, 'voucher').length).to.equal(vouchers.length);
    const statuses = new Set(parts(el, 'voucher').map((card) => text(card.querySelector('[part~="badge"]'))));
    expect(statuses.has('可使用')).to.equal(true);
    expect(statuses.size).to.be.greaterThan(2);

    const issued = vouchers.find((v) => v.status === 'issued')!;
    const card = voucherCard(el, issued.id)!;
    const money = `¥${(issued.faceValue / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
    expect(text(card.querySelector('[part~="face-value"]'))).to.equal(money);
    const days = daysLeft(issued.useBy);
    expect(text(card.querySelector('[part~="deadline"]'))).to.contain(
      days === 0 ? '今天截止' : `还剩 ${days.toLocaleString('en-US')} 天`,
    );
    expect(card.querySelector('[part~="deadline"]')!.matches('[part~="deadline-near"]')).to.equal(days <= 7);
    const timeline = card.querySelector('ol[part~="timeline"]')!;
    expect(timeline.querySelectorAll('li').length).to.equal(issued.history.length);
    expect(card.querySelector('[part~="use-button"]')).to.not.equal(null);

    const used = vouchers.find((v) => v.status !== 'issued')!;
    expect(voucherCard(el, used.id)!.querySelector('[part~="use-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows open batches with quota left and a disabled countdown for an upcoming batch', async () => {
    const [open, upcoming, el] = await Promise.all([batches('open'), batches('upcoming'), wallet('usr-ent-04')]);
    const soon = upcoming[0];
    expect(soon, 'the seed has an upcoming batch').to.not.equal(undefined);
    const soonButton = batchCard(el, soon!.id)!.querySelector<HTMLButtonElement>('[part~="claim-button"]')!;
    expect(soonButton.disabled).to.equal(true);
    const days = daysLeft(soon!.claimOpensAt);
    expect(text(soonButton)).to.equal(days === 0 ? '今天开始领取' : `${days.toLocaleString('en-US')} 天后开始领取`);
    const first = open[0]!;
    expect(text(batchCard(el, first.id)!.querySelector('[part~="quota"]'))).to.equal(
      `剩余 ${first.remaining.toLocaleString('en-US')} / ${first.quota.toLocaleString('en-US')} 张`,
    );
  });

  it('shows a batch the enterprise holds a voucher of as 已领取, without a claim button, after the claimable ones', async () => {
    const [open, mine, el] = await Promise.all([batches('open'), myVouchers('usr-ent-04'), wallet('usr-ent-04')]);
    const held = new Set(mine.filter((v) => v.status !== 'withdrawn').map((v) => v.batchId));
    const heldOpen = open.filter((batch) => held.has(batch.id));
    const claimable = open.filter((batch) => !held.has(batch.id));
    expect(heldOpen.length, 'the seed gives usr-ent-04 a voucher of an open batch').to.be.greaterThan(0);
    expect(claimable.length, 'the seed leaves usr-ent-04 an open batch to claim from').to.be.greaterThan(0);
    for (const batch of heldOpen) {
      const card = batchCard(el, batch.id)!;
      expect(text(card.querySelector('[part~="badge"]'))).to.equal('已领取');
      expect(card.querySelector('[part~="claim-button"]')).to.equal(null);
    }
    const order = parts(el, 'batch').map((card) => card.getAttribute('data-batch-id') ?? '');
    const lastClaimable = Math.max(...claimable.map((batch) => order.indexOf(batch.id)));
    const firstHeld = Math.min(...heldOpen.map((batch) => order.indexOf(batch.id)));
    expect(lastClaimable).to.be.lessThan(firstHeld);
  });

  it('lists the engagements with amounts, timeline and 去评价 on an accepted, unrated one', async () => {
    const [engagements, el] = await Promise.all([myEngagements('usr-ent-04'), wallet('usr-ent-04')]);
    expect(parts(el, 'engagement').length).to.equal(engagements.length);
    const rateable = engagements.find((e) => e.status === 'delivered' && e.acceptedAt && !e.ratingId);
    expect(rateable, 'the seed has an accepted, unrated engagement').to.not.equal(undefined);
    const card = engagementCard(el, rateable!.id)!;
    expect(card.querySelectorAll('ol[part~="timeline"] li').length).to.equal(rateable!.timeline.length);
    card.querySelector<HTMLButtonElement>('[part~="rate-button"]')!.click();
    // Below the engagements, the full width of the list: a card is too narrow for the rows of stars.
    const form = () => part(el, 'rating-panel')?.querySelector('smec-feedback-rating');
    await waitUntil(form, 'the rating form was not placed');
    expect(form()!.getAttribute('engagement-id')).to.equal(rateable!.id);
    expect(card.querySelector('[part~="rate-button"]')!.getAttribute('aria-expanded')).to.equal('true');
    // One rated before says so.
    const rated = engagements.find((e) => e.ratingId);
    expect(rated, 'the seed has a rated engagement').to.not.equal(undefined);
    expect(text(engagementCard(el, rated!.id)!.querySelector('[part~="rated"]'))).to.equal('已评价');
  });

  it('speaks English: statuses, countdown and buttons', async () => {
    const el = await wallet('usr-ent-04', 'en');
    await waitUntil(() => text(part(el, 'vouchers')).includes('My vouchers'), 'not in English');
    expect(text(part(el, 'vouchers'))).to.match(/Usable|days? left|Due today/);
    expect(parts(el, 'use-button').map(text)).to.include('Use');
    await expect(el).to.be.accessible();
  });

  it('shows a network error with a retry button', async () => {
    const root = document.createElement('smec-root');
    root.setAttribute('api-base', 'http://127.0.0.1:9/api/v1');
    root.getToken = () => 'x';
    const el = document.createElement('smec-voucher-wallet');
    root.append(el);
    document.body.append(root);
    try {
      await waitUntil(() => part(el, 'retry-button'), 'no error shown', { timeout: 15000 });
      expect(text(part(el, 'error'))).to.contain('无法连接到服务平台');
      await expect(el).to.be.accessible();
    } finally {
      root.remove();
    }
  });
});

describe('smec-catalog 用券购买 → smec-voucher-wallet', () => {
  it('offers 用券购买 to a signed-in visitor only, and opens the wallet’s use dialog with the product chosen', async () => {
    await import('../src/define/smec-catalog.js');
    const page = (await (await fetch(`${API}/products?voucherEligible=true&limit=1`)).json()) as {
      items: { id: string; name: string; fee: Fee }[];
    };
    const product = page.items[0]!;
    const token = await tokenOf('usr-ent-04');
    const root = await fixture(
      html`<smec-root api-base=${API} .getToken=${() => token}>
        <smec-catalog no-url-state product=${product.id}></smec-catalog>
        <smec-voucher-wallet></smec-voucher-wallet>
      </smec-root>`,
    );
    const catalog = root.querySelector('smec-catalog')!;
    const el = root.querySelector('smec-voucher-wallet')!;
    await waitUntil(() => part(catalog, 'voucher-button'), 'no 用券购买 button', { timeout: 10000 });
    expect(text(part(catalog, 'voucher-button'))).to.equal('用券购买');
    const requested = oneEvent(catalog, 'smec-voucher-request');
    part(catalog, 'voucher-button')!.click();
    // The price the catalog shows (the discount when there is one) goes along, and becomes the contract amount.
    const price = product.fee.discountPrice ?? product.fee.listPrice;
    expect(product.fee.isFree, 'the seed’s first voucher-eligible product has a price').to.equal(false);
    expect((await requested).detail).to.deep.equal({ productId: product.id, productName: product.name, price });
    await waitUntil(() => useDialog(el)?.open, 'the wallet did not open its use dialog', { timeout: 10000 });
    const chosen = shadow(el).querySelector<HTMLInputElement>(`input[name="smec-product"][value="${product.id}"]`);
    await waitUntil(
      () => chosen?.checked ?? shadow(el).querySelector('input[name="smec-product"]:checked'),
      'not chosen',
    );
    expect(shadow(el).querySelector<HTMLInputElement>('input[name="smec-product"]:checked')?.value).to.equal(
      product.id,
    );
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-amount', 'the amount did not take the focus');
    const amount = shadow(el).querySelector<HTMLInputElement>('#smec-amount')!;
    expect(amount.value).to.equal(String(price / 100));
    expect(amount.readOnly).to.equal(false);
    await waitUntil(() => text(part(el, 'preview')).includes('本券抵扣'), 'no preview of the prefilled amount');
    // The picker lists each service with its price, written as the catalog writes it.
    const option = shadow(el).querySelector(`input[name="smec-product"][value="${product.id}"]`)!.closest('label')!;
    await waitUntil(() => option.querySelector('[part~="product-price"]'), 'no price in the picker');
    expect(text(option.querySelector('[part~="product-price"] .price-now'))).to.equal(
      `¥${(price / 100).toLocaleString('zh-CN')}`,
    );
  });

  it('signed out: no 用券购买 button', async () => {
    await import('../src/define/smec-catalog.js');
    const page = (await (await fetch(`${API}/products?voucherEligible=true&limit=1`)).json()) as {
      items: { id: string }[];
    };
    const root = await fixture(
      html`<smec-root api-base=${API}
        ><smec-catalog no-url-state product=${page.items[0]!.id}></smec-catalog
      ></smec-root>`,
    );
    const catalog = root.querySelector('smec-catalog')!;
    await waitUntil(() => part(catalog, 'consult-button'), 'no detail', { timeout: 10000 });
    expect(part(catalog, 'voucher-button')).to.equal(null);
  });
});

describe('smec-voucher-wallet: the contract amount', () => {
  it('reads a full-width amount as fen, 「１，２３４．５」 is 123450, and refuses a bad one with the shared words', async () => {
    const token = await tokenOf('usr-ent-04');
    const quoted: unknown[] = [];
    const client = createClient({
      baseUrl: API,
      getToken: () => token,
      fetch: (input, init) => {
        if (String(input instanceof Request ? input.url : input).endsWith('/quote')) {
          quoted.push(JSON.parse(String(init?.body)));
        }
        return fetch(input, init);
      },
    });
    const page = (await (await fetch(`${API}/products?voucherEligible=true&limit=1`)).json()) as {
      items: { id: string; name: string; fee: Fee }[];
    };
    const product = page.items[0]!;
    const el = await fixture<SmecVoucherWallet>(html`<smec-voucher-wallet .client=${client}></smec-voucher-wallet>`);
    await waitUntil(() => part(el, 'vouchers'), 'the wallet never loaded', { timeout: 10000 });
    void el.useProduct({ productId: product.id, productName: product.name });
    await waitUntil(() => useDialog(el)?.open, 'the use dialog did not open', LAZY_VIEW);
    const amount = shadow(el).querySelector<HTMLInputElement>('#smec-amount')!;

    typeInto(amount, '１，２３４．５');
    await waitUntil(() => text(part(el, 'preview')).includes('已与平台核对'), 'the quote never came', {
      timeout: 5000,
    });
    expect(quoted.at(-1)).to.deep.equal({ productId: product.id, contractAmount: 123450 });
    expect(text(shadow(el).querySelector('#smec-amount-error'))).to.equal('');
    expect(amount.getAttribute('aria-invalid')).to.equal('false');

    // The demand form shows the same words for the same text (demand-form.test.ts).
    typeInto(amount, '１．２３４');
    part(el, 'confirm-button')!.click();
    await waitUntil(() => text(shadow(el).querySelector('#smec-amount-error')) !== '', 'no amount error');
    expect(text(shadow(el).querySelector('#smec-amount-error'))).to.equal(messageText('money.decimals'));
    expect(amount.getAttribute('aria-invalid')).to.equal('true');
  });
});
