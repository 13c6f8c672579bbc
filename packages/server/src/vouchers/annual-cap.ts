// The yearly cap of an enterprise's voucher money: what it has committed and what its used vouchers paid.
import type { Db } from './context.js';

/**
 * The voucher money an enterprise has committed in a year: what its used vouchers paid (engagements not cancelled)
 * plus the face value of the unused ones it still holds. Expired, handed-back and revoked vouchers commit nothing.
 */
export async function committedMoney(db: Db, enterpriseId: string, year: number): Promise<number> {
  const { unused, used } = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('vouchers')
        .select((sum) => sum.fn.sum<number>('face_value').as('n'))
        .where('enterprise_id', '=', enterpriseId)
        .where('year', '=', year)
        .where('status', '=', 'issued')
        .as('unused'),
      usedMoneyQuery(db, enterpriseId, year).as('used'),
    ])
    .executeTakeFirstOrThrow();
  return Number(unused ?? 0) + Number(used ?? 0);
}

/** What the enterprise's vouchers of a year paid on engagements not cancelled, leaving out one voucher if given. */
function usedMoneyQuery(db: Db, enterpriseId: string, year: number, exceptVoucherId?: string) {
  let query = db
    .selectFrom('engagements')
    .innerJoin('vouchers', 'vouchers.id', 'engagements.voucher_id')
    .select((eb) => eb.fn.sum<number>('engagements.voucher_amount').as('n'))
    .where('engagements.enterprise_id', '=', enterpriseId)
    .where('vouchers.year', '=', year)
    .where('engagements.status', '<>', 'cancelled');
  if (exceptVoucherId !== undefined) query = query.where('vouchers.id', '<>', exceptVoucherId);
  return query;
}

export async function usedMoney(db: Db, enterpriseId: string, year: number, exceptVoucherId?: string): Promise<number> {
  const used = await usedMoneyQuery(db, enterpriseId, year, exceptVoucherId).executeTakeFirstOrThrow();
  return Number(used.n ?? 0);
}
