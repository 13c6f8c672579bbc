import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

const LITERAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/**
 * Takes one voucher from a batch's quota as the last statement of a claim's transaction: true when taken, false when
 * none is left (the caller refuses the claim, which rolls its writes back).
 *
 * Every claim of a batch waits for the batch's row, so how long each holds it bounds how fast a batch opening goes.
 * On PostgreSQL the row stays locked until the commit; were the COMMIT sent when the UPDATE's answer came back, the
 * lock would be held across a trip through this process's event loop, which is busy with thousands of other claims
 * at that moment (milliseconds each: it capped an opening at about 200 vouchers a second). So the UPDATE, the COMMIT
 * and a fresh BEGIN go in one message: the lock is held only while PostgreSQL runs them. The quota's CHECK
 * (`remaining >= 0`) is what refuses the last-but-one claim: an error stops the message before its COMMIT, and the
 * transaction is rolled back. Kysely's own COMMIT then ends the empty transaction the BEGIN opened.
 *
 * That is only correct while this is the transaction's last statement: a write after it would not be part of the
 * claim. So the fresh transaction is READ ONLY, and PostgreSQL refuses any write sent after this one (at no cost:
 * it is the same message).
 *
 * SQLite has one writer and no such trip: a conditional UPDATE does.
 *
 * A batch its center paused or closed takes no claim, however late the pause came: on PostgreSQL the UPDATE then
 * sets an impossible remaining (-1), which the same CHECK refuses, so the claim is rolled back as for a used-up batch.
 */
export async function takeFromQuota(trx: Transaction<Database>, batchSeq: number, at: string): Promise<boolean> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) {
    const taken = await trx
      .updateTable('voucher_batches')
      .set((eb) => ({ remaining: eb('remaining', '-', 1), updated_at: at }))
      .where('seq', '=', batchSeq)
      .where('remaining', '>', 0)
      .where('status', '=', 'open')
      .returning('seq')
      .executeTakeFirst();
    return taken !== undefined;
  }
  // A multi-statement message takes no parameters: the two values are checked to be a row number and a time.
  if (!Number.isSafeInteger(batchSeq) || !LITERAL_TIME.test(at)) throw new TypeError('Not a batch row or a time');
  try {
    await sql
      .raw(
        `update voucher_batches set remaining = case when status = 'open' then remaining - 1 else -1 end, ` +
          `updated_at = '${at}' where seq = ${batchSeq}; commit; ` +
          'begin transaction read only',
      )
      .execute(trx);
    return true;
  } catch (error) {
    if ((error as { constraint?: unknown }).constraint === 'voucher_batches_quota') return false;
    throw error;
  }
}
