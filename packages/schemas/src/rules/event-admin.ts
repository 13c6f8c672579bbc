// Zod-free rules of the events a center runs (create, edit, cancel, rate): the bounds of each field and the order of
// an event's times. Each check answers the message key of its refusal, or undefined; the texts are in
// event-admin-messages.ts, in the three languages.
import { textLength } from './text.js';

export const EVENT_TITLE_MIN = 4;
export const EVENT_TITLE_MAX = 60;
export const EVENT_DESCRIPTION_MIN = 10;
export const EVENT_DESCRIPTION_MAX = 2000;
export const EVENT_VENUE_MIN = 2;
export const EVENT_VENUE_MAX = 100;
export const EVENT_AUDIENCE_MAX = 100;
export const EVENT_CAPACITY_MAX = 10_000;
export const EVENT_WAITLIST_MAX = 1_000;
export const EVENT_CATEGORIES_MAX = 5;
export const EVENT_CANCEL_REASON_MIN = 4;
export const EVENT_CANCEL_REASON_MAX = 200;
export const EVENT_RATING_COMMENT_MAX = 500;
/** The longest an event may last: a training camp of a week. */
export const EVENT_LONGEST_DAYS = 7;

export const EVENT_LIFECYCLE = ['draft', 'scheduled', 'cancelled'] as const;
export type EventLifecycle = (typeof EVENT_LIFECYCLE)[number];
export const EVENT_ACTIONS = ['publish', 'cancel'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export type EventMessageKey =
  | 'event.title'
  | 'event.description'
  | 'event.venue'
  | 'event.audience'
  | 'event.place'
  | 'event.endsBeforeStart'
  | 'event.tooLong'
  | 'event.windowOrder'
  | 'event.closesAfterStart'
  | 'event.cancelReason'
  | 'event.ratingComment';

function within(text: string, min: number, max: number): boolean {
  const length = textLength(text.trim());
  return length >= min && length <= max;
}

/** A title of 4–60 characters as a person counts them. */
export function checkEventTitle(title: string): EventMessageKey | undefined {
  return within(title, EVENT_TITLE_MIN, EVENT_TITLE_MAX) ? undefined : 'event.title';
}

/** What the event is about, 10–2,000 characters. */
export function checkEventDescription(description: string): EventMessageKey | undefined {
  return within(description, EVENT_DESCRIPTION_MIN, EVENT_DESCRIPTION_MAX) ? undefined : 'event.description';
}

/** The venue's address, 2–100 characters. */
export function checkEventVenue(venue: string): EventMessageKey | undefined {
  return within(venue, EVENT_VENUE_MIN, EVENT_VENUE_MAX) ? undefined : 'event.venue';
}

/** For whom the event is, up to 100 characters. */
export function checkEventAudience(audience: string): EventMessageKey | undefined {
  return within(audience, 1, EVENT_AUDIENCE_MAX) ? undefined : 'event.audience';
}

/** Why an event is cancelled (the registrants are told it), 4–200 characters. */
export function checkCancelReason(reason: string): EventMessageKey | undefined {
  return within(reason, EVENT_CANCEL_REASON_MIN, EVENT_CANCEL_REASON_MAX) ? undefined : 'event.cancelReason';
}

/** An attendee's comment on an event, up to 500 characters. */
export function checkRatingComment(comment: string): EventMessageKey | undefined {
  return within(comment, 1, EVENT_RATING_COMMENT_MAX) ? undefined : 'event.ratingComment';
}

/** An event's times and place as instants (ms) and texts, whether sent whole or merged from a change. */
export interface EventPlan {
  readonly startsTs: number;
  readonly endsTs: number;
  readonly opensTs: number;
  readonly closesTs: number;
  readonly venue: string | null;
  readonly onlineUrl: string | null;
}

/** A refusal of the plan as a whole, on the field it names. */
export interface EventPlanRefusal {
  readonly field: 'venue' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt';
  readonly key: EventMessageKey;
}

const DAY_MS = 86_400_000;

/**
 * What is wrong with the order of an event's times and its place: it happens somewhere (a venue, an online address
 * or both), ends after it starts and within a week, and registration opens before it closes, no later than the
 * start.
 */
export function eventPlanRefusals(plan: EventPlan): EventPlanRefusal[] {
  const refusals: EventPlanRefusal[] = [];
  if (!plan.venue && !plan.onlineUrl) refusals.push({ field: 'venue', key: 'event.place' });
  if (plan.endsTs <= plan.startsTs) refusals.push({ field: 'endsAt', key: 'event.endsBeforeStart' });
  else if (plan.endsTs - plan.startsTs > EVENT_LONGEST_DAYS * DAY_MS) {
    refusals.push({ field: 'endsAt', key: 'event.tooLong' });
  }
  if (plan.closesTs <= plan.opensTs) refusals.push({ field: 'registrationClosesAt', key: 'event.windowOrder' });
  else if (plan.closesTs > plan.startsTs) {
    refusals.push({ field: 'registrationClosesAt', key: 'event.closesAfterStart' });
  }
  return refusals;
}
