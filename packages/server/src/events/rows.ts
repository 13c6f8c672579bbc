import type { CategoryId, Registration, ServiceEvent } from '@smec/schemas';
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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
