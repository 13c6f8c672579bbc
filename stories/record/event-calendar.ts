// <smec-event-calendar>'s stories: Foshan's events of a month, a full event with a waitlist opened by a signed-in
// enterprise, by the same enterprise once it joined the waitlist, and by nobody; and a month without events.
import type { ServiceEvent } from '@smec/schemas';
import { shanghaiToday } from '@smec/schemas/rules';
import type { SmecClient } from '@smec/sdk';
import { refused, type Recorder, type WidgetRecorder } from './recorder.js';

const REGION = '440600';
/** A seeded enterprise of Foshan: it joins the waitlist. */
const ENTERPRISE = 'usr-ent-12';
/** The calendar's page size (events-api.ts). */
const LIMIT = 100;

function monthRange(month: string): { from: string; to: string } {
  const [year = 0, index = 0] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function monthAfter(month: string, months: number): string {
  const [year = 0, index = 0] = month.split('-').map(Number);
  return new Date(Date.UTC(year, index - 1 + months, 1)).toISOString().slice(0, 7);
}

/** What the calendar asks for a month: every page of its events in the region. */
async function month(client: SmecClient, month: string): Promise<ServiceEvent[]> {
  const events: ServiceEvent[] = [];
  for await (const page of client.events.list({ ...monthRange(month), region: REGION, limit: LIMIT }).pages()) {
    events.push(...page.items);
  }
  return events;
}

/** What the calendar asks when an event is opened: the event, and the visitor's own registrations. */
async function open(client: SmecClient, id: string): Promise<void> {
  await client.events.get(id);
  await client.me.registrations({ limit: LIMIT }).catch(() => undefined);
}

function fullWithWaitlist(events: readonly ServiceEvent[], now: number): ServiceEvent | undefined {
  return events.find(
    (event) =>
      event.seatsLeft === 0 &&
      event.waitlist &&
      Date.parse(event.registrationOpensAt) <= now &&
      now < Date.parse(event.registrationClosesAt),
  );
}

/** The count of 「消息 (N)」 (notifications/unread-notifications.ts). */
const UNREAD = { path: '/me/notifications', query: { unread: true, limit: 1 } };

export async function recordEventCalendar(recorder: Recorder, now: number): Promise<WidgetRecorder> {
  const calendar = recorder.widget('event-calendar');
  const enterprise = calendar.scenario('enterprise', { user: ENTERPRISE });
  // The seed fills the months around its day; the current one holds a full event with a waitlist, or a later one.
  const today = shanghaiToday(new Date(now)).slice(0, 7);
  let shown = today;
  let events = await month(enterprise, shown);
  for (let ahead = 1; !fullWithWaitlist(events, now) && ahead <= 3; ahead++) {
    events = await month(enterprise, (shown = monthAfter(today, ahead)));
  }
  const full = fullWithWaitlist(events, now);
  if (!full) throw new Error(`the seed has no full event with a waitlist open for registration in ${REGION}`);
  await enterprise.regions.list({});
  await enterprise.request(UNREAD);
  await open(enterprise, full.id);

  // Nobody signed in sees the same month; the platform answers 401 for their registrations and their 「消息」 (a
  // client handed over ready-made may carry a token the calendar cannot see, so it asks).
  const signedOut = calendar.scenario('signedOut', { base: 'enterprise' });
  await open(signedOut, full.id);
  await refused(signedOut.request(UNREAD), 401);

  const empty = monthAfter(today, 12);
  if ((await month(enterprise, empty)).length > 0) throw new Error(`the seed has events in ${empty}`);

  // The enterprise joins the waitlist: the platform's answer, and what the calendar shows afterwards.
  await enterprise.events.register(full.id, {});
  await month(enterprise, shown);
  await open(enterprise, full.id);

  const fullEventDay = shanghaiToday(new Date(full.startsAt));
  Object.assign(calendar.ids, { month: shown, emptyMonth: empty, fullEvent: full.id, fullEventDay });
  return calendar;
}
