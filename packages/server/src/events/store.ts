import type { Clock } from '../clock.js';
import type {
  EventType,
  MessageLocale,
  MyRegistration,
  MyRegistrationPage,
  Principal,
  Registration,
  RegistrationInput,
  RegistrationStatus,
  ServiceEvent,
  ServiceEventPage,
} from '@smec/schemas';
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { cursorScope, decodeCursor, encodeCursor } from '../http/cursor.js';
import { ProblemError, notFound, validationFailed } from '../http/problem.js';

import type { CalendarEntry } from './ics.js';
import { rangeOf } from './range.js';
import { eventOf, registrationOf, type EventRow, type RegistrationRow } from './rows.js';
import { randomBytes } from 'node:crypto';
import { shanghaiDateTime } from '../time/shanghai.js';

export interface EventContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  /** The clock of the registration window. */
  readonly clock: Clock;
}

type Db = Kysely<Database> | Transaction<Database>;

export interface EventFilter {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly region?: string | undefined;
  readonly type?: EventType | undefined;
  readonly category?: string | undefined;
}

function unknownRegion(region: string): ProblemError {
  return validationFailed([{ path: 'query.region', message: `Unknown region code ${region}`, code: 'region.unknown' }]);
}

/** Applies the filters to a query on `events`: the range overlaps, the region includes those below it. */
function filtered<O>(
  context: EventContext,
  query: SelectQueryBuilder<Database, 'events', O>,
  filter: EventFilter,
): SelectQueryBuilder<Database, 'events', O> {
  const { fromTs, toTs } = rangeOf(filter.from, filter.to);
  let result = query;
  if (fromTs !== undefined) result = result.where('ends_ts', '>', fromTs);
  if (toTs !== undefined) result = result.where('starts_ts', '<', toTs);
  if (filter.region !== undefined) {
    const region = context.regions.get(filter.region);
    if (!region) throw unknownRegion(filter.region);
    if (region.level === 'city') result = result.where('city_code', '=', region.code);
    else if (region.level === 'county') result = result.where('region_code', '=', region.code);
  }
  if (filter.type !== undefined) result = result.where('type', '=', filter.type);
  // category_ids is a JSON array of ids (lowercase letters and hyphens), so the quoted id matches exactly one entry.
  if (filter.category !== undefined) result = result.where('category_ids', 'like', `%"${filter.category}"%`);
  return result;
}

export interface EventListQuery extends EventFilter {
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** Events overlapping the range, by start time then id. */
export async function listEvents(context: EventContext, query: EventListQuery): Promise<ServiceEventPage> {
  const limit = query.limit ?? 100;
  const scope = cursorScope('events', { ...query });
  const base = () => filtered(context, context.db.selectFrom('events'), query);
  const total = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = base().selectAll();
  if (query.cursor) {
    const [ts, seq] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof ts !== 'number' || typeof seq !== 'number') {
      throw new ProblemError('invalid_cursor', 'The cursor is not valid for this query; start again without it.');
    }
    page = page.where((eb) =>
      eb.or([eb('starts_ts', '>', ts), eb.and([eb('starts_ts', '=', ts), eb('seq', '>', seq)])]),
    );
  }
  const rows = await page
    .orderBy('starts_ts')
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(eventOf),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.starts_ts, last.seq], scope) : null,
    total: Number(total.n),
  };
}

/** Every event of the feed's filters, by start time (an iCalendar feed is one document), with its last revision. */
export async function feedEvents(context: EventContext, filter: EventFilter): Promise<CalendarEntry[]> {
  const rows = await filtered(context, context.db.selectFrom('events'), filter)
    .selectAll()
    .orderBy('starts_ts')
    .orderBy('seq')
    .limit(5000)
    .execute();
  return rows.map(entryOf);
}

function entryOf(row: EventRow): CalendarEntry {
  return { event: eventOf(row), revisedMs: Date.parse(row.updated_at) };
}

export async function eventEntry(context: EventContext, id: string): Promise<CalendarEntry> {
  return entryOf(await eventRow(context.db, id));
}

async function eventRow(db: Db, id: string): Promise<EventRow> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`No event ${id}.`);
  return row;
}

