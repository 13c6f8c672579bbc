// What a center sends of the events it runs: the draft it creates and edits (If-Match), its moves (publish, cancel
// with a reason), the registrant list's filters, check-in by registration code, and an attendee's rating. The bounds
// are rules/event-admin.ts's, the texts of their refusals event-admin-messages.ts's; the answers event-admin-view.ts's.
import { impliedMaxLength, ruledText } from './bounds.js';
import { RegionCode } from './common.js';
import { EventType, RegistrationStatus } from './event.js';
import { ListQuery } from './query.js';
import { CategoryId } from './reference.js';
import {
  EVENT_AUDIENCE_MAX,
  EVENT_CANCEL_REASON_MAX,
  EVENT_CAPACITY_MAX,
  EVENT_CATEGORIES_MAX,
  EVENT_DESCRIPTION_MAX,
  EVENT_RATING_COMMENT_MAX,
  EVENT_TITLE_MAX,
  EVENT_VENUE_MAX,
  EVENT_WAITLIST_MAX,
  checkCancelReason,
  checkEventAudience,
  checkEventDescription,
  checkEventTitle,
  checkEventVenue,
  checkRatingComment,
} from './rules/event-admin.js';
import { webUrl } from './rules/web-url.js';
import * as z from './zod.js';

const OnlineUrl = z.string().check(
  z.maxLength(300),
  z.refine((value) => webUrl(value) !== undefined, { error: 'invalid' }),
);

/**
 * An instant of an event a center writes: seconds and an offset, milliseconds at most (e.g.
 * `2027-03-18T14:00:00+08:00`), so that the pattern bounds its length.
 */
export const EventInstant = z.string().check(
  z.regex(
    /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/,
  ),
  z.refine((value) => Number.isFinite(Date.parse(value))),
  impliedMaxLength(29),
);
const Instant = EventInstant;

/** What a center writes of an event; every field of a change (PATCH) may be left out. */
const FIELDS = {
  type: EventType,
  title: ruledText(EVENT_TITLE_MAX, 'event.title', checkEventTitle),
  /** The summary shown with the event (its description). */
  description: ruledText(EVENT_DESCRIPTION_MAX, 'event.description', checkEventDescription),
  regionCode: RegionCode,
  venue: z.nullable(ruledText(EVENT_VENUE_MAX, 'event.venue', checkEventVenue)),
  onlineUrl: z.nullable(OnlineUrl),
  startsAt: Instant,
  endsAt: Instant,
  registrationOpensAt: Instant,
  registrationClosesAt: Instant,
  capacity: z.int().check(z.minimum(1), z.maximum(EVENT_CAPACITY_MAX)),
  /** How many may wait for a seat; 0 keeps no waitlist. */
  waitlistSize: z.int().check(z.minimum(0), z.maximum(EVENT_WAITLIST_MAX)),
  /** For whom the event is (e.g. 制造业中小企业财务负责人). */
  audience: z.nullable(ruledText(EVENT_AUDIENCE_MAX, 'event.audience', checkEventAudience)),
  categoryIds: z.array(CategoryId).check(z.maxLength(EVENT_CATEGORIES_MAX)),
};

/** The body of `POST /events`: a draft of the center's region or a region below it. */
export const EventInput = z.object({
  ...FIELDS,
  venue: z.optional(FIELDS.venue),
  onlineUrl: z.optional(FIELDS.onlineUrl),
  audience: z.optional(FIELDS.audience),
  categoryIds: z.optional(FIELDS.categoryIds),
  waitlistSize: z.optional(FIELDS.waitlistSize),
});
export type EventInput = z.infer<typeof EventInput>;

/** The body of `PATCH /events/{id}`: the fields to change, with `If-Match` naming the version edited. */
export const EventPatch = z.object({
  type: z.optional(FIELDS.type),
  title: z.optional(FIELDS.title),
  description: z.optional(FIELDS.description),
  regionCode: z.optional(FIELDS.regionCode),
  venue: z.optional(FIELDS.venue),
  onlineUrl: z.optional(FIELDS.onlineUrl),
  startsAt: z.optional(FIELDS.startsAt),
  endsAt: z.optional(FIELDS.endsAt),
  registrationOpensAt: z.optional(FIELDS.registrationOpensAt),
  registrationClosesAt: z.optional(FIELDS.registrationClosesAt),
  capacity: z.optional(FIELDS.capacity),
  waitlistSize: z.optional(FIELDS.waitlistSize),
  audience: z.optional(FIELDS.audience),
  categoryIds: z.optional(FIELDS.categoryIds),
});
export type EventPatch = z.infer<typeof EventPatch>;

/** The body of `POST /events/{id}/transitions`: publish a draft, or cancel with the reason the registrants are told. */
export const EventTransition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish') }),
  z.object({
    action: z.literal('cancel'),
    reason: ruledText(EVENT_CANCEL_REASON_MAX, 'event.cancelReason', checkCancelReason),
  }),
]);
export type EventTransition = z.infer<typeof EventTransition>;

/** The registrants of an event, oldest first; `status` keeps one. */
export const RegistrantsQuery = z.object({ status: z.optional(RegistrationStatus), ...ListQuery });
export type RegistrantsQuery = z.input<typeof RegistrantsQuery>;

/** The body of `POST /events/{id}/check-ins`: the code the enterprise shows (letters in either case). */
export const CheckInInput = z.object({
  code: z.string().check(z.regex(/^[A-Za-z2-9]{10}$/), impliedMaxLength(10)),
});
export type CheckInInput = z.infer<typeof CheckInInput>;

/** The body of `POST /events/{id}/ratings`: a score of 1–5 and, if the attendee likes, a comment. */
export const EventRatingInput = z.object({
  score: z.int().check(z.minimum(1), z.maximum(5)),
  comment: z.optional(ruledText(EVENT_RATING_COMMENT_MAX, 'event.ratingComment', checkRatingComment)),
});
export type EventRatingInput = z.infer<typeof EventRatingInput>;
