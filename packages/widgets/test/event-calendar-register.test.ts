import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ServiceEvent } from '@smec/schemas';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/smec-event-calendar.js';
import '../src/define/smec-root.js';
import type { SmecEventCalendar } from '../src/index.js';
import {
  beijingDate,
  detail,
  enterpriseToken,
  loaded,
  registrationOpen,
  seededEvents,
  upcomingEvents,
} from './event-helpers.js';
import { API, shadow } from './helpers.js';

async function myEventIds(token: string): Promise<Set<string>> {
  const response = await fetch(`${API}/me/registrations?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { items: { eventId: string; status: string }[] };
  return new Set(body.items.filter((r) => r.status !== 'cancelled').map((r) => r.eventId));
}

async function findEvent(test: (event: ServiceEvent) => boolean, token?: string): Promise<ServiceEvent> {
  const mine = token ? await myEventIds(token) : new Set<string>();
  const event = (await upcomingEvents()).find((e) => registrationOpen(e) && !mine.has(e.id) && test(e));
  if (!event) throw new Error('the seed has no such event open for registration');
  return event;
}

/**
 * A calendar (signed in with `token` when given) showing `event`'s month as a list, with the event's detail open;
 * the host gives its own sign-in link unless `hostSignIn` is false.
 */
async function openDetail(event: ServiceEvent, token?: string, hostSignIn = true): Promise<SmecEventCalendar> {
  const month = beijingDate(event.startsAt).slice(0, 7);
  const root = await fixture(
    html`<smec-root api-base=${API} .getToken=${token ? () => token : undefined}>
      <smec-event-calendar view="list" month=${month} region=${event.regionCode}>
        ${hostSignIn ? html`<a slot="sign-in" href="#sign-in">企业用户登录</a>` : ''}
      </smec-event-calendar>
    </smec-root>`,
  );
  const el = root.querySelector('smec-event-calendar')!;
  await loaded(el);
  const button = shadow(el).querySelector<HTMLElement>(`[part~="event"][data-event-id="${event.id}"]`);
  if (!button) throw new Error(`event ${event.id} is not listed`);
  // As a visitor's click does, the button takes the focus.
  button.focus();
  button.click();
  await waitUntil(() => detail(el)?.open, 'the detail did not open');
  return el;
}

function actionButton(el: SmecEventCalendar, label: string): HTMLButtonElement | undefined {
  const button = detail(el)?.querySelector<HTMLButtonElement>('[part~="register-button"]');
  return button?.textContent?.trim() === label ? button : undefined;
}

/** 「确认取消报名」 in the question that cancelling asks first, once it is open. */
async function confirmCancel(el: SmecEventCalendar): Promise<void> {
  const button = () => shadow(el).querySelector<HTMLButtonElement>('dialog[open] [part~="confirm-cancel-button"]');
  await waitUntil(button, 'no confirmation before cancelling', { timeout: 5000 });
  button()!.click();
}

function actionStatus(el: SmecEventCalendar): string {
  return detail(el)?.querySelector('[part~="action-status"]')?.textContent?.trim() ?? '';
}

async function demoToken(userId: string): Promise<string> {
  const response = await fetch(`${API}/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return ((await response.json()) as { token: string }).token;
}

function listedEvent(el: SmecEventCalendar, id: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="event"][data-event-id="${id}"]`);
}

describe('smec-event-calendar registration', () => {
  it('signed out, registration closed: no sign-in prompt, and the list says it closed instead of seats left', async () => {
    const now = Date.now();
    const closed = (await seededEvents('440600')).find(
      (e) => e.status === 'scheduled' && Date.parse(e.registrationClosesAt) < now && e.seatsLeft > 0,
    );
    if (!closed) throw new Error('the seed has no Foshan event with seats left whose registration has closed');
    const el = await openDetail(closed);
    // The registration state is known (nobody is signed in) once the detail has rendered its facts.
    await waitUntil(() => detail(el)?.querySelector('.facts'), 'no facts');
    expect(detail(el)!.querySelector('[part~="register-button"]')).to.equal(null);
    expect(detail(el)!.textContent).to.not.contain('登录企业账号后即可报名');
    expect(detail(el)!.textContent).to.contain('报名已截止');
    expect(listedEvent(el, closed.id)!.textContent).to.contain('报名已截止');
    expect(listedEvent(el, closed.id)!.textContent).to.not.contain('个名额');
  });

  it('signed in as a provider: says registration is for enterprise accounts, with no button', async () => {
    const event = await findEvent((e) => e.seatsLeft > 0);
    const el = await openDetail(event, await demoToken('usr-prv-01'));
    await waitUntil(
      () => detail(el)?.textContent?.includes('报名须使用企业账号，您当前登录的账号不是企业账号。'),
      'no word about the account',
    );
    expect(detail(el)!.querySelector('[part~="register-button"]')).to.equal(null);
    expect(detail(el)!.textContent).to.not.contain('登录后报名');
    await expect(el).to.be.accessible();
  });

  it('signed out, with the host’s sign-in link: that link is the one prompt, and /me/ is never asked', async () => {
    const event = await findEvent((e) => e.seatsLeft > 0);
    performance.clearResourceTimings();
    const el = await openDetail(event);
    await waitUntil(() => detail(el)?.querySelector('.sign-in'), 'no sign-in prompt');
    const slot = detail(el)!.querySelector<HTMLSlotElement>('slot[name="sign-in"]')!;
    expect(slot.assignedElements().map((link) => link.textContent)).to.deep.equal(['企业用户登录']);
    // The widget's own button is the slot's fallback: not shown beside the host's link.
    const button = detail(el)!.querySelector<HTMLButtonElement>('[part~="register-button"]')!;
    expect(button.getClientRects().length).to.equal(0);
    expect(detail(el)!.querySelector('[part~="ics-link"]')?.getAttribute('href')).to.equal(
      `${API}/events/${event.id}.ics`,
    );
    expect(detail(el)!.querySelector('[part~="ics-link"]')?.hasAttribute('download')).to.equal(true);
    // Chromium adds a fetch's resource entry a little after its answer is used: wait for the detail's.
    const asked = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    await waitUntil(() => asked().some((path) => path.endsWith(`/events/${event.id}`)), 'the detail was never loaded');
    expect(asked().filter((path) => path.includes('/me/'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('signed out, without a host link: the widget’s sign-in button fires smec-auth-required', async () => {
    const event = await findEvent((e) => e.seatsLeft > 0);
    const el = await openDetail(event, undefined, false);
    await waitUntil(() => actionButton(el, '登录后报名'), 'no sign-in prompt');
    expect(actionButton(el, '登录后报名')!.getClientRects().length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    const fired = oneEvent(el, 'smec-auth-required');
    actionButton(el, '登录后报名')!.click();
    const auth = await fired;
    expect(auth.detail).to.deep.equal({ eventId: event.id });
    expect(auth.bubbles && auth.composed).to.equal(true);
  });

  it('signed in: registers (confirmed), then cancels, with events on user action only', async () => {
    const token = await enterpriseToken(2);
    const event = await findEvent((e) => e.seatsLeft > 1, token);
    const el = await openDetail(event, token);
    const fired: string[] = [];
    el.addEventListener('smec-event-register', (e) => fired.push(`register:${e.detail.status}`));
    el.addEventListener('smec-event-cancel', () => fired.push('cancel'));
    await waitUntil(() => actionButton(el, '报名'), 'no register button');
    expect(detail(el)!.querySelector('.seats')?.textContent?.trim()).to.equal(`剩余 ${event.seatsLeft} 个名额`);
    expect(fired).to.deep.equal([]);
    await expect(el).to.be.accessible();

    const registered = oneEvent(el, 'smec-event-register');
    actionButton(el, '报名')!.click();
    const registration = await registered;
    expect(registration.detail.eventId).to.equal(event.id);
    expect(registration.detail.status).to.equal('confirmed');
    await waitUntil(() => actionButton(el, '取消报名'), 'no cancel button');
    expect(actionStatus(el)).to.equal('报名成功。');
    expect(detail(el)!.querySelector('[part~="action-status"]')?.getAttribute('aria-live')).to.equal('polite');
    await waitUntil(
      () => detail(el)!.querySelector('.seats')?.textContent?.trim() === `剩余 ${event.seatsLeft - 1} 个名额`,
      'the seats left did not update',
    );
    await expect(el).to.be.accessible();

    // Cancelling is asked first, naming the event and its date; Escape keeps the registration.
    const confirmDialog = () => shadow(el).querySelector<HTMLDialogElement>('[part~="confirm-dialog"]');
    // A key press, as a visitor's: without a user activation between the two dialogs, the browser would close both
    // on one Escape (close watchers opened without one are grouped).
    actionButton(el, '取消报名')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => confirmDialog()?.open, 'no confirmation before cancelling', { timeout: 5000 });
    expect(confirmDialog()!.textContent).to.contain(`「${event.title}」`);
    expect(confirmDialog()!.textContent).to.match(/\d{1,2}:\d{2}/);
    expect(confirmDialog()!.querySelector('[part~="confirm-cancel-button"]')?.textContent?.trim()).to.equal(
      '确认取消报名',
    );
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-confirm-title', 'the question took no focus');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !confirmDialog(), 'Escape did not close the confirmation');
    await waitUntil(() => shadow(el).activeElement === actionButton(el, '取消报名'), 'the focus did not come back');
    expect(detail(el)?.open, 'the detail stays open').to.equal(true);
    expect(fired).to.deep.equal(['register:confirmed']);
    expect((await myEventIds(token)).has(event.id)).to.equal(true);

    const cancelled = oneEvent(el, 'smec-event-cancel');
    actionButton(el, '取消报名')!.click();
    await confirmCancel(el);
    const cancel = await cancelled;
    expect(cancel.detail).to.deep.equal({ eventId: event.id, registrationId: registration.detail.registrationId });
    await waitUntil(() => actionButton(el, '报名'), 'no register button after cancelling');
    expect(actionStatus(el)).to.equal('已取消报名。');
    expect(fired).to.deep.equal(['register:confirmed', 'cancel']);
  });

  it('signed in: joins the waitlist of a full event, then leaves it', async () => {
    const token = await enterpriseToken(3);
    const event = await findEvent((e) => e.seatsLeft === 0 && e.waitlist, token);
    const el = await openDetail(event, token);
    await waitUntil(() => actionButton(el, '加入候补'), 'no waitlist button');
    expect(detail(el)!.querySelector('.seats')?.textContent?.trim()).to.equal('已满，可候补');

    const registered = oneEvent(el, 'smec-event-register');
    actionButton(el, '加入候补')!.click();
    expect((await registered).detail.status).to.equal('waitlisted');
    await waitUntil(() => actionButton(el, '取消报名'), 'no cancel button');
    expect(actionStatus(el)).to.match(/^已加入候补名单，您排在第 \d+ 位。$/);
    expect(detail(el)!.querySelector('.registered')?.textContent).to.match(/您在候补名单第 \d+ 位/);
    await expect(el).to.be.accessible();

    const cancelled = oneEvent(el, 'smec-event-cancel');
    actionButton(el, '取消报名')!.click();
    await confirmCancel(el);
    await cancelled;
    await waitUntil(() => actionButton(el, '加入候补'), 'no waitlist button after leaving');
  });

  it('knows the enterprise’s registration from /me/registrations and shows it on opening', async () => {
    const token = await enterpriseToken(4);
    const event = await findEvent((e) => e.seatsLeft > 1, token);
    const response = await fetch(`${API}/events/${event.id}/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).to.equal(201);
    const el = await openDetail(event, token);
    await waitUntil(() => actionButton(el, '取消报名'), 'the registration was not recognised');
    expect(detail(el)!.querySelector('.registered')?.textContent?.trim()).to.equal('您已报名本活动');
    actionButton(el, '取消报名')!.click();
    await confirmCancel(el);
    await waitUntil(() => actionButton(el, '报名'), 'not cancelled');
  });

  it('Escape closes the detail and returns the focus to the event', async () => {
    const event = await findEvent((e) => e.seatsLeft > 0);
    const el = await openDetail(event);
    const opener = shadow(el).querySelector<HTMLElement>(`[part~="event"][data-event-id="${event.id}"]`)!;
    expect(shadow(el).activeElement?.id).to.equal('smec-detail-title');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !detail(el), 'the detail stayed open');
    await waitUntil(() => shadow(el).activeElement === opener, 'the focus did not return');
  });
});
