// Rate in the voucher wallet, then see the product's new average in the catalog: the catalog reads the average from
// the platform, and a new catalog load must not be served the figure cached before the rating.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { RATING_ITEMS, type RatingSummary } from '@smec/schemas';
import '../src/define/smec-catalog.js';
import '../src/define/smec-feedback-rating.js';
import '../src/define/smec-root.js';
import '../src/define/smec-voucher-wallet.js';
import type { SmecCatalog, SmecFeedbackRating } from '../src/index.js';
import { formShown, radio, tokenFor, unratedEngagements } from './feedback-rating-helpers.js';
import { API, part, shadow, LAZY_VIEW } from './helpers.js';

/** What the catalog says of a product's rating: 「86.4 分（满分 100，3 条评价）」. */
function ratingText(rating: RatingSummary): string {
  if (rating.count === 0 || rating.averageScore === null) return '暂无评价';
  const score = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(rating.averageScore);
  return `${score} 分（满分 100，${rating.count.toLocaleString('zh-CN')} 条评价）`;
}

async function productRating(id: string): Promise<RatingSummary> {
  const response = await fetch(`${API}/products/${id}`, { cache: 'no-store' });
  return ((await response.json()) as { rating: RatingSummary }).rating;
}

/** A catalog with `productId`'s detail open; resolves once the detail shows a rating. */
async function catalogDetail(productId: string): Promise<{ el: SmecCatalog; rating: () => string }> {
  const el = await fixture<SmecCatalog>(
    html`<smec-catalog api-base=${API} product=${productId} no-url-state></smec-catalog>`,
  );
  const rating = () => {
    const meta = part(el, 'detail')?.querySelector('.detail-meta');
    const spans = [...(meta?.querySelectorAll('span') ?? [])].map((s) => s.textContent?.trim() ?? '');
    return spans.find((s) => /分（满分 100|暂无评价/.test(s)) ?? '';
  };
  await waitUntil(() => rating(), 'the catalog never showed the product’s rating', { timeout: 10000 });
  return { el, rating };
}

describe('rating in the voucher wallet → the catalog’s average', () => {
  it('rates a delivered engagement as usr-ent-07, then a new catalog load shows the new average', async () => {
    const token = await tokenFor('usr-ent-07');
    const [engagement] = await unratedEngagements(token);
    if (!engagement) throw new Error('usr-ent-07 has no delivered, unrated engagement');
    const before = await productRating(engagement.productId);

    // The catalog seen before the rating: its answer is now in the browser's and the SDK's caches.
    const old = await catalogDetail(engagement.productId);
    expect(old.rating()).to.equal(ratingText(before));
    old.el.remove();

    const root = await fixture(
      html`<smec-root api-base=${API} .getToken=${() => token}><smec-voucher-wallet></smec-voucher-wallet></smec-root>`,
    );
    const wallet = root.querySelector('smec-voucher-wallet')!;
    const rateButton = () =>
      shadow(wallet).querySelector<HTMLElement>(`[data-engagement-id="${engagement.id}"] [part~="rate-button"]`);
    await waitUntil(rateButton, 'the wallet offers no 去评价 for the engagement', { timeout: 15000 });
    expect(rateButton()!.textContent?.trim()).to.equal('去评价');
    rateButton()!.click();
    await waitUntil(
      () => shadow(wallet).querySelector('smec-feedback-rating'),
      'the rating form did not open',
      LAZY_VIEW,
    );
    const form = shadow(wallet).querySelector<SmecFeedbackRating>('smec-feedback-rating')!;
    await formShown(form);
    for (const [item, max] of RATING_ITEMS) radio(form, item, max === 15 ? 12 : 8).click();
    radio(form, 'level', 'satisfied').click();
    radio(form, 'solved', 'yes').click();
    const submitted = oneEvent(wallet, 'smec-rating-submit');
    part(form, 'submit-button')!.click();
    const { rating } = (await submitted).detail;
    expect(rating.score).to.equal(80);
    // The wallet closes the form and stops offering 去评价.
    await waitUntil(() => !rateButton() && !shadow(wallet).querySelector('smec-feedback-rating'), 'still offered');

    const after = await productRating(engagement.productId);
    expect(after.count).to.equal(before.count + 1);
    const fresh = await catalogDetail(engagement.productId);
    await waitUntil(() => fresh.rating() === ratingText(after), `the catalog shows "${fresh.rating()}"`, {
      timeout: 10000,
    });
  });
});
