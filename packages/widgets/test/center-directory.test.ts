import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { CenterPage, Coverage } from '@smec/schemas';
import '../src/define/smec-center-directory.js';
import type { SmecCenterDirectory } from '../src/index.js';
import { API, CLOSED_API, part, parts, shadow, statusText } from './helpers.js';

async function apiPage(params: Record<string, string>): Promise<CenterPage> {
  const response = await fetch(`${API}/centers?${new URLSearchParams({ limit: '12', ...params })}`);
  return (await response.json()) as CenterPage;
}

async function apiCoverage(year: number): Promise<Coverage> {
  return (await (await fetch(`${API}/centers/coverage?year=${year}`)).json()) as Coverage;
}

/** The year the widget shows by default, counted here on its own: the current year in Guangdong. */
const THIS_YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

const ids = (el: SmecCenterDirectory) => parts(el, 'card').map((card) => card.dataset['centerId']);

/** Waits for the list (or the empty state) whose status differs from `previous`, and for the coverage. */
async function listed(el: SmecCenterDirectory, previous = ''): Promise<string> {
  await waitUntil(
    () => /^(共 [\d,]+ 个服务中心|没有找到符合条件的服务中心)$/.test(statusText(el)) && statusText(el) !== previous,
    `no list (status "${statusText(el)}")`,
    { timeout: 10000 },
  );
  await waitUntil(() => shadow(el).querySelector('#smec-cd-region option[value="440600"]'), 'no cities');
  await waitUntil(() => parts(el, 'tile').length === 21, 'no tile map', { timeout: 10000 });
  return statusText(el);
}

