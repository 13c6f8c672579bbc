// Ordering an engagement: the one code path of a voucher's use, an order of any published product (paid, free, a
// voucher optional on top) and an enterprise's acceptance of a demand's proposal.
import { randomBytes } from 'node:crypto';
import { voucherPayment, type Engagement, type MessageLocale, type Principal, type VoucherQuote } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { serializeEnterpriseWrites } from '../db/locks.js';
import { orderedProducts, versionKey } from '../products/versions.js';
import { providerNotActive } from '../provider-accounts/refusals.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { usedMoney } from '../vouchers/annual-cap.js';
import { enterpriseIdOf, type Db, type VoucherContext } from '../vouchers/context.js';
import { actorOf, appendHistory } from '../vouchers/history.js';
import { fieldProblem, problem, statusWord, yuan } from '../vouchers/problems.js';
import { ownVoucher } from '../vouchers/read.js';
import { engagementOf, type BatchRow, type VoucherRow } from '../vouchers/rows.js';

/** What the enterprise asks for. `contractAmount` is required with a voucher's own use, optional otherwise. */
export interface OrderRequest {
  readonly productId: string;
  readonly contractAmount?: number | undefined;
  readonly voucherId?: string | undefined;
  readonly note?: string | undefined;
  /** The demand (and its proposal) the order serves, when it comes from an accepted proposal. */
  readonly demand?: { readonly id: string; readonly proposalId: string; readonly trackingNo: string } | undefined;
  /** Where the request's fields sit in the body, for the errors' paths (`body` or `body.x`). */
  readonly fieldPrefix?: string | undefined;
}

interface VoucherPart {
  readonly row: VoucherRow;
  readonly quote: VoucherQuote;
}

/** What an order would create: the checks passed and the amounts, shared by the quote, the use and the order. */
interface OrderPlan {
  readonly enterprise: { id: string; name: string; region_code: string };
  readonly provider: { id: string; name: string };
  readonly product: { id: string; name: string; category_id: string; version?: number };
  readonly free: boolean;
  readonly contractAmount: number;
  readonly voucher: VoucherPart | null;
}

/** A voucher the enterprise holds and may use now, with its batch. */
async function usableVoucher(context: VoucherContext, db: Db, enterpriseId: string, id: string, locale: MessageLocale) {
  const voucher = await ownVoucher(db, id, enterpriseId, locale);
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
  return { voucher, batch };
}

/**
 * What the voucher pays of `contractAmount` and what is left to the enterprise: the rule of every voucher amount,
 * at the order and again when the provider confirms another amount.
 */
export async function voucherShare(
  db: Db,
  voucher: VoucherRow,
  batch: BatchRow,
  contractAmount: number,
  locale: MessageLocale,
): Promise<VoucherQuote> {
  const capLeft = batch.annual_cap - (await usedMoney(db, voucher.enterprise_id, voucher.year, voucher.id));
  if (capLeft <= 0) throw problem('annual_cap_reached', locale, 'capReached', yuan(locale, batch.annual_cap));
  const payment = voucherPayment({
    faceValue: voucher.face_value,
    maxCoverage: batch.max_coverage,
    contractAmount,
    capLeft,
  });
  return { contractAmount, capLeft, ...payment };
}

async function planOrder(
  context: VoucherContext,
  db: Db,
  principal: Principal,
  request: OrderRequest,
  locale: MessageLocale,
): Promise<OrderPlan> {
  const enterpriseId = enterpriseIdOf(principal, locale);
  const prefix = request.fieldPrefix ?? 'body';
  // The voucher's own state is told first: an expired voucher says so whatever it was to be used on.
  const held = request.voucherId ? await usableVoucher(context, db, enterpriseId, request.voucherId, locale) : null;
  const product = await db
    .selectFrom('products')
    .select(['id', 'name', 'category_id', 'provider_id', 'status', 'listed', 'voucher_eligible', 'version'])
    .select(['is_free', 'price'])
    .where('id', '=', request.productId)
    .executeTakeFirst();
  const refusal = held ? 'product_not_eligible' : 'product_not_orderable';
  if (!product) throw problem(refusal, locale, 'productNotFound', request.productId);
  const provider = await db
    .selectFrom('providers')
    .select(['id', 'name', 'uscc', 'legal_representative', 'admission'])
    .where('id', '=', product.provider_id)
    .executeTakeFirstOrThrow();
  // A suspended (or removed) provider takes no new orders; its engagements in progress go on.
  if (provider.admission !== 'admitted') throw providerNotActive(provider.name);
  const published = product.status === 'published' && product.listed === 1;
  const free = product.is_free === 1;
  if (held) {
    const categories = JSON.parse(held.batch.category_ids) as string[];
    if (
      !published ||
      product.voucher_eligible !== 1 ||
      (categories.length > 0 && !categories.includes(product.category_id))
    ) {
      throw problem('product_not_eligible', locale, 'productNotEligible', product.name);
    }
    if (free) throw problem('product_not_eligible', locale, 'freeTakesNoVoucher', product.name);
  } else if (!published) {
    throw problem('product_not_orderable', locale, 'productNotOrderable', product.name);
  }
  const enterprise = await db.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirst();
  if (!enterprise) throw problem('not_eligible', locale, held ? 'noProfile' : 'noProfileOrder');
  const providerLegal = provider.legal_representative ?? '';
  if (
    provider.uscc === enterprise.uscc ||
    (providerLegal !== '' && providerLegal === enterprise.legal_representative)
  ) {
    throw problem('related_party', locale, held ? 'relatedParty' : 'relatedPartyOrder', provider.name);
  }
  if (free && request.contractAmount !== undefined) {
    throw fieldProblem(`${prefix}.contractAmount`, 'freeHasNoAmount');
  }
  const contractAmount = free ? 0 : (request.contractAmount ?? product.price);
  if (!free && contractAmount < 100) throw fieldProblem(`${prefix}.contractAmount`, 'noPrice');
  const voucher = held
    ? { row: held.voucher, quote: await voucherShare(db, held.voucher, held.batch, contractAmount, locale) }
    : null;
  return { enterprise, provider, product, free, contractAmount, voucher };
}

