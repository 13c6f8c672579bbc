// The public notice (公示) as anyone reads it: the applicants the centers approved, soonest end first, with how many
// objections each has drawn. Only what a notice publishes: never the contact, the mobile or the files.
import {
  NOTICE_DAYS,
  type CategoryId,
  type PublicNotice,
  type PublicNoticePage,
  type StoredApplication,
} from '@smec/schemas';
import { cursorScope, decodeTimeSeqCursor, encodeCursor } from '../http/cursor.js';
import { shanghaiDay } from '../time/shanghai.js';
import type { ApplicationContext } from './store.js';

const DAY_MS = 86_400_000;

export interface PublicNoticeQuery {
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export async function listPublicNotices(
  context: ApplicationContext,
  query: PublicNoticeQuery,
): Promise<PublicNoticePage> {
  const { db } = context;
  const limit = query.limit ?? 20;
  const scope = cursorScope('public-notices', {});
  const base = () =>
    db
      .selectFrom('provider_applications as a')
      .where('a.status', '=', 'publicNotice')
      .where('a.notice_ends_ts', 'is not', null);
  const totalRow = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = base().select((eb) => [
    'a.seq',
    'a.id',
    'a.name',
    'a.uscc',
    'a.region_code',
    'a.input',
    'a.notice_ends_ts',
    'a.notice_ends_on',
    eb
      .selectFrom('application_objections as o')
      .select((inner) => inner.fn.countAll<number>().as('n'))
      .whereRef('o.application_seq', '=', 'a.seq')
      .as('objections'),
  ]);
  if (query.cursor) {
    const [ts, seq] = decodeTimeSeqCursor(context.secret, query.cursor, scope);
    page = page.where((eb) =>
      eb.or([eb('a.notice_ends_ts', '>', ts), eb.and([eb('a.notice_ends_ts', '=', ts), eb('a.seq', '>', seq)])]),
    );
  }
  const rows = await page
    .orderBy('a.notice_ends_ts', 'asc')
    .orderBy('a.seq', 'asc')
    .limit(limit + 1)
    .execute();
  const categoryNames = new Map(
    (await db.selectFrom('categories').select(['id', 'name']).execute()).map((row) => [row.id, row.name]),
  );
  const items = rows.slice(0, limit).map((row): PublicNotice => {
    const stored = JSON.parse(row.input) as StoredApplication;
    const ends = Number(row.notice_ends_ts);
    return {
      id: row.id,
      name: row.name,
      uscc: row.uscc,
      categories: stored.scope.categoryIds.map((id: CategoryId) => ({ id, name: categoryNames.get(id) ?? id })),
      region: { code: row.region_code, name: context.regions.get(row.region_code)?.name ?? row.region_code },
      startsOn: shanghaiDay(ends - NOTICE_DAYS * DAY_MS),
      endsOn: row.notice_ends_on ?? shanghaiDay(ends),
      objectionCount: Number(row.objections ?? 0),
    };
  });
  const last = rows[Math.min(rows.length, limit) - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor(context.secret, [Number(last.notice_ends_ts), last.seq], scope) : null,
    total: Number(totalRow.n),
  };
}
