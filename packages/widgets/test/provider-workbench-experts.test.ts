import { expect, waitUntil } from '@open-wc/testing';
import type { Expert, ExpertDetail, MyProduct } from '@smec/schemas';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { apiGet, fill, myProducts, viewReady, workbench } from './provider-workbench-helpers.js';

function check(el: Element, name: string, value: string): void {
  const box = [...shadow(el).querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].find(
    (b) => b.value === value,
  );
  if (!box) throw new Error(`no ${name} ${value}`);
  box.click();
}

async function searched(q: string): Promise<Expert[]> {
  const response = await fetch(`${API}/experts?q=${encodeURIComponent(q)}`);
  return ((await response.json()) as { items: Expert[] }).items;
}

describe('<smec-provider-workbench> experts', () => {
  it('adds an expert after the shared rules found the mistakes, keeps what was typed, and the directory finds them', async () => {
    const product: MyProduct = (await myProducts())[0]!;
    const name = `试验专家${String(Date.now()).slice(-6)}`;
    const el = await workbench('usr-prv-01', 'zh-CN', 'experts');
    await viewReady(el, '[part~="add-expert-button"]');
    await waitUntil(
      () => part(el, 'expert') || shadow(el).textContent?.includes('还没有登记专家'),
      'no list',
      LAZY_VIEW,
    );
    part(el, 'add-expert-button')!.click();
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-df-name', 'the name did not take the focus');

    // Left after one character: the name's rule shows at once, before any submission.
    fill(el, '#smec-df-name', '陈');
    shadow(el)
      .querySelector('#smec-df-name')!
      .dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitUntil(() => shadow(el).querySelector('#smec-df-name-error'), 'no error as you go');
    expect(shadow(el).querySelector('#smec-df-name-error')!.textContent).to.contain('2 至 30 个字');
    expect(part(el, 'error-summary')).to.equal(null);

    fill(el, '#smec-df-years', '七十');
    part(el, 'save-expert-button')!.click();
    await waitUntil(() => part(el, 'error-summary'), 'no error summary');
    const summary = part(el, 'error-summary')!.textContent!;
    expect(summary).to.contain('专家姓名');
    expect(summary).to.contain('职称');
    expect(summary).to.contain('专业领域');
    expect(summary).to.contain('从业年限');
    expect(shadow(el).activeElement).to.equal(part(el, 'error-summary'));
    expect(shadow(el).querySelector<HTMLInputElement>('#smec-df-years')!.value).to.equal('七十');
    await expect(el).to.be.accessible();

    fill(el, '#smec-df-name', name);
    fill(el, '#smec-df-title', '高级会计师');
    fill(el, '#smec-df-years', '12');
    await waitUntil(() => shadow(el).querySelector('input[name="specialties"]'), 'no categories', LAZY_VIEW);
    check(el, 'specialties', 'finance-tax');
    check(el, 'productIds', product.id);
    fill(el, '#smec-df-bio', '长期为中小企业提供财税咨询。');
    part(el, 'save-expert-button')!.click();
    await waitUntil(() => !part(el, 'expert-form'), 'not saved', LAZY_VIEW);
    const cardOf = () => parts(el, 'expert').find((item) => item.querySelector('h4')?.textContent?.trim() === name);
    await waitUntil(() => shadow(el).activeElement?.closest('[part~="expert"]') === cardOf(), 'not focused', LAZY_VIEW);
    expect(part(el, 'status')!.textContent).to.contain(name);
    await expect(el).to.be.accessible();

    const found = await searched(name);
    expect(found.map((expert) => expert.name)).to.include(name);
    const detail = await apiGet<ExpertDetail>(`/experts/${found[0]!.id}`);
    expect(detail.specialties).to.deep.equal(['finance-tax']);
    expect(detail.years).to.equal(12);

    // Edited: the form holds what was saved, the products included.
    cardOf()!.querySelector<HTMLButtonElement>('[part~="edit-expert-button"]')!.click();
    await waitUntil(
      () => shadow(el).querySelector<HTMLInputElement>('#smec-df-name')?.value === name,
      'not loaded',
      LAZY_VIEW,
    );
    expect(shadow(el).querySelector<HTMLInputElement>('#smec-df-years')!.value).to.equal('12');
    fill(el, '#smec-df-years', '13');
    part(el, 'save-expert-button')!.click();
    await waitUntil(() => !part(el, 'expert-form'), 'edit not saved', LAZY_VIEW);
    expect((await apiGet<ExpertDetail>(`/experts/${found[0]!.id}`)).years).to.equal(13);
  });

  it('reads in English', async () => {
    const el = await workbench('usr-prv-01', 'en', 'experts');
    await viewReady(el, '[part~="add-expert-button"]');
    part(el, 'add-expert-button')!.click();
    await viewReady(el, '[part~="expert-form"]');
    part(el, 'save-expert-button')!.click();
    await waitUntil(() => part(el, 'error-summary'), 'no error summary');
    expect(part(el, 'error-summary')!.textContent).to.contain("The expert's name must be 2 to 30 characters");
    await expect(el).to.be.accessible();
  });
});
