// Handing an unused voucher back to its batch.
import type { MessageLocale, Principal, Voucher } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { enterpriseIdOf, type VoucherContext } from './context.js';
import { actorOf, appendHistory } from './history.js';
import { problem, statusWord } from './problems.js';
import { ownVoucher, voucherById } from './read.js';

/** Hands an unused voucher back: `withdrawn`, and its quota returns to the batch in the same transaction. */
export async function returnVoucher(
  context: VoucherContext,
  trx: Transaction<Database>,
  principal: Principal,
  voucherId: string,
  locale: MessageLocale,
): Promise<Voucher> {
  const enterpriseId = enterpriseIdOf(principal, locale);
  const row = await ownVoucher(trx, voucherId, enterpriseId, locale);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const withdrawn = await trx
    .updateTable('vouchers')
    .set({ status: 'withdrawn', updated_at: at })
    .where('seq', '=', row.seq)
    .where('status', '=', 'issued')
    .where('use_by_ts', '>', now)
    .executeTakeFirst();
  if (Number(withdrawn.numUpdatedRows) === 0) {
    const status = row.status === 'issued' ? 'expired' : row.status;
    throw problem('voucher_not_returnable', locale, 'notReturnable', statusWord(locale, status));
  }
  await trx
    .updateTable('voucher_batches')
    .set((eb) => ({ remaining: eb('remaining', '+', 1), updated_at: at }))
    .where('seq', '=', row.batch_seq)
    .execute();
  await appendHistory(trx, row.seq, 'withdrawn', at, await actorOf(trx, principal), '企业退回，名额返还本批次');
  return voucherById(trx, { ...row, status: 'withdrawn', updated_at: at });
}
