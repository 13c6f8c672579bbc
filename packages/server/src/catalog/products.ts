import {
  CATEGORY_IDS,
  PRICE_BANDS,
  type ProductFacets,
  type ProductPage,
  type ProductSort,
  type ProductsQueryParsed,
  type ServiceProduct,
  type ServiceProductDetail,
} from '@smec/schemas';
import { sql, type RawBuilder } from 'kysely';
import { decodeCursor, encodeCursor, cursorScope, type CursorPosition } from '../http/cursor.js';
import { ProblemError } from '../http/problem.js';
import { parseQuery, type SearchQuery } from '../search/ngrams.js';
import type { CatalogContext } from './context.js';
import { productFromRow, providerFromRow, type ProductRow } from './rows.js';

type Fragment = RawBuilder<unknown>;
type Dimension = 'category' | 'region' | 'voucher' | 'free' | 'price';

const ALWAYS = sql`1 = 1`;
const DEFAULT_LIMIT = 20;

interface Plan {
  readonly query: ProductsQueryParsed;
  readonly search: SearchQuery | null;
  /** A query with nothing searchable in it (only punctuation) matches nothing. */
  readonly matchesNothing: boolean;
  /** The region filter, or undefined when absent or the whole province (which every product serves). */
  readonly region: string | undefined;
}

function planOf(context: CatalogContext, query: ProductsQueryParsed): Plan {
  const text = query.q?.trim() ?? '';
  const search = text === '' ? null : parseQuery(text);
  const region = query.region === context.regions.province.code ? undefined : query.region;
  return { query, search, matchesNothing: text !== '' && search === null, region };
}

/** The product set and the search score: the n-gram lookup joined to products when there is a query. */
function source(plan: Plan): Fragment {
  if (!plan.search) return sql`products p`;
  const { terms } = plan.search;
  return sql`products p join (
      select product_seq, sum(weight) as score from product_terms
      where term in (${sql.join(terms)}) group by product_seq having count(*) = ${terms.length}
    ) m on m.product_seq = p.seq`;
}

/** Filters that are never faceted: listed, the search phrases, the provider and the minimum rating. */
function baseConditions(plan: Plan): Fragment[] {
  const conditions: Fragment[] = [sql`p.listed = 1`];
  if (plan.matchesNothing) conditions.push(sql`1 = 0`);
  for (const phrase of plan.search?.phrases ?? []) {
    // Bigrams alone would also match 「代理…理记…记账」 scattered over the text; a run of three or more characters
    // must occur as written. Runs hold only Han characters, letters and digits, so there is nothing to escape.
    if ([...phrase].length > 2) {
      conditions.push(sql`exists (select 1 from product_texts t where t.product_seq = p.seq and t.search_text like ${`%${phrase}%`})`);
    }
  }
  const { provider, minRating } = plan.query;
  if (provider !== undefined) conditions.push(sql`p.provider_id = ${provider}`);
  if (minRating !== undefined) conditions.push(sql`p.rating_sort >= ${minRating}`);
  return conditions;
}

/** One condition per faceted dimension (or "always"), so that facet counts can leave their own out. */
function dimensions(plan: Plan): Record<Dimension, Fragment> {
  const { category, voucherEligible, free } = plan.query;
  return {
    category: category === undefined ? ALWAYS : sql`p.category_id = ${category}`,
    region:
      plan.region === undefined
        ? ALWAYS
        : sql`exists (select 1 from product_coverage rc where rc.region_code = ${plan.region} and rc.product_seq = p.seq)`,
    voucher: voucherEligible === undefined ? ALWAYS : sql`p.voucher_eligible = ${voucherEligible ? 1 : 0}`,
    free: free === undefined ? ALWAYS : sql`p.is_free = ${free ? 1 : 0}`,
    price: priceCondition(plan.query),
  };
}

function priceCondition({ minPrice, maxPrice }: ProductsQueryParsed): Fragment {
  const price: Fragment[] = [];
  if (minPrice !== undefined) price.push(sql`p.price >= ${minPrice}`);
  if (maxPrice !== undefined) price.push(sql`p.price <= ${maxPrice}`);
  return price.length === 0 ? ALWAYS : sql.join(price, sql` and `);
}

