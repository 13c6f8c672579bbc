// An enterprise's own registrations, with their events.
import type { MessageLocale, MyRegistration, MyRegistrationPage, Principal, RegistrationStatus } from '@smec/schemas';
import { cursorScope, decodeTimeSeqCursor, encodeCursor, type StatusPageQuery } from '../http/cursor.js';
import { enterpriseOf, positionOf } from './registrations.js';
import { eventOf, registrationOf, type RegistrationRow } from './rows.js';
import type { EventContext } from './store.js';

export type MyRegistrationsListQuery = StatusPageQuery<RegistrationStatus>;

/** The enterprise's registrations with their events, the latest event first; cancelled ones only on request. */
export async function myRegistrations(
  context: EventContext,
  principal: Principal,
  query: MyRegistrationsListQuery,
  locale: MessageLocale,
): Promise<MyRegistrationPage> {
  const enterpriseId = enterpriseOf(principal, locale);
  const limit = query.limit ?? 20;
  const scope = cursorScope(`me/registrations ${enterpriseId}`, { status: query.status });
  const base = () => {
    const joined = context.db
      .selectFrom('registrations')
      .innerJoin('events', 'events.seq', 'registrations.event_seq')
      .where('registrations.enterprise_id', '=', enterpriseId);
    return query.status
      ? joined.where('registrations.status', '=', query.status)
      : joined.where('registrations.status', '<>', 'cancelled');
  };
  const total = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = base()
    .selectAll('events')
    .select([
      'registrations.seq as r_seq',
      'registrations.id as r_id',
      'registrations.enterprise_id as r_enterprise_id',
      'registrations.enterprise_name as r_enterprise_name',
      'registrations.user_id as r_user_id',
      'registrations.attendee_name as r_attendee_name',
      'registrations.status as r_status',
      'registrations.waitlist_seq as r_waitlist_seq',
      'registrations.created_at as r_created_at',
      'registrations.created_ts as r_created_ts',
      'registrations.updated_at as r_updated_at',
      'registrations.code as r_code',
      'registrations.attended_at as r_attended_at',
    ]);
  if (query.cursor) {
    const [ts, seq] = decodeTimeSeqCursor(context.secret, query.cursor, scope);
    page = page.where((eb) =>
      eb.or([
        eb('events.starts_ts', '<', ts),
        eb.and([eb('events.starts_ts', '=', ts), eb('registrations.seq', '<', seq)]),
      ]),
    );
  }
  const rows = await page
    .orderBy('events.starts_ts', 'desc')
    .orderBy('registrations.seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items: MyRegistration[] = [];
  for (const row of rows.slice(0, limit)) {
    const registration: RegistrationRow = {
      seq: row.r_seq,
      id: row.r_id,
      event_seq: row.seq,
      event_id: row.id,
      enterprise_id: row.r_enterprise_id,
      enterprise_name: row.r_enterprise_name,
      user_id: row.r_user_id,
      attendee_name: row.r_attendee_name,
      status: row.r_status,
      waitlist_seq: row.r_waitlist_seq,
      created_at: row.r_created_at,
      created_ts: row.r_created_ts,
      updated_at: row.r_updated_at,
      code: row.r_code,
      attended_at: row.r_attended_at,
    };
    items.push({ ...registrationOf(registration, await positionOf(context.db, registration)), event: eventOf(row) });
  }
  const last = rows[Math.min(rows.length, limit) - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.starts_ts, last.r_seq], scope) : null,
    total: Number(total.n),
  };
}
