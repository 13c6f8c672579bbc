// What a center reads of the events it runs (and an attendee of its rating): apart from the inputs (event-admin.ts)
// and their rules, so that a client checking answers bundles none of those.
import { DateTime, Id, pageOf } from './common.js';
import { Registration, ServiceEvent } from './event.js';
import * as z from './zod.js';

/** The attendees' ratings of an event, for its center. */
export const EventRatingSummary = z.object({
  count: z.int().check(z.minimum(0)),
  /** Mean score, 1–5 with one decimal; null before any rating. */
  average: z.nullable(z.number()),
  /** How many gave each score, 1 to 5. */
  distribution: z.array(z.int().check(z.minimum(0))).check(z.length(5)),
  /** The latest comments, newest first (at most 20). */
  comments: z.array(z.object({ score: z.int(), comment: z.string(), createdAt: DateTime })),
});
export type EventRatingSummary = z.infer<typeof EventRatingSummary>;

/** An event as its center sees it: a draft too, with its edit revision, who made it and why it was cancelled. */
export const StaffEvent = z.object({
  ...ServiceEvent.shape,
  revision: z.int().check(z.minimum(0)),
  cancelReason: z.nullable(z.string()),
  createdBy: z.nullable(z.string()),
  waitlistSize: z.nullable(z.int()),
  attendedCount: z.int().check(z.minimum(0)),
});
export type StaffEvent = z.infer<typeof StaffEvent>;

/** A registrant as its center sees it: the enterprise, who attends, the code and the check-in. */
export const Registrant = z.object({
  ...Registration.shape,
  code: z.string(),
  attendedAt: z.nullable(DateTime),
});
export type Registrant = z.infer<typeof Registrant>;

export const RegistrantPage = pageOf(Registrant);
export type RegistrantPage = z.infer<typeof RegistrantPage>;

/** A CSV document (RFC 4180) with a UTF-8 byte order mark, so that Excel shows Chinese. */
export const RegistrantsCsv = z.string().check(z.regex(/^\uFEFF/, { error: 'Must start with a byte order mark' }));

/** One attendee's rating of an event. */
export const EventRating = z.object({
  id: Id,
  eventId: Id,
  registrationId: Id,
  score: z.int().check(z.minimum(1), z.maximum(5)),
  comment: z.nullable(z.string()),
  createdAt: DateTime,
});
export type EventRating = z.infer<typeof EventRating>;

/** One event's answer: the center's view to the staff running it (and those above), else the public event. */
export const EventView = z.union([StaffEvent, ServiceEvent]);
export type EventView = z.infer<typeof EventView>;
