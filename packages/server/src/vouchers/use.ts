// Using a voucher: the quote of what it would pay, and the use that orders the engagement.
import { randomBytes } from 'node:crypto';
import {
  voucherPayment,
  type Engagement,
  type MessageLocale,
  type Principal,
  type VoucherQuote,
  type VoucherUseInput,
} from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { serializeEnterpriseWrites } from '../db/locks.js';
import { orderedProducts, versionKey } from '../products/versions.js';
import { providerNotActive } from '../provider-accounts/refusals.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { usedMoney } from './annual-cap.js';
import { enterpriseIdOf, type Db, type VoucherContext } from './context.js';
import { actorOf, appendHistory } from './history.js';
import { problem, statusWord, yuan } from './problems.js';
import { ownVoucher } from './read.js';
import { engagementOf, type VoucherRow } from './rows.js';

async function enterpriseRow(db: Db, enterpriseId: string, locale: MessageLocale) {
  const row = await db.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirst();
  if (!row) throw problem('not_eligible', locale, 'noProfile');
  return row;
}

/** What a use would order: the checks and the amounts, shared by `quote` and `use`. */
interface UsePlan {
  readonly voucher: VoucherRow;
  readonly quote: VoucherQuote;
  readonly enterprise: { id: string; name: string; region_code: string };
  readonly provider: { id: string; name: string };
  readonly product: { id: string; name: string; category_id: string; version?: number };
}

async function planUse(
  context: VoucherContext,
  db: Db,
  principal: Principal,
  voucherId: string,
  input: VoucherUseInput,
  locale: MessageLocale,
): Promise<UsePlan> {
  const enterpriseId = enterpriseIdOf(principal, locale);
  const voucher = await ownVoucher(db, voucherId, enterpriseId, locale);
  if (voucher.status === 'expired') throw problem('voucher_expired', locale, 'expired', voucher.use_by);
  if (voucher.status !== 'issued') {
    throw problem('voucher_not_usable', locale, 'notUsable', statusWord(locale, voucher.status));
  }
  if (context.clock.now() >= voucher.use_by_ts) throw problem('voucher_expired', locale, 'expired', voucher.use_by);
  const batch = await db
    .selectFrom('voucher_batches')
    .selectAll()
    .where('seq', '=', voucher.batch_seq)
    .executeTakeFirstOrThrow();
  const product = await db
    .selectFrom('products')
    .select(['id', 'name', 'category_id', 'provider_id', 'status', 'listed', 'voucher_eligible', 'version'])
    .where('id', '=', input.productId)
    .executeTakeFirst();
  if (!product) throw problem('product_not_eligible', locale, 'productNotFound', input.productId);
  const provider = await db
    .selectFrom('providers')
    .select(['id', 'name', 'uscc', 'legal_representative', 'admission'])
    .where('id', '=', product.provider_id)
    .executeTakeFirstOrThrow();
  // A suspended (or removed) provider takes no new orders; its engagements in progress go on.
  if (provider.admission !== 'admitted') throw providerNotActive(provider.name);
  const categories = JSON.parse(batch.category_ids) as string[];
  if (
    product.status !== 'published' ||
    product.listed !== 1 ||
    product.voucher_eligible !== 1 ||
    (categories.length > 0 && !categories.includes(product.category_id))
  ) {
    throw problem('product_not_eligible', locale, 'productNotEligible', product.name);
  }
  const enterprise = await enterpriseRow(db, enterpriseId, locale);
  const providerLegal = provider.legal_representative ?? '';
  if (
    provider.uscc === enterprise.uscc ||
    (providerLegal !== '' && providerLegal === enterprise.legal_representative)
  ) {
    throw problem('related_party', locale, 'relatedParty', provider.name);
  }
  const capLeft = batch.annual_cap - (await usedMoney(db, enterpriseId, voucher.year, voucher.id));
  if (capLeft <= 0) throw problem('annual_cap_reached', locale, 'capReached', yuan(locale, batch.annual_cap));
  const payment = voucherPayment({
    faceValue: voucher.face_value,
    maxCoverage: batch.max_coverage,
    contractAmount: input.contractAmount,
    capLeft,
  });
  return {
    voucher,
    quote: { contractAmount: input.contractAmount, capLeft, ...payment },
    enterprise,
    provider,
    product,
  };
}

export async function quoteUse(
  context: VoucherContext,
  principal: Principal,
  voucherId: string,
  input: VoucherUseInput,
  locale: MessageLocale,
): Promise<VoucherQuote> {
  return (await planUse(context, context.db, principal, voucherId, input, locale)).quote;
}

function newEngagementId(): string {
  return `eng-${randomBytes(8).toString('hex')}`;
}

/**
 * Uses a voucher: orders the engagement. The voucher leaves `issued` by one conditional UPDATE in the same
 * transaction as the engagement's INSERT, so of concurrent uses of one voucher exactly one orders anything.
 */
export async function useVoucher(
  context: VoucherContext,
  trx: Transaction<Database>,
  principal: Principal,
  voucherId: string,
  input: VoucherUseInput,
  locale: MessageLocale,
): Promise<Engagement> {
  await serializeEnterpriseWrites(trx, enterpriseIdOf(principal, locale));
  const plan = await planUse(context, trx, principal, voucherId, input, locale);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const engagementId = newEngagementId();
  const taken = await trx
    .updateTable('vouchers')
    .set({ status: 'ordered', engagement_id: engagementId, updated_at: at })
    .where('seq', '=', plan.voucher.seq)
    .where('status', '=', 'issued')
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) {
    throw problem('voucher_not_usable', locale, 'notUsable', statusWord(locale, 'ordered'));
  }
  const values = {
    id: engagementId,
    enterprise_id: plan.enterprise.id,
    enterprise_name: plan.enterprise.name,
    enterprise_region_code: plan.enterprise.region_code,
    provider_id: plan.provider.id,
    provider_name: plan.provider.name,
    product_id: plan.product.id,
    product_name: plan.product.name,
    category_id: plan.product.category_id,
    voucher_id: plan.voucher.id,
    contract_amount: plan.quote.contractAmount,
    voucher_amount: plan.quote.voucherAmount,
    self_paid: plan.quote.selfPaid,
    status: 'ordered' as const,
    accepted_at: null,
    rating_id: null,
    created_at: at,
    created_ts: now,
    updated_at: at,
    // The version the enterprise ordered (the one the catalog shows): the engagement shows the product as it was.
    product_version: plan.product.version ? plan.product.version : null,
  };
  const { seq } = await trx.insertInto('engagements').values(values).returning('seq').executeTakeFirstOrThrow();
  const actor = await actorOf(trx, principal);
  const note = `${plan.product.name}：合同金额 ${yuan('zh-CN', values.contract_amount)}，用券抵扣 ${yuan('zh-CN', values.voucher_amount)}`;
  const timeline = {
    engagement_seq: seq,
    status: 'ordered' as const,
    at,
    actor_role: actor.role,
    actor_name: actor.name,
    note,
  };
  await trx.insertInto('engagement_timeline').values(timeline).execute();
  await appendHistory(
    trx,
    plan.voucher.seq,
    'ordered',
    at,
    actor,
    `用于服务项目 ${engagementId}（${plan.product.name}）`,
  );
  const ordered = await orderedProducts(trx, [values]);
  return engagementOf(
    { ...values, seq, settlement_refusal: null },
    [{ ...timeline, seq: 0 }],
    ordered.get(versionKey(values.product_id, values.product_version)) ?? null,
  );
}
