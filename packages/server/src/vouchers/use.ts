// Using a voucher: the quote of what it would pay, and the use that orders the engagement. Both are an order with
// the voucher named (engagements/order.ts): the same checks and amounts as `POST /engagements` with a `voucherId`.
import type { Engagement, MessageLocale, Principal, VoucherQuote, VoucherUseInput } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { createEngagement, quoteOrder } from '../engagements/order.js';
import type { VoucherContext } from './context.js';

export async function quoteUse(
  context: VoucherContext,
  principal: Principal,
  voucherId: string,
  input: VoucherUseInput,
  locale: MessageLocale,
): Promise<VoucherQuote> {
  return quoteOrder(context, principal, { ...input, voucherId }, locale);
}

/** Uses a voucher: orders the engagement it pays part of. */
export async function useVoucher(
  context: VoucherContext,
  trx: Transaction<Database>,
  principal: Principal,
  voucherId: string,
  input: VoucherUseInput,
  locale: MessageLocale,
): Promise<Engagement> {
  return createEngagement(context, trx, principal, { ...input, voucherId }, locale);
}
