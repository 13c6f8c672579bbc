// The Events view of the center workbench against the real server, signed in as the seeded staff of enterprise A's
// city (440500), which runs the demo events: today's, with registrations to check in, and one two days ago, rated.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/smec-center-workbench.js';
import '../src/define/smec-root.js';
import type { SmecCenterWorkbench } from '../src/index.js';
import { API, LAZY_VIEW, part, shadow } from './helpers.js';

type StaffUser = 'usr-admin-440100' | 'usr-staff-440500' | 'usr-viewer-440500';

const tokens = new Map<string, Promise<string>>();

function tokenOf(userId: StaffUser): Promise<string> {
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

async function eventsView(userId: StaffUser, lang = 'zh-CN'): Promise<SmecCenterWorkbench> {
  const token = await tokenOf(userId);
  const root = await fixture(
    html`<smec-root api-base=${API} lang=${lang} .getToken=${() => token}>
      <smec-center-workbench view="events"></smec-center-workbench>
    </smec-root>`,
  );
  const el = root.querySelector('smec-center-workbench')!;
  await waitUntil(() => shadow(el).querySelector('[data-event-id="evt-demo-today"]'), 'no events listed', LAZY_VIEW);
  return el;
}

function query<T extends HTMLElement = HTMLElement>(el: Element, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function type(el: Element, selector: string, value: string): void {
  const control = query<HTMLInputElement>(el, selector);
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function minuteIn(days: number, hour: number): string {
  const day = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

async function openToday(el: SmecCenterWorkbench): Promise<void> {
  query(el, '[data-event-id="evt-demo-today"] [part~="open-event-button"]').click();
  await waitUntil(() => shadow(el).querySelector('[part~="registrant"]'), 'no registrants', LAZY_VIEW);
}

async function checkIn(el: SmecCenterWorkbench, code: string): Promise<string> {
  const before = part(el, 'check-in-outcome')?.textContent?.trim() ?? '';
  type(el, '#smec-df-checkInCode', code);
  query(el, '[part~="check-in-button"]').click();
  await waitUntil(
    () => {
      const now = part(el, 'check-in-outcome')?.textContent?.trim() ?? '';
      return now !== '' && now !== before;
    },
    'no check-in answer',
    { timeout: 5000 },
  ).catch(() => {
    throw new Error(`no check-in answer: ${part(el, 'event-desk')?.textContent?.replace(/\s+/g, ' ').slice(0, 600)}`);
  });
  return part(el, 'check-in-outcome')!.textContent!.trim();
}

describe('center workbench: events', () => {
  it('lists the center’s events upcoming first, today’s marked as starting within 7 days, axe clean', async () => {
    const el = await eventsView('usr-staff-440500');
    const today = query(el, '[data-event-id="evt-demo-today"]');
    expect(today.querySelector('[part~="soon-badge"]')).to.not.equal(null);
    expect(part(el, 'add-event-button')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('checks a registration in by its code: attended, then already checked in, and an unknown code', async () => {
    const el = await eventsView('usr-staff-440500');
    await openToday(el);
    await expect(el).to.be.accessible();
    const confirmed = [...shadow(el).querySelectorAll<HTMLElement>('[part~="registrant"]')]
      .map((each) => each.dataset.code!)
      .find((code) => code !== 'CHECKPASS2');
    expect(await checkIn(el, confirmed!.toLowerCase())).to.contain('已签到');
    expect(await checkIn(el, confirmed!)).to.contain('此前已签到');
    expect(await checkIn(el, 'ZZZZZZZZZZ')).to.contain('未找到签到码');
  });

  it('prepares the registrants’ CSV for download', async () => {
    const el = await eventsView('usr-staff-440500');
    await openToday(el);
    query(el, '[part~="export-csv-button"]').click();
    await waitUntil(() => part(el, 'csv-link'), 'no CSV link');
    const link = part<HTMLAnchorElement>(el, 'csv-link')!;
    const text = await (await fetch(link.href)).arrayBuffer();
    expect([...new Uint8Array(text).slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  });

  it('shows the ratings of an event that is over', async () => {
    const el = await eventsView('usr-staff-440500');
    query(el, '[data-event-id="evt-demo-past"] [part~="open-event-button"]').click();
    await waitUntil(() => part(el, 'event-ratings'), 'no ratings', LAZY_VIEW);
    expect(part(el, 'event-ratings')!.textContent).to.match(/\d+ 条评价/);
  });

  it('creates a draft: refusals next to their fields, what was typed kept; then publishes and cancels it', async () => {
    const el = await eventsView('usr-staff-440500');
    part(el, 'add-event-button')!.click();
    await waitUntil(() => part(el, 'event-form'));
    type(el, '#smec-df-title', '培训');
    query(el, '[part~="save-event-button"]').click();
    await waitUntil(() => part(el, 'error-summary'));
    expect(query(el, '#smec-df-title-error').textContent).to.contain('4 至 60');
    await expect(el).to.be.accessible();
    expect(query<HTMLInputElement>(el, '#smec-df-title').value).to.equal('培训');

    const title = `出口合规培训 ${Date.now() % 100000}`;
    type(el, '#smec-df-title', title);
    type(el, '#smec-df-description', '讲解出口管制与合规审查的基本要求。');
    type(el, '#smec-df-regionCode', '440500');
    type(el, '#smec-df-venue', '汕头市龙湖区长平路1号');
    type(el, '#smec-df-startsAt', minuteIn(20, 14));
    type(el, '#smec-df-endsAt', minuteIn(20, 17));
    type(el, '#smec-df-registrationOpensAt', minuteIn(1, 9));
    type(el, '#smec-df-registrationClosesAt', minuteIn(19, 17));
    type(el, '#smec-df-capacity', '30');
    query(el, '[part~="save-event-button"]').click();
    await waitUntil(() => part(el, 'publish-event-button'), 'not saved', LAZY_VIEW).catch(() => {
      throw new Error(`not saved: ${part(el, 'event-form')?.textContent?.replace(/\s+/g, ' ')}`);
    });
    expect(part(el, 'event-desk')!.textContent).to.contain(title);
    // Another session of the same center (a viewer here) lists the draft too: it is the platform's, not this page's.
    const elsewhere = await eventsView('usr-viewer-440500');
    await waitUntil(() => part(elsewhere, 'view')?.textContent?.includes(title), 'the draft is not listed', LAZY_VIEW);

    part(el, 'publish-event-button')!.click();
    await waitUntil(() => !part(el, 'publish-event-button') && part(el, 'event-desk')?.textContent?.includes('已发布'));

    part(el, 'cancel-event-button')!.click();
    await waitUntil(() => shadow(el).querySelector('#smec-df-cancelReason'));
    type(el, '#smec-df-cancelReason', '主讲老师临时出差，活动改期');
    part(el, 'ask-cancel-event-button')!.click();
    await waitUntil(() => part(el, 'confirm-cancel-event-button'));
    await expect(el).to.be.accessible();
    part(el, 'confirm-cancel-event-button')!.click();
    await waitUntil(() => part(el, 'event-desk')?.textContent?.includes('主讲老师临时出差'), 'not cancelled');
    expect(part(el, 'cancel-event-button')).to.equal(null);
  });
});
