import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ExpertPage } from '@smec/schemas';
import '../src/define/smec-expert-directory.js';
import type { SmecExpertDirectory } from '../src/index.js';
import { API, CLOSED_API, part, parts, shadow, statusText } from './helpers.js';

async function apiPage(params: Record<string, string>): Promise<ExpertPage> {
  const response = await fetch(`${API}/experts?${new URLSearchParams({ limit: '12', ...params })}`);
  return (await response.json()) as ExpertPage;
}

const names = (el: SmecExpertDirectory) =>
  parts(el, 'card').map((card) => card.querySelector('h3')?.textContent?.trim() ?? '');

/** Waits for the list (or the empty state) whose status differs from `previous`. */
async function listed(el: SmecExpertDirectory, previous = ''): Promise<string> {
  await waitUntil(
    () => /^(共 [\d,]+ 位专家|没有找到符合条件的专家)$/.test(statusText(el)) && statusText(el) !== previous,
    `no list (status "${statusText(el)}")`,
    { timeout: 10000 },
  );
  await waitUntil(() => shadow(el).querySelector('#smec-ed-category option[value="legal"]'), 'no categories');
  await waitUntil(() => shadow(el).querySelector('#smec-ed-region option[value="440600"]'), 'no cities');
  return statusText(el);
}

function search(el: SmecExpertDirectory, text: string): void {
  const input = part<HTMLInputElement>(el, 'search-input')!;
  input.value = text;
  part<HTMLButtonElement>(el, 'search-button')!.click();
}

function choose(el: SmecExpertDirectory, id: string, value: string): void {
  const select = shadow(el).querySelector<HTMLSelectElement>(`#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('smec-expert-directory', () => {
  it('lists the experts as the API does, with their cards, accessibly', async () => {
    const api = await apiPage({});
    const el = await fixture<SmecExpertDirectory>(
      html`<smec-expert-directory api-base=${API}></smec-expert-directory>`,
    );
    expect(await listed(el)).to.equal(`共 ${api.total.toLocaleString('zh-CN')} 位专家`);
    expect(names(el)).to.deep.equal(api.items.map((expert) => expert.name));
    const first = api.items[0]!;
    const card = parts(el, 'card')[0]!;
    expect(card.textContent).to.contain(first.title);
    expect(card.textContent).to.contain(`从业 ${first.years} 年`);
    expect(card.textContent).to.contain(first.provider?.name ?? '');
    await expect(el).to.be.accessible();
  });

  it('searches with one and two Chinese characters, and filters by specialty and city', async () => {
    const el = await fixture<SmecExpertDirectory>(
      html`<smec-expert-directory api-base=${API}></smec-expert-directory>`,
    );
    let status = await listed(el);
    search(el, '律');
    status = await listed(el, status);
    expect(status).to.equal(`共 ${(await apiPage({ q: '律' })).total} 位专家`);
    search(el, '会计');
    status = await listed(el, status);
    const two = await apiPage({ q: '会计' });
    expect(status).to.equal(`共 ${two.total} 位专家`);
    expect(names(el)).to.deep.equal(two.items.map((expert) => expert.name));

    choose(el, 'smec-ed-category', 'finance-tax');
    status = await listed(el, status);
    expect(status).to.equal(`共 ${(await apiPage({ q: '会计', categoryId: 'finance-tax' })).total} 位专家`);
    choose(el, 'smec-ed-region', '440100');
    await waitUntil(
      async () =>
        statusText(el) ===
        `共 ${(await apiPage({ q: '会计', categoryId: 'finance-tax', regionCode: '440100' })).total} 位专家`,
      'no city filter',
    );
  });

  it('starts in the city of its region attribute', async () => {
    const api = await apiPage({ regionCode: '440600' });
    const el = await fixture<SmecExpertDirectory>(
      html`<smec-expert-directory api-base=${API} region="440600"></smec-expert-directory>`,
    );
    expect(await listed(el)).to.equal(`共 ${api.total} 位专家`);
    expect(shadow(el).querySelector<HTMLSelectElement>('#smec-ed-region')!.value).to.equal('440600');
  });

  it('opens a long bio with 展开 and closes it with 收起, from the keyboard', async () => {
    const el = await fixture<SmecExpertDirectory>(
      html`<smec-expert-directory api-base=${API}></smec-expert-directory>`,
    );
    await listed(el);
    const button = part<HTMLButtonElement>(el, 'expand-button')!;
    const card = button.closest('li')!;
    const bio = card.querySelector<HTMLElement>('[part="bio"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(bio.textContent?.trim().endsWith('…')).to.equal(true);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.textContent?.trim()).to.equal('收起');
    expect(card.querySelector('[part="bio"]')!.textContent?.trim().endsWith('…')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('pages on with 加载更多专家, the first new card taking the focus', async () => {
    const el = await fixture<SmecExpertDirectory>(
      html`<smec-expert-directory api-base=${API}></smec-expert-directory>`,
    );
    await listed(el);
    expect(parts(el, 'card')).to.have.length(12);
    part<HTMLButtonElement>(el, 'more-button')!.click();
    await waitUntil(() => parts(el, 'card').length === 24, 'no second page');
    expect(new Set(parts(el, 'card').map((card) => card.dataset['expertId'])).size).to.equal(24);
    await waitUntil(
      () => shadow(el).activeElement?.id === `smec-ed-name-${parts(el, 'card')[12]!.dataset['expertId']}`,
    );
  });

  it('says so when nothing matches', async () => {
    const el = await fixture<SmecExpertDirectory>(
      html`<smec-expert-directory api-base=${API}></smec-expert-directory>`,
    );
    const status = await listed(el);
    search(el, '不存在的专家名字');
    await listed(el, status);
    expect(part(el, 'empty')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button when the platform cannot be reached, and accessibly', async () => {
    const el = await fixture<SmecExpertDirectory>(
      html`<smec-expert-directory api-base=${CLOSED_API}></smec-expert-directory>`,
    );
    await waitUntil(() => part(el, 'error'), 'no error', { timeout: 15000 });
    expect(part(el, 'retry-button')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English and Traditional Chinese', async () => {
    const en = await fixture<SmecExpertDirectory>(
      html`<smec-expert-directory api-base=${API} lang="en"></smec-expert-directory>`,
    );
    await waitUntil(() => /^\d[\d,]* experts$/.test(statusText(en)), `no English status: ${statusText(en)}`);
    const hk = await fixture<SmecExpertDirectory>(
      html`<smec-expert-directory api-base=${API} lang="zh-HK"></smec-expert-directory>`,
    );
    await waitUntil(() => /^共 [\d,]+ 位專家$/.test(statusText(hk)), `no zh-HK status: ${statusText(hk)}`);
  });

  for (const width of [320, 768, 1280]) {
    it(`does not overflow at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      const el = await fixture<SmecExpertDirectory>(
        html`<smec-expert-directory api-base=${API}></smec-expert-directory>`,
      );
      await listed(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      for (const card of parts(el, 'card')) expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
    });
  }
});
