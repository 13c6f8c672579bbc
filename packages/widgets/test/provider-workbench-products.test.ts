import { expect, waitUntil } from '@open-wc/testing';
import type { MyProduct, ProductPage } from '@smec/schemas';
import { API, LAZY_VIEW, part, shadow } from './helpers.js';
import { button, choose, fill, myProducts, tokenOf, viewReady, workbench } from './provider-workbench-helpers.js';

// Its own name, so that the catalog search finds this product and nothing the seed has.
const NAME = `工作台测试商标托管服务${Math.floor(Math.random() * 1e6)}`;

function fieldError(el: Element, id: string): string {
  return shadow(el).querySelector(`#${id}-error`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function createDraft(el: Element): Promise<MyProduct> {
  await viewReady(el, '[part~="draft-form"]');
  await waitUntil(
    () => shadow(el).querySelectorAll('#smec-df-draft-category option').length > 1,
    'no categories',
    LAZY_VIEW,
  );
  fill(el, '#smec-df-draft-name', NAME);
  choose(el, '#smec-df-draft-category', 'intellectual-property');
  part(el, 'create-button')!.click();
  await viewReady(el, '[part~="editor"]');
  const created = (await myProducts()).find((product) => product.name === NAME);
  if (!created) throw new Error('the draft was not created');
  return created;
}

describe('<smec-provider-workbench> products', () => {
  it('refuses an empty draft name and category in the error summary, next to the fields', async () => {
    const el = await workbench('usr-prv-01');
    await viewReady(el, '[part~="draft-form"]');
    part(el, 'create-button')!.click();
    await waitUntil(() => part(el, 'error-summary'), 'no error summary');
    expect(part(el, 'error-summary')!.textContent).to.contain('请填写产品名称');
    expect(fieldError(el, 'smec-df-draft-category')).to.contain('请选择服务类别');
    await waitUntil(() => shadow(el).activeElement?.matches('.error-summary'), 'the summary has not the focus');
    await expect(el).to.be.accessible();
  });

  it('creates a draft, refuses to publish it naming the missing five-public field, publishes it once completed', async () => {
    const el = await workbench('usr-prv-01');
    const draft = await createDraft(el);
    expect(draft.status).to.equal('draft');
    expect(draft.missing.map((missing) => missing.path)).to.include('function');
    await expect(el).to.be.accessible();

    // Validated as it is typed: a priced service needs a list price above 0.
    fill(el, '#smec-df-fee-listPrice', '0');
    await waitUntil(() => fieldError(el, 'smec-df-fee-listPrice'), 'no error as it is typed');
    expect(fieldError(el, 'smec-df-fee-listPrice')).to.contain('标准价格应大于 0');

    part(el, 'publish-button')!.click();
    await waitUntil(() => fieldError(el, 'smec-df-function'), 'the refusal names no function', LAZY_VIEW);
    expect(fieldError(el, 'smec-df-function')).to.contain('服务功能（五公开之一）');
    expect(part(el, 'error-summary')!.textContent).to.contain('服务功能');
    await expect(el).to.be.accessible();

    fill(el, '#smec-df-summary', '为小微企业代管商标，按时续展。');
    fill(el, '#smec-df-function', '代企业监测商标状态、办理续展和变更，避免商标失效。');
    fill(el, '#smec-df-standard', '续展在到期前 3 个月提交，回执 2 个工作日内交给企业。');
    button(el, '添加步骤').click();
    button(el, '添加步骤').click();
    await el.updateComplete;
    fill(el, '#smec-step-0-title', '签约建档');
    fill(el, '#smec-step-0-description', '核对商标证书，建立托管档案。');
    fill(el, '#smec-step-1-title', '监测续展');
    fill(el, '#smec-step-1-description', '每月监测，到期前办理续展。');
    // The steps reorder by keyboard: 「下移」 of the first moves it, the focus follows it.
    shadow(el).querySelector<HTMLButtonElement>('#smec-step-0-down')!.click();
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-step-1-up', 'the focus did not follow the step');
    expect(shadow(el).querySelector<HTMLInputElement>('#smec-step-0-title')!.value).to.equal('监测续展');
    fill(el, '#smec-df-fee-listPrice', '1200');
    fill(el, '#smec-df-fee-discountPrice', '980');
    fill(el, '#smec-df-fee-note', '含一年托管和一次续展的官费代缴服务。');
    fill(el, '#smec-df-timeLimitDays', '20');
    fill(el, '#smec-df-suitableFor', '持有注册商标的小微企业。');
    const city = shadow(el).querySelector<HTMLInputElement>('#smec-df-regionCodes ~ .checks input, .checks input')!;
    city.click();
    await el.updateComplete;

    part(el, 'preview-button')!.click();
    await waitUntil(() => part(el, 'preview'), 'no preview');
    expect(part(el, 'preview')!.textContent).to.contain('20 个工作日内');
    expect(part(el, 'preview')!.textContent).to.contain(NAME);

    part(el, 'publish-button')!.click();
    await waitUntil(() => part(el, 'withdraw-button'), 'not published', LAZY_VIEW);
    expect(part(el, 'status')!.textContent).to.contain('已发布');
    const published = (await myProducts()).find((product) => product.id === draft.id)!;
    expect(published.status).to.equal('published');
    expect(published.fee).to.deep.include({ listPrice: 120000, discountPrice: 98000 });
    expect(published.process.map((step) => step.title)).to.deep.equal(['监测续展', '签约建档']);

    // Searchable within a second.
    const started = Date.now();
    let found = false;
    while (!found && Date.now() - started < 1000) {
      const page = (await (await fetch(`${API}/products?q=${encodeURIComponent(NAME)}`)).json()) as ProductPage;
      found = page.items.some((item) => item.id === draft.id);
    }
    expect(found, 'the catalog search did not find it within 1 s').to.equal(true);
    await expect(el).to.be.accessible();

    // Withdrawn after the shared question.
    part(el, 'withdraw-button')!.click();
    await waitUntil(() => part(el, 'confirm-dialog'), 'no question');
    await expect(el).to.be.accessible();
    part(el, 'confirm-withdraw-button')!.click();
    await waitUntil(() => part(el, 'publish-button'), 'not withdrawn', LAZY_VIEW);
    expect((await myProducts()).find((product) => product.id === draft.id)!.status).to.equal('withdrawn');
  });

  it('on a stale save says so, keeps what was typed, and saves it after reloading the newer version', async () => {
    const el = await workbench('usr-prv-01');
    const products = await myProducts();
    const target = products.find((product) => product.status === 'draft' && product.name !== NAME)!;
    await viewReady(el, `[data-product-id="${target.id}"]`);
    shadow(el).querySelector<HTMLButtonElement>(`[data-product-id="${target.id}"] .edit-button`)!.click();
    await viewReady(el, '[part~="editor"]');
    // Someone else changes it meanwhile.
    const response = await fetch(`${API}/me/products/${target.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${await tokenOf('usr-prv-01')}`,
        'content-type': 'application/json',
        'if-match': `"${target.id}.r${target.revision}"`,
      },
      body: JSON.stringify({ suitableFor: '另一处的修改' }),
    });
    expect(response.status).to.equal(200);
    fill(el, '#smec-df-suitableFor', '本处填写的适用对象');
    part(el, 'save-button')!.click();
    await waitUntil(() => part(el, 'stale'), 'no 412 notice', LAZY_VIEW);
    await expect(el).to.be.accessible();
    part(el, 'reload-button')!.click();
    await waitUntil(() => !part(el, 'stale') && !part(el, 'save-button')!.hasAttribute('disabled'), 'not reloaded');
    expect(shadow(el).querySelector<HTMLTextAreaElement>('#smec-df-suitableFor')!.value).to.equal('本处填写的适用对象');
    part(el, 'save-button')!.click();
    await waitUntil(() => part(el, 'status')!.textContent?.includes('已保存'), 'not saved', LAZY_VIEW);
    expect((await myProducts()).find((product) => product.id === target.id)!.suitableFor).to.equal(
      '本处填写的适用对象',
    );
  });
});
