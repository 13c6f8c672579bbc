// The yearly cap of an enterprise's voucher money: what it has committed and what its used vouchers paid.
import { voucherMoneyUsed } from '@smec/schemas/rules';
import type { Db } from './context.js';

/**
 * The voucher money an enterprise has committed in a year: what its used vouchers paid (engagements not cancelled)
 * plus the face value of the unused ones it still holds. Expired, handed-back and revoked vouchers commit nothing.
 * Every claim of a batch opening asks this, so it is one statement: the count of `voucherMoneyUsed` written in SQL
 * (engagements not cancelled, by the voucher's year), which `annual-cap.test.ts` holds to the rule.
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

/** What the enterprise's vouchers of a year paid on engagements not cancelled, as one SUM (`committedMoney`). */
export function usedMoneyQuery(db: Db, enterpriseId: string, year: number) {
  return db
    .selectFrom('engagements')
    .innerJoin('vouchers', 'vouchers.id', 'engagements.voucher_id')
    .select((eb) => eb.fn.sum<number>('engagements.voucher_amount').as('n'))
    .where('engagements.enterprise_id', '=', enterpriseId)
    .where('vouchers.year', '=', year)
    .where('engagements.status', '<>', 'cancelled');
}

/**
 * What the enterprise's vouchers of a year paid on engagements not cancelled, leaving out one voucher if given: the
 * shared rule (`voucherMoneyUsed`) over the enterprise's engagements paid by a voucher, as the wallet counts them.
 */
export async function usedMoney(db: Db, enterpriseId: string, year: number, exceptVoucherId?: string): Promise<number> {
  const rows = await db
    .selectFrom('engagements')
    .innerJoin('vouchers', 'vouchers.id', 'engagements.voucher_id')
    .select([
      'engagements.voucher_id as voucherId',
      'vouchers.year as voucherYear',
      'engagements.status as status',
      'engagements.voucher_amount as voucherAmount',
    ])
    .where('engagements.enterprise_id', '=', enterpriseId)
    .execute();
  return voucherMoneyUsed(
    rows.map((row) => ({ ...row, voucherYear: Number(row.voucherYear), voucherAmount: Number(row.voucherAmount) })),
    year,
    exceptVoucherId,
  );
}
