/**
 * Keeps the catalog's derived data in step with products a provider changes: the filter columns of `products`, the
 * phrase text, the region index, the n-gram index and the precomputed facet counts, in the transaction of the
 * change. Then it moves the catalog's versions, so that every instance drops what it remembers (the columns in
 * memory, the remembered matches, the lists' first pages) at its next request: a change is searchable at once.
 */
import { regionCityOf } from '@smec/schemas/rules';
import { sql, type Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { REBUILD_FACET_COUNTS } from '../search/facet-counts.js';
import { encodeFacetKey } from '../search/facet-key.js';
import { indexTerms, normalizeText } from '../search/ngrams.js';
import { priceBandOf } from '../search/price-band.js';
import { coverageOf, TERM_WEIGHTS } from '../search/product-index.js';
import type { CategoryId } from '@smec/schemas';

/** Rows per multi-row INSERT of the n-gram index: three parameters each, well under either database's limit. */
const TERM_BATCH = 200;

/** The product's columns the catalog derives from, with its provider's. */
interface Source {
  seq: number;
  id: string;
  name: string;
  category_id: string;
  list_price: number;
  discount_price: number | null;
  is_free: number;
  voucher_eligible: number;
  status: string;
  rating_sort: number;
  provider_id: string;
  summary: string;
  region_codes: string;
  provider_name: string;
  admission: string;
  category_name: string;
}

/** Moves both catalog versions: the answers' (product-columns.ts, answer-memo.ts) and the texts' (search-matches.ts). */
export async function moveCatalogVersions(trx: Transaction<Database>): Promise<void> {
  for (const key of ['catalog_version', 'catalog_texts_version']) {
    await sql`
      INSERT INTO meta (key, value) VALUES (${key}, '1')
      ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)`.execute(trx);
  }
}

/** Counts the facets again from the products (a few tens of milliseconds): one statement at a time. */
async function rebuildFacetCounts(trx: Transaction<Database>): Promise<void> {
  for (const statement of REBUILD_FACET_COUNTS.split(';')) {
    if (statement.trim() !== '') await sql.raw(statement).execute(trx);
  }
}

/**
 * Derives the catalog's data of the given products again from their own columns, texts and providers: listed when
 * published by an admitted provider. Then recounts the facets, the providers' published products, and moves the
 * versions. Call it in the transaction that changed them.
 */
export async function reindexProducts(
  trx: Transaction<Database>,
  regions: RegionIndex,
  seqs: readonly number[],
): Promise<void> {
  if (seqs.length === 0) return;
  const rows = await sql<Source>`
    select p.seq, p.id, p.name, p.category_id, p.list_price, p.discount_price, p.is_free, p.voucher_eligible,
      p.status, p.rating_sort, p.provider_id, t.summary, t.region_codes, pr.name as provider_name, pr.admission,
      c.name as category_name
    from products p join product_texts t on t.product_seq = p.seq join providers pr on pr.seq = p.provider_seq
      join categories c on c.id = p.category_id
    where p.seq in (${sql.join(seqs)})`.execute(trx);
  const childrenOf = new Map<string, string[]>();
  for (const region of regions.all) {
    const children = regions.childrenOf(region.code);
    if (children.length > 0)
      childrenOf.set(
        region.code,
        children.map((child) => child.code),
      );
  }
  for (const row of rows.rows) await reindexOne(trx, row, childrenOf, regions.province.code);
  await rebuildFacetCounts(trx);
  const providerIds = [...new Set(rows.rows.map((row) => row.provider_id))];
  await sql`
    UPDATE providers SET product_count =
      (SELECT count(*) FROM products p WHERE p.provider_seq = providers.seq AND p.status = 'published')
    WHERE id IN (${sql.join(providerIds)})`.execute(trx);
  await moveCatalogVersions(trx);
}

async function reindexOne(
  trx: Transaction<Database>,
  row: Source,
  childrenOf: Map<string, string[]>,
  provinceCode: string,
): Promise<void> {
  const regionCodes = JSON.parse(row.region_codes) as string[];
  const listed = row.status === 'published' && row.admission === 'admitted' ? 1 : 0;
  const isFree = row.is_free === 1;
  const price = isFree ? 0 : (row.discount_price ?? row.list_price);
  const provinceWide = regionCodes.includes(provinceCode);
  const cities = new Set(regionCodes.map((code) => regionCityOf(code)));
  const priceBand = priceBandOf(price);
  await trx
    .updateTable('products')
    .set({
      listed,
      price,
      price_band: priceBand,
      province_wide: provinceWide ? 1 : 0,
      facet_key: encodeFacetKey({
        categoryId: row.category_id as CategoryId,
        voucherEligible: row.voucher_eligible === 1,
        isFree,
        priceBand,
        provinceWide,
      }),
      city_code: provinceWide || cities.size !== 1 ? null : ([...cities][0] ?? null),
    })
    .where('seq', '=', row.seq)
    .execute();

  await trx.deleteFrom('product_search').where('seq', '=', row.seq).execute();
  await trx
    .insertInto('product_search')
    .values({
      seq: row.seq,
      text: normalizeText([row.name, row.provider_name, row.category_name, row.summary].join('\n')),
    })
    .execute();

  await trx.deleteFrom('product_coverage').where('seq', '=', row.seq).execute();
  if (!provinceWide) {
    const coverage = [...coverageOf(regionCodes, childrenOf)].map((code) => ({
      region_code: code,
      seq: row.seq,
      listed,
      category_id: row.category_id,
      voucher_eligible: row.voucher_eligible,
      is_free: row.is_free,
      price,
      rating_sort: row.rating_sort,
      provider_id: row.provider_id,
    }));
    for (let i = 0; i < coverage.length; i += TERM_BATCH) {
      await trx
        .insertInto('product_coverage')
        .values(coverage.slice(i, i + TERM_BATCH))
        .execute();
    }
  }

  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const term of indexTerms(text)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  };
  add(row.name, TERM_WEIGHTS.name);
  add(row.provider_name, TERM_WEIGHTS.providerName);
  add(row.category_name, TERM_WEIGHTS.category);
  add(row.summary, TERM_WEIGHTS.summary);
  await trx.deleteFrom('product_terms').where('product_seq', '=', row.seq).execute();
  const terms = [...weights].map(([term, weight]) => ({ term, product_seq: row.seq, weight }));
  for (let i = 0; i < terms.length; i += TERM_BATCH) {
    await trx
      .insertInto('product_terms')
      .values(terms.slice(i, i + TERM_BATCH))
      .execute();
  }
}
