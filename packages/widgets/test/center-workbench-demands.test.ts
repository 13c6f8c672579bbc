// The center workbench's Demands view. Every test submits demands of its own (test/demand-helpers.ts) and moves only
// those, so the seed's demands other tests count stay as they are.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Demand } from '@smec/schemas';
import { overflowing } from './care-measure.js';
import { apiGet, tokenOf, viewReady, workbench } from './center-workbench-helpers.js';
import { submitDemand } from './demand-helpers.js';
import { API, LAZY_VIEW, part, shadow, statusText } from './helpers.js';

function card(el: Element, id: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="demand"][data-demand-id="${id}"]`);
}

function active(el: Element): Element | null {
  return shadow(el).activeElement;
}

/** Presses Tab until the focus is on `selector` (at most `max` times), as a keyboard user moves through the form. */
async function tabTo(el: Element, selector: string, max = 30): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    if (active(el)?.matches(selector)) return active(el) as HTMLElement;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector} (focus on ${active(el)?.outerHTML.slice(0, 120)})`);
}

async function titleFocused(el: Element): Promise<void> {
  await waitUntil(() => active(el)?.id === 'smec-demand-title', 'the focus is not on the demand’s title', LAZY_VIEW);
}

/** The inbox showing `id` (a demand just submitted is the newest, on the first page). */
async function inboxWith(el: Element, id: string): Promise<HTMLElement> {
  await waitUntil(() => card(el, id), `the demand ${id} is not in the inbox`, LAZY_VIEW);
  return card(el, id)!;
}

