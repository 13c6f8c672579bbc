import { DateTime, Id, NamedRef, RegionCode, pageOf } from './common.js';
import { CategoryId } from './reference.js';
import { EVENT_TYPES } from './rules/event.js';
import { EVENT_LIFECYCLE } from './rules/event-admin.js';
import * as z from './zod.js';

export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/**
 * A service-matching event, training, policy briefing or expert clinic (服务对接活动) held by a center.
 * `seatsLeft` is `capacity - registeredCount`; `registeredCount` counts confirmed registrations only.
 */
export const ServiceEvent = z.object({
  id: Id,
  type: EventType,
  title: z.string(),
  description: z.string(),
  organizer: z.object({ name: z.string(), regionCode: RegionCode }),
  regionCode: RegionCode,
  venue: z.nullable(z.string()),
  onlineUrl: z.nullable(z.string()),
  startsAt: DateTime,
  endsAt: DateTime,
  registrationOpensAt: DateTime,
  registrationClosesAt: DateTime,
  capacity: z.int().check(z.minimum(1)),
  registeredCount: z.int().check(z.minimum(0)),
  waitlistCount: z.int().check(z.minimum(0)),
  seatsLeft: z.int().check(z.minimum(0)),
  waitlist: z.boolean(),
  categoryIds: z.array(CategoryId),
  /** `draft` only to the center running it: the public never sees a draft. */
  status: z.enum(EVENT_LIFECYCLE),
  /** For whom the event is, when the center said. */
  audience: z.optional(z.string()),
  /** The experts an expert clinic names (ids and names), in one event's answer (`GET /events/{id}`) only. */
  experts: z.optional(z.array(NamedRef)),
});
export type ServiceEvent = z.infer<typeof ServiceEvent>;

export const ServiceEventPage = pageOf(ServiceEvent);
export type ServiceEventPage = z.infer<typeof ServiceEventPage>;

export const RegistrationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled', 'attended']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** One enterprise's place at an event: confirmed, or waitlisted at `waitlistPosition` (1 = next to be promoted). */
export const Registration = z.object({
  id: Id,
  eventId: Id,
  enterpriseId: Id,
  enterpriseName: z.string(),
  attendeeName: z.nullable(z.string()),
  status: RegistrationStatus,
  waitlistPosition: z.nullable(z.int().check(z.minimum(1))),
  /** The code the enterprise shows at the door: the center checks it in by it. */
  code: z.string(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Registration = z.infer<typeof Registration>;

/** A registration with the event it is for, as `GET /me/registrations` lists them. */
export const MyRegistration = z.object({ ...Registration.shape, event: ServiceEvent });
export type MyRegistration = z.infer<typeof MyRegistration>;

export const MyRegistrationPage = pageOf(MyRegistration);
export type MyRegistrationPage = z.infer<typeof MyRegistrationPage>;

/** The optional body of a registration: who will attend. */
export const RegistrationInput = z.object({
  attendeeName: z.optional(z.string().check(z.minLength(1), z.maxLength(30))),
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** An iCalendar document (RFC 5545, `text/calendar`): one VCALENDAR with CRLF line endings. */
export const ICalendar = z.string().check(
  z.regex(/^BEGIN:VCALENDAR\r\n[\s\S]*\r\nEND:VCALENDAR\r\n$/, {
    error: 'Must be one VCALENDAR with CRLF line endings',
  }),
);
export type ICalendar = z.infer<typeof ICalendar>;
