// A center's events: the draft it creates and the changes it makes (If-Match). The capacity never drops below the
// confirmed count, a raise promotes the waitlist in order, and a change of time or place of a published event is told
// to its registrants, all in the write's own transaction, with the write on the audit log.
import { randomBytes } from 'node:crypto';
import type { EventInput, EventPatch, Principal, StaffEvent } from '@smec/schemas';
import { EVENT_MESSAGES, eventPlanRefusals, type EventPlan } from '@smec/schemas/rules';
import type { Insertable, Transaction, Updateable } from 'kysely';
import { recordAudit, type AuditActor } from '../audit/record.js';
import type { Database, EventTable } from '../db/schema.js';
import { ifMatchHolds, staleEdit } from '../http/if-match.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound, validationFailed, type ProblemFieldError } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { eventEtag, staffEventOf, type EventRow } from './rows.js';
import { eventRow, type Db, type EventContext } from './store.js';

const TEXT = {
  noRegion: {
    'zh-CN': '您的账号未绑定服务中心所在地区，无法管理活动。',
    'zh-HK': '您的帳戶未綁定服務中心所在地區，無法管理活動。',
    en: 'Your account is not bound to a service center’s region, so it cannot run events.',
  },
  outsideRegion: {
    'zh-CN': '地区 {region} 不在您所属的 {own} 范围内。',
    'zh-HK': '地區 {region} 不在您所屬的 {own} 範圍內。',
    en: 'Region {region} is not within your region {own}.',
  },
  noEvent: {
    'zh-CN': '未找到活动 {id}，或该活动不由您所在地区的服务中心举办。',
    'zh-HK': '找不到活動 {id}，或該活動不由您所在地區的服務中心舉辦。',
    en: 'There is no event {id}, or it is not run by a center of your region.',
  },
  belowConfirmed: {
    'zh-CN': '名额不能少于已确认报名的 {count} 家企业。',
    'zh-HK': '名額不能少於已確認報名的 {count} 家企業。',
    en: 'The capacity cannot be below the {count} confirmed registrations.',
  },
  belowWaitlisted: {
    'zh-CN': '候补名额不能少于正在候补的 {count} 家企业。',
    'zh-HK': '候補名額不能少於正在候補的 {count} 家企業。',
    en: 'The waitlist cannot be shorter than the {count} registrations waiting on it.',
  },
  cancelled: {
    'zh-CN': '活动 {id} 已取消，不能再修改。',
    'zh-HK': '活動 {id} 已取消，不能再修改。',
    en: 'Event {id} is cancelled and can no longer be changed.',
  },
} as const satisfies Record<string, Localized>;

/** The region the staff member's center acts for: every center account has one. */
export function centerRegion(principal: Principal): string {
  if (!principal.regionCode) throw new ProblemError('forbidden', TEXT.noRegion);
  return principal.regionCode;
}

/** A region the center may hold an event in: its own or one below it (400 for an unknown code, 403 outside). */
function checkRegion(context: EventContext, principal: Principal, region: string): void {
  const own = centerRegion(principal);
  if (!context.regions.get(region)) {
    throw validationFailed([
      {
        path: 'body.regionCode',
        message: { 'zh-CN': '未知地区', 'zh-HK': '未知地區', en: 'Unknown region' },
        code: 'invalid',
      },
    ]);
  }
  if (!context.regions.isWithin(region, own)) {
    throw new ProblemError('forbidden', fill(TEXT.outsideRegion, { region, own }));
  }
}

/**
 * The event, if a center of the staff member's region runs it (its own, or one below it); else a 404, so that
 * another center's drafts are never revealed.
 */
export async function staffEventRow(
  context: EventContext,
  db: Db,
  principal: Principal,
  id: string,
): Promise<EventRow> {
  const own = centerRegion(principal);
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !context.regions.isWithin(row.organizer_region_code, own)) throw notFound(fill(TEXT.noEvent, { id }));
  return row;
}

/** True when the staff member's center runs the event or is above the one that does. */
export function runsEvent(context: EventContext, principal: Principal | null, row: EventRow): boolean {
  return (
    principal?.role === 'admin' &&
    principal.regionCode !== null &&
    context.regions.isWithin(row.organizer_region_code, principal.regionCode)
  );
}