export async function getEvent(context: EventContext, id: string): Promise<ServiceEvent> {
  return eventOf(await eventRow(context.db, id));
}

/** A waitlisted registration's position: 1 + the waitlisted registrations of its event that arrived before it. */
async function positionOf(db: Db, row: RegistrationRow): Promise<number | null> {
  if (row.status !== 'waitlisted' || row.waitlist_seq === null) return null;
  const ahead = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_seq', '=', row.event_seq)
    .where('status', '=', 'waitlisted')
    .where('waitlist_seq', '<', row.waitlist_seq)
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

const TEXT = {
  closed: {
    zh: '该活动当前不在报名时间内，无法报名。',
    en: 'Registration for this event is not open.',
  },
  cancelled: {
    zh: '该活动已取消，无法报名。',
    en: 'This event has been cancelled; registration is closed.',
  },
  full: {
    zh: '该活动名额已满，且不设候补，无法报名。',
    en: 'This event is full and keeps no waitlist.',
  },
  already: {
    zh: '贵企业已报名该活动（报名编号 {id}），每家企业限报一次。',
    en: 'Your enterprise is already registered for this event (registration {id}); one registration per enterprise.',
  },
  notEnterprise: {
    zh: '当前账号未关联企业，无法报名。',
    en: 'Your account is not linked to an enterprise.',
  },
} as const;

function say(locale: MessageLocale, text: { zh: string; en: string }, id = ''): string {
  return (locale === 'en' ? text.en : text.zh).replace('{id}', id);
}

export function alreadyRegistered(locale: MessageLocale, registrationId: string): ProblemError {
  return new ProblemError('already_registered', say(locale, TEXT.already, registrationId), {
    extensions: { registrationId },
  });
}

function enterpriseOf(principal: Principal, locale: MessageLocale): string {
  if (!principal.enterpriseId) throw new ProblemError('forbidden', say(locale, TEXT.notEnterprise));
  return principal.enterpriseId;
}

/** The enterprise's active registration for an event, if any. */
export async function activeRegistration(db: Db, eventId: string, enterpriseId: string) {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
}

function newRegistrationId(): string {
  return `reg-${randomBytes(8).toString('hex')}`;
}

/**
 * Registers the enterprise. Capacity is enforced by the database: the seat is taken by one conditional UPDATE
 * (`registered_count < capacity`), which no two transactions can both pass for the last seat, and a CHECK constraint
 * backs it; the waitlist number is drawn the same way. One active registration per enterprise is a unique index.
 */
export async function registerForEvent(
  context: EventContext,
  trx: Transaction<Database>,
  principal: Principal,
  eventId: string,
  input: RegistrationInput,
  locale: MessageLocale,
): Promise<Registration> {
  const enterpriseId = enterpriseOf(principal, locale);
  const event = await eventRow(trx, eventId);
  const now = context.clock.now();
  if (event.status === 'cancelled') throw new ProblemError('registration_closed', say(locale, TEXT.cancelled));
  if (now < event.opens_ts || now > event.closes_ts) {
    throw new ProblemError('registration_closed', say(locale, TEXT.closed));
  }
  const existing = await activeRegistration(trx, eventId, enterpriseId);
  if (existing) throw alreadyRegistered(locale, existing.id);

  const at = shanghaiDateTime(now);
  let status: 'confirmed' | 'waitlisted' = 'confirmed';
  let waitlistSeq: number | null = null;
  const seat = await trx
    .updateTable('events')
    .set((eb) => ({ registered_count: eb('registered_count', '+', 1), updated_at: at }))
    .where('seq', '=', event.seq)
    .where('status', '=', 'scheduled')
    .whereRef('registered_count', '<', 'capacity')
    .returning('seq')
    .executeTakeFirst();
  if (!seat) {
    const place = await trx
      .updateTable('events')
      .set((eb) => ({
        waitlist_count: eb('waitlist_count', '+', 1),
        waitlist_seq: eb('waitlist_seq', '+', 1),
        updated_at: at,
      }))
      .where('seq', '=', event.seq)
      .where('status', '=', 'scheduled')
      .where('waitlist', '=', 1)
      .returning('waitlist_seq')
      .executeTakeFirst();
    if (!place) throw new ProblemError('event_full', say(locale, TEXT.full));
    status = 'waitlisted';
    waitlistSeq = place.waitlist_seq;
  }
  const user = await trx
    .selectFrom('users')
    .select('organization')
    .where('id', '=', principal.userId)
    .executeTakeFirst();
  const row: RegistrationRow = {
    seq: 0,
    id: newRegistrationId(),
    event_seq: event.seq,
    event_id: event.id,
    enterprise_id: enterpriseId,
    enterprise_name: user?.organization ?? principal.name,
    user_id: principal.userId,
    attendee_name: input.attendeeName?.trim() || null,
    status,
    waitlist_seq: waitlistSeq,
    created_at: at,
    created_ts: now,
    updated_at: at,
  };
  const { seq: _seq, ...values } = row;
  const inserted = await trx.insertInto('registrations').values(values).returning('seq').executeTakeFirstOrThrow();
  const stored = { ...row, seq: inserted.seq };
  return registrationOf(stored, await positionOf(trx, stored));
}

/**
 * Cancels the enterprise's own registration (someone else's is a 404). A confirmed seat passes to the first on the
 * waitlist in the same transaction, so the confirmed count never moves through a gap or above capacity. Cancelling
 * a cancelled registration answers it again.
 */
export async function cancelRegistration(
  context: EventContext,
  trx: Transaction<Database>,
  principal: Principal,
  eventId: string,
  registrationId: string,
  locale: MessageLocale,
): Promise<Registration> {
  const enterpriseId = enterpriseOf(principal, locale);
  const row = await trx
    .selectFrom('registrations')
    .selectAll()
    .where('id', '=', registrationId)
    .where('event_id', '=', eventId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if (!row) throw notFound(`No registration ${registrationId} of yours for event ${eventId}.`);
  if (row.status === 'cancelled') return registrationOf(row, null);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  // Touch the event first: on a database with row locks (PostgreSQL) this serialises the cancellations and
  // registrations of one event, so two cancellations never promote the same waitlisted registration.
  await trx.updateTable('events').set({ updated_at: at }).where('seq', '=', row.event_seq).execute();
  const cancelled = await trx
    .updateTable('registrations')
    .set({ status: 'cancelled', updated_at: at })
    .where('seq', '=', row.seq)
    .where('status', '=', row.status)
    .executeTakeFirst();
  // Cancelled meanwhile by a concurrent request: that one did the bookkeeping.
  if (Number(cancelled.numUpdatedRows) === 0)
    return registrationOf({ ...row, status: 'cancelled', updated_at: at }, null);

  if (row.status === 'waitlisted') {
    await trx
      .updateTable('events')
      .set((eb) => ({ waitlist_count: eb('waitlist_count', '-', 1), updated_at: at }))
      .where('seq', '=', row.event_seq)
      .execute();
  } else if (row.status === 'confirmed') {
    const next = await trx
      .selectFrom('registrations')
      .select('seq')
      .where('event_seq', '=', row.event_seq)
      .where('status', '=', 'waitlisted')
      .orderBy('waitlist_seq')
      .limit(1)
      .executeTakeFirst();
    if (next) {
      await trx
        .updateTable('registrations')
        .set({ status: 'confirmed', updated_at: at })
        .where('seq', '=', next.seq)
        .execute();
      await trx
        .updateTable('events')
        .set((eb) => ({ waitlist_count: eb('waitlist_count', '-', 1), updated_at: at }))
        .where('seq', '=', row.event_seq)
        .execute();
    } else {
      await trx
        .updateTable('events')
        .set((eb) => ({ registered_count: eb('registered_count', '-', 1), updated_at: at }))
        .where('seq', '=', row.event_seq)
        .execute();
    }
  }
  return registrationOf({ ...row, status: 'cancelled', updated_at: at }, null);
}

export interface MyRegistrationsListQuery {
  readonly status?: RegistrationStatus | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

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
    ]);
  if (query.cursor) {
    const [ts, seq] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof ts !== 'number' || typeof seq !== 'number') {
      throw new ProblemError('invalid_cursor', 'The cursor is not valid for this query; start again without it.');
    }
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
