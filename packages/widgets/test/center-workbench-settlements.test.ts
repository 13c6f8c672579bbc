import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SettlementPage } from '@smec/schemas';
import '../src/define/smec-root.js';
import '../src/define/smec-center-workbench.js';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';

// Guangzhou's center: its queue holds accepted, voucher-paid engagements of the generated seed that no other test
// uses. The test refuses one (it stays in the queue, refused) and never settles, so other tests' figures hold.
const ADMIN = 'usr-admin-440100';

async function tokenOf(userId: string): Promise<string> {
  const response = await fetch(`${API}/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function queue(token: string, state: string): Promise<SettlementPage> {
  const response = await fetch(`${API}/settlements?state=${state}&limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as SettlementPage;
}

async function settlementsView(lang = 'zh-CN') {
  const token = await tokenOf(ADMIN);
  const root = await fixture(
    html`<smec-root api-base=${API} lang=${lang} .getToken=${() => token}>
      <smec-center-workbench view="settlements"></smec-center-workbench>
    </smec-root>`,
  );
  const el = root.querySelector('smec-center-workbench')!;
  await waitUntil(() => parts(el, 'settlement').length > 0, 'the queue never showed', LAZY_VIEW);
  return { el, token };
}

describe('smec-center-workbench: settlement', () => {
  it('lists the region’s queue with the amounts, and refuses one with a reason typed by keyboard', async () => {
    const { el, token } = await settlementsView();
    const before = await queue(token, 'waiting');
    expect(before.total, 'the seed gives Guangzhou engagements to settle').to.be.greaterThan(0);
    const card = parts(el, 'settlement').find((item) => item.dataset['state'] === 'waiting')!;
    const id = card.dataset['engagementId']!;
    expect(card.textContent).to.contain('合同金额').and.contain('服务券抵扣');
    await expect(el).to.be.accessible();

    card.querySelector<HTMLButtonElement>('[part~="refuse-open-button"]')!.click();
    const field = () => shadow(el).querySelector<HTMLTextAreaElement>(`#smec-refusal-${id}`);
    await waitUntil(() => shadow(el).activeElement === field(), 'the reason field never took focus');
    // Sent empty: the error is next to the field, which keeps focus.
    shadow(el).querySelector<HTMLButtonElement>(`[data-engagement-id="${id}"] [part~="refuse-button"]`)!.click();
    await waitUntil(() => shadow(el).querySelector(`#smec-refusal-${id}-error`), 'no error next to the field');
    expect(field()!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    field()!.focus();
    await sendKeys({ type: '缺少服务成果报告' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => shadow(el).querySelector(`[part~="settlement"][data-engagement-id="${id}"][data-state="refused"]`),
      'the card never showed it refused',
      LAZY_VIEW,
    );
    const refused = await queue(token, 'refused');
    expect(refused.items.find((item) => item.engagementId === id)?.refusalReason).to.equal('缺少服务成果报告');
  });

  it('asks before settling, and settles nothing when the staff member says no', async () => {
    const { el, token } = await settlementsView('en');
    await waitUntil(() => part(el, 'settle-button')?.textContent?.trim() === 'Settle', 'no English', LAZY_VIEW);
    const total = (await queue(token, 'waiting')).total;
    part<HTMLButtonElement>(el, 'settle-button')!.click();
    await waitUntil(() => part(el, 'confirm-dialog'), 'no confirmation asked');
    expect(part(el, 'confirm-dialog')!.textContent).to.contain('cannot be undone');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !part(el, 'confirm-dialog'), 'the dialog stayed');
    expect((await queue(token, 'waiting')).total).to.equal(total);
  });

  it('filters by state and keeps the list in the staff member’s language', async () => {
    const { el } = await settlementsView('zh-HK');
    const select = part<HTMLSelectElement>(el, 'settlement-filter')!;
    select.value = 'refused';
    select.dispatchEvent(new Event('change'));
    await waitUntil(
      () =>
        // The zh-HK texts may arrive after the list: wait for them too.
        /共 \d+ 項/.test(part(el, 'settlement-total')?.textContent ?? '') &&
        parts(el, 'settlement').every((item) => item.dataset['state'] === 'refused'),
      'the filter never applied',
      LAZY_VIEW,
    );
    expect(part(el, 'settlement-total')!.textContent).to.match(/共 \d+ 項/);
    await expect(el).to.be.accessible();
  });
});
