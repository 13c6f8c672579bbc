// Notifications are written in the transaction of what they tell: a cancellation that rolls back tells nobody.
import type { Kysely, Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/schema.js';
import { shanghaiDateTime } from '../time/shanghai.js';

/** What happened, to whom it is told: one notification per user. */
export interface Notice {
  /** e.g. `eventCancelled`, `eventChanged`, `demandMatched`, `applicationChangesRequested`, `followUpDue`. */
  readonly kind: string;
  readonly subjectType: string;
  readonly subjectId: string;
  /** The facts the text is made of when read (names, dates, a reason); no text in a language. */
  readonly data: Record<string, string | number | boolean | null>;
  /**
   * For a reminder: its occasion (e.g. `voucherExpiring:vch-1`). Each user is then told once, by whichever sweep
   * comes first; a repeat is left out, not an error.
   */
  readonly onceKey?: string;
}

/**
 * Tells each of `userIds` (once each, whatever the repeats) `notice`, at `now` (the platform's clock); the count of
 * users told (a reminder already written for a user is not counted).
 */
export async function notify(
  trx: Transaction<Database> | Kysely<Database>,
  now: number,
  userIds: readonly string[],
  notice: Notice,
): Promise<number> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return 0;
  const at = shanghaiDateTime(now);
  const data = JSON.stringify(notice.data);
  // Chunks keep each INSERT under SQLite's and PostgreSQL's limits on bound parameters.
  let told = 0;
  for (let start = 0; start < users.length; start += 500) {
    const inserted = await trx
      .insertInto('notifications')
      .values(
        users.slice(start, start + 500).map((userId) => ({
          id: `ntf-${randomBytes(8).toString('hex')}`,
          user_id: userId,
          kind: notice.kind,
          subject_type: notice.subjectType,
          subject_id: notice.subjectId,
          data,
          created_at: at,
          created_ts: now,
          ...(notice.onceKey === undefined ? {} : { once_key: `${notice.onceKey}:${userId}` }),
        })),
      )
      .onConflict((conflict) => conflict.column('once_key').doNothing())
      .executeTakeFirst();
    told += Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return told;
}
