import { expect, waitUntil } from '@open-wc/testing';
import type { ProviderAccount, Rating } from '@smec/schemas';
import { LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { apiGet, viewReady, workbench } from './provider-workbench-helpers.js';

async function myRatings(): Promise<Rating[]> {
  return (await apiGet<{ items: Rating[] }>('/ratings?limit=100')).items;
}

describe('<smec-provider-workbench> ratings received', () => {
  it('lists the ratings newest first with the catalog’s average, a bad one with its follow-up and a way to answer', async () => {
    const ratings = await myRatings();
    const open = ratings.find((rating) => rating.followUp?.status === 'open');
    if (!open) throw new Error('the demo provider has no open follow-up');
    const account = await apiGet<ProviderAccount>('/me/provider');
    const el = await workbench('usr-prv-01', 'zh-CN', 'ratings');
    await viewReady(el, '[part~="rating"]');
    const { count } = account.profile.rating;
    expect(part(el, 'rating-average')!.textContent).to.contain(`${count} 条评价`);
    const shownIds = parts(el, 'rating').map((item) => item.dataset.ratingId);
    const newest = [...ratings].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    expect(shownIds).to.deep.equal(newest.slice(0, 10).map((rating) => rating.id));
    await expect(el).to.be.accessible();

    // The open follow-up may be on a later page: the list grows by ten until it shows.
    while (!shadow(el).querySelector(`[part~="rating"][data-rating-id="${open.id}"]`)) {
      const before = parts(el, 'rating').length;
      part<HTMLButtonElement>(el, 'more-button')!.click();
      await waitUntil(() => parts(el, 'rating').length > before, 'no more ratings');
    }
    const item = shadow(el).querySelector<HTMLElement>(`[data-rating-id="${open.id}"]`)!;
    expect(item.textContent).to.contain(`${open.score} 分 · ${open.grade} 级`);
    expect(item.textContent).to.contain('服务态度');
    const followUp = item.querySelector<HTMLElement>('[part~="rating-follow-up"]')!;
    expect(followUp.dataset.followUp).to.equal('open');
    const [, month, day] = open.followUp!.dueOn.split('-').map(Number);
    expect(followUp.textContent).to.contain(`${month}月${day}日 前答复`);
    expect(followUp.textContent).to.match(/还剩 \d+ 个工作日|已逾期/);
    await expect(el).to.be.accessible();

    followUp.querySelector<HTMLButtonElement>('[part~="go-answer-button"]')!.click();
    await waitUntil(
      () => shadow(el).activeElement?.id === `smec-answer-${open.id}`,
      'the answer form did not take the focus',
      LAZY_VIEW,
    );
    expect(el.view).to.equal('engagements');
  });

  it('reads in English', async () => {
    const el = await workbench('usr-prv-01', 'en', 'ratings');
    await viewReady(el, '[part~="rating"]');
    expect(part(el, 'rating-average')!.textContent).to.contain('out of 100');
    expect(part(el, 'rating')!.textContent).to.match(/points · grade [ABCD]/);
    await expect(el).to.be.accessible();
  });
});
