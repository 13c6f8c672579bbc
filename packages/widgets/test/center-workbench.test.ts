import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type {
  Account,
  Demand,
  ProviderApplication,
  Rating,
  Scorecard,
  ServiceEvent,
  VoucherBatch,
} from '@smec/schemas';
import { isRegionWithin, shanghaiDayOf } from '@smec/schemas/rules';
import { waitingActions } from '../src/components/center-workbench/waiting-actions.js';
import { part, parts, shadow } from './helpers.js';
import { apiAll, apiGet, viewReady, workbench, type CenterUser } from './center-workbench-helpers.js';

const WEEK_MS = 7 * 86_400_000;

/** Events of the staff member's region starting within the next 7 days, and settlements waiting, as the API says. */
async function expectedLaterCounts(userId: CenterUser): Promise<Record<string, number>> {
  const account = await apiGet<Account>('/me', userId);
  const now = Date.now();
  const range = `from=${new Date(now).toISOString()}&to=${new Date(now + WEEK_MS).toISOString()}`;
  const events = await apiAll<ServiceEvent>(
    `/events?${range.replaceAll('+', '%2B')}&region=${account.regionCode}`,
    userId,
  );
  const settlements = await apiGet<{ total: number }>('/settlements?state=waiting&limit=1', userId);
  return {
    eventsSoon: events.filter(
      (event) =>
        event.status !== 'cancelled' && Date.parse(event.startsAt) >= now && Date.parse(event.startsAt) < now + WEEK_MS,
    ).length,
    settlementsWaiting: settlements.total,
  };
}

/** The overview once its own counts have loaded. */
async function loadedOverview(el: Element): Promise<void> {
  await viewReady(el, '[part~="overview-count"][data-kind="settlementsWaiting"]:not([aria-busy])');
}

/** The counts the overview should show to `userId`, from the platform's own answers. */
async function expectedCounts(userId: CenterUser): Promise<Record<string, number>> {
  // The batch list is public: those the center's region and the regions below it issued count.
  const { regionCode } = await apiGet<Account>('/me', userId);
  const [demands, overdueDemands, applications, notices, open, reopened, batches] = await Promise.all([
    apiAll<Demand>('/demands?status=submitted', userId),
    apiAll<Demand>('/demands?overdue=true', userId),
    apiAll<ProviderApplication>('/provider-applications?status=submitted', userId),
    apiAll<ProviderApplication>('/provider-applications?status=publicNotice', userId),
    apiAll<Rating>('/ratings?followUp=open', userId),
    apiAll<Rating>('/ratings?followUp=reopened', userId),
    apiAll<VoucherBatch>('/voucher-batches', userId),
  ]);
  const actions = waitingActions(
    {
      demands,
      overdueDemands,
      applications,
      notices,
      ratings: [...open, ...reopened],
      batches: batches.filter((batch) => isRegionWithin(batch.issuer.regionCode, regionCode ?? '')),
    },
    shanghaiDayOf(Date.now()),
  );
  return Object.fromEntries(actions.map((action) => [action.kind, action.count]));
}

function shownCounts(el: Element): Record<string, number> {
  return Object.fromEntries(
    parts(el, 'overview-count').map((count) => [
      count.dataset.kind,
      Number(count.querySelector('.count-figure')?.textContent?.trim()),
    ]),
  );
}

