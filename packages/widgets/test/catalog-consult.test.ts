// The catalog's 「我要咨询」 on a page that follows the quick start: the catalog alone, no demand form. It opens one
// in a dialog (fetched then, not before) or links to the site's demand page; never a dead button. This file loads
// the catalog only: the demand form must arrive on its own.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/smec-catalog.js';
import type { SmecCatalog, SmecDemandForm, SmecDemandRequestEvent } from '../src/index.js';
import { API, part, results, shadow, LAZY_VIEW } from './helpers.js';

async function detail(attributes: { demandUrl?: string } = {}): Promise<SmecCatalog> {
  const el = await fixture<SmecCatalog>(
    attributes.demandUrl
      ? html`<smec-catalog api-base=${API} no-url-state demand-url=${attributes.demandUrl}></smec-catalog>`
      : html`<smec-catalog api-base=${API} no-url-state></smec-catalog>`,
  );
  await results(el);
  part(el, 'card-title')!.click();
  await waitUntil(() => part(el, 'consult-button'), 'no 我要咨询 in the detail', LAZY_VIEW);
  return el;
}

function dialogForm(el: SmecCatalog): SmecDemandForm | null {
  return part(el, 'consult-dialog')?.querySelector<SmecDemandForm>('smec-demand-form') ?? null;
}

async function product(id: string): Promise<{ categoryId: string; regionCodes: string[] }> {
  return (await (await fetch(`${API}/products/${id}`)).json()) as { categoryId: string; regionCodes: string[] };
}

describe('smec-catalog 我要咨询 without a demand form on the page', () => {
  it('opens a demand form in a dialog, fetched on demand, prefilled with the product, and takes the focus there', async () => {
    const el = await detail();
    expect(customElements.get('smec-demand-form'), 'the form came with the catalog').to.equal(undefined);
    const requested = oneEvent(el, 'smec-demand-request') as Promise<SmecDemandRequestEvent>;
    part(el, 'consult-button')!.click();
    const event = await requested;
    expect(event.cancelable).to.equal(true);

    await waitUntil(() => dialogForm(el)?.shadowRoot?.querySelector('[name="categoryId"]'), 'no form', LAZY_VIEW);
    const dialog = part<HTMLDialogElement>(el, 'consult-dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    const form = dialogForm(el)!;
    const { categoryId } = await product(el.product!);
    await waitUntil(
      () => shadow(form).querySelector<HTMLSelectElement>('[name="categoryId"]')?.value === categoryId,
      'the category was not filled in',
    );
    await waitUntil(() => shadow(form).activeElement?.id === 'smec-df-heading', 'the form did not take the focus');
    expect(dialog.getAttribute('aria-label')).to.include('咨询');
    await expect(el).to.be.accessible();
  });

  it('closes on Escape, leaving the detail open, and gives the focus back to 我要咨询', async () => {
    const el = await detail();
    const product = el.product;
    part(el, 'consult-button')!.click();
    await waitUntil(() => dialogForm(el)?.shadowRoot?.activeElement?.id === 'smec-df-heading', 'no form', LAZY_VIEW);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !part(el, 'consult-dialog'), 'the dialog stayed open');
    expect(el.product).to.equal(product);
    expect(part(el, 'detail')).to.not.equal(null);
    await waitUntil(
      () => shadow(el).activeElement?.matches('[part~="consult-button"]'),
      'the focus did not come back to 我要咨询',
    );
  });

  it('closes with its close button, giving the focus back to 我要咨询', async () => {
    const el = await detail();
    part(el, 'consult-button')!.click();
    await waitUntil(() => part(el, 'consult-close-button'), 'no dialog', LAZY_VIEW);
    part(el, 'consult-close-button')!.click();
    await waitUntil(() => !part(el, 'consult-dialog'), 'the dialog stayed open');
    await waitUntil(
      () => shadow(el).activeElement?.matches('[part~="consult-button"]'),
      'the focus did not come back to 我要咨询',
    );
  });

  it('opens nothing when the host cancels smec-demand-request', async () => {
    const el = await detail();
    el.addEventListener('smec-demand-request', (event) => event.preventDefault(), { once: true });
    part(el, 'consult-button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await el.updateComplete;
    expect(part(el, 'consult-dialog')).to.equal(null);
  });

  it('links to demand-url with the product, its category and its region', async () => {
    const el = await detail({ demandUrl: '/zixun/?from=catalog' });
    const link = part<HTMLAnchorElement>(el, 'consult-button')!;
    expect(link.localName).to.equal('a');
    const url = new URL(link.href);
    const { categoryId, regionCodes } = await product(el.product!);
    expect(url.origin + url.pathname).to.equal(new URL('/zixun/', location.href).href);
    expect(url.searchParams.get('from')).to.equal('catalog');
    expect(url.searchParams.get('smec_demand_product')).to.equal(el.product);
    expect(url.searchParams.get('smec_demand_category')).to.equal(categoryId);
    expect(url.searchParams.get('smec_demand_region')).to.equal(regionCodes.length === 1 ? regionCodes[0] : null);

    // The click goes on to that page (the test stops it there) and fires the event first.
    let followed: boolean | undefined;
    const stop = (event: Event) => {
      followed = !event.defaultPrevented;
      event.preventDefault();
    };
    document.addEventListener('click', stop, { once: true });
    const requested = oneEvent(el, 'smec-demand-request');
    link.click();
    await requested;
    expect(followed).to.equal(true);
    expect(part(el, 'consult-dialog')).to.equal(null);
  });

  it('does not follow demand-url when the host cancels smec-demand-request', async () => {
    const el = await detail({ demandUrl: '/zixun/' });
    el.addEventListener('smec-demand-request', (event) => event.preventDefault(), { once: true });
    let prevented: boolean | undefined;
    const stop = (event: Event) => {
      prevented = event.defaultPrevented;
      event.preventDefault();
    };
    document.addEventListener('click', stop, { once: true });
    part(el, 'consult-button')!.click();
    expect(prevented).to.equal(true);
  });
});
