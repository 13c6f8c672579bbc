// The reminders the clock's sweep writes, each once per user and occasion (`Notice.onceKey`): a voucher that expires
// within `VOUCHER_EXPIRY_NOTICE_DAYS` days, and a follow-up assigned to a provider that is due within one working
// day, then once more when it is overdue. A seeded or older notification of the same kind and subject counts too.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { addWorkingDays } from '../time/working-days.js';
import { shanghaiDay } from '../time/shanghai.js';
import { notify } from './notify.js';

/** An enterprise is told of a claimed, unused voucher 7 days before its use-by instant (the "within 7 days"). */
export const VOUCHER_EXPIRY_NOTICE_DAYS = 7;
const DAY = 86_400_000;

async function alreadyTold(db: Kysely<Database>, kind: string, subjectId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('notifications')
    .select('user_id')
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .execute();
  return new Set(rows.map((row) => row.user_id));
}

/** Tells the enterprise users of each issued voucher expiring within the notice days; the count of users told. */
export async function remindExpiringVouchers(db: Kysely<Database>, now: number): Promise<number> {
  const rows = await db
    .selectFrom('vouchers')
    .innerJoin('users', (join) =>
      join.onRef('users.enterprise_id', '=', 'vouchers.enterprise_id').on('users.role', '=', 'enterprise'),
    )
    .select(['vouchers.id', 'vouchers.code', 'vouchers.use_by', 'users.id as user_id'])
    .where('vouchers.status', '=', 'issued')
    .where('vouchers.use_by_ts', '>', now)
    .where('vouchers.use_by_ts', '<=', now + VOUCHER_EXPIRY_NOTICE_DAYS * DAY)
    .orderBy('vouchers.seq')
    .execute();
  let told = 0;
  for (const [id, users] of groupBy(rows)) {
    const { code, use_by: useBy } = users[0]!;
    const before = await alreadyTold(db, 'voucherExpiring', id);
    const userIds = users.map((row) => row.user_id).filter((userId) => !before.has(userId));
    told += await notify(db, now, userIds, {
      kind: 'voucherExpiring',
      subjectType: 'voucher',
      subjectId: id,
      data: { code, useBy: useBy.slice(0, 10) },
      onceKey: `voucherExpiring:${id}`,
    });
  }
  return told;
}

/** Whether a follow-up whose last day is `dueOn` is overdue, due within one working day, or neither, on `today`. */
export function followUpStage(dueOn: string, today: string): 'overdue' | 'dueSoon' | undefined {
  if (today > dueOn) return 'overdue';
  return addWorkingDays(today, 1) >= dueOn ? 'dueSoon' : undefined;
}

/** Tells the provider users of each open follow-up due within a working day, and again once it is overdue. */
export async function remindFollowUpsDue(db: Kysely<Database>, now: number): Promise<number> {
  const today = shanghaiDay(now);
  // Due by the next working day at the latest: a week ahead covers any run of holidays.
  const horizon = shanghaiDay(now + 14 * DAY);
  const rows = await db
    .selectFrom('follow_ups')
    .innerJoin('ratings', 'ratings.seq', 'follow_ups.rating_seq')
    .innerJoin('users', (join) =>
      join.onRef('users.provider_id', '=', 'ratings.provider_id').on('users.role', '=', 'provider'),
    )
    .select(['follow_ups.id', 'follow_ups.due_on', 'ratings.id as rating_id', 'users.id as user_id'])
    .where('follow_ups.status', 'in', ['open', 'reopened'])
    .where('follow_ups.due_on', '<=', horizon)
    .orderBy('follow_ups.seq')
    .execute();
  let told = 0;
  for (const [id, users] of groupBy(rows)) {
    const { due_on: dueOn, rating_id: ratingId } = users[0]!;
    const stage = followUpStage(dueOn, today);
    if (!stage) continue;
    told += await notify(
      db,
      now,
      users.map((row) => row.user_id),
      {
        kind: 'followUpDue',
        subjectType: 'rating',
        subjectId: ratingId,
        data: { dueOn, overdue: stage === 'overdue' },
        // A reopened follow-up has a new last day: its reminders are new occasions.
        onceKey: `followUpDue:${id}:${dueOn}:${stage}`,
      },
    );
  }
  return told;
}

function groupBy<T extends { id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.id, [...(groups.get(row.id) ?? []), row]);
  return groups;
}

/** The sweep's reminders, all kinds; a kind that fails holds up no other. */
export async function remindDue(db: Kysely<Database>, now: number): Promise<number> {
  const results = await Promise.allSettled([remindExpiringVouchers(db, now), remindFollowUpsDue(db, now)]);
  return results.reduce((sum, result) => sum + (result.status === 'fulfilled' ? result.value : 0), 0);
}
