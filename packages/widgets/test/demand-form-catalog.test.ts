// The catalog's 「我要咨询」: an event the host can cancel, else the named demand form is filled in and focused.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define/smec-catalog.js';
import '../src/define/smec-demand-form.js';
import type { SmecCatalog, SmecDemandForm, SmecDemandRequestEvent } from '../src/index.js';
import { control, referenceLoaded } from './demand-helpers.js';
import { API, part, results, shadow, LAZY_VIEW } from './helpers.js';

function withoutDemandLink(): void {
  const url = new URL(location.href);
  for (const name of ['smec_demand_product', 'smec_demand_category', 'smec_demand_region'])
    url.searchParams.delete(name);
  history.replaceState(null, '', url);
}

async function page() {
  const host = await fixture(
    html`<div>
      <smec-catalog api-base=${API} no-url-state demand-form="consult-form"></smec-catalog>
      <smec-demand-form id="consult-form" api-base=${API} no-draft></smec-demand-form>
    </div>`,
  );
  const catalog = host.querySelector<SmecCatalog>('smec-catalog')!;
  const form = host.querySelector<SmecDemandForm>('smec-demand-form')!;
  await results(catalog);
  await referenceLoaded(form);
  part(catalog, 'card-title')!.click();
  await waitUntil(() => part(catalog, 'consult-button'), 'no 我要咨询 button in the detail', LAZY_VIEW);
  return { catalog, form };
}

describe('smec-catalog 我要咨询', () => {
  it('fires smec-demand-request, then fills in the named form and focuses it', async () => {
    const { catalog, form } = await page();
    const button = part(catalog, 'consult-button')!;
    expect(button.textContent?.trim()).to.equal('我要咨询');
    const requested = oneEvent(catalog, 'smec-demand-request') as Promise<SmecDemandRequestEvent>;
    button.click();
    const event = await requested;
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail.productId).to.equal(catalog.product);
    await form.updateComplete;
    expect(control(form, 'categoryId').value).to.equal(event.detail.categoryId);
    await waitUntil(() => shadow(form).activeElement?.id === 'smec-df-heading', 'the form did not take the focus');
  });

  it('leaves the form alone when the host cancels the event', async () => {
    const { catalog, form } = await page();
    catalog.addEventListener('smec-demand-request', (event) => event.preventDefault(), { once: true });
    part(catalog, 'consult-button')!.click();
    await form.updateComplete;
    expect(control(form, 'categoryId').value).to.equal('');
  });

  it('fills in what the link of a catalog’s demand-url names, over a draft', async () => {
    const draftKey = `smec-test-link-${Math.random()}`;
    localStorage.setItem(
      draftKey,
      JSON.stringify({ values: { categoryId: 'finance-tax', city: '440100', county: '' }, pending: null }),
    );
    const url = new URL(location.href);
    url.searchParams.set('smec_demand_product', 'p-1');
    url.searchParams.set('smec_demand_category', 'legal');
    url.searchParams.set('smec_demand_region', '440604');
    history.replaceState(null, '', url);
    try {
      const form = await fixture<SmecDemandForm>(
        html`<smec-demand-form api-base=${API} draft-key=${draftKey}></smec-demand-form>`,
      );
      await referenceLoaded(form);
      expect(control(form, 'categoryId').value).to.equal('legal');
      expect(control(form, 'city').value).to.equal('440600');
      await waitUntil(() => control(form, 'county').value === '440604', 'the county was not filled in');
    } finally {
      withoutDemandLink();
      localStorage.removeItem(draftKey);
    }
  });
});
