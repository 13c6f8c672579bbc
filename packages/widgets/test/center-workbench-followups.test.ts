import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Rating, RatingPage } from '@smec/schemas';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { apiGet, choose, tokenOf, viewReady, workbench } from './center-workbench-helpers.js';

// Guangzhou's center has overdue follow-ups in the seed. The tests add notes and escalations (which change no
// count of the overview) and close only an answered follow-up (which no overview counts).
const ADMIN = 'usr-admin-440100';

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${API}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenOf(ADMIN)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function card(el: Element, ratingId: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="follow-up"][data-rating-id="${ratingId}"]`);
}

describe('smec-center-workbench: follow-ups', () => {
  it('lists the region’s follow-ups overdue first, and adds a note by keyboard, the error next to the field', async () => {
    const el = await workbench(ADMIN, { view: 'followUps' });
    await viewReady(el, '[part~="follow-up"]');
    const flags = parts(el, 'follow-up').map((item) => item.dataset['overdue']);
    expect(flags[0], 'the seed has overdue follow-ups in Guangzhou').to.equal('true');
    expect(flags.indexOf('false') === -1 || flags.lastIndexOf('true') < flags.indexOf('false')).to.equal(true);
    const first = parts(el, 'follow-up')[0]!;
    const id = first.dataset['ratingId']!;
    expect(first.textContent).to.contain('评价').and.contain('答复期限');
    await expect(el).to.be.accessible();

    first.querySelector<HTMLButtonElement>('[part~="follow-up-note-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    const field = () => shadow(el).querySelector<HTMLTextAreaElement>(`#smec-follow-up-text-${id}`);
    await waitUntil(() => shadow(el).activeElement === field(), 'the note field never took focus');
    await sendKeys({ type: '好' });
    card(el, id)!.querySelector<HTMLButtonElement>('[part~="follow-up-send-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector(`#smec-follow-up-text-${id}-error`), 'no error next to the field');
    expect(field()!.getAttribute('aria-invalid')).to.equal('true');
    expect(field()!.value, 'what was typed is kept').to.equal('好');
    await expect(el).to.be.accessible();

    field()!.focus();
    await sendKeys({ type: '已电话联系服务机构' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => card(el, id)?.querySelector('[part~="follow-up-notes"]')?.textContent?.includes('好已电话联系服务机构'),
      'the note never showed on the card',
      LAZY_VIEW,
    );
    const rating = (await apiGet<RatingPage>('/ratings?queue=open&limit=100', ADMIN)).items.find(
      (item) => item.id === id,
    );
    expect(rating?.followUp?.notes.at(-1)?.text).to.equal('好已电话联系服务机构');
  });

  it('closes an escalated follow-up as resolved, with the note it requires', async () => {
    const answered = await apiGet<RatingPage>('/ratings?followUp=answered&limit=100', ADMIN);
    const target: Rating | undefined = answered.items.find((item) => !item.followUp?.escalation);
    expect(target, 'the seed has answered follow-ups in Guangzhou').to.not.equal(undefined);
    const escalated = await post(`/ratings/${target!.id}/follow-up/escalate`, { reason: '请省中心协调处理' });
    expect(escalated.status).to.equal(200);

    const el = await workbench(ADMIN, { view: 'followUps', lang: 'en' });
    await viewReady(el, '[part~="follow-up-filter"]');
    choose(el, '#smec-follow-up-queue', 'escalated');
    await waitUntil(() => card(el, target!.id), 'the escalated follow-up never showed', LAZY_VIEW);
    expect(card(el, target!.id)!.querySelector('[part~="escalation"]')?.textContent).to.contain('440000');

    card(el, target!.id)!.querySelector<HTMLButtonElement>('[part~="follow-up-resolve-button"]')!.click();
    const field = () => shadow(el).querySelector<HTMLTextAreaElement>(`#smec-follow-up-text-${target!.id}`);
    await waitUntil(() => field(), 'no field for the resolution');
    field()!.focus();
    await sendKeys({ type: 'Refunded by the provider; the enterprise agreed.' });
    card(el, target!.id)!.querySelector<HTMLButtonElement>('[part~="follow-up-send-button"]')!.click();
    await waitUntil(() => !card(el, target!.id), 'the closed follow-up stayed in the queue', LAZY_VIEW);
    expect(part(el, 'status')?.textContent).to.contain('closed');
    const after = await apiGet<RatingPage>('/ratings?followUp=closed&limit=100', ADMIN);
    const closed = after.items.find((item) => item.id === target!.id);
    expect(closed?.followUp?.notes.at(-1)?.kind).to.equal('resolution');
  });

  it('shows a viewer (只读) the follow-ups without a button that writes', async () => {
    const el = await workbench('usr-viewer-440100', { view: 'followUps' });
    await viewReady(el, '[part~="follow-up"]');
    for (const name of ['follow-up-note-button', 'follow-up-escalate-button', 'follow-up-resolve-button']) {
      expect(parts(el, name).length, name).to.equal(0);
    }
    await expect(el).to.be.accessible();
  });

  it('makes the overview’s count of overdue follow-ups a button to this view', async () => {
    const el = await workbench(ADMIN);
    await viewReady(el, '[part~="overview-count"][data-kind="followUpsOverdue"]');
    const count = shadow(el).querySelector<HTMLElement>('[part~="overview-count"][data-kind="followUpsOverdue"]')!;
    expect(count.localName).to.equal('button');
    count.click();
    await viewReady(el, '[part~="follow-up-filter"]');
    expect(el.view).to.equal('followUps');
  });
});
