// The events: the filtered list, the iCalendar feed's entries and one event. Registrations are in registrations.ts
// and my-registrations.ts.
import type { Clock } from '../clock.js';
import type { EventLifecycle, EventType, ServiceEvent, ServiceEventPage } from '@smec/schemas';
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { cursorScope, decodeTimeSeqCursor, encodeCursor } from '../http/cursor.js';
import { notFound } from '../http/problem.js';

import type { CalendarEntry } from './ics.js';
import { rangeOf } from './range.js';
import { eventOf, type EventRow } from './rows.js';
import { expertsOfEvent } from '../experts/event-experts.js';
import { unknownRegion } from '../http/common-problems.js';
import { fill, type Localized } from '../http/localized.js';

const NO_EVENT: Localized = { 'zh-CN': '未找到活动 {id}。', 'zh-HK': '找不到活動 {id}。', en: 'No event {id}.' };

export interface EventContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  /** The clock of the registration window. */
  readonly clock: Clock;
}

export type Db = Kysely<Database> | Transaction<Database>;

export interface EventFilter {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly region?: string | undefined;
  readonly type?: EventType | undefined;
  readonly category?: string | undefined;
  /** Only `scheduled` or `cancelled` ones; `draft` needs {@link EventFilter.draftsOf}. */
  readonly status?: EventLifecycle | undefined;
  /** The organising regions whose drafts the caller's center may see (its own and those below it). */
  readonly draftsOf?: readonly string[] | undefined;
}

/** Applies the filters to a query on `events`: the range overlaps, the region includes those below it. */
function filtered<O>(
  context: EventContext,
  query: SelectQueryBuilder<Database, 'events', O>,
  filter: EventFilter,
): SelectQueryBuilder<Database, 'events', O> {
  const { fromTs, toTs } = rangeOf(filter.from, filter.to);
  // A draft is the center's until published: no public list or feed shows it, only its own staff's list of drafts.
  let result =
    filter.status === 'draft'
      ? query.where('status', '=', 'draft').where('organizer_region_code', 'in', [...(filter.draftsOf ?? []), ''])
      : query.where('status', '<>', 'draft');
  if (filter.status === 'scheduled' || filter.status === 'cancelled')
    result = result.where('status', '=', filter.status);
  if (fromTs !== undefined) result = result.where('ends_ts', '>', fromTs);
  if (toTs !== undefined) result = result.where('starts_ts', '<', toTs);
  if (filter.region !== undefined) {
    const region = context.regions.get(filter.region);
    if (!region) throw unknownRegion('query.region', filter.region);
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
    const [ts, seq] = decodeTimeSeqCursor(context.secret, query.cursor, scope);
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
  return entryOf(await publicEventRow(context.db, id));
}

export async function eventRow(db: Db, id: string): Promise<EventRow> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(fill(NO_EVENT, { id }));
  return row;
}

/** A published or cancelled event: to the public a draft does not exist. */
export async function publicEventRow(db: Db, id: string): Promise<EventRow> {
  const row = await eventRow(db, id);
  if (row.status === 'draft') throw notFound(fill(NO_EVENT, { id }));
  return row;
}

/** One event as the public sees it; an expert clinic with the experts it names (every other event names none). */
export async function getEvent(context: EventContext, id: string): Promise<ServiceEvent> {
  return eventWithExperts(context, await publicEventRow(context.db, id));
}

export async function eventWithExperts(context: EventContext, row: EventRow): Promise<ServiceEvent> {
  return { ...eventOf(row), experts: await expertsOfEvent(context.db, Number(row.seq)) };
}