describe('<smec-center-workbench> shell', () => {
  it('asks a visitor who is not signed in to sign in, and says so to the host page', async () => {
    const el = await workbench();
    expect(part(el, 'sign-in')?.textContent).to.contain('登录后进入服务中心工作台');
    expect(part(el, 'nav')).to.equal(null);
    await expect(el).to.be.accessible();
    setTimeout(() => part(el, 'sign-in-button')!.click());
    const event = await oneEvent(el, 'smec-auth-required');
    expect(event.detail).to.deep.equal({ widget: 'center-workbench' });
  });

  for (const userId of ['usr-ent-05', 'usr-prv-01'] as const) {
    it(`tells ${userId} that the workbench is for center staff, without a retry`, async () => {
      const el = await workbench(userId);
      expect(part(el, 'wrong-account')?.textContent).to.contain('工作台仅供服务中心工作人员使用');
      expect(part(el, 'retry-button')).to.equal(null);
      expect(part(el, 'nav')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  for (const userId of ['usr-admin-440100', 'usr-staff-440500', 'usr-viewer-440500', 'usr-admin-440604'] as const) {
    it(`shows ${userId} the counts of what waits in the region, as the platform gives them`, async () => {
      const el = await workbench(userId);
      await loadedOverview(el);
      const expected = { ...(await expectedCounts(userId)), ...(await expectedLaterCounts(userId)) };
      expect(shownCounts(el)).to.deep.equal(expected);
      expect(shadow(el).querySelector('[part~="nav-button"][aria-current="page"]')?.textContent?.trim()).to.equal(
        '概览',
      );
      await expect(el).to.be.accessible();
    });
  }

  it('shows this year’s key figures of the region, as the scorecard gives them', async () => {
    const el = await workbench('usr-admin-440100');
    const section = await viewReady(el, '[part~="key-figures"]');
    const year = Number(shanghaiDayOf(Date.now()).slice(0, 4));
    const card = await apiGet<Scorecard>(`/stats/scorecard?region=440100&year=${year}`, 'usr-admin-440100');
    expect(section.querySelector('h4')?.textContent).to.contain(`${year} 年主要指标：广州市`);
    const integrated = section.querySelector('[data-figure="providersIntegrated"] dd')?.textContent?.trim();
    expect(integrated).to.equal(card.region.figures.providersIntegrated.toLocaleString('zh-CN'));
    expect(section.querySelectorAll('[part~="target"]').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('has the seeded queues to count in Guangzhou: new demands, demands and follow-ups overdue', async () => {
    const el = await workbench('usr-admin-440100');
    await viewReady(el, '[part~="overview-count"]');
    const counts = shownCounts(el);
    expect(counts['newDemands']).to.be.greaterThan(0);
    expect(counts['overdueDemands']).to.be.greaterThan(0);
    expect(counts['followUpsOverdue']).to.be.greaterThan(0);
  });

  it('names the center’s region in the header as the platform knows it, or as the host gives it', async () => {
    const bare = await workbench('usr-admin-440100');
    await waitUntil(() => part(bare, 'region'), 'no region named');
    expect(part(bare, 'region')?.textContent?.trim()).to.equal('广州市');
    const el = await workbench('usr-admin-440100', { regionName: '广州市中小企业服务中心' });
    expect(part(el, 'region')?.textContent?.trim()).to.equal('广州市中小企业服务中心');
  });

  it('makes each count whose view exists a button to it, the focus on its heading', async () => {
    const el = await workbench('usr-admin-440100');
    await loadedOverview(el);
    const buttons = parts(el, 'overview-count').filter((count) => count.localName === 'button');
    const figures = parts(el, 'overview-count').filter((count) => count.localName !== 'button');
    const views = new Set(parts(el, 'nav-button').map((nav) => nav.dataset.view));
    const viewOf: Record<string, string> = {
      newDemands: 'demands',
      overdueDemands: 'demands',
      applicationsToReview: 'providers',
      openObjections: 'providers',
      followUpsOverdue: 'followUps',
      eventsSoon: 'events',
      settlementsWaiting: 'settlements',
      batchesNearlyUsedUp: 'batches',
    };
    for (const count of buttons) expect(views.has(viewOf[count.dataset.kind!])).to.equal(true);
    for (const count of figures) expect(views.has(viewOf[count.dataset.kind!])).to.equal(false);
    const toReview = buttons.find((count) => count.dataset.kind === 'applicationsToReview');
    expect(toReview).to.not.equal(undefined);
    toReview!.click();
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-view-title', 'the focus is not on the view title');
    expect(el.view).to.equal('providers');
    expect(shadow(el).querySelector('#smec-view-title')?.textContent?.trim()).to.equal('服务机构');
    await viewReady(el, '#smec-application-status');
    await expect(el).to.be.accessible();
  });

  it('speaks English and Hong Kong Chinese', async () => {
    const en = await workbench('usr-admin-440100', { lang: 'en' });
    await waitUntil(() => part(en, 'base')?.getAttribute('lang') === 'en', 'not in English');
    expect(shadow(en).querySelector('.title')?.textContent?.trim()).to.equal('Service center workbench');
    await waitUntil(() => part(en, 'view')?.textContent?.includes('New demands'), 'the overview is not in English');
    await waitUntil(() => part(en, 'key-figures')?.textContent?.includes('Key figures of'), 'figures not in English');
    // The region's name is Chinese in every language; nothing else of the figures is.
    expect(part(en, 'key-figures')?.textContent?.replace('广州市', '')).to.not.match(/[\u4e00-\u9fff]/);
    const hk = await workbench('usr-admin-440100', { lang: 'zh-HK' });
    await waitUntil(() => part(hk, 'base')?.getAttribute('lang') === 'zh-HK', 'not in zh-HK');
    expect(shadow(hk).querySelector('.title')?.textContent?.trim()).to.equal('服務中心工作台');
  });
});
