// The Voucher batches view (服务券) of the center workbench against the real server. The tests make their own
// batches and end each one they open (paused, then closed), so that the seed's open and upcoming batches, which the
// wallet's tests read, stay the first of their lists. The voucher revoked is claimed here, by an enterprise no other
// test signs in as, from a batch of its own.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Voucher, VoucherBatch } from '@smec/schemas';
import type { SmecCenterWorkbench } from '../src/index.js';
import { overflowing } from './care-measure.js';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { apiSend, fill, tokenOf, viewReady, workbench, type CenterUser } from './center-workbench-helpers.js';

const DAY_MS = 86_400_000;

/** `days` from now as the `datetime-local` minute of Asia/Shanghai at `hour`. */
function minuteIn(days: number, hour: number): string {
  const day = new Date(Date.now() + days * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

function query<T extends HTMLElement = HTMLElement>(el: Element, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** Types into a field and leaves it, as a visitor does. */
function type(el: Element, selector: string, value: string): void {
  fill(el, selector, value);
  query(el, selector).dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function batchesView(userId: CenterUser): Promise<SmecCenterWorkbench> {
  const el = await workbench(userId, { view: 'batches' });
  await viewReady(el, '#smec-batches-title');
  await waitUntil(
    () => parts(el, 'batch').length > 0 || part(el, 'view')?.textContent?.includes('还没有服务券批次'),
    'the list never loaded',
    LAZY_VIEW,
  );
  return el;
}

function card(el: Element, id: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="batch"][data-batch-id="${id}"]`);
}

/** Answers the confirmation with its confirm button. */
async function confirm(el: Element, partName: string): Promise<void> {
  await waitUntil(() => part(el, partName), `no ${partName}`);
  await expect(el).to.be.accessible();
  part(el, partName)!.click();
}

describe('center workbench: voucher batches', () => {
  it('lists the region’s batches with quota and window, the used-up one marked, axe clean', async () => {
    const el = await batchesView('usr-admin-440100');
    const exhausted = card(el, 'vbt-exhausted-440100');
    expect(exhausted !== null, 'Guangzhou’s seeded batch is listed').to.equal(true);
    expect(exhausted!.querySelector('[part~="nearly-used-up"]') !== null).to.equal(true);
    expect(exhausted!.querySelector('[part~="quota"]')!.textContent).to.match(/剩余 0 张/);
    expect(exhausted!.textContent).to.contain('领取时间');
    // Only Guangzhou's own and its counties' batches: not the province's.
    expect(card(el, 'vbt-open-440000-a') === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('counts the nearly used-up batches on the overview, a button to this view', async () => {
    const el = await workbench('usr-admin-440100');
    await viewReady(el, '[part~="overview-count"][data-kind="batchesNearlyUsedUp"]');
    const count = query<HTMLButtonElement>(el, '[part~="overview-count"][data-kind="batchesNearlyUsedUp"]');
    expect(count.localName).to.equal('button');
    expect(Number(count.querySelector('.count-figure')!.textContent)).to.be.greaterThan(0);
    count.click();
    await viewReady(el, '#smec-batches-title');
    expect(el.view).to.equal('batches');
  });

  for (const view of ['batches', 'policies'] as const) {
    it(`keeps the ${view} view and its form within a 320 px column`, async () => {
      const token = await tokenOf('usr-admin-440100');
      const root = await fixture(
        html`<div style="width: 320px">
          <smec-root api-base=${API} .getToken=${() => token}>
            <smec-center-workbench view=${view} region-code="440100"></smec-center-workbench>
          </smec-root>
        </div>`,
      );
      const el = root.querySelector('smec-center-workbench')!;
      const item = view === 'batches' ? 'batch' : 'policy';
      await waitUntil(() => parts(el, item).length > 0, 'nothing listed', LAZY_VIEW);
      expect(overflowing(el), 'the list is wider than 320 px').to.deep.equal([]);
      part(el, view === 'batches' ? 'add-batch-button' : 'add-policy-button')!.click();
      await waitUntil(() => part(el, view === 'batches' ? 'batch-form' : 'policy-form'));
      part(el, view === 'batches' ? 'save-batch-button' : 'save-policy-button')!.click();
      await waitUntil(() => part(el, 'error-summary'));
      expect(overflowing(el), 'the form is wider than 320 px').to.deep.equal([]);
    });
  }

  it('links to the settlement queue', async () => {
    const el = await batchesView('usr-admin-440100');
    part(el, 'settlements-link')!.click();
    await waitUntil(() => el.view === 'settlements', 'the settlement view never showed');
  });

  it('shows a viewer (只读) no write control', async () => {
    const seen = await batchesView('usr-viewer-440100');
    expect(card(seen, 'vbt-exhausted-440100') !== null).to.equal(true);
    for (const name of [
      'add-batch-button',
      'edit-batch-button',
      'open-batch-button',
      'pause-batch-button',
      'close-batch-button',
    ])
      expect(part(seen, name) === null, name).to.equal(true);
    const viewer = await batchesView('usr-viewer-440500');
    expect(part(viewer, 'add-batch-button') === null).to.equal(true);
    expect(part(viewer, 'voucher-find') !== null).to.equal(true);
    await expect(viewer).to.be.accessible();
  });

  it('creates a batch by keyboard, the rules next to their fields; then opens, pauses and closes it', async () => {
    const el = await batchesView('usr-admin-440100');
    part(el, 'add-batch-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-df-name', 'the focus never reached the name');
    await sendKeys({ type: '汕头测试券' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '0' });
    // Sent with the quota 0 and no amounts: the summary takes the focus and each error stands by its field.
    part(el, 'save-batch-button')!.click();
    await waitUntil(() => shadow(el).activeElement === part(el, 'error-summary'), 'the summary never took the focus');
    expect(query(el, '#smec-df-quota-error').textContent).to.contain('1 至 1,000,000');
    expect(query(el, '#smec-df-faceValue-error').textContent).to.contain('金额');
    expect(query<HTMLInputElement>(el, '#smec-df-name').value).to.equal('汕头测试券');
    await expect(el).to.be.accessible();

    // A yearly cap below one voucher: the shared rule says so as it is left.
    type(el, '#smec-df-faceValue', '5000');
    type(el, '#smec-df-annualCapPerEnterprise', '1000');
    await waitUntil(() => shadow(el).querySelector('#smec-df-annualCapPerEnterprise-error'));
    expect(query(el, '#smec-df-annualCapPerEnterprise-error').textContent).to.contain('不能低于一张服务券的面额');

    const name = `广州测试券 ${Date.now() % 100000}`;
    const opens = minuteIn(30, 9);
    type(el, '#smec-df-name', name);
    type(el, '#smec-df-quota', '200');
    type(el, '#smec-df-annualCapPerEnterprise', '20000');
    type(el, '#smec-df-year', opens.slice(0, 4));
    type(el, '#smec-df-regionCodes', '440104, 440106');
    type(el, '#smec-df-claimOpensAt', opens);
    type(el, '#smec-df-claimClosesAt', minuteIn(60, 17));
    type(el, '#smec-df-settleBy', minuteIn(300, 17));
    part(el, 'save-batch-button')!.click();
    await waitUntil(() => !part(el, 'batch-form'), 'not saved', LAZY_VIEW).catch(() => {
      throw new Error(`not saved: ${part(el, 'batch-form')?.textContent?.replace(/\s+/g, ' ')}`);
    });
    const created = () => parts(el, 'batch').find((item) => item.querySelector('h4')?.textContent === name);
    await waitUntil(() => created(), 'the draft is not listed');
    const id = created()!.dataset['batchId']!;
    expect(created()!.dataset['status']).to.equal('draft');
    expect(created()!.textContent).to.contain('440104');

    card(el, id)!.querySelector<HTMLButtonElement>('[part~="open-batch-button"]')!.click();
    await confirm(el, 'confirm-open-batch-button');
    await waitUntil(() => card(el, id)?.dataset['status'] === 'open', 'never opened', LAZY_VIEW);

    card(el, id)!.querySelector<HTMLButtonElement>('[part~="pause-batch-button"]')!.click();
    await confirm(el, 'confirm-pause-batch-button');
    await waitUntil(() => card(el, id)?.dataset['status'] === 'paused', 'never paused', LAZY_VIEW);
    expect(card(el, id)!.querySelector('[part~="badge"]')!.textContent).to.contain('已暂停');

    // Its frozen terms are shown but cannot change; the name can.
    card(el, id)!.querySelector<HTMLButtonElement>('[part~="edit-batch-button"]')!.click();
    await waitUntil(() => part(el, 'batch-form'));
    expect(part<HTMLFieldSetElement>(el, 'batch-terms')!.disabled).to.equal(true);
    type(el, '#smec-df-name', `${name}（改）`);
    part(el, 'save-batch-button')!.click();
    await waitUntil(() => card(el, id)?.querySelector('h4')?.textContent === `${name}（改）`, 'the edit never showed');

    card(el, id)!.querySelector<HTMLButtonElement>('[part~="close-batch-button"]')!.click();
    await confirm(el, 'confirm-close-batch-button');
    await waitUntil(() => card(el, id)?.dataset['status'] === 'closed', 'never closed', LAZY_VIEW);
  });

  it('finds a voucher, revokes it with a reason after a confirmation, and shows the revocation on its history', async () => {
    // A batch of the province's, open since a minute ago, and a voucher of it claimed by an enterprise.
    const opens = new Date(Date.now() - 60_000);
    const year = new Date(opens.getTime() + 8 * 3_600_000).getUTCFullYear();
    const draft = await apiSend<VoucherBatch>('POST', '/voucher-batches', 'usr-admin-440000', {
      name: `作废测试券 ${Date.now() % 100000}`,
      year,
      faceValue: 100_000,
      quota: 10,
      annualCapPerEnterprise: 100_000_000,
      maxCoverage: 50,
      useWithinDays: 30,
      claimOpensAt: opens.toISOString(),
      claimClosesAt: new Date(opens.getTime() + 20 * DAY_MS).toISOString(),
      settleBy: new Date(opens.getTime() + 90 * DAY_MS).toISOString(),
      eligibility: { sizes: ['micro', 'small', 'medium'] },
    });
    const batch = await apiSend<VoucherBatch>('POST', `/voucher-batches/${draft.id}/transitions`, 'usr-admin-440000', {
      action: 'open',
    });
    try {
      const voucher = await apiSend<Voucher>('POST', `/voucher-batches/${batch.id}/claims`, 'usr-ent-15', {});
      const el = await batchesView('usr-admin-440000');
      const field = query<HTMLInputElement>(el, '#smec-df-voucherId');
      field.focus();
      await sendKeys({ type: voucher.id });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(el, 'voucher'), 'the voucher never showed', LAZY_VIEW);
      expect(part(el, 'voucher')!.textContent).to.contain(voucher.code);
      expect(parts(el, 'history-entry').map((entry) => entry.dataset['status'])).to.deep.equal(['issued']);
      await expect(el).to.be.accessible();

      // Without a reason: the error next to the field, nothing asked.
      part(el, 'revoke-button')!.click();
      await waitUntil(() => shadow(el).querySelector('#smec-df-revokeReason-error'), 'no error next to the reason');
      expect(part(el, 'confirm-dialog') === null).to.equal(true);

      query(el, '#smec-df-revokeReason').focus();
      await sendKeys({ type: '同一法人以多家企业名义重复领取' });
      part(el, 'revoke-button')!.click();
      await confirm(el, 'confirm-revoke-button');
      await waitUntil(
        () => parts(el, 'history-entry').some((entry) => entry.dataset['status'] === 'revoked'),
        'the history never showed the revocation',
        LAZY_VIEW,
      );
      const revoked = parts(el, 'history-entry').find((entry) => entry.dataset['status'] === 'revoked')!;
      expect(revoked.textContent).to.contain('同一法人以多家企业名义重复领取');
      expect(part(el, 'voucher')!.querySelector('[part~="badge"]')!.textContent).to.contain('已作废');
      // A revoked voucher cannot be revoked again: no form is offered.
      expect(part(el, 'revoke-form') === null).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      await apiSend('POST', `/voucher-batches/${batch.id}/transitions`, 'usr-admin-440000', { action: 'close' });
    }
  });
});
