// Helpers of the event calendar's tests: they ask the real server (scripts/wtr.mjs) for the events to look at.
import { waitUntil } from '@open-wc/testing';
import type { ServiceEvent } from '@smec/schemas';
import { API, part, shadow, statusText } from './helpers.js';

/** The date in Beijing time of an instant, computed by hand (no Intl), to check the widget's formatting. */
export function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The days of `month` (`YYYY-MM`) in Beijing an event runs on, by hand: from its start's day to the day of the
 * instant before its end (an end at midnight closes the day before).
 */
export function daysInMonth(event: ServiceEvent, month: string): string[] {
  const days: string[] = [];
  const end = Math.max(Date.parse(event.startsAt), Date.parse(event.endsAt) - 1);
  for (let ms = Date.parse(event.startsAt); ; ms += 86_400_000) {
    const day = beijingDate(new Date(ms).toISOString());
    if (day > beijingDate(new Date(end).toISOString())) break;
    if (day.startsWith(month)) days.push(day);
  }
  return days;
}

/** What a month shows of `events`: those running on one of its days, and how many day entries they make. */
export function shownInMonth(
  events: readonly ServiceEvent[],
  month: string,
): { events: ServiceEvent[]; entries: number } {
  const shown = events.filter((event) => daysInMonth(event, month).length > 0);
  return { events: shown, entries: shown.reduce((sum, event) => sum + daysInMonth(event, month).length, 0) };
}

/** `HH:MM` in Beijing time, by hand. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);
}

export function beijingToday(): string {
  return beijingDate(new Date().toISOString());
}

/**
 * The calendar month `offset` months from today in Beijing (the page's clock follows SMEC_NOW, and the seed is
 * relative to that day, so these months hold its events): `key` as the widget's `month` takes it, its first and
 * last days, and its titles in Chinese and English, written by hand to check the widget's formatting.
 */
export function beijingMonth(offset = 0) {
  const [year, month] = beijingToday().split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 + offset, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const key = first.toISOString().slice(0, 7);
  return {
    key,
    first: `${key}-01`,
    last: last.toISOString().slice(0, 10),
    zh: `${first.getUTCFullYear()}年${first.getUTCMonth() + 1}月`,
    en: `${EN_MONTHS[first.getUTCMonth()]} ${first.getUTCFullYear()}`,
  };
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export async function listEvents(query: Record<string, string>): Promise<ServiceEvent[]> {
  const items: ServiceEvent[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ ...query, limit: '100', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${API}/events?${params}`);
    if (!response.ok) throw new Error(`GET /events answered ${response.status}`);
    const body = (await response.json()) as { items: ServiceEvent[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const seeded = new Map<string, Promise<ServiceEvent[]>>();

/**
 * The events from two months back to five ahead of today in a region (the seed's span around its day), asked once
 * per test file: the other widgets' tests share the server and should not wait behind these big lists.
 */
export function seededEvents(region?: string): Promise<ServiceEvent[]> {
  const key = region ?? '';
  let events = seeded.get(key);
  if (!events) {
    events = listEvents({ from: beijingMonth(-2).first, to: beijingMonth(5).last, ...(region ? { region } : {}) });
    seeded.set(key, events);
  }
  return events;
}

/** The events of the coming six weeks in Foshan, as they are now (seats left included). */
export function upcomingEvents(): Promise<ServiceEvent[]> {
  const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  return listEvents({ from: day(0), to: day(42), region: '440600' });
}

/** A Foshan day with more than three events (the seed makes several), and those events. */
export async function busyFoshanDay(): Promise<{ date: string; events: ServiceEvent[] }> {
  const byDay = new Map<string, ServiceEvent[]>();
  for (const event of await seededEvents('440600')) {
    const day = beijingDate(event.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const busy = [...byDay.entries()].find(([, events]) => events.length > 3);
  if (!busy) throw new Error('the seed has no busy day in Foshan');
  return { date: busy[0], events: busy[1] };
}

export function registrationOpen(event: ServiceEvent): boolean {
  const now = Date.now();
  return (
    event.status === 'scheduled' &&
    Date.parse(event.registrationOpensAt) < now &&
    Date.parse(event.registrationClosesAt) > now + 60_000
  );
}

/** A bearer token of the `index`-th seeded enterprise user, from the demo issuer. */
export async function enterpriseToken(index: number): Promise<string> {
  const users = (await (await fetch(`${API}/demo/users?role=enterprise`)).json()) as { items: { id: string }[] };
  const user = users.items[index];
  if (!user) throw new Error(`no enterprise user #${index}`);
  const response = await fetch(`${API}/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id }),
  });
  const { token } = (await response.json()) as { token: string };
  return token;
}

/** Waits until the calendar has loaded its month: the status says how many events, or that there are none. */
export async function loaded(el: Element): Promise<void> {
  await waitUntil(
    () => /本月共|本月暂无活动|events? this month|No events/.test(statusText(el)),
    `the month never loaded (status: "${statusText(el)}")`,
    { timeout: 10000 },
  );
}

export function monthTitle(el: Element): string {
  return part(el, 'month-title')?.textContent?.trim() ?? '';
}

export function cell(el: Element, date: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(`[role="gridcell"][data-date="${date}"]`);
  if (!found) throw new Error(`no cell for ${date}`);
  return found;
}

export function focusedDate(el: Element): string | undefined {
  return (shadow(el).activeElement as HTMLElement | null)?.dataset['date'];
}

export function button(el: Element, text: string): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim().includes(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

/** The open detail dialog. */
export function detail(el: Element): HTMLDialogElement | null {
  return shadow(el).querySelector<HTMLDialogElement>('dialog[part~="detail"]');
}
