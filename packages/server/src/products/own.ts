/**
 * A provider's own products (`/me/products`): it lists every one of its products whatever the status, creates
 * drafts, edits them with `If-Match`, publishes and withdraws them. Another provider's product does not exist for it
 * (404). A suspended or removed provider reads but does not write (409). A change to what the catalog shows is
 * derived into the catalog's indexes in the same transaction (catalog-index.ts) and kept as a version
 * (product_versions) that the engagements ordered from then on name.
 */
import type {
  MyProduct,
  MyProductInput,
  MyProductPage,
  MyProductPatch,
  MyProductsQuery,
  Principal,
} from '@smec/schemas';
import { PRODUCT_MESSAGES, productPublishRefusals } from '@smec/schemas/rules';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { cursorScope, decodeCursor, encodeCursor, invalidCursor } from '../http/cursor.js';
import { ifMatchHolds, staleEdit } from '../http/if-match.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { unknownRegion } from '../http/common-problems.js';
import { forbidden } from '../auth/principal.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { reindexProducts } from './catalog-index.js';
import { ownProductEtag, ownProductFromRow, publishableOf, type OwnProductRow } from './rows.js';

export interface OwnProductContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  readonly clock: Clock;
}

const TEXT = {
  noProduct: {
    'zh-CN': '您的机构没有服务产品 {id}。',
    'zh-HK': '您的機構沒有服務產品 {id}。',
    en: 'Your organisation has no product {id}.',
  },
  notActive: {
    'zh-CN': '您的机构已被暂停或移出服务网络：可以查看，但不能新建、修改、发布或下架服务产品。',
    'zh-HK': '您的機構已被暫停或移出服務網絡：可以查看，但不能新建、修改、發佈或下架服務產品。',
    en: 'Your organisation is suspended or removed from the network: it may read its products but not change them.',
  },
  notPublishable: {
    'zh-CN': '服务产品尚不能发布：请补全或修改以下各项。',
    'zh-HK': '服務產品尚不能發佈：請補全或修改以下各項。',
    en: 'The product cannot be published yet: complete or correct each field listed.',
  },
  alreadyPublished: {
    'zh-CN': '该服务产品已经发布。',
    'zh-HK': '該服務產品已經發佈。',
    en: 'The product is published already.',
  },
  notPublished: {
    'zh-CN': '该服务产品未发布，无需下架。',
    'zh-HK': '該服務產品未發佈，無需下架。',
    en: 'The product is not published, so there is nothing to withdraw.',
  },
  noProvider: {
    'zh-CN': '您的账号未关联服务机构。',
    'zh-HK': '您的帳戶未關聯服務機構。',
    en: 'Your account belongs to no provider.',
  },
} as const satisfies Record<string, Localized>;

const DEFAULT_LIMIT = 20;

function providerIdOf(principal: Principal): string {
  if (!principal.providerId) throw forbidden(TEXT.noProvider);
  return principal.providerId;
}

async function ownRow(
  db: Kysely<Database> | Transaction<Database>,
  providerId: string,
  id: string,
): Promise<OwnProductRow> {
  const row = await db
    .selectFrom('products')
    .innerJoin('product_texts', 'product_texts.product_seq', 'products.seq')
    .selectAll()
    .where('products.id', '=', id)
    .where('products.provider_id', '=', providerId)
    .executeTakeFirst();
  if (!row) throw new ProblemError('not_found', fill(TEXT.noProduct, { id }));
  return row;
}

/** A provider that is not admitted (suspended, removed) may read but not write. */
async function requireActive(trx: Transaction<Database>, providerId: string): Promise<{ seq: number }> {
  const provider = await trx
    .selectFrom('providers')
    .select(['seq', 'admission'])
    .where('id', '=', providerId)
    .executeTakeFirst();
  if (!provider) throw forbidden(TEXT.noProvider);
  if (provider.admission !== 'admitted') throw new ProblemError('provider_not_active', TEXT.notActive);
  return provider;
}

function checkRegions(context: OwnProductContext, codes: readonly string[] | undefined): void {
  codes?.forEach((code, index) => {
    if (!context.regions.get(code)) throw unknownRegion(`body.regionCodes.${index}`, code);
  });
}

/** The 422 naming each field that keeps the product from being published, in every language. */
function notPublishable(row: OwnProductRow): ProblemError | undefined {
  const refusals = productPublishRefusals(publishableOf(row));
  if (refusals.length === 0) return undefined;
  return new ProblemError('not_publishable', TEXT.notPublishable, {
    errors: refusals.map((refusal) => ({
      path: `body.${refusal.path}`,
      code: refusal.key,
      message: PRODUCT_MESSAGES[refusal.key],
    })),
  });
}

