// Expiry: vouchers past their use-by instant are voided, by a sweep and by the check at use.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { appendHistory } from './history.js';

/**
 * Marks the issued vouchers past their `useBy` expired, each with a history entry by the platform; all of them, or
 * the one given. Conditional on `issued`, so a voucher used or handed back meanwhile is left alone.
 */
export async function expireDue(db: Kysely<Database>, now: number, voucherId?: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let update = trx
      .updateTable('vouchers')
      .set({ status: 'expired', updated_at: shanghaiDateTime(now) })
      .where('status', '=', 'issued')
      .where('use_by_ts', '<=', now);
    if (voucherId !== undefined) update = update.where('id', '=', voucherId);
    const expired = await update.returning('seq').execute();
    const at = shanghaiDateTime(now);
    for (const { seq } of expired) {
      await appendHistory(
        trx,
        seq,
        'expired',
        at,
        { role: 'system', name: '服务券平台' },
        '超过使用期限未使用，自动作废',
      );
    }
    return expired.length;
  });
}

/** Marks expired vouchers every `intervalMs` (and once now); the timer never keeps the process alive. */
export function startExpirySweep(db: Kysely<Database>, clock: Clock, intervalMs = 10 * 60_000) {
  const sweep = () => {
    expireDue(db, clock.now()).catch(() => {
      // The database may be closing; the next sweep or the check at use does the work.
    });
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
