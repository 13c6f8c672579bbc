import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PublicRatingPage } from '@smec/schemas';
import '../src/define/smec-feedback-rating.js';
import type { SmecFeedbackRating } from '../src/index.js';
import { publicRatings, text } from './feedback-rating-helpers.js';
import { API, CLOSED_API, part, parts, shadow } from './helpers.js';

const LEVEL_NAMES = ['非常满意', '满意', '一般', '不满意', '非常不满意'] as const;

/** A product and a provider of the seed with more than one page of ratings, and a product with none. */
async function seeded(): Promise<{ product: string; provider: string; unrated: string }> {
  const response = await fetch(`${API}/products?sort=popular&limit=100`);
  const { items } = (await response.json()) as {
    items: { id: string; provider: { id: string }; rating: { count: number } }[];
  };
  const product = items.find((p) => p.rating.count > 5);
  const unrated = items.find((p) => p.rating.count === 0) ?? (await unratedProduct());
  if (!product || !unrated) throw new Error('the seed has no product with more than 5 ratings, or none without');
  return { product: product.id, provider: product.provider.id, unrated: unrated.id };
}

async function unratedProduct(): Promise<{ id: string } | undefined> {
  const response = await fetch(`${API}/products?sort=newest&limit=100`);
  const { items } = (await response.json()) as { items: { id: string; rating: { count: number } }[] };
  return items.find((p) => p.rating.count === 0);
}

async function shown(el: SmecFeedbackRating): Promise<void> {
  await waitUntil(() => part(el, 'summary') || part(el, 'empty'), `nothing shown: "${text(el, 'base')}"`, {
    timeout: 10000,
  });
}

function figures(page: PublicRatingPage) {
  const { summary } = page;
  return {
    average: summary.averageScore === null ? '—' : `${Math.round(summary.averageScore * 10) / 10} 分`,
    count: `${summary.count.toLocaleString('zh-CN')} 条评价`,
    satisfaction: summary.satisfactionPercent === null ? '—' : `${summary.satisfactionPercent}%`,
  };
}

describe('smec-feedback-rating show mode', () => {
  it('shows the figures and the distribution the API gives, numbers in words, bars hidden', async () => {
    const { product } = await seeded();
    const api = await publicRatings('products', product);
    const el = await fixture<SmecFeedbackRating>(
      html`<smec-feedback-rating api-base=${API} product-id=${product}></smec-feedback-rating>`,
    );
    await shown(el);
    const expected = figures(api);
    expect(text(el, 'average')).to.equal(expected.average);
    expect(text(el, 'count')).to.equal(expected.count);
    expect(text(el, 'satisfaction')).to.equal(expected.satisfaction);

    const rows = [...part(el, 'distribution')!.querySelectorAll('li')];
    expect(rows.map((row) => row.querySelector('.level-name')?.textContent?.trim())).to.deep.equal([...LEVEL_NAMES]);
    const levels = Object.values(api.summary.levels);
    rows.forEach((row, index) => {
      const count = levels[index] ?? 0;
      const percent = Math.round((count / api.summary.count) * 1000) / 10;
      expect(row.querySelector('.level-count')?.textContent?.trim()).to.equal(`${count} 条（${percent}%）`);
      const bar = row.querySelector('svg');
      expect(bar?.getAttribute('aria-hidden')).to.equal('true');
      expect(Number(bar?.querySelector('.bar-fill')?.getAttribute('width'))).to.equal(percent);
      // No style attribute anywhere: a strict CSP (style-src 'self') must not have anything to refuse.
      expect(row.querySelector('[style]')).to.equal(null);
    });
    expect(part(el, 'distribution')?.localName).to.equal('ul');

    const items = parts(el, 'rating');
    expect(items.map((item) => item.dataset['ratingId'])).to.deep.equal(api.items.map((r) => r.id));
    const first = api.items[0]!;
    expect(items[0]!.textContent).to.contain(first.enterpriseLabel);
    expect(first.enterpriseLabel).to.match(/^.+某.+公司$/);
    expect(items[0]!.textContent).to.contain(`${first.score} 分 · ${first.grade} 级`);
    await expect(el).to.be.accessible();
  });

  it('pages through the ratings with 加载更多评价 until the API has no more', async () => {
    const { provider } = await seeded();
    const expected: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await publicRatings('providers', provider, cursor);
      expected.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 4);
    const el = await fixture<SmecFeedbackRating>(
      html`<smec-feedback-rating api-base=${API} provider-id=${provider}></smec-feedback-rating>`,
    );
    await shown(el);
    expect(parts(el, 'rating')).to.have.length(5);
    for (let page = 1; page < pages; page++) {
      const before = parts(el, 'rating').length;
      part(el, 'more-button')!.click();
      await waitUntil(() => parts(el, 'rating').length > before, 'the next page never came', { timeout: 10000 });
    }
    const ids = parts(el, 'rating').map((item) => item.dataset['ratingId']);
    expect(ids).to.deep.equal(expected);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(text(el, 'list-status')).to.match(new RegExp(`^已显示 ${ids.length} / [\\d,]+ 条$`));
    await expect(el).to.be.accessible();
  });

  it('says 暂无评价 for a product without ratings', async () => {
    const { unrated } = await seeded();
    const el = await fixture<SmecFeedbackRating>(
      html`<smec-feedback-rating api-base=${API} product-id=${unrated}></smec-feedback-rating>`,
    );
    await shown(el);
    expect(text(el, 'empty')).to.equal('暂无评价');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button when the platform cannot be reached, and passes axe in dark mode', async () => {
    const el = await fixture<SmecFeedbackRating>(
      html`<smec-feedback-rating api-base=${CLOSED_API} product-id="prd-00001" theme="dark"></smec-feedback-rating>`,
    );
    await waitUntil(() => part(el, 'retry-button'), 'no error shown', { timeout: 15000 });
    expect(text(el, 'error')).to.contain('无法连接到服务平台');
    await expect(el).to.be.accessible();
    el.apiBase = API;
    part(el, 'retry-button')!.click();
    await shown(el);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const { product } = await seeded();
    const el = await fixture<SmecFeedbackRating>(
      html`<smec-feedback-rating api-base=${API} product-id=${product} lang="en"></smec-feedback-rating>`,
    );
    await waitUntil(() => /Average score/.test(text(el, 'summary')), 'no English texts', { timeout: 10000 });
    expect(shadow(el).querySelector('h2')?.textContent?.trim()).to.equal('Service rating');
    expect(text(el, 'count')).to.match(/^[\d,]+ ratings?$/);
    await expect(el).to.be.accessible();
  });
});