export async function listOwnProducts(
  context: OwnProductContext,
  principal: Principal,
  query: MyProductsQuery & { limit?: number },
): Promise<MyProductPage> {
  const providerId = providerIdOf(principal);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const scope = cursorScope('me/products', { providerId, status: query.status });
  let after: number | undefined;
  if (query.cursor !== undefined) {
    const [seq] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof seq !== 'number') throw invalidCursor();
    after = seq;
  }
  let select = context.db
    .selectFrom('products')
    .innerJoin('product_texts', 'product_texts.product_seq', 'products.seq')
    .where('products.provider_id', '=', providerId);
  if (query.status !== undefined) select = select.where('products.status', '=', query.status);
  const total = await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const page = after === undefined ? select : select.where('products.seq', '<', after);
  const rows = await page
    .selectAll()
    .orderBy('products.seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(ownProductFromRow),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.seq], scope) : null,
    total: Number(total.n),
  };
}

export async function getOwnProduct(
  context: OwnProductContext,
  principal: Principal,
  id: string,
): Promise<{ product: MyProduct; etag: string }> {
  const row = await ownRow(context.db, providerIdOf(principal), id);
  return { product: ownProductFromRow(row), etag: ownProductEtag(row) };
}

/** A new draft. Its number follows the catalog's highest (products are numbered in the order they arrive). */
export async function createOwnProduct(
  context: OwnProductContext,
  trx: Transaction<Database>,
  principal: Principal,
  input: MyProductInput,
): Promise<MyProduct> {
  const providerId = providerIdOf(principal);
  checkRegions(context, input.regionCodes);
  const provider = await requireActive(trx, providerId);
  const highest = await sql<{ n: number | null }>`select max(seq) as n from products`.execute(trx);
  const seq = Number(highest.rows[0]?.n ?? 0) + 1;
  const id = `prd-${String(seq).padStart(5, '0')}`;
  const now = shanghaiDateTime(context.clock.now());
  const isFree = input.fee?.isFree ?? false;
  const listPrice = input.fee?.listPrice ?? 0;
  const discountPrice = input.fee?.discountPrice ?? null;
  const price = isFree ? 0 : (discountPrice ?? listPrice);
  await trx
    .insertInto('products')
    .values({
      seq,
      id,
      provider_seq: provider.seq,
      provider_id: providerId,
      name: input.name.trim(),
      category_id: input.categoryId,
      list_price: listPrice,
      discount_price: discountPrice,
      is_free: isFree ? 1 : 0,
      price,
      price_band: 0,
      time_limit_days: input.timeLimitDays ?? 0,
      voucher_eligible: input.voucherEligible ? 1 : 0,
      status: 'draft',
      sold_count: 0,
      rating_count: 0,
      rating_average: null,
      rating_sort: -1,
      published_at: null,
      published_ts: 0,
      listed: 0,
      province_wide: 0,
      facet_key: 0,
      city_code: null,
      revision: 0,
      version: 0,
      updated_at: now,
    })
    .execute();
  await trx
    .insertInto('product_texts')
    .values({
      product_seq: seq,
      summary: input.summary ?? '',
      function: input.function ?? '',
      process: JSON.stringify(input.process ?? []),
      standard: input.standard ?? '',
      fee_note: input.fee?.note ?? '',
      suitable_for: input.suitableFor ?? '',
      region_codes: JSON.stringify(input.regionCodes ?? []),
    })
    .execute();
  // A draft is in no listing, but its derived rows exist from the start, as every product's do.
  await reindexProducts(trx, context.regions, [seq]);
  return ownProductFromRow(await ownRow(trx, providerId, id));
}

/** The row with `patch` applied (the columns and texts a provider writes). */
function patched(row: OwnProductRow, patch: MyProductPatch): OwnProductRow {
  const fee = patch.fee ?? {};
  return {
    ...row,
    ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
    ...(patch.categoryId === undefined ? {} : { category_id: patch.categoryId }),
    ...(patch.summary === undefined ? {} : { summary: patch.summary }),
    ...(patch.function === undefined ? {} : { function: patch.function }),
    ...(patch.process === undefined ? {} : { process: JSON.stringify(patch.process) }),
    ...(patch.standard === undefined ? {} : { standard: patch.standard }),
    ...(fee.listPrice === undefined ? {} : { list_price: fee.listPrice }),
    ...(fee.discountPrice === undefined ? {} : { discount_price: fee.discountPrice }),
    ...(fee.isFree === undefined ? {} : { is_free: fee.isFree ? 1 : 0 }),
    ...(fee.note === undefined ? {} : { fee_note: fee.note }),
    ...(patch.timeLimitDays === undefined ? {} : { time_limit_days: patch.timeLimitDays ?? 0 }),
    ...(patch.suitableFor === undefined ? {} : { suitable_for: patch.suitableFor }),
    ...(patch.voucherEligible === undefined ? {} : { voucher_eligible: patch.voucherEligible ? 1 : 0 }),
    ...(patch.regionCodes === undefined ? {} : { region_codes: JSON.stringify(patch.regionCodes) }),
  };
}

