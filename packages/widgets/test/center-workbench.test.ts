import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { Demand, ProviderApplication, Rating } from '@smec/schemas';
import { shanghaiDayOf } from '@smec/schemas/rules';
import { waitingActions } from '../src/components/center-workbench/waiting-actions.js';
import { part, parts, shadow } from './helpers.js';
import { apiAll, viewReady, workbench, type CenterUser } from './center-workbench-helpers.js';

/** The counts the overview should show to `userId`, from the platform's own answers. */
async function expectedCounts(userId: CenterUser): Promise<Record<string, number>> {
  const [demands, overdueDemands, applications, notices, open, reopened] = await Promise.all([
    apiAll<Demand>('/demands?status=submitted', userId),
    apiAll<Demand>('/demands?overdue=true', userId),
    apiAll<ProviderApplication>('/provider-applications?status=submitted', userId),
    apiAll<ProviderApplication>('/provider-applications?status=publicNotice', userId),
    apiAll<Rating>('/ratings?followUp=open', userId),
    apiAll<Rating>('/ratings?followUp=reopened', userId),
  ]);
  const actions = waitingActions(
    { demands, overdueDemands, applications, notices, ratings: [...open, ...reopened] },
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
      await viewReady(el, '[part~="overview-count"]');
      const expected = await expectedCounts(userId);
      expect(shownCounts(el)).to.deep.equal(expected);
      expect(shadow(el).querySelector('[part~="nav-button"][aria-current="page"]')?.textContent?.trim()).to.equal(
        '概览',
      );
      await expect(el).to.be.accessible();
    });
  }

  it('has the seeded queues to count in Guangzhou: new demands, demands and follow-ups overdue', async () => {
    const el = await workbench('usr-admin-440100');
    await viewReady(el, '[part~="overview-count"]');
    const counts = shownCounts(el);
    expect(counts['newDemands']).to.be.greaterThan(0);
    expect(counts['overdueDemands']).to.be.greaterThan(0);
    expect(counts['followUpsOverdue']).to.be.greaterThan(0);
  });

  it('names the center’s region the host gives in the header', async () => {
    const el = await workbench('usr-admin-440100', { regionName: '广州市' });
    expect(part(el, 'region')?.textContent?.trim()).to.equal('广州市');
    const bare = await workbench('usr-admin-440100');
    expect(part(bare, 'region')).to.equal(null);
  });

  it('makes each count whose view exists a button to it, the focus on its heading', async () => {
    const el = await workbench('usr-admin-440100');
    await viewReady(el, '[part~="overview-count"]');
    const buttons = parts(el, 'overview-count').filter((count) => count.localName === 'button');
    const figures = parts(el, 'overview-count').filter((count) => count.localName !== 'button');
    const views = new Set(parts(el, 'nav-button').map((nav) => nav.dataset.view));
    const viewOf: Record<string, string> = {
      newDemands: 'demands',
      overdueDemands: 'demands',
      applicationsToReview: 'providers',
      openObjections: 'providers',
      followUpsOverdue: 'followUps',
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
    const hk = await workbench('usr-admin-440100', { lang: 'zh-HK' });
    await waitUntil(() => part(hk, 'base')?.getAttribute('lang') === 'zh-HK', 'not in zh-HK');
    expect(shadow(hk).querySelector('.title')?.textContent?.trim()).to.equal('服務中心工作台');
  });
});