describe('smec-center-directory', () => {
  it('lists the centers of a city as the API does, accessibly', async () => {
    const api = await apiPage({ region: '440600' });
    expect(api.total).to.be.greaterThan(1);
    const el = await fixture<SmecCenterDirectory>(
      html`<smec-center-directory api-base=${API} region="440600"></smec-center-directory>`,
    );
    expect(await listed(el)).to.equal(`共 ${api.total} 个服务中心`);
    expect(ids(el)).to.deep.equal(api.items.map((center) => center.id));
    expect(shadow(el).querySelector<HTMLSelectElement>('#smec-cd-region')!.value).to.equal('440600');
    const first = api.items[0]!;
    const card = parts(el, 'card')[0]!;
    expect(card.textContent).to.contain(first.name);
    expect(card.textContent).to.contain(first.address);
    expect(card.textContent).to.contain(first.openingHours);
    expect(card.textContent).to.contain(first.setupDocument);
    expect(card.querySelector<HTMLAnchorElement>('[part="phone"]')!.href).to.match(/^tel:[\d+]+$/);
    expect(card.textContent).to.contain(first.requirements.met ? '符合基本要求' : '未达基本要求');
    await expect(el).to.be.accessible();
  });

  it('names a shortfall in words', async () => {
    const below = await apiPage({ meetsRequirements: 'false', limit: '100' });
    const center = below.items.find((each) => each.requirements.shortfalls.some((s) => s.requirement === 'floorArea'));
    expect(center, 'a seeded center short of floor area').to.not.equal(undefined);
    const shortfall = center!.requirements.shortfalls.find((s) => s.requirement === 'floorArea')!;
    const el = await fixture<SmecCenterDirectory>(
      html`<smec-center-directory api-base=${API} region=${center!.regionCode}></smec-center-directory>`,
    );
    await listed(el);
    const card = parts(el, 'card').find((each) => each.dataset['centerId'] === center!.id);
    expect(card, `no card of ${center!.id}`).to.not.equal(undefined);
    expect(card!.querySelector('[part="badge"]')!.textContent?.trim()).to.equal('未达基本要求');
    const words = [...card!.querySelectorAll('[part="shortfalls"] li')].map((li) => li.textContent?.trim());
    expect(words).to.include(
      `场地面积 ${shortfall.actual.toLocaleString('zh-CN')} 平方米，要求不少于 ${shortfall.required.toLocaleString('zh-CN')} 平方米`,
    );
  });

  it('filters the list by a city when its tile is clicked or pressed', async () => {
    const el = await fixture<SmecCenterDirectory>(
      html`<smec-center-directory api-base=${API}></smec-center-directory>`,
    );
    let status = await listed(el);
    const shantou = await apiPage({ region: '440500' });
    parts<HTMLButtonElement>(el, 'tile')
      .find((tile) => tile.dataset['region'] === '440500')!
      .click();
    status = await listed(el, status);
    expect(status).to.equal(`共 ${shantou.total} 个服务中心`);
    expect(ids(el)).to.deep.equal(shantou.items.map((center) => center.id));
    expect(shadow(el).querySelector<HTMLSelectElement>('#smec-cd-region')!.value).to.equal('440500');
    await waitUntil(
      () => parts(el, 'tile').find((tile) => tile.dataset['region'] === '440500')?.ariaPressed === 'true',
      'the tile is not pressed',
    );

    const guangzhou = await apiPage({ region: '440100' });
    parts<HTMLButtonElement>(el, 'tile')
      .find((tile) => tile.dataset['region'] === '440100')!
      .focus();
    await sendKeys({ press: 'Enter' });
    await listed(el, status);
    expect(ids(el)).to.deep.equal(guangzhou.items.map((center) => center.id));
    expect(shadow(el).activeElement?.id).to.equal('smec-cd-list-heading');
  });

  it('shows the coverage of the current year as the API counts it, in the table and on the tiles', async () => {
    const api = await apiCoverage(THIS_YEAR);
    const el = await fixture<SmecCenterDirectory>(
      html`<smec-center-directory api-base=${API}></smec-center-directory>`,
    );
    await listed(el);
    expect(shadow(el).querySelector<HTMLSelectElement>('#smec-cd-year')!.value).to.equal(String(THIS_YEAR));
    const rows = [...part(el, 'coverage-table')!.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()),
    );
    const verdict = (meets: boolean | null) => (meets === null ? '—' : meets ? '达标' : '未达标');
    expect(rows).to.deep.equal(
      api.cities.map((city) => [
        city.name,
        String(city.regions),
        String(city.covered),
        `${city.share}%`,
        verdict(city.meetsTarget),
        city.uncovered.length ? city.uncovered.map((region) => region.name).join('、') : '无',
      ]),
    );
    expect(api.cities.some((city) => city.uncovered.length > 0)).to.equal(true);
    for (const city of api.cities) {
      const tile = parts(el, 'tile').find((each) => each.dataset['region'] === city.regionCode)!;
      expect(tile.textContent?.replace(/\s+/g, '')).to.equal(
        `${city.name.replace(/市$/, '')}${city.share}%${verdict(city.meetsTarget)}`,
      );
    }
    expect(part(el, 'province')!.textContent).to.contain(`覆盖率 ${api.province.share}%`);
    await expect(el).to.be.accessible();
  });

  it('shows another year with its own target', async () => {
    const api = await apiCoverage(2017);
    const el = await fixture<SmecCenterDirectory>(
      html`<smec-center-directory api-base=${API}></smec-center-directory>`,
    );
    await listed(el);
    const select = shadow(el).querySelector<HTMLSelectElement>('#smec-cd-year')!;
    select.value = '2017';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitUntil(() => part(el, 'coverage-table')?.textContent?.includes('2017 年'), 'no 2017 coverage');
    expect(part(el, 'province')!.textContent).to.contain('目标：每个地级市都建有服务中心');
    expect(part(el, 'province')!.textContent).to.contain(`覆盖率 ${api.province.share}%`);
  });

  it('shows an error with a retry button when the platform cannot be reached, and accessibly', async () => {
    const el = await fixture<SmecCenterDirectory>(
      html`<smec-center-directory api-base=${CLOSED_API}></smec-center-directory>`,
    );
    await waitUntil(() => part(el, 'error'), 'no error', { timeout: 15000 });
    expect(part(el, 'retry-button')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English and Traditional Chinese', async () => {
    const en = await fixture<SmecCenterDirectory>(
      html`<smec-center-directory api-base=${API} lang="en"></smec-center-directory>`,
    );
    await waitUntil(
      () =>
        /^\d[\d,]* centers$/.test(statusText(en)) &&
        part(en, 'coverage-table')?.textContent?.includes('Coverage by city'),
      `no English texts: ${statusText(en)}`,
      { timeout: 10000 },
    );
    const hk = await fixture<SmecCenterDirectory>(
      html`<smec-center-directory api-base=${API} lang="zh-HK"></smec-center-directory>`,
    );
    await waitUntil(
      () =>
        /^共 [\d,]+ 個服務中心$/.test(statusText(hk)) &&
        part(hk, 'coverage')?.textContent?.includes('服務中心覆蓋情況'),
      `no zh-HK texts: ${statusText(hk)}`,
      { timeout: 10000 },
    );
  });

  for (const width of [320, 768, 1280]) {
    it(`does not overflow at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      const el = await fixture<SmecCenterDirectory>(
        html`<smec-center-directory api-base=${API}></smec-center-directory>`,
      );
      await listed(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      for (const card of parts(el, 'card')) expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
      for (const tile of parts(el, 'tile')) expect(tile.scrollWidth).to.be.at.most(tile.clientWidth + 1);
    });
  }
});
