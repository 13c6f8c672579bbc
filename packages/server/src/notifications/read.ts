// A user's own notifications: the list, newest first, and marking one read. Nobody reads another's.
import type { MessageLocale, Notification, NotificationPage } from '@smec/schemas';
import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, NotificationTable } from '../db/schema.js';
import { cursorScope, decodeTimeSeqCursor, encodeCursor } from '../http/cursor.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { notificationText } from './texts.js';

export interface NotificationContext {
  readonly db: Kysely<Database>;
  readonly secret: Buffer;
  readonly clock: Clock;
}

export interface NotificationListQuery {
  readonly unread?: boolean | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

function facts(row: Selectable<NotificationTable>): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(row.data);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function notificationOf(row: Selectable<NotificationTable>, locale: MessageLocale): Notification {
  const text = notificationText(row.kind, facts(row));
  return {
    id: row.id,
    kind: row.kind,
    subject: { type: row.subject_type, id: row.subject_id },
    title: text.title[locale],
    body: text.body[locale],
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export async function listNotifications(
  context: NotificationContext,
  userId: string,
  query: NotificationListQuery,
  locale: MessageLocale,
): Promise<NotificationPage> {
  const limit = query.limit ?? 20;
  const scope = cursorScope(`me/notifications ${userId}`, { unread: query.unread });
  const base = () => {
    const mine = context.db.selectFrom('notifications').where('user_id', '=', userId);
    return query.unread ? mine.where('read_ts', 'is', null) : mine;
  };
  const [total, unread] = await Promise.all([
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    context.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_ts', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  let page = base().selectAll();
  if (query.cursor) {
    const [ts, seq] = decodeTimeSeqCursor(context.secret, query.cursor, scope);
    page = page.where((eb) =>
      eb.or([eb('created_ts', '<', ts), eb.and([eb('created_ts', '=', ts), eb('seq', '<', seq)])]),
    );
  }
  const rows = await page
    .orderBy('created_ts', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => notificationOf(row, locale)),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.created_ts, last.seq], scope) : null,
    total: Number(total.n),
    unread: Number(unread.n),
  };
}

/** Marks the user's notification `id` read (once: reading it again keeps the first instant); undefined if not theirs. */
export async function markNotificationRead(
  db: Kysely<Database>,
  now: number,
  userId: string,
  id: string,
  locale: MessageLocale,
): Promise<Notification | undefined> {
  await db
    .updateTable('notifications')
    .set({ read_at: shanghaiDateTime(now), read_ts: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_ts', 'is', null)
    .execute();
  const row = await db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? notificationOf(row, locale) : undefined;
}
