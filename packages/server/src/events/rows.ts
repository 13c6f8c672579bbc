import type { CategoryId, Registrant, Registration, ServiceEvent, StaffEvent } from '@smec/schemas';
import type { Selectable } from 'kysely';
import type { EventTable, RegistrationTable } from '../db/schema.js';

export type EventRow = Selectable<EventTable>;
export type RegistrationRow = Selectable<RegistrationTable>;

export function eventOf(row: EventRow): ServiceEvent {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    description: row.description,
    organizer: { name: row.organizer_name, regionCode: row.organizer_region_code },
    regionCode: row.region_code,
    venue: row.venue,
    onlineUrl: row.online_url,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    capacity: row.capacity,
    registeredCount: row.registered_count,
    waitlistCount: row.waitlist_count,
    seatsLeft: Math.max(0, row.capacity - row.registered_count),
    waitlist: row.waitlist === 1,
    categoryIds: JSON.parse(row.category_ids) as CategoryId[],
    status: row.status,
    ...(row.audience ? { audience: row.audience } : {}),
  };
}

/** `position` is the registration's rank on its event's waitlist, computed by the caller (null unless waitlisted). */
export function registrationOf(row: RegistrationRow, position: number | null): Registration {
  return {
    id: row.id,
    eventId: row.event_id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    attendeeName: row.attendee_name,
    status: row.status,
    waitlistPosition: row.status === 'waitlisted' ? position : null,
    code: row.code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The ETag of an event as its center edits it: its id and the count of the staff's edits (every edit moves it). */
export function eventEtag(row: { id: string; revision: number }): string {
  return `"${row.id}.r${row.revision}"`;
}

/** An event as its center sees it; `attendedCount` is counted by the caller. */
export function staffEventOf(row: EventRow, attendedCount: number): StaffEvent {
  return {
    ...eventOf(row),
    revision: row.revision,
    cancelReason: row.cancel_reason,
    createdBy: row.created_by,
    waitlistSize: row.waitlist === 1 ? row.waitlist_size : 0,
    attendedCount,
  };
}

export function registrantOf(row: RegistrationRow, position: number | null): Registrant {
  return { ...registrationOf(row, position), attendedAt: row.attended_at };
}