export async function attendedCount(db: Db, eventSeq: number): Promise<number> {
  const row = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_seq', '=', eventSeq)
    .where('status', '=', 'attended')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function staffEvent(db: Db, row: EventRow): Promise<StaffEvent> {
  return staffEventOf(row, await attendedCount(db, row.seq));
}

function instant(value: string): number {
  return Date.parse(value);
}

/** The plan's refusals as a 400 naming each field. */
function checkPlan(plan: EventPlan): void {
  const errors: ProblemFieldError[] = eventPlanRefusals(plan).map((refusal) => ({
    path: `body.${refusal.field}`,
    message: EVENT_MESSAGES[refusal.key],
    code: refusal.key,
  }));
  if (errors.length > 0) throw validationFailed(errors);
}

function planOf(row: Pick<EventRow, 'starts_ts' | 'ends_ts' | 'opens_ts' | 'closes_ts' | 'venue' | 'online_url'>) {
  return {
    startsTs: row.starts_ts,
    endsTs: row.ends_ts,
    opensTs: row.opens_ts,
    closesTs: row.closes_ts,
    venue: row.venue,
    onlineUrl: row.online_url,
  };
}

/** The columns of the fields a center writes, from a whole input or a change (left-out fields stay). */
function columnsOf(context: EventContext, input: EventPatch): Updateable<EventTable> {
  const columns: Updateable<EventTable> = {};
  if (input.type !== undefined) columns.type = input.type;
  if (input.title !== undefined) columns.title = input.title.trim();
  if (input.description !== undefined) columns.description = input.description.trim();
  if (input.regionCode !== undefined) {
    columns.region_code = input.regionCode;
    columns.city_code = context.regions.cityOf(input.regionCode)?.code ?? null;
  }
  if (input.venue !== undefined) columns.venue = input.venue?.trim() || null;
  if (input.onlineUrl !== undefined) columns.online_url = input.onlineUrl;
  const times = [
    ['startsAt', 'starts_at', 'starts_ts'],
    ['endsAt', 'ends_at', 'ends_ts'],
    ['registrationOpensAt', 'registration_opens_at', 'opens_ts'],
    ['registrationClosesAt', 'registration_closes_at', 'closes_ts'],
  ] as const;
  for (const [field, text, ts] of times) {
    const value = input[field];
    if (value === undefined) continue;
    columns[ts] = instant(value);
    columns[text] = shanghaiDateTime(instant(value));
  }
  if (input.capacity !== undefined) columns.capacity = input.capacity;
  if (input.waitlistSize !== undefined) {
    columns.waitlist = input.waitlistSize > 0 ? 1 : 0;
    columns.waitlist_size = input.waitlistSize;
  }
  if (input.audience !== undefined) columns.audience = input.audience?.trim() || null;
  if (input.categoryIds !== undefined) columns.category_ids = JSON.stringify(input.categoryIds);
  return columns;
}

async function centerName(trx: Transaction<Database>, principal: Principal): Promise<string> {
  const user = await trx
    .selectFrom('users')
    .select('organization')
    .where('id', '=', principal.userId)
    .executeTakeFirst();
  return user?.organization ?? principal.name;
}

/** Creates a draft of an event of the center's region or a region below it. */
export async function createEvent(
  context: EventContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  input: EventInput,
): Promise<StaffEvent> {
  const { principal } = actor;
  checkRegion(context, principal, input.regionCode);
  const columns = columnsOf(context, {
    venue: null,
    onlineUrl: null,
    audience: null,
    categoryIds: [],
    waitlistSize: 0,
    ...input,
  });
  checkPlan({
    startsTs: instant(input.startsAt),
    endsTs: instant(input.endsAt),
    opensTs: instant(input.registrationOpensAt),
    closesTs: instant(input.registrationClosesAt),
    venue: columns.venue ?? null,
    onlineUrl: columns.online_url ?? null,
  });
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const id = `evt-${randomBytes(6).toString('hex')}`;
  const values = {
    ...columns,
    id,
    organizer_name: await centerName(trx, principal),
    organizer_region_code: centerRegion(principal),
    registered_count: 0,
    waitlist_count: 0,
    waitlist_seq: 0,
    status: 'draft' as const,
    created_by: principal.userId,
    revision: 0,
    updated_at: at,
  };
  await trx
    .insertInto('events')
    .values(values as Insertable<EventTable>)
    .execute();
  const row = await eventRow(trx, id);
  await recordAudit(trx, actor, now, {
    action: 'event.create',
    entityType: 'event',
    entityId: id,
    after: { title: row.title, regionCode: row.region_code, startsAt: row.starts_at, capacity: row.capacity },
  });
  return staffEventOf(row, 0);
}

/** The fields whose change a registrant is told of: when and where. */
const TOLD = ['starts_at', 'ends_at', 'venue', 'online_url'] as const;

/** Before and after of the columns a change moved, by the API's names. */
function changedFields(row: EventRow, columns: Updateable<EventTable>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(columns)) {
    if (column.endsWith('_ts') || column === 'city_code' || column === 'waitlist') continue;
    const old = row[column as keyof EventRow];
    if (old === value) continue;
    before[column] = old;
    after[column] = value;
  }
  return { before, after };
}

/**
 * Applies a center's change to an event it runs, if `If-Match` names its current version. Refused: a cancelled event
 * (409), a capacity below the confirmed count or a waitlist shorter than those on it (409, naming the count), times or
 * a place that do not fit together (400).
 */
