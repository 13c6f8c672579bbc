import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Scorecard } from '@smec/schemas';
import '../src/define/smec-center-scorecard.js';
import type { SmecCenterScorecard } from '../src/index.js';
import { API, CLOSED_API, part, shadow } from './helpers.js';

async function apiCard(region: string, year: number): Promise<Scorecard> {
  const response = await fetch(`${API}/stats/scorecard?region=${region}&year=${year}`);
  return (await response.json()) as Scorecard;
}

async function shown(el: SmecCenterScorecard): Promise<void> {
  await waitUntil(() => part(el, 'figures') || part(el, 'error'), 'nothing shown', { timeout: 10000 });
}

/** This year in Beijing: the page's clock follows SMEC_NOW, and the seed fills the months up to it. */
const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

const n = (value: number) => value.toLocaleString('zh-CN');
const pct = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('zh-CN')}%`);

describe('smec-center-scorecard', () => {
  it("shows a city's figures and its progress towards the targets as the API computes them", async () => {
    const api = await apiCard('440600', year);
    const el = await fixture<SmecCenterScorecard>(
      html`<smec-center-scorecard api-base=${API} region="440600" year=${year}></smec-center-scorecard>`,
    );
    await shown(el);
    expect(part(el, 'heading')?.textContent?.trim()).to.equal(`佛山市${year}年度服务情况`);
    const figure = (key: string) =>
      shadow(el).querySelector(`[part~="figure"][data-figure="${key}"] dd`)?.textContent?.trim();
    const f = api.region.figures;
    expect(figure('providersIntegrated')).to.equal(n(f.providersIntegrated));
    expect(figure('enterpriseServices')).to.equal(n(f.enterpriseServices));
    expect(figure('enterprisesServed')).to.equal(n(f.enterprisesServed));
    expect(figure('demands')).to.equal(`${n(f.demandsReceived)} / ${n(f.demandsMatched)}`);
    expect(figure('satisfaction')).to.equal(pct(f.satisfactionPercent));
    expect(figure('vouchersRedeemed')).to.contain(n(f.vouchersRedeemed.count));

    const services = shadow(el).querySelector('[part~="target"][data-figure="enterpriseServices"]');
    expect(services?.textContent).to.contain(
      `${n(f.enterpriseServices)} / 目标 ${n(api.region.targets.enterpriseServices ?? 0)}，完成 ${pct(api.region.progress.enterpriseServices)}`,
    );
    expect(services?.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
    expect(shadow(el).querySelector('[style]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('draws the monthly chart with a text alternative; its table equals the API numbers', async () => {
    const api = await apiCard('440604', year);
    const el = await fixture<SmecCenterScorecard>(
      html`<smec-center-scorecard api-base=${API} region="440604" year=${year}></smec-center-scorecard>`,
    );
    await shown(el);
    const svg = part(el, 'chart')!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    const title = shadow(el).getElementById(svg.getAttribute('aria-labelledby') ?? '');
    const total = api.trend.reduce((sum, month) => sum + month.enterpriseServices, 0);
    expect(title?.textContent).to.contain(`全年共 ${n(total)} 家次`);
    expect(svg.querySelectorAll('rect.chart-bar')).to.have.length(12);

    const table = part<HTMLTableElement>(el, 'trend-table')!;
    expect(table.classList.contains('sr-only')).to.equal(true);
    const rows = [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.textContent?.trim() ?? ''));
    expect(rows).to.deep.equal(
      api.trend.map((month) => [
        `${Number(month.month.slice(5))}月`,
        n(month.enterpriseServices),
        n(month.demandsReceived),
        n(month.vouchersRedeemed),
        n(month.ratings),
        pct(month.satisfactionPercent),
      ]),
    );
    const toggle = part<HTMLButtonElement>(el, 'table-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(part(el, 'trend-table')!.classList.contains('sr-only')).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('compares the county with its city; the province has no comparison', async () => {
    const api = await apiCard('440604', year);
    const el = await fixture<SmecCenterScorecard>(
      html`<smec-center-scorecard api-base=${API} region="440604" year=${year}></smec-center-scorecard>`,
    );
    await shown(el);
    const comparison = part<HTMLTableElement>(el, 'comparison')!;
    expect(comparison.caption?.textContent?.trim()).to.equal('与佛山市对比');
    const row = comparison.querySelector('tr[data-figure="enterpriseServices"]')!;
    const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim());
    const own = api.region.figures.enterpriseServices;
    const parent = api.parent!.figures.enterpriseServices;
    expect(cells).to.deep.equal([n(own), n(parent), pct(Math.round((own / parent) * 1000) / 10)]);

    el.region = '440000';
    await waitUntil(() => part(el, 'heading')?.textContent?.includes('广东省'), 'no province');
    expect(part(el, 'comparison')).to.equal(null);
  });

  it('speaks English with lang="en"', async () => {
    const el = await fixture<SmecCenterScorecard>(
      html`<smec-center-scorecard lang="en" api-base=${API} region="440600" year=${year}></smec-center-scorecard>`,
    );
    await shown(el);
    await waitUntil(() => part(el, 'heading')?.textContent?.includes(`services in ${year}`), 'not in English');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button when the platform cannot be reached', async () => {
    const el = await fixture<SmecCenterScorecard>(
      html`<smec-center-scorecard api-base=${CLOSED_API} region="440600" year=${year}></smec-center-scorecard>`,
    );
    await waitUntil(() => part(el, 'error'), 'no error', { timeout: 15000 });
    expect(part(el, 'retry-button')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
