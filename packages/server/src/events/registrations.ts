// Registering for an event and cancelling: capacity and the waitlist are kept by the database's conditional updates.
import { randomBytes } from 'node:crypto';
import type { MessageLocale, Principal, Registration, RegistrationInput } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { registrationOf, type RegistrationRow } from './rows.js';
import { newRegistrationCode } from './code.js';
import { publicEventRow, type Db, type EventContext } from './store.js';

/** A waitlisted registration's position: 1 + the waitlisted registrations of its event that arrived before it. */
export async function positionOf(db: Db, row: RegistrationRow): Promise<number | null> {
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
    'zh-CN': '该活动当前不在报名时间内，无法报名。',
    'zh-HK': '該活動目前不在報名時間內，無法報名。',
    en: 'Registration for this event is not open.',
  },
  cancelled: {
    'zh-CN': '该活动已取消，无法报名。',
    'zh-HK': '該活動已取消，無法報名。',
    en: 'This event has been cancelled; registration is closed.',
  },
  full: {
    'zh-CN': '该活动名额已满，且不设候补，无法报名。',
    'zh-HK': '該活動名額已滿，且不設候補，無法報名。',
    en: 'This event is full and keeps no waitlist.',
  },
  already: {
    'zh-CN': '贵企业已报名该活动（报名编号 {id}），每家企业限报一次。',
    'zh-HK': '貴企業已報名該活動（報名編號 {id}），每家企業限報一次。',
    en: 'Your enterprise is already registered for this event (registration {id}); one registration per enterprise.',
  },
  notEnterprise: {
    'zh-CN': '当前账号未关联企业，无法报名。',
    'zh-HK': '目前帳戶未有關聯企業，無法報名。',
    en: 'Your account is not linked to an enterprise.',
  },
  noRegistration: {
    'zh-CN': '未找到贵企业在活动 {event} 的报名 {id}。',
    'zh-HK': '找不到貴企業在活動 {event} 的報名 {id}。',
    en: 'No registration {id} of yours for event {event}.',
  },
} as const satisfies Record<string, Localized>;

function say(locale: MessageLocale, text: Localized, id = ''): string {
  return text[locale].replace('{id}', id);
}

export function alreadyRegistered(locale: MessageLocale, registrationId: string): ProblemError {
  return new ProblemError('already_registered', say(locale, TEXT.already, registrationId), {
    extensions: { registrationId },
  });
}

export function enterpriseOf(principal: Principal, locale: MessageLocale): string {
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
  const event = await publicEventRow(trx, eventId);
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
      .where((eb) => eb.or([eb('waitlist_size', 'is', null), eb('waitlist_count', '<', eb.ref('waitlist_size'))]))
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
    code: newRegistrationCode(),
    attended_at: null,
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
  if (!row) throw notFound(fill(TEXT.noRegistration, { id: registrationId, event: eventId }));
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