export async function updateEvent(
  context: EventContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  id: string,
  ifMatch: readonly string[] | '*',
  patch: EventPatch,
): Promise<{ event: StaffEvent; etag: string }> {
  const { principal } = actor;
  const row = await staffEventRow(context, trx, principal, id);
  if (!ifMatchHolds(ifMatch, eventEtag(row))) throw staleEdit();
  if (row.status === 'cancelled') throw new ProblemError('conflict', fill(TEXT.cancelled, { id }));
  if (patch.regionCode !== undefined) checkRegion(context, principal, patch.regionCode);
  const columns = columnsOf(context, patch);
  const merged = { ...row, ...columns } as EventRow;
  checkPlan(planOf(merged));

  const capacity = columns.capacity;
  if (capacity !== undefined && capacity < row.registered_count) throw belowConfirmed(row.registered_count);

  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  // One conditional UPDATE takes the row (PostgreSQL locks it until the commit, so registrations wait) and refuses
  // an edit made meanwhile, or a capacity that a registration made meanwhile put below the confirmed count.
  let update = trx
    .updateTable('events')
    .set((eb) => ({ ...columns, revision: eb('revision', '+', 1), updated_at: at }))
    .where('seq', '=', row.seq)
    .where('revision', '=', row.revision);
  if (capacity !== undefined) update = update.where('registered_count', '<=', capacity);
  const written = await update.returningAll().executeTakeFirst();
  if (!written) {
    const fresh = await eventRow(trx, id);
    if (fresh.revision !== row.revision) throw staleEdit();
    throw belowConfirmed(fresh.registered_count);
  }
  if (written.waitlist === 1 && written.waitlist_size !== null && written.waitlist_size < written.waitlist_count) {
    throw new ProblemError('conflict', fill(TEXT.belowWaitlisted, { count: written.waitlist_count }), {
      extensions: { waitlistCount: written.waitlist_count },
    });
  }
  if (written.waitlist === 0 && written.waitlist_count > 0) {
    throw new ProblemError('conflict', fill(TEXT.belowWaitlisted, { count: written.waitlist_count }), {
      extensions: { waitlistCount: written.waitlist_count },
    });
  }
  const promoted = await promoteWaitlist(trx, written, now);
  const current = promoted > 0 ? await eventRow(trx, id) : written;

  const { before, after } = changedFields(row, columns);
  if (current.status === 'scheduled' && TOLD.some((column) => column in after)) {
    await notifyRegistrants(trx, current, now, 'eventChanged', ['confirmed', 'waitlisted']);
  }
  await recordAudit(trx, actor, now, {
    action: 'event.update',
    entityType: 'event',
    entityId: id,
    before,
    after: promoted > 0 ? { ...after, promoted } : after,
  });
  return { event: await staffEvent(trx, current), etag: eventEtag(current) };
}

function belowConfirmed(count: number): ProblemError {
  return new ProblemError('conflict', fill(TEXT.belowConfirmed, { count }), { extensions: { confirmedCount: count } });
}

/** Confirms the first waitlisted, in the order they arrived, as far as seats allow; tells each. */
async function promoteWaitlist(trx: Transaction<Database>, event: EventRow, now: number): Promise<number> {
  const free = event.capacity - event.registered_count;
  if (free <= 0 || event.waitlist_count === 0) return 0;
  const next = await trx
    .selectFrom('registrations')
    .select(['seq', 'user_id'])
    .where('event_seq', '=', event.seq)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_seq')
    .limit(free)
    .execute();
  if (next.length === 0) return 0;
  const at = shanghaiDateTime(now);
  await trx
    .updateTable('registrations')
    .set({ status: 'confirmed', updated_at: at })
    .where(
      'seq',
      'in',
      next.map((registration) => registration.seq),
    )
    .execute();
  await trx
    .updateTable('events')
    .set((eb) => ({
      registered_count: eb('registered_count', '+', next.length),
      waitlist_count: eb('waitlist_count', '-', next.length),
    }))
    .where('seq', '=', event.seq)
    .execute();
  await notify(
    trx,
    now,
    next.map((registration) => registration.user_id),
    { kind: 'registrationPromoted', subjectType: 'event', subjectId: event.id, data: eventFacts(event) },
  );
  return next.length;
}

/** The facts a registrant's notification is made of: what, when and where. */
export function eventFacts(event: EventRow): Record<string, string | null> {
  return {
    title: event.title,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    venue: event.venue,
    onlineUrl: event.online_url,
  };
}

/** Tells the users of the event's registrations in `statuses` `kind`, with the event's facts and `extra`. */
export async function notifyRegistrants(
  trx: Transaction<Database>,
  event: EventRow,
  now: number,
  kind: string,
  statuses: readonly ('confirmed' | 'waitlisted' | 'attended')[],
  extra: Record<string, string> = {},
): Promise<number> {
  const users = await trx
    .selectFrom('registrations')
    .select('user_id')
    .where('event_seq', '=', event.seq)
    .where('status', 'in', statuses)
    .execute();
  return notify(
    trx,
    now,
    users.map((user) => user.user_id),
    { kind, subjectType: 'event', subjectId: event.id, data: { ...eventFacts(event), ...extra } },
  );
}