describe('smec-center-workbench: demands', () => {
  it('goes by keyboard alone through accept → propose → transfer, axe clean in each state', async () => {
    // Foshan 禅城区's center: the demand is transferred up to Foshan, which takes it out of the county's sight.
    const demand = await submitDemand('440604');
    const el = await workbench('usr-admin-440604', { view: 'demands' });
    const item = await inboxWith(el, demand.id);
    expect(item.dataset['status']).to.equal('submitted');
    expect(item.textContent).to.contain(demand.title).and.contain('佛山市禅城区示例科技有限公司').and.contain('待受理');
    // Its deadlines in working days, in words (nothing said by colour alone).
    expect(item.querySelector('[part~="deadline"][data-kind="acceptBy"]')!.textContent).to.match(
      /受理期限：.+（(还剩 \d+ 个工作日|今天到期)）/,
    );
    expect(item.querySelector('[part~="deadline"][data-kind="firstMatchBy"]')!.textContent).to.contain('首次推荐期限');
    expect(item.querySelector('[part~="overdue-flag"]')).to.equal(null);
    await expect(el).to.be.accessible();

    item.querySelector<HTMLButtonElement>('[part~="demand-open-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await titleFocused(el);
    // The detail has the phone in full for the call back.
    expect(part(el, 'demand-contact')!.textContent).to.contain('13812341234');
    expect(part(el, 'demand-detail')!.textContent).to.contain('¥30,000');
    await expect(el).to.be.accessible();

    await tabTo(el, '[part~="accept-button"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el).includes('已受理'), 'the acceptance was not announced', LAZY_VIEW);
    await titleFocused(el);
    await viewReady(el, '[part~="propose-form"]');
    await expect(el).to.be.accessible();

    // Two providers found by a search, the first with a note; then a note for the whole proposal.
    await tabTo(el, '[part~="propose-search"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => shadow(el).querySelectorAll('[part~="propose-add-button"]').length >= 2,
      'no providers found',
    );
    for (const row of [0, 1]) {
      await tabTo(el, '[part~="propose-add-button"]:not([disabled])');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => active(el)?.id === `smec-propose-product-${row}`, 'the chosen provider took no focus');
    }
    const chosen = [...shadow(el).querySelectorAll<HTMLElement>('[part~="proposal"]')].map(
      (row) => row.dataset['providerId'],
    );
    expect(chosen).to.have.length(2);
    shadow(el).querySelector<HTMLElement>('#smec-propose-product-0')!.focus();
    await tabTo(el, '#smec-propose-note-0');
    await sendKeys({ type: '该机构在高企认定辅导方面经验丰富' });
    await tabTo(el, '#smec-propose-note');
    await sendKeys({ type: '请企业与两家机构分别沟通' });
    await expect(el).to.be.accessible();
    await tabTo(el, '[part~="propose-button"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el).includes('推荐 2 家服务机构'), 'the proposal was not announced', LAZY_VIEW);
    await titleFocused(el);
    const matched = await apiGet<Demand>(`/demands/${demand.id}`, 'usr-admin-440604');
    expect(matched.matches.map((match) => match.providerId)).to.deep.equal(chosen);
    expect(matched.matches[0]!.note).to.equal('该机构在高企认定辅导方面经验丰富');
    expect(part(el, 'demand-matches')!.textContent).to.contain('该机构在高企认定辅导方面经验丰富');

    // Transfer up to Foshan with a reason, confirmed in the dialog.
    const target = await tabTo(el, '[part~="transfer-target"]');
    expect([...(target as HTMLSelectElement).options].map((option) => option.value)).to.deep.equal([
      '',
      '440600',
      '440000',
    ]);
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => (target as HTMLSelectElement).value === '440600', 'the target was not chosen');
    await tabTo(el, '#smec-demand-transfer');
    await sendKeys({ type: '涉及跨区县资源，请市中心统筹' });
    await tabTo(el, '[part~="transfer-button"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'confirm-dialog'), 'no confirmation asked');
    expect(part(el, 'confirm-dialog')!.textContent).to.contain('佛山市');
    await expect(el).to.be.accessible();
    await tabTo(el, '[part~="confirm-transfer-button"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el).includes('已转办至佛山市'), 'the transfer was not announced', LAZY_VIEW);
    // Out of the county's region: back in the inbox, which no longer lists it, and the platform hides it too.
    await viewReady(el, '[part~="demand-status-filter"]');
    await waitUntil(() => part(el, 'demand-total'), 'the inbox did not come back', LAZY_VIEW);
    expect(card(el, demand.id)).to.equal(null);
    let hidden = false;
    await apiGet(`/demands/${demand.id}`, 'usr-admin-440604').catch(() => (hidden = true));
    expect(hidden, 'the county still sees the demand').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the error next to the reason and keeps what was typed', async () => {
    const demand = await submitDemand('440100');
    const el = await workbench('usr-admin-440100', { view: 'demands' });
    (await inboxWith(el, demand.id)).querySelector<HTMLButtonElement>('[part~="demand-open-button"]')!.click();
    await titleFocused(el);
    const reason = shadow(el).querySelector<HTMLTextAreaElement>('#smec-demand-reject')!;
    reason.focus();
    await sendKeys({ type: '无' });
    part(el, 'reject-demand-button')!.click();
    await waitUntil(() => shadow(el).querySelector('#smec-demand-reject-error'), 'no error next to the field');
    await waitUntil(() => active(el) === reason, 'the field in error took no focus');
    expect(reason.value).to.equal('无');
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    expect(reason.getAttribute('aria-describedby')).to.equal('smec-demand-reject-error');
    expect(part(el, 'confirm-dialog'), 'asked though the reason is wrong').to.equal(null);
    await expect(el).to.be.accessible();

    // A reason that fits: asked first, then rejected with it, which the enterprise sees.
    reason.select();
    await sendKeys({ type: '不属于本平台服务范围' });
    part(el, 'reject-demand-button')!.click();
    await waitUntil(() => part(el, 'confirm-dialog'), 'no confirmation asked');
    part(el, 'confirm-reject-demand-button')!.click();
    await waitUntil(
      () => part(el, 'demand-detail')?.textContent?.includes('不予受理原因'),
      'no rejection shown',
      LAZY_VIEW,
    );
    const rejected = await apiGet<Demand>(`/demands/${demand.id}`, 'usr-admin-440100');
    expect(rejected.status).to.equal('rejected');
    expect(rejected.rejectReason).to.equal('不属于本平台服务范围');
  });

  it('asks for a provider before proposing, next to the search', async () => {
    const demand = await submitDemand('440100');
    await fetch(`${API}/demands/${demand.id}/transitions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
        authorization: `Bearer ${await tokenOf('usr-admin-440100')}`,
      },
      body: JSON.stringify({ action: 'accept' }),
    });
    const el = await workbench('usr-admin-440100', { view: 'demands' });
    (await inboxWith(el, demand.id)).querySelector<HTMLButtonElement>('[part~="demand-open-button"]')!.click();
    await viewReady(el, '[part~="propose-form"]');
    const search = shadow(el).querySelector<HTMLInputElement>('#smec-propose-search')!;
    search.focus();
    await sendKeys({ type: '不存在的机构名称' });
    part(el, 'propose-button')!.click();
    await waitUntil(() => shadow(el).querySelector('#smec-propose-search-error'), 'no error next to the search');
    expect(search.value).to.equal('不存在的机构名称');
    expect(search.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    const unchanged = await apiGet<Demand>(`/demands/${demand.id}`, 'usr-admin-440100');
    expect(unchanged.status).to.equal('accepted');
  });

  it('shows a viewer (只读) the inbox and the detail without a button that writes', async () => {
    const demand = await submitDemand('440500');
    const el = await workbench('usr-viewer-440500', { view: 'demands' });
    (await inboxWith(el, demand.id)).querySelector<HTMLButtonElement>('[part~="demand-open-button"]')!.click();
    await titleFocused(el);
    expect(part(el, 'demand-timeline')!.textContent).to.contain('待受理');
    for (const name of [
      'accept-button',
      'propose-form',
      'transfer-form',
      'transfer-button',
      'reject-demand-button',
      'close-demand-button',
    ])
      expect(part(el, name), name).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('filters the inbox by status and region, and the overview’s new demands lead to it', async () => {
    const demand = await submitDemand('440104');
    const el = await workbench('usr-admin-440100');
    const count = await viewReady(el, '[part~="overview-count"][data-kind="newDemands"]');
    expect(count.localName).to.equal('button');
    count.click();
    await waitUntil(() => el.view === 'demands', 'the count did not lead to the demands');
    await inboxWith(el, demand.id);
    const region = await viewReady(el, '#smec-demand-region option[value="440104"]').then(() =>
      shadow(el).querySelector<HTMLSelectElement>('#smec-demand-region')!,
    );
    expect([...region.options].map((option) => option.value)).to.not.include('440600');
    region.value = '440103';
    region.dispatchEvent(new Event('change'));
    await waitUntil(() => part(el, 'demand-total') && !card(el, demand.id), 'the region filter kept the demand');
    region.value = '440104';
    region.dispatchEvent(new Event('change'));
    await inboxWith(el, demand.id);
    const status = shadow(el).querySelector<HTMLSelectElement>('#smec-demand-status')!;
    status.value = 'closed';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => part(el, 'demand-total') && !card(el, demand.id), 'the status filter kept the demand');
  });

  it('marks overdue demands in text, and filters them', async () => {
    // The seed's overdue demand of Guangzhou (dmd-00202), submitted long ago and never accepted.
    const el = await workbench('usr-admin-440100', { view: 'demands' });
    await viewReady(el, '[part~="demand"]');
    const overdue = part<HTMLInputElement>(el, 'demand-overdue-filter')!;
    overdue.click();
    const all = () => [...shadow(el).querySelectorAll<HTMLElement>('[part~="demand"]')];
    await waitUntil(
      () => card(el, 'dmd-00202') && all().every((each) => each.hasAttribute('data-overdue')),
      'the overdue demands alone are not listed',
      LAZY_VIEW,
    );
    for (const each of all()) {
      expect(each.querySelector('[part~="overdue-flag"]')!.textContent).to.contain('已逾期');
    }
    expect(card(el, 'dmd-00202')!.querySelector('.overdue[part~="deadline"]')!.textContent).to.match(/已逾期/);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px column, the inbox and the detail', async () => {
    const demand = await submitDemand('440100');
    const token = await tokenOf('usr-admin-440100');
    const column = await fixture(
      html`<div style="width: 320px">
        <smec-root api-base=${API} care .getToken=${() => token}>
          <smec-center-workbench view="demands" staff-role="admin"></smec-center-workbench>
        </smec-root>
      </div>`,
    );
    const el = column.querySelector('smec-center-workbench')!;
    (await inboxWith(el, demand.id)).querySelector<HTMLButtonElement>('[part~="demand-open-button"]')!.click();
    await titleFocused(el);
    expect(overflowing(el), 'detail wider than 320 px').to.deep.equal([]);
    part(el, 'back-button')!.click();
    await inboxWith(el, demand.id);
    expect(overflowing(el), 'inbox wider than 320 px').to.deep.equal([]);
  });
});
