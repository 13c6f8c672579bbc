// The event form's values and rules, apart from its markup so that they are tested without a browser: the shared
// rules (rules/event-admin.ts) the server checks with, times typed as Asia/Shanghai wall-clock minutes.
import type { EventInput, EventPatch, EventType, ServiceEvent, StaffEvent } from '@smec/schemas';
import {
  EVENT_CAPACITY_MAX,
  EVENT_WAITLIST_MAX,
  SHANGHAI_OFFSET_MS,
  checkEventDescription,
  checkEventTitle,
  checkEventVenue,
  eventPlanRefusals,
  webUrl,
  type EventMessageKey,
} from '@smec/schemas/rules';

export const EVENT_FIELDS = [
  'type',
  'title',
  'description',
  'regionCode',
  'venue',
  'onlineUrl',
  'startsAt',
  'endsAt',
  'registrationOpensAt',
  'registrationClosesAt',
  'capacity',
  'waitlistSize',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** What the form holds: every value as typed; times as `2027-03-18T14:00` in Asia/Shanghai. */
export type EventValues = Record<EventField, string>;

/** A problem the form finds itself: a shared rule's key, or a number or time that is not one. */
export type EventProblem = EventMessageKey | 'number' | 'time' | 'url';

export function emptyEvent(regionCode: string): EventValues {
  return {
    type: 'training',
    title: '',
    description: '',
    regionCode,
    venue: '',
    onlineUrl: '',
    startsAt: '',
    endsAt: '',
    registrationOpensAt: '',
    registrationClosesAt: '',
    capacity: '',
    waitlistSize: '0',
  };
}

/** An instant as the wall-clock minute in Asia/Shanghai that a `datetime-local` control shows. */
export function shanghaiMinute(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Asia/Shanghai, with its offset (what the platform takes); undefined if none. */
export function instantOf(minute: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(minute) && Number.isFinite(Date.parse(`${minute}:00+08:00`))
    ? `${minute}:00+08:00`
    : undefined;
}

export function valuesOfEvent(event: StaffEvent): EventValues {
  return {
    type: event.type,
    title: event.title,
    description: event.description,
    regionCode: event.regionCode,
    venue: event.venue ?? '',
    onlineUrl: event.onlineUrl ?? '',
    startsAt: shanghaiMinute(event.startsAt),
    endsAt: shanghaiMinute(event.endsAt),
    registrationOpensAt: shanghaiMinute(event.registrationOpensAt),
    registrationClosesAt: shanghaiMinute(event.registrationClosesAt),
    capacity: String(event.capacity),
    waitlistSize: String(event.waitlistSize ?? 0),
  };
}

/** A whole number within 0…max as typed (full-width digits too); NaN for anything else. */
export function parseCount(text: string, max: number): number {
  const digits = text.trim().replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
  const value = /^\d{1,9}$/.test(digits) ? Number(digits) : Number.NaN;
  return value <= max ? value : Number.NaN;
}

/** The rule each field breaks; none for a form that may be sent. */
export function eventProblems(values: EventValues): Partial<Record<EventField, EventProblem>> {
  const problems: Partial<Record<EventField, EventProblem>> = {};
  const title = checkEventTitle(values.title);
  if (title) problems.title = title;
  const description = checkEventDescription(values.description);
  if (description) problems.description = description;
  const venue = values.venue.trim() ? checkEventVenue(values.venue) : undefined;
  if (venue) problems.venue = venue;
  if (values.onlineUrl.trim() && !webUrl(values.onlineUrl.trim())) problems.onlineUrl = 'url';
  if (!/^\d{6}$/.test(values.regionCode.trim())) problems.regionCode = 'number';
  const capacity = parseCount(values.capacity, EVENT_CAPACITY_MAX);
  if (!(capacity >= 1)) problems.capacity = 'number';
  if (Number.isNaN(parseCount(values.waitlistSize, EVENT_WAITLIST_MAX))) problems.waitlistSize = 'number';
  const times = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const;
  for (const field of times) if (!instantOf(values[field])) problems[field] = 'time';
  if (times.every((field) => !problems[field]) && !problems.venue) {
    const ts = (field: (typeof times)[number]) => Date.parse(instantOf(values[field])!);
    const refusals = eventPlanRefusals({
      startsTs: ts('startsAt'),
      endsTs: ts('endsAt'),
      opensTs: ts('registrationOpensAt'),
      closesTs: ts('registrationClosesAt'),
      venue: values.venue.trim() || null,
      onlineUrl: values.onlineUrl.trim() || null,
    });
    for (const { field, key } of refusals) problems[field] ??= key;
  }
  return problems;
}

/** What `POST /events` gets from a form without problems. */
export function eventInputOf(values: EventValues): EventInput {
  const venue = values.venue.trim();
  const onlineUrl = values.onlineUrl.trim();
  return {
    type: values.type as EventType,
    title: values.title.trim(),
    description: values.description.trim(),
    regionCode: values.regionCode.trim(),
    ...(venue ? { venue } : {}),
    ...(onlineUrl ? { onlineUrl } : {}),
    startsAt: instantOf(values.startsAt)!,
    endsAt: instantOf(values.endsAt)!,
    registrationOpensAt: instantOf(values.registrationOpensAt)!,
    registrationClosesAt: instantOf(values.registrationClosesAt)!,
    capacity: parseCount(values.capacity, EVENT_CAPACITY_MAX),
    waitlistSize: parseCount(values.waitlistSize, EVENT_WAITLIST_MAX),
  };
}

/** What `PATCH /events/{id}` gets: every field of the form, a place left empty cleared. */
export function eventPatchOf(values: EventValues): EventPatch {
  const input = eventInputOf(values);
  return { ...input, venue: input.venue ?? null, onlineUrl: input.onlineUrl ?? null };
}

/** The form's field of a path the platform named (`body.registrationClosesAt`). */
export function eventFieldOf(path: string): EventField | undefined {
  const name = path.replace(/^body\./, '').split('.')[0];
  return EVENT_FIELDS.find((field) => field === name);
}

const DAY_MS = 86_400_000;

/** An event not cancelled that starts from `now` on, within `days` days: the list marks it. */
export function startsWithin(event: ServiceEvent, now: number, days = 7): boolean {
  const starts = Date.parse(event.startsAt);
  return event.status !== 'cancelled' && starts >= now && starts - now <= days * DAY_MS;
}

/** Begun and not yet over: the day staff check registrants in at the door. */
export function underWay(event: ServiceEvent, now: number): boolean {
  return event.status !== 'cancelled' && Date.parse(event.startsAt) <= now && now <= Date.parse(event.endsAt);
}

/** The list's order: events still to end first, soonest first; then those over, latest first. */
export function eventOrder(events: readonly ServiceEvent[], now: number): ServiceEvent[] {
  const upcoming = events.filter((event) => Date.parse(event.endsAt) >= now);
  const over = events.filter((event) => Date.parse(event.endsAt) < now);
  const by = (a: ServiceEvent, b: ServiceEvent) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return [...upcoming.sort(by), ...over.sort((a, b) => by(b, a))];
}
