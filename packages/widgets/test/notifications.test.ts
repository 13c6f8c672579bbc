// 「消息 (N)」 in the wallet, the provider workbench and the calendar, against the real server. The seed gives
// usr-ent-01 two unread notifications and usr-prv-01 one; no other test file reads or marks these users'
// notifications, so this file may mark one of each read and count down from what the platform says.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/smec-event-calendar.js';
import '../src/define/smec-provider-workbench.js';
import '../src/define/smec-root.js';
import '../src/define/smec-voucher-wallet.js';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';

type User = 'usr-ent-01' | 'usr-prv-01';

const tokens = new Map<string, Promise<string>>();

function tokenOf(userId: User): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    token = fetch(`${API}/demo/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    })
      .then((response) => response.json() as Promise<{ token: string }>)
      .then((body) => body.token);
    tokens.set(userId, token);
  }
  return token;
}

interface Page {
  unread: number;
  items: { id: string; readAt: string | null }[];
}

async function notificationsOf(userId: User): Promise<Page> {
  const response = await fetch(`${API}/me/notifications?limit=50`, {
    headers: { authorization: `Bearer ${await tokenOf(userId)}` },
  });
  expect(response.status).to.equal(200);
  return (await response.json()) as Page;
}

async function mount(tag: 'smec-voucher-wallet' | 'smec-provider-workbench' | 'smec-event-calendar', userId?: User) {
  const token = userId ? await tokenOf(userId) : undefined;
  const getToken = token ? () => token : undefined;
  const template =
    tag === 'smec-voucher-wallet'
      ? html`<smec-voucher-wallet></smec-voucher-wallet>`
      : tag === 'smec-provider-workbench'
        ? html`<smec-provider-workbench></smec-provider-workbench>`
        : html`<smec-event-calendar view="list"></smec-event-calendar>`;
  const root = await fixture(
    html`<smec-root api-base=${API} lang="zh-CN" .getToken=${getToken}>${template}</smec-root>`,
  );
  return root.querySelector<HTMLElement>(tag)!;
}

function buttonText(el: Element): string {
  return part(el, 'notifications-button')?.textContent?.trim() ?? '';
}

/** Opens the list, marks its first unread notification read and checks the count went down by one. */
async function markOneRead(el: HTMLElement, userId: User): Promise<void> {
  const before = await notificationsOf(userId);
  expect(before.unread, `the seed gives ${userId} unread notifications`).to.be.greaterThan(0);
  await waitUntil(() => buttonText(el) === `消息 (${before.unread})`, `no 「消息 (${before.unread})」`, LAZY_VIEW);
  const button = part<HTMLButtonElement>(el, 'notifications-button')!;
  expect(button.getAttribute('aria-expanded')).to.equal('false');
  button.click();
  await waitUntil(() => parts(el, 'notification').length > 0, 'the list never showed', LAZY_VIEW);
  expect(button.getAttribute('aria-expanded')).to.equal('true');
  await waitUntil(() => shadow(el).activeElement?.id === 'smec-notifications-title', 'the list never took the focus');
  const shown = parts(el, 'notification');
  expect(shown.map((item) => item.dataset['notificationId'])).to.deep.equal(before.items.map((item) => item.id));
  const unread = shown.find((item) => item.dataset['read'] === 'false')!;
  const id = unread.dataset['notificationId']!;
  // Its kind, its date and its text in the page's language.
  expect(unread.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
  expect(unread.querySelector('h4')?.textContent?.trim()).to.not.equal('');
  await expect(el).to.be.accessible();

  unread.querySelector<HTMLButtonElement>('[part~="notification-read-button"]')!.click();
  await waitUntil(() => buttonText(el) === `消息 (${before.unread - 1})`, 'the count never went down', LAZY_VIEW);
  const item = shadow(el).querySelector<HTMLElement>(`[part~="notification"][data-notification-id="${id}"]`)!;
  expect(item.dataset['read']).to.equal('true');
  expect(item.querySelector('[part~="notification-read-button"]')).to.equal(null);
  await waitUntil(() => shadow(el).activeElement === item.querySelector('h4'), 'the focus did not stay on it');
  const after = await notificationsOf(userId);
  expect(after.unread).to.equal(before.unread - 1);
  expect(after.items.find((notification) => notification.id === id)?.readAt).to.be.a('string');
  await expect(el).to.be.accessible();

  // Closed again by the same button, which keeps the focus.
  button.click();
  await waitUntil(() => !part(el, 'notifications'), 'the list never closed');
}

describe('notifications: 「消息 (N)」', () => {
  it('the wallet shows usr-ent-01’s unread count, lists them, and marking one read lowers it', async () => {
    const el = await mount('smec-voucher-wallet', 'usr-ent-01');
    await markOneRead(el, 'usr-ent-01');
  });

  it('the provider workbench does the same for usr-prv-01', async () => {
    const el = await mount('smec-provider-workbench', 'usr-prv-01');
    await markOneRead(el, 'usr-prv-01');
  });

  it('the calendar shows the count to a signed-in user, and nothing to a visitor', async () => {
    const visitor = await mount('smec-event-calendar');
    const signedIn = await mount('smec-event-calendar', 'usr-ent-01');
    const { unread } = await notificationsOf('usr-ent-01');
    await waitUntil(() => buttonText(signedIn) === `消息 (${unread})`, `no 「消息 (${unread})」`, LAZY_VIEW);
    // By then the visitor's calendar has loaded its month too, and shows no button.
    await waitUntil(() => /本月/.test(part(visitor, 'status')?.textContent ?? ''), 'the month never loaded');
    expect(part(visitor, 'notifications-button')).to.equal(null);
    await expect(signedIn).to.be.accessible();
  });

  it('the list fits 320 px', async () => {
    const el = await mount('smec-voucher-wallet', 'usr-ent-01');
    el.style.display = 'block';
    el.style.width = '320px';
    await waitUntil(() => part(el, 'notifications-button'), 'no 「消息」', LAZY_VIEW);
    part<HTMLButtonElement>(el, 'notifications-button')!.click();
    await waitUntil(() => parts(el, 'notification').length > 0, 'the list never showed', LAZY_VIEW);
    const list = part(el, 'notifications')!;
    expect(list.scrollWidth).to.be.at.most(list.clientWidth + 1);
    expect(part(el, 'base')!.scrollWidth).to.be.at.most(320);
  });
});