/** What using the voucher on `request` would pay, without ordering anything. */
export async function quoteOrder(
  context: VoucherContext,
  principal: Principal,
  request: OrderRequest & { voucherId: string },
  locale: MessageLocale,
): Promise<VoucherQuote> {
  const plan = await planOrder(context, context.db, principal, request, locale);
  if (!plan.voucher) throw new Error('A voucher quote without a voucher');
  return plan.voucher.quote;
}

function newEngagementId(): string {
  return `eng-${randomBytes(8).toString('hex')}`;
}

/** The first line of the engagement's timeline: what was ordered, for how much, paid how, and from which demand. */
function orderNote(plan: OrderPlan, request: OrderRequest): string {
  const amount = yuan('zh-CN', plan.contractAmount);
  const paid = plan.voucher
    ? `合同金额 ${amount}，用券抵扣 ${yuan('zh-CN', plan.voucher.quote.voucherAmount)}`
    : plan.free
      ? '公益服务，免费'
      : `合同金额 ${amount}，企业自付`;
  const parts = [`${plan.product.name}：${paid}`];
  if (request.demand) parts.push(`来自需求 ${request.demand.trackingNo}（${request.demand.id}）`);
  const note = request.note?.trim();
  if (note) parts.push(`企业留言：${note}`);
  return parts.join('；');
}

/**
 * Orders an engagement. With a voucher, the voucher leaves `issued` by one conditional UPDATE in the same
 * transaction as the engagement's INSERT, so of concurrent uses of one voucher exactly one orders anything.
 */
export async function createEngagement(
  context: VoucherContext,
  trx: Transaction<Database>,
  principal: Principal,
  request: OrderRequest,
  locale: MessageLocale,
): Promise<Engagement> {
  await serializeEnterpriseWrites(trx, enterpriseIdOf(principal, locale));
  const plan = await planOrder(context, trx, principal, request, locale);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const engagementId = newEngagementId();
  if (plan.voucher) {
    const taken = await trx
      .updateTable('vouchers')
      .set({ status: 'ordered', engagement_id: engagementId, updated_at: at })
      .where('seq', '=', plan.voucher.row.seq)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) {
      throw problem('voucher_not_usable', locale, 'notUsable', statusWord(locale, 'ordered'));
    }
  }
  const voucherAmount = plan.voucher?.quote.voucherAmount ?? 0;
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
    voucher_id: plan.voucher?.row.id ?? null,
    contract_amount: plan.contractAmount,
    voucher_amount: voucherAmount,
    self_paid: plan.contractAmount - voucherAmount,
    status: 'ordered' as const,
    accepted_at: null,
    rating_id: null,
    created_at: at,
    created_ts: now,
    updated_at: at,
    // The version the enterprise ordered (the one the catalog shows): the engagement shows the product as it was.
    product_version: plan.product.version ? plan.product.version : null,
    price_kind: plan.free ? ('free' as const) : ('paid' as const),
    demand_id: request.demand?.id ?? null,
    demand_proposal_id: request.demand?.proposalId ?? null,
  };
  const { seq } = await trx.insertInto('engagements').values(values).returning('seq').executeTakeFirstOrThrow();
  const actor = await actorOf(trx, principal);
  const timeline = {
    engagement_seq: seq,
    status: 'ordered' as const,
    at,
    actor_role: actor.role,
    actor_name: actor.name,
    note: orderNote(plan, request),
  };
  await trx.insertInto('engagement_timeline').values(timeline).execute();
  if (plan.voucher) {
    const used = `用于服务项目 ${engagementId}（${plan.product.name}）`;
    await appendHistory(trx, plan.voucher.row.seq, 'ordered', at, actor, used);
  }
  const ordered = await orderedProducts(trx, [values]);
  return engagementOf(
    { ...values, seq, settlement_refusal: null },
    [{ ...timeline, seq: 0 }],
    ordered.get(versionKey(values.product_id, values.product_version)) ?? null,
  );
}
