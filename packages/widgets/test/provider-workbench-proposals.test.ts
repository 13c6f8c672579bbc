// The provider workbench's 「需求推荐」: the demands centers proposed the demo provider (usr-prv-01, prv-00001) for.
// The seed proposes it for a demand whose enterprise shared its contact and for one whose enterprise did not; the
// first test adds a proposal of its own on a fresh demand.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MyDemandProposal } from '@smec/schemas';
import { overflowing } from './care-measure.js';
import { tokenOf as staffToken } from './center-workbench-helpers.js';
import { submitDemand } from './demand-helpers.js';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { apiGet, tokenOf, viewReady, workbench } from './provider-workbench-helpers.js';

async function staffPost(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${API}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
      authorization: `Bearer ${await staffToken('usr-admin-440100')}`,
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}`);
}

function item(el: Element, demandId: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="proposal"][data-demand-id="${demandId}"]`);
}

describe('<smec-provider-workbench> 需求推荐', () => {
  it('lists a new proposal on the first page, with the demand, the center’s note and the contact shared', async () => {
    const demand = await submitDemand('440100');
    await staffPost(`/demands/${demand.id}/transitions`, { action: 'accept' });
    await staffPost(`/demands/${demand.id}/proposals`, {
      proposals: [{ providerId: 'prv-00001', note: '企业希望本月内对接' }],
    });
    const el = await workbench('usr-prv-01', 'zh-CN', 'proposals');
    await viewReady(el, '[part~="proposal"]');
    // Newest first: on the first page, whatever other tests propose meanwhile.
    const first = item(el, demand.id)!;
    expect(first, 'the new proposal is not on the first page').to.not.equal(null);
    expect(first.querySelector('h4')!.textContent).to.equal(demand.title);
    expect(first.textContent).to.contain('财税').and.contain('¥30,000').and.contain('期望完成：未填写');
    expect(first.querySelector('[part~="proposal-note"]')!.textContent).to.contain('企业希望本月内对接');
    expect(first.querySelector('[part~="proposal-contact"]')!.textContent)
      .to.contain('陈女士')
      .and.contain('13812341234');
    expect(first.querySelector('[part~="proposal-no-contact"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says the center passes the contact on where the enterprise did not share it', async () => {
    const proposals = (await apiGet<{ items: MyDemandProposal[] }>('/me/demand-proposals?limit=100')).items;
    const unshared = proposals.find((proposal) => proposal.contact === null);
    if (!unshared) throw new Error('the seed proposes the demo provider for no demand without a shared contact');
    const el = await workbench('usr-prv-01', 'en', 'proposals');
    await viewReady(el, '[part~="proposal"]');
    // The list grows by pages until it shows the demand.
    while (!item(el, unshared.demandId)) {
      const before = parts(el, 'proposal').length;
      part<HTMLButtonElement>(el, 'more-button')!.click();
      await waitUntil(() => parts(el, 'proposal').length > before, 'no more proposals', LAZY_VIEW);
    }
    const shown = item(el, unshared.demandId)!;
    expect(shown.querySelector('[part~="proposal-contact"]')).to.equal(null);
    expect(shown.querySelector('[part~="proposal-no-contact"]')!.textContent).to.contain(
      'the service center will pass it on',
    );
    expect(shown.textContent).to.not.contain('Contact:');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px column', async () => {
    const token = await tokenOf('usr-prv-01');
    const column = await fixture(
      html`<div style="width: 320px">
        <smec-root api-base=${API} care .getToken=${() => token}>
          <smec-provider-workbench view="proposals"></smec-provider-workbench>
        </smec-root>
      </div>`,
    );
    const el = column.querySelector('smec-provider-workbench')!;
    await viewReady(el, '[part~="proposal"]');
    expect(overflowing(el), 'wider than 320 px').to.deep.equal([]);
  });
});
