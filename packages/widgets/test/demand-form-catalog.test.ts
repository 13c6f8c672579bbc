// The catalog's 「我要咨询」: an event the host can cancel, else the named demand form is filled in and focused.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define/smec-catalog.js';
import '../src/define/smec-demand-form.js';
import type { SmecCatalog, SmecDemandForm, SmecDemandRequestEvent } from '../src/index.js';
import { control, referenceLoaded } from './demand-helpers.js';
import { API, part, results, shadow, LAZY_VIEW } from './helpers.js';

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
});
