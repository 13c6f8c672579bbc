import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ProviderAccount, Rating } from '@smec/schemas';
import { faintTexts, measuredCounts, overflowing, smallTargets, smallTexts } from './care-measure.js';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { apiGet, fill, myEngagements, tokenOf, viewReady, workbench } from './provider-workbench-helpers.js';

function card(el: Element, id: string): HTMLElement {
  return shadow(el).querySelector<HTMLElement>(`[data-engagement-id="${id}"]`)!;
}

// First: the open follow-up it shows is answered in the next block (test files run at once, this file in order).
describe('<smec-provider-workbench> ratings received, the open follow-up', () => {
  it('lists the ratings newest first with the catalog’s average, a bad one with its follow-up and a way to answer', async () => {
    const ratings = (await apiGet<{ items: Rating[] }>('/ratings?limit=100')).items;
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
});

describe('<smec-provider-workbench> engagements and profile', () => {
  it('confirms an order after the shared question, starts it and delivers it with a note', async () => {
    const ordered = (await myEngagements()).find((engagement) => engagement.status === 'ordered');
    if (!ordered) throw new Error('the demo provider has no order to confirm');
    const el = await workbench('usr-prv-01', 'zh-CN', 'engagements');
    await viewReady(el, `[data-engagement-id="${ordered.id}"]`);
    await expect(el).to.be.accessible();

    card(el, ordered.id).querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => part(el, 'confirm-dialog'), 'no question');
    expect(part(el, 'confirm-dialog')!.textContent).to.contain(ordered.enterpriseName);
    await expect(el).to.be.accessible();
    part(el, 'confirm-engagement-button')!.click();
    await waitUntil(() => card(el, ordered.id)?.dataset.status === 'confirmed', 'not confirmed', LAZY_VIEW);
    expect(part(el, 'status')!.textContent).to.contain('已确认');

    card(el, ordered.id).querySelector<HTMLButtonElement>('[part~="start-button"]')!.click();
    await waitUntil(() => card(el, ordered.id)?.dataset.status === 'inProgress', 'not started', LAZY_VIEW);

    fill(el, `#smec-note-${ordered.id}`, '已提交全部交付材料。');
    card(el, ordered.id).querySelector<HTMLButtonElement>('[part~="deliver-button"]')!.click();
    await waitUntil(() => part(el, 'confirm-dialog'), 'no question');
    part(el, 'confirm-deliver-button')!.click();
    await waitUntil(() => card(el, ordered.id)?.dataset.status === 'delivered', 'not delivered', LAZY_VIEW);
    const delivered = (await myEngagements()).find((engagement) => engagement.id === ordered.id)!;
    expect(delivered.timeline.at(-1)?.note).to.equal('已提交全部交付材料。');
    await expect(el).to.be.accessible();
  });

  it('lists the follow-ups to answer with their due dates, refuses an empty answer and sends one', async () => {
    const open = (await apiGet<{ items: Rating[] }>('/ratings?limit=100')).items.find(
      (rating) => rating.followUp?.status === 'open',
    );
    if (!open) throw new Error('the demo provider has no open follow-up');
    const el = await workbench('usr-prv-01', 'zh-CN', 'engagements');
    const item = await viewReady(el, `[data-rating-id="${open.id}"]`);
    const [, month, day] = open.followUp!.dueOn.split('-').map(Number);
    expect(item.textContent).to.contain(`${month}月${day}日 前答复`);
    expect(item.textContent).to.match(/还剩 \d+ 个工作日|已逾期/);
    item.querySelector<HTMLButtonElement>('[part~="answer-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector(`#smec-answer-${open.id}-error`), 'no error');
    await expect(el).to.be.accessible();
    fill(el, `#smec-answer-${open.id}`, '已致电企业说明原因，并安排复核。');
    shadow(el).querySelector<HTMLButtonElement>(`[data-rating-id="${open.id}"] [part~="answer-button"]`)!.click();
    await waitUntil(() => !shadow(el).querySelector(`[data-rating-id="${open.id}"]`), 'still to answer', LAZY_VIEW);
    const answered = (await apiGet<{ items: Rating[] }>('/ratings?limit=100')).items.find((r) => r.id === open.id)!;
    expect(answered.followUp?.status).to.equal('answered');
  });

  it('shows the profile and its record; a change of the legal representative waits for review', async () => {
    const el = await workbench('usr-prv-01', 'zh-CN', 'profile');
    await viewReady(el, '[part~="profile"]');
    const account = await apiGet<ProviderAccount>('/me/provider');
    expect(shadow(el).querySelector<HTMLInputElement>('#smec-df-shortName')!.value).to.equal(account.profile.shortName);
    await expect(el).to.be.accessible();
    fill(el, '#smec-df-legalRepresentative', '陈新代表');
    part(el, 'save-profile-button')!.click();
    await waitUntil(() => part(el, 'pending-change'), 'no pending change', LAZY_VIEW);
    expect(part(el, 'pending-change')!.textContent).to.contain('陈新代表');
    await waitUntil(() => shadow(el).querySelector('[data-action="pendingChange"]'), 'the banner does not say so');
    await expect(el).to.be.accessible();
  });
});

describe('<smec-provider-workbench> profile: categories and regions served', () => {
  function box(el: Element, name: string, value: string): HTMLInputElement {
    const found = [...shadow(el).querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].find(
      (candidate) => candidate.value === value,
    );
    if (!found) throw new Error(`no ${name} ${value}`);
    return found;
  }

  // The catalog's provider filter: by category, in the provider's own region (where the catalog places it).
  async function providersOf(category: string, region: string): Promise<string[]> {
    // The browser would keep the first answer: the catalog is cacheable.
    const response = await fetch(`${API}/providers?category=${category}&region=${region}&limit=100`, {
      cache: 'no-store',
    });
    return ((await response.json()) as { items: { id: string }[] }).items.map((provider) => provider.id);
  }

  it('refuses no category as the boxes change, then adds a category (the catalog’s provider filter follows) and a region served', async () => {
    const before = await apiGet<ProviderAccount>('/me/provider');
    const held = before.profile.categoryIds;
    const el = await workbench('usr-prv-01', 'zh-CN', 'profile');
    await viewReady(el, '[part~="profile"]');
    await waitUntil(() => shadow(el).querySelector('input[name="categoryIds"]'), 'no categories', LAZY_VIEW);
    const all = [...shadow(el).querySelectorAll<HTMLInputElement>('input[name="categoryIds"]')].map((b) => b.value);
    const regions = [...shadow(el).querySelectorAll<HTMLInputElement>('input[name="regionsServed"]')];
    for (const id of held) expect(box(el, 'categoryIds', id).checked, id).to.equal(true);
    for (const code of before.regionsServed) expect(box(el, 'regionsServed', code).checked, code).to.equal(true);

    // None left: the shared rule says so at once, next to the group; the summary waits for 「保存」.
    for (const id of held) box(el, 'categoryIds', id).click();
    await waitUntil(() => shadow(el).querySelector('#smec-df-categoryIds-error'), 'no error as you go');
    expect(shadow(el).querySelector('#smec-df-categoryIds-error')!.textContent).to.contain('1 至 5 个服务类别');
    expect(part(el, 'error-summary')).to.equal(null);
    part(el, 'save-profile-button')!.click();
    await waitUntil(() => part(el, 'error-summary'), 'no summary');
    await expect(el).to.be.accessible();

    const added = all.find((id) => !(held as readonly string[]).includes(id))!;
    const kept = held.slice(0, 4);
    for (const id of kept) box(el, 'categoryIds', id).click();
    box(el, 'categoryIds', added).click();
    const region = regions.find((input) => !input.checked && input.value !== '440000')!.value;
    box(el, 'regionsServed', region).click();
    await waitUntil(() => !shadow(el).querySelector('#smec-df-categoryIds-error'), 'the error stayed');
    const home = before.profile.regionCode;
    expect(await providersOf(added, home)).to.not.include(before.profile.id);
    part(el, 'save-profile-button')!.click();
    await waitUntil(() => part(el, 'status')?.textContent?.includes('已保存'), 'not saved', LAZY_VIEW);
    const after = await apiGet<ProviderAccount>('/me/provider');
    expect(after.profile.categoryIds).to.include(added);
    expect(after.regionsServed).to.include(region);
    expect(after.pendingChange?.fields ?? {}).to.not.have.property('categoryIds');
    expect(await providersOf(added, home)).to.include(before.profile.id);
    await expect(el).to.be.accessible();
  });
});

describe('<smec-provider-workbench> care mode', () => {
  for (const view of ['products', 'engagements', 'profile', 'ratings', 'experts']) {
    it(`the ${view} view inside <smec-root care>, in a 320 px column`, async () => {
      const token = await tokenOf('usr-prv-01');
      const column = await fixture(
        html`<div style="width: 320px">
          <smec-root api-base=${API} care .getToken=${() => token}>
            <smec-provider-workbench view=${view}></smec-provider-workbench>
          </smec-root>
        </div>`,
      );
      const el = column.querySelector('smec-provider-workbench')!;
      const first: Record<string, string> = {
        products: '[part~="product"]',
        engagements: '[part~="engagement"]',
        profile: '[part~="profile"]',
        ratings: '[part~="rating"]',
        experts: '[part~="expert"]',
      };
      await viewReady(el, first[view]!);
      expect(el.hasAttribute('care')).to.equal(true);
      const measured = measuredCounts(el);
      expect(measured.texts).to.be.greaterThan(0);
      expect(measured.targets).to.be.greaterThan(0);
      expect(smallTexts(el), 'texts under 18 px').to.deep.equal([]);
      expect(faintTexts(el), 'texts under 7:1').to.deep.equal([]);
      expect(smallTargets(el), 'targets under 44 × 44 px').to.deep.equal([]);
      expect(overflowing(el), 'wider than 320 px').to.deep.equal([]);
      if (view !== 'products') return;
      // The editor too, with its steps, fee, checkboxes and preview.
      shadow(el).querySelector<HTMLButtonElement>('[part~="product"][data-status="draft"] .edit-button')!.click();
      await viewReady(el, '[part~="editor"]');
      await waitUntil(() => shadow(el).querySelector('.checks input'), 'no regions', LAZY_VIEW);
      part(el, 'preview-button')!.click();
      await viewReady(el, '[part~="preview"]');
      expect(smallTexts(el), 'editor texts under 18 px').to.deep.equal([]);
      expect(faintTexts(el), 'editor texts under 7:1').to.deep.equal([]);
      expect(smallTargets(el), 'editor targets under 44 × 44 px').to.deep.equal([]);
      expect(overflowing(el), 'editor wider than 320 px').to.deep.equal([]);
    });
  }
});
