import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { Rating } from '@smec/schemas';
import { shanghaiDayOf } from '@smec/schemas/rules';
import { requiredActions } from '../src/components/provider-workbench/required-actions.js';
import { part, parts, shadow } from './helpers.js';
import { apiGet, myEngagements, myProducts, viewReady, workbench } from './provider-workbench-helpers.js';

describe('<smec-provider-workbench> shell', () => {
  it('asks a visitor who is not signed in to sign in, and says so to the host page', async () => {
    const el = await workbench();
    expect(part(el, 'sign-in')?.textContent).to.contain('登录后进入服务机构工作台');
    expect(part(el, 'banner')).to.equal(null);
    await expect(el).to.be.accessible();
    setTimeout(() => part(el, 'sign-in-button')!.click());
    const event = await oneEvent(el, 'smec-auth-required');
    expect(event.detail).to.deep.equal({ widget: 'provider-workbench' });
  });

  it('tells an enterprise account that the workbench is for providers, without a retry', async () => {
    const el = await workbench('usr-ent-05');
    expect(part(el, 'wrong-account')?.textContent).to.contain('工作台仅供服务机构账号使用');
    expect(part(el, 'retry-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the banner counts the platform’s data gives, and the products view first', async () => {
    const el = await workbench('usr-prv-01');
    const [account, products, engagements, ratings] = await Promise.all([
      apiGet<never>('/me/provider'),
      myProducts(),
      myEngagements(),
      apiGet<{ items: Rating[] }>('/ratings?limit=100').then((page) => page.items),
    ]);
    const expected = requiredActions({ account, products, engagements, ratings }, shanghaiDayOf(Date.now()));
    const toConfirm = engagements.filter((engagement) => engagement.status === 'ordered').length;
    const missing = products.filter((product) => product.status !== 'published' && product.missing.length).length;
    // The seed gives the demo provider an order to confirm and a draft still missing its publics.
    expect(toConfirm).to.be.greaterThan(0);
    expect(missing).to.be.greaterThan(0);
    const items = [...shadow(el).querySelectorAll<HTMLElement>('[part~="banner"] li')];
    expect(items.map((item) => item.dataset.action)).to.deep.equal(expected.map((action) => action.kind));
    const text = (kind: string) => items.find((item) => item.dataset.action === kind)?.textContent?.trim();
    expect(text('engagementsToConfirm')).to.equal(`${toConfirm} 项订单等待您确认`);
    expect(text('productsMissing')).to.equal(`${missing} 项产品尚缺发布所需内容`);

    const current = shadow(el).querySelector('[part~="nav-button"][aria-current="page"]');
    expect(current?.textContent?.trim()).to.equal('服务产品');
    await viewReady(el, '[part~="product"]');
    expect(parts(el, 'product').length).to.equal(products.length);
    await expect(el).to.be.accessible();
  });

  it('goes to the view of a required action, the focus on its heading', async () => {
    const el = await workbench('usr-prv-01');
    const action = shadow(el).querySelector<HTMLElement>('[data-action="engagementsToConfirm"] button')!;
    action.click();
    await viewReady(el, '[part~="engagement"]');
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-view-title', 'the focus is not on the view title');
    expect(el.view).to.equal('engagements');
    expect(shadow(el).querySelector('#smec-view-title')?.textContent?.trim()).to.equal('订单与回访');
    await expect(el).to.be.accessible();
  });

  it('speaks English and Hong Kong Chinese', async () => {
    const en = await workbench('usr-prv-01', 'en');
    await waitUntil(() => part(en, 'base')?.getAttribute('lang') === 'en', 'not in English');
    expect(shadow(en).querySelector('.title')?.textContent?.trim()).to.equal('Provider workbench');
    expect(part(en, 'banner')?.textContent).to.match(/orders awaiting your confirmation/);
    const hk = await workbench('usr-prv-01', 'zh-HK');
    await waitUntil(() => part(hk, 'base')?.getAttribute('lang') === 'zh-HK', 'not in zh-HK');
    expect(part(hk, 'banner')?.textContent).to.contain('項訂單等待您確認');
  });
});
