// The registrants of an event, for the center running it (and the centers above): a page of JSON, or every one as a
// CSV file that Excel opens with its Chinese intact. The file is written as it is read, a batch of rows at a time,
// so that ten thousand registrants never sit in memory at once.
import type { Readable } from 'node:stream';
import { csvStream, type CsvValue } from '../http/csv.js';
import type { MessageLocale, Principal, RegistrantPage, RegistrationStatus } from '@smec/schemas';
import { cursorScope, decodeCursor, encodeCursor, invalidCursor, type StatusPageQuery } from '../http/cursor.js';
import { staffEventRow } from './admin.js';
import { positionOf } from './registrations.js';
import { registrantOf, type EventRow, type RegistrationRow } from './rows.js';
import type { Db, EventContext } from './store.js';

export type RegistrantsListQuery = StatusPageQuery<RegistrationStatus>;

function rowsAfter(db: Db, event: EventRow, status: RegistrationStatus | undefined, afterSeq: number, limit: number) {
  let query = db.selectFrom('registrations').selectAll().where('event_seq', '=', event.seq).where('seq', '>', afterSeq);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('seq').limit(limit).execute();
}

/** A page of the event's registrants, in the order they registered; `status` keeps one. */
export async function listRegistrants(
  context: EventContext,
  principal: Principal,
  eventId: string,
  query: RegistrantsListQuery,
): Promise<RegistrantPage> {
  const event = await staffEventRow(context, context.db, principal, eventId);
  const limit = query.limit ?? 50;
  const scope = cursorScope(`events/${eventId}/registrations`, { status: query.status });
  let after = 0;
  if (query.cursor) {
    const [seq] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof seq !== 'number') throw invalidCursor();
    after = seq;
  }
  let counted = context.db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_seq', '=', event.seq);
  if (query.status) counted = counted.where('status', '=', query.status);
  const total = await counted.executeTakeFirstOrThrow();
  const rows = await rowsAfter(context.db, event, query.status, after, limit + 1);
  const items = [];
  for (const row of rows.slice(0, limit)) items.push(registrantOf(row, await positionOf(context.db, row)));
  const last = rows[Math.min(rows.length, limit) - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.seq], scope) : null,
    total: Number(total.n),
  };
}

const HEADERS: Record<MessageLocale, readonly string[]> = {
  'zh-CN': ['报名编号', '签到码', '企业名称', '企业编号', '参会人', '状态', '候补顺序', '报名时间', '签到时间'],
  'zh-HK': ['報名編號', '簽到碼', '企業名稱', '企業編號', '參會人', '狀態', '候補順序', '報名時間', '簽到時間'],
  en: [
    'Registration',
    'Check-in code',
    'Enterprise',
    'Enterprise id',
    'Attendee',
    'Status',
    'Waitlist position',
    'Registered at',
    'Checked in at',
  ],
};

const STATUS_TEXT: Record<MessageLocale, Record<RegistrationStatus, string>> = {
  'zh-CN': { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消', attended: '已签到' },
  'zh-HK': { confirmed: '已確認', waitlisted: '候補', cancelled: '已取消', attended: '已簽到' },
  en: { confirmed: 'Confirmed', waitlisted: 'Waitlisted', cancelled: 'Cancelled', attended: 'Attended' },
};

/** Rows read per statement while the file is written. */
const BATCH = 1000;

/**
 * Every registrant of the event as CSV: a UTF-8 byte order mark, the header in the request's language, one line per
 * registration in the order they registered. The waitlist positions are counted as the rows go by (they are in
 * arrival order), not one query each.
 */
export async function registrantsCsv(
  context: EventContext,
  principal: Principal,
  eventId: string,
  status: RegistrationStatus | undefined,
  locale: MessageLocale,
): Promise<Readable> {
  const event = await staffEventRow(context, context.db, principal, eventId);
  async function* chunks(): AsyncGenerator<CsvValue[][]> {
    let after = 0;
    let waiting = 0;
    for (;;) {
      const rows: RegistrationRow[] = await rowsAfter(context.db, event, status, after, BATCH);
      if (rows.length === 0) return;
      yield rows.map((row) => {
        const position = row.status === 'waitlisted' ? ++waiting : null;
        return [
          row.id,
          row.code,
          row.enterprise_name,
          row.enterprise_id,
          row.attendee_name,
          STATUS_TEXT[locale][row.status],
          // A filtered list counts only what it shows; the positions hold for the whole waitlist.
          status === undefined || status === 'waitlisted' ? position : null,
          row.created_at,
          row.attended_at,
        ];
      });
      after = rows[rows.length - 1]?.seq ?? after;
      if (rows.length < BATCH) return;
    }
  }
  return csvStream(HEADERS[locale], chunks());
}