function allBut(dims: Record<Dimension, Fragment>, except?: Dimension): Fragment[] {
  return (Object.keys(dims) as Dimension[]).filter((key) => key !== except).map((key) => dims[key]);
}

const and = (conditions: Fragment[]) => sql`(${sql.join(conditions, sql`) and (`)})`;

/** The index of a price's band in PRICE_BANDS (contiguous, ascending). */
const BAND_OF_PRICE = sql`case ${sql.join(
  PRICE_BANDS.filter((band) => band.max !== null).map((band, index) => sql`when p.price < ${sql.lit(band.max)} then ${sql.lit(index)}`),
  sql` `,
)} else ${sql.lit(PRICE_BANDS.length - 1)} end`;

interface SortSpec {
  readonly key: Fragment;
  readonly descending: boolean;
}

function sortSpec(sort: ProductSort, searching: boolean): SortSpec {
  switch (sort) {
    case 'relevance':
      return searching ? { key: sql`m.score`, descending: true } : { key: sql`p.sold_count`, descending: true };
    case 'rating':
      return { key: sql`p.rating_sort`, descending: true };
    case 'priceAsc':
      return { key: sql`p.price`, descending: false };
    case 'priceDesc':
      return { key: sql`p.price`, descending: true };
    case 'newest':
      return { key: sql`p.published_ts`, descending: true };
    case 'popular':
      return { key: sql`p.sold_count`, descending: true };
  }
}

function keysetCondition(spec: SortSpec, position: CursorPosition): Fragment {
  const [key, seq] = position;
  if (typeof key !== 'number' || typeof seq !== 'number') {
    throw new ProblemError(400, 'invalid_cursor', 'The cursor does not belong to this sort order.');
  }
  const beyond = spec.descending ? sql`<` : sql`>`;
  return sql`(${spec.key} ${beyond} ${key} or (${spec.key} = ${key} and p.seq > ${seq}))`;
}

interface FacetGroup {
  category_id: string;
  voucher_eligible: number;
  is_free: number;
  band: number;
  price_ok: number;
  n: number;
}

/**
 * Total and every facet but regions from one grouped scan: the rows that pass the base filters and the region
 * filter, grouped by the values the other filters test. Each facet then sums the groups that pass every filter
 * but its own (disjunctive faceting), with no further query.
 */
function facetsFromGroups(query: ProductsQueryParsed, groups: readonly FacetGroup[]) {
  const categoryOk = (group: FacetGroup) => query.category === undefined || group.category_id === query.category;
  const voucherOk = (group: FacetGroup) => query.voucherEligible === undefined || group.voucher_eligible === Number(query.voucherEligible);
  const freeOk = (group: FacetGroup) => query.free === undefined || group.is_free === Number(query.free);
  const priceOk = (group: FacetGroup) => group.price_ok === 1;
  const count = (test: (group: FacetGroup) => boolean) => groups.reduce((sum, group) => sum + (test(group) ? group.n : 0), 0);
  return {
    total: count((g) => categoryOk(g) && voucherOk(g) && freeOk(g) && priceOk(g)),
    categories: CATEGORY_IDS.map((id) => ({
      value: id,
      count: count((g) => g.category_id === id && voucherOk(g) && freeOk(g) && priceOk(g)),
    })),
    voucherEligible: count((g) => g.voucher_eligible === 1 && categoryOk(g) && freeOk(g) && priceOk(g)),
    free: count((g) => g.is_free === 1 && categoryOk(g) && voucherOk(g) && priceOk(g)),
    priceBands: PRICE_BANDS.map((band, index) => ({
      key: band.key,
      min: band.min,
      max: band.max,
      count: count((g) => g.band === index && categoryOk(g) && voucherOk(g) && freeOk(g)),
    })),
  };
}

export async function listProducts(context: CatalogContext, query: ProductsQueryParsed): Promise<ProductPage> {
  const { db, regions, cursorSecret } = context;
  const plan = planOf(context, query);
  const sort = query.sort ?? 'relevance';
  const limit = query.limit ?? DEFAULT_LIMIT;
  const spec = sortSpec(sort, plan.search !== null);
  const scope = cursorScope('products', { ...query, sort });
  const position = query.cursor === undefined ? undefined : decodeCursor(cursorSecret, query.cursor, scope);

  const from = source(plan);
  const base = baseConditions(plan);
  const dims = dimensions(plan);

  // The page: keys only, from the narrow table; the texts are read for these rows alone.
  const pageConditions = [...base, ...allBut(dims)];
  if (position) pageConditions.push(keysetCondition(spec, position));
  const page = await sql<{ seq: number; sort_key: number }>`
    select p.seq, ${spec.key} as sort_key from ${from}
    where ${and(pageConditions)}
    order by ${spec.key} ${spec.descending ? sql`desc` : sql`asc`}, p.seq asc
    limit ${limit + 1}`.execute(db);
  const pageRows = page.rows.slice(0, limit);
  const items = pageRows.length === 0 ? [] : await productsBySeq(context, pageRows.map((row) => row.seq));

  const groups = await sql<FacetGroup>`
    select p.category_id, p.voucher_eligible, p.is_free, ${BAND_OF_PRICE} as band,
      ${dims.price === ALWAYS ? sql`1` : sql`case when ${dims.price} then 1 else 0 end`} as price_ok, count(*) as n
    from ${from}
    where ${and([...base, dims.region])}
    group by p.category_id, p.voucher_eligible, p.is_free, band, price_ok`.execute(db);
  const counted = facetsFromGroups(query, groups.rows);

  const facetRegions = regions.facetRegions(query.region);
  const regionCounts =
    facetRegions.length === 0
      ? []
      : (
          await sql<{ region_code: string; n: number }>`
          select c.region_code, count(*) as n from ${from} join product_coverage c on c.product_seq = p.seq
          where c.region_code in (${sql.join(facetRegions.map((region) => region.code))})
            and ${and([...base, ...allBut(dims, 'region')])}
          group by c.region_code`.execute(db)
        ).rows;
  const regionMap = new Map(regionCounts.map((row) => [row.region_code, Number(row.n)]));

  const facets: ProductFacets = {
    categories: counted.categories,
    regions: facetRegions.map((region) => ({ value: region.code, count: regionMap.get(region.code) ?? 0 })),
    voucherEligible: counted.voucherEligible,
    free: counted.free,
    priceBands: counted.priceBands,
  };
  const last = pageRows[pageRows.length - 1];
  const nextCursor =
    page.rows.length > limit && last ? encodeCursor(cursorSecret, [last.sort_key, last.seq], scope) : null;
  return { items, nextCursor, total: counted.total, facets };
}

const PRODUCT_COLUMNS = sql`p.*, t.*, pr.name as provider_name, pr.short_name as provider_short_name,
  pr.region_code as provider_region_code`;

/** Full products for the given seqs, in the given order. */
async function productsBySeq(context: CatalogContext, seqs: readonly number[]): Promise<ServiceProduct[]> {
  const rows = await sql<ProductRow>`
    select ${PRODUCT_COLUMNS}
    from products p join product_texts t on t.product_seq = p.seq join providers pr on pr.seq = p.provider_seq
    where p.seq in (${sql.join(seqs)})`.execute(context.db);
  const bySeq = new Map(rows.rows.map((row) => [row.seq, productFromRow(row)]));
  return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
}

export async function getProduct(context: CatalogContext, id: string): Promise<ServiceProductDetail | undefined> {
  const row = await sql<ProductRow>`
    select ${PRODUCT_COLUMNS}
    from products p join product_texts t on t.product_seq = p.seq join providers pr on pr.seq = p.provider_seq
    where p.id = ${id} and p.listed = 1`.execute(context.db);
  const product = row.rows[0];
  if (!product) return undefined;
  const provider = await context.db.selectFrom('providers').selectAll().where('seq', '=', product.provider_seq).executeTakeFirstOrThrow();
  return { ...productFromRow(product), providerDetail: providerFromRow(provider) };
}