/**
 * Writes `next` over the product if it is still at `revision` (one conditional UPDATE: of two edits of the same
 * version one wins, the other is a 412), with its status and publication as given, and derives the catalog again.
 */
async function writeRevision(
  context: OwnProductContext,
  trx: Transaction<Database>,
  revision: number,
  next: OwnProductRow,
): Promise<OwnProductRow> {
  const now = shanghaiDateTime(context.clock.now());
  const updated = await trx
    .updateTable('products')
    .set({
      name: next.name,
      category_id: next.category_id,
      list_price: next.list_price,
      discount_price: next.discount_price,
      is_free: next.is_free,
      time_limit_days: next.time_limit_days,
      voucher_eligible: next.voucher_eligible,
      status: next.status,
      published_at: next.published_at,
      published_ts: next.published_at === null ? 0 : Date.parse(next.published_at),
      version: next.version ?? 0,
      revision: revision + 1,
      updated_at: now,
    })
    .where('seq', '=', next.seq)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw staleEdit();
  await trx
    .updateTable('product_texts')
    .set({
      summary: next.summary,
      function: next.function,
      process: next.process,
      standard: next.standard,
      fee_note: next.fee_note,
      suitable_for: next.suitable_for,
      region_codes: next.region_codes,
    })
    .where('product_seq', '=', next.seq)
    .execute();
  if (next.status === 'published') await recordVersion(trx, next, now);
  await reindexProducts(trx, context.regions, [next.seq]);
  return { ...next, revision: revision + 1, updated_at: now };
}

/** Keeps the product as the catalog now shows it: the version engagements ordered from now on name. */
async function recordVersion(trx: Transaction<Database>, row: OwnProductRow, at: string): Promise<void> {
  const isFree = row.is_free === 1;
  await trx
    .insertInto('product_versions')
    .values({
      product_id: row.id,
      version: row.version ?? 0,
      name: row.name,
      category_id: row.category_id,
      list_price: row.list_price,
      discount_price: row.discount_price,
      is_free: row.is_free,
      price: isFree ? 0 : (row.discount_price ?? row.list_price),
      fee_note: row.fee_note,
      function: row.function,
      process: row.process,
      standard: row.standard,
      time_limit_days: row.time_limit_days,
      published_at: at,
    })
    .execute();
}

/**
 * Applies a provider's change to its product, if `If-Match` names its current version. A published product stays
 * publishable (the change is refused as publishing would be) and the catalog shows the change at once, as a new
 * version.
 */
export async function updateOwnProduct(
  context: OwnProductContext,
  trx: Transaction<Database>,
  principal: Principal,
  id: string,
  ifMatch: readonly string[] | '*',
  patch: MyProductPatch,
): Promise<{ product: MyProduct; etag: string }> {
  const providerId = providerIdOf(principal);
  const row = await ownRow(trx, providerId, id);
  checkRegions(context, patch.regionCodes);
  await requireActive(trx, providerId);
  if (!ifMatchHolds(ifMatch, ownProductEtag(row))) throw staleEdit();
  const next = patched(row, patch);
  if (next.status === 'published') {
    const refusal = notPublishable(next);
    if (refusal) throw refusal;
    next.version = (row.version ?? 0) + 1;
  }
  const written = await writeRevision(context, trx, row.revision ?? 0, next);
  return { product: ownProductFromRow(written), etag: ownProductEtag(written) };
}

/** Publishes a draft or a withdrawn product, refused (422) while any field publishing needs is missing or wrong. */
export async function publishOwnProduct(
  context: OwnProductContext,
  trx: Transaction<Database>,
  principal: Principal,
  id: string,
): Promise<MyProduct> {
  const providerId = providerIdOf(principal);
  const row = await ownRow(trx, providerId, id);
  await requireActive(trx, providerId);
  if (row.status === 'published') throw new ProblemError('conflict', TEXT.alreadyPublished);
  const refusal = notPublishable(row);
  if (refusal) throw refusal;
  const written = await writeRevision(context, trx, row.revision ?? 0, {
    ...row,
    status: 'published',
    published_at: row.published_at ?? shanghaiDateTime(context.clock.now()),
    version: (row.version ?? 0) + 1,
  });
  return ownProductFromRow(written);
}

/** Takes a published product out of the catalog; it stays the provider's, to edit and publish again. */
export async function withdrawOwnProduct(
  context: OwnProductContext,
  trx: Transaction<Database>,
  principal: Principal,
  id: string,
): Promise<MyProduct> {
  const providerId = providerIdOf(principal);
  const row = await ownRow(trx, providerId, id);
  await requireActive(trx, providerId);
  if (row.status !== 'published') throw new ProblemError('conflict', TEXT.notPublished);
  const written = await writeRevision(context, trx, row.revision ?? 0, { ...row, status: 'withdrawn' });
  return ownProductFromRow(written);
}
