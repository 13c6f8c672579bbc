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
import { ALL_FACET_KEYS, decodeFacetKey, type FacetValues } from '../search/facet-key.js';
import { parseQuery, type SearchQuery } from '../search/ngrams.js';
import type { CatalogContext } from './context.js';
import { productFromRow, providerFromRow, type ProductRow } from './rows.js';

type Fragment = RawBuilder<unknown>;
type Dimension = 'category' | 'region' | 'voucher' | 'free' | 'price';

const ALWAYS = sql`1 = 1`;
const DEFAULT_LIMIT = 20;
/** More terms than this are not looked up in the index; the phrase check then confirms every match. */
const MAX_INDEXED_TERMS = 6;

interface Plan {
  readonly query: ProductsQueryParsed;
  readonly search: SearchQuery | null;
  /** The search terms to intersect, rarest first. */
  readonly terms: readonly string[];
  /** Confirm every phrase verbatim, not only runs of three or more characters (when terms were left out). */
  readonly checkAllPhrases: boolean;
  /** A query with nothing searchable in it (only punctuation) matches nothing. */
  readonly matchesNothing: boolean;
  /** The region filter, or undefined when absent or the whole province (which every product serves). */
  readonly region: string | undefined;
}

async function planOf(context: CatalogContext, query: ProductsQueryParsed): Promise<Plan> {
  const text = query.q?.trim() ?? '';
  const search = text === '' ? null : parseQuery(text);
  const region = query.region === context.regions.province.code ? undefined : query.region;
  const ordered = search ? await rarestTerms(context, search.terms) : [];
  return {
    query,
    search,
    terms: (ordered ?? []).slice(0, MAX_INDEXED_TERMS),
    checkAllPhrases: (ordered?.length ?? 0) > MAX_INDEXED_TERMS,
    matchesNothing: (text !== '' && search === null) || ordered === null,
    region,
  };
}

/**
 * Orders the query's terms rarest first (one cheap count per term on the index) so that the intersection starts
 * from the shortest posting list. Returns null when a term occurs nowhere: nothing can match.
 */
async function rarestTerms(context: CatalogContext, terms: readonly string[]): Promise<string[] | null> {
  if (terms.length === 1) return [...terms];
  const counts = await sql<{ term: string; n: number }>`
    select term, count(*) as n from product_terms where term in (${sql.join(terms)}) group by term`.execute(context.db);
  if (counts.rows.length < terms.length) return null;
  return counts.rows.sort((a, b) => Number(a.n) - Number(b.n)).map((row) => row.term);
}

/** Phrases that must be confirmed verbatim: runs of three or more characters, or all when terms were left out. */
function phrasesToCheck(plan: Plan): string[] {
  return (plan.search?.phrases ?? []).filter((phrase) => plan.checkAllPhrases || [...phrase].length > 2);
}

/**
 * The search matches as a CTE `m (product_seq, score)`: the intersection of the
 * terms' posting lists (rarest first, each further term a primary-key probe), confirmed against the phrases.
 * Bigrams alone would also match 「代理…理记…记账」 scattered over the text; a longer run must occur as written.
 * Runs hold only Han characters, letters and digits, so there is nothing to escape in the LIKE pattern.
 */
function matches(plan: Plan): Fragment {
  const [first, ...rest] = plan.terms;
  if (first === undefined) return sql``;
  const alias = (index: number) => sql.ref(`t${index}`);
  const column = (index: number, name: string) => sql.ref(`t${index}.${name}`);
  const joins = rest.map(
    (term, i) => sql`join product_terms ${alias(i + 1)} on ${column(i + 1, 'term')} = ${term}
      and ${column(i + 1, 'product_seq')} = t0.product_seq`,
  );
  const phrases = phrasesToCheck(plan).map((phrase) => sql`s.text like ${`%${phrase}%`}`);
  const confirm =
    phrases.length === 0
      ? sql``
      : sql`join product_search s on s.seq = t0.product_seq and ${sql.join(phrases, sql` and `)}`;
  const score = sql.join(
    [0, ...rest.map((_, i) => i + 1)].map((i) => column(i, 'weight')),
    sql` + `,
  );
  // One posting list is read in place; an intersection (or a phrase check) is computed once per statement, since
  // left to itself the planner may start from the wrong table.
  const materialized = rest.length > 0 || phrases.length > 0 ? sql`materialized` : sql``;
  return sql`with m as ${materialized} (
      select t0.product_seq, ${score} as score from product_terms t0 ${sql.join(joins, sql` `)} ${confirm}
      where t0.term = ${first}
    ) `;
}

/** The rows to filter, `p`: products, or product_coverage (which carries the same filter columns), searched or not. */
function source(plan: Plan, table: 'products' | 'product_coverage' = 'products'): Fragment {
  const rows = sql`${sql.table(table)} p`;
  return plan.terms.length > 0 ? sql`m join ${rows} on p.seq = m.product_seq` : rows;
}

/** Filters that are never faceted: listed, the provider and the minimum rating (the search is the source). */
function baseConditions(plan: Plan): Fragment[] {
  const conditions: Fragment[] = [sql`p.listed = 1`];
  if (plan.matchesNothing) conditions.push(sql`1 = 0`);
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
    // IN (a list built once per statement) rather than a correlated EXISTS per row: three times faster on a scan.
    region:
      plan.region === undefined
        ? ALWAYS
        : sql`p.province_wide = 1 or p.seq in (select rc.seq from product_coverage rc where rc.region_code = ${plan.region})`,
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

interface FacetGroup extends FacetValues {
  /** The products' one city, when the scan grouped by it (null: province-wide or several cities). */
  readonly cityCode?: string | null;
  /** Rows in the group, and those of them that pass the price filter. */
  readonly n: number;
  readonly nPrice: number;
}

/**
 * Total and every facet from the groups of one grouped scan (or of facet_counts): the rows that pass the base
 * filters and the region filter, grouped by facet key (and city). Each facet sums the groups that pass every filter
 * but its own (disjunctive faceting). One pass: this runs on every catalog request.
 */
function facetsFromGroups(query: ProductsQueryParsed, groups: readonly FacetGroup[]) {
  const categories = new Map<string, number>(CATEGORY_IDS.map((id) => [id, 0]));
  const bands = PRICE_BANDS.map(() => 0);
  const cities = new Map<string, number>();
  let total = 0;
  let voucherEligible = 0;
  let free = 0;
  let provinceWide = 0;
  let multiCity = 0;
  for (const group of groups) {
    const categoryOk = query.category === undefined || group.categoryId === query.category;
    const voucherOk = query.voucherEligible === undefined || group.voucherEligible === query.voucherEligible;
    const freeOk = query.free === undefined || group.isFree === query.free;
    const others = voucherOk && freeOk;
    if (others) categories.set(group.categoryId, (categories.get(group.categoryId) ?? 0) + group.nPrice);
    if (group.voucherEligible && categoryOk && freeOk) voucherEligible += group.nPrice;
    if (group.isFree && categoryOk && voucherOk) free += group.nPrice;
    if (group.cityCode === null && !group.provinceWide) multiCity += group.n;
    if (!(categoryOk && others)) continue;
    bands[group.priceBand] = (bands[group.priceBand] ?? 0) + group.n;
    total += group.nPrice;
    if (group.provinceWide) provinceWide += group.nPrice;
    else if (group.cityCode) cities.set(group.cityCode, (cities.get(group.cityCode) ?? 0) + group.nPrice);
  }
  return {
    total,
    categories: CATEGORY_IDS.map((id) => ({ value: id, count: categories.get(id) ?? 0 })),
    voucherEligible,
    free,
    priceBands: PRICE_BANDS.map((band, index) => ({
      key: band.key,
      min: band.min,
      max: band.max,
      count: bands[index] ?? 0,
    })),
    /** Province-wide products that pass every filter but the region's: they count towards every region. */
    provinceWide,
    /** Per city, the products that lie in it alone and pass every filter but the region's (when grouped by city). */
    byCity: (city: string) => cities.get(city) ?? 0,
    /** Products spread over several cities (not province-wide): only the coverage table can place them. */
    multiCity,
  };
}

interface BandRange {
  readonly from: number;
  readonly to: number;
}

/**
 * When the precomputed facet_counts can answer: no search, provider or rating filter, and a price range (if any)
 * that falls on price band edges. Returns the bands the price filter keeps, or null to count by scanning.
 */
function countsFromTable(plan: Plan): BandRange | null {
  const { q, provider, minRating, minPrice, maxPrice } = plan.query;
  if ((q !== undefined && q.trim() !== '') || provider !== undefined || minRating !== undefined) return null;
  const from = minPrice === undefined ? 0 : PRICE_BANDS.findIndex((band) => band.min === minPrice);
  const to =
    maxPrice === undefined
      ? PRICE_BANDS.length - 1
      : PRICE_BANDS.findIndex((band) => band.max !== null && band.max - 1 === maxPrice);
  return from < 0 || to < 0 ? null : { from, to };
}

interface Counted {
  readonly total: number;
  readonly facets: ProductFacets;
}

/** Facets from facet_counts: the chosen region's (or the province's) row per facet key, and the facet regions'. */
async function facetsFromCounts(context: CatalogContext, plan: Plan, bands: BandRange): Promise<Counted> {
  const { db, regions } = context;
  const { query } = plan;
  const region = plan.region ?? regions.province.code;
  const rows = await sql<{ facet_key: number; n: number }>`
    select facet_key, n from facet_counts where region_code = ${region}`.execute(db);
  const groups = rows.rows.map((row) => {
    const values = decodeFacetKey(row.facet_key);
    const inRange = values.priceBand >= bands.from && values.priceBand <= bands.to;
    return { ...values, n: Number(row.n), nPrice: inRange ? Number(row.n) : 0 };
  });
  const counted = facetsFromGroups(query, groups);

  const facetRegions = regions.facetRegions(query.region);
  const keys = ALL_FACET_KEYS.filter((key) => {
    const values = decodeFacetKey(key);
    return (
      (query.category === undefined || values.categoryId === query.category) &&
      (query.voucherEligible === undefined || values.voucherEligible === query.voucherEligible) &&
      (query.free === undefined || values.isFree === query.free) &&
      values.priceBand >= bands.from &&
      values.priceBand <= bands.to
    );
  });
  const regionCounts =
    facetRegions.length === 0 || keys.length === 0
      ? []
      : (
          await sql<{ region_code: string; n: number }>`
          select region_code, sum(n) as n from facet_counts
          where region_code in (${sql.join(facetRegions.map((r) => r.code))})
            ${keys.length === ALL_FACET_KEYS.length ? sql`` : sql`and facet_key in (${sql.join(keys)})`}
          group by region_code`.execute(db)
        ).rows;
  const regionMap = new Map(regionCounts.map((row) => [row.region_code, Number(row.n)]));
  return {
    total: counted.total,
    facets: {
      categories: counted.categories,
      regions: facetRegions.map((r) => ({ value: r.code, count: regionMap.get(r.code) ?? 0 })),
      voucherEligible: counted.voucherEligible,
      free: counted.free,
      priceBands: counted.priceBands,
    },
  };
}

/**
 * Facets counted over the matching rows: one grouped scan for the total and most facets. For a search whose region
 * facet lists cities, the same scan groups by each product's city too; otherwise (or when some product spans
 * several cities) a second scan counts regions through the coverage table.
 */
async function facetsByScanning(
  context: CatalogContext,
  plan: Plan,
  searchCte: Fragment,
  from: Fragment,
  base: Fragment[],
  dims: Record<Dimension, Fragment>,
): Promise<Counted> {
  const { db, regions } = context;
  const facetRegions = regions.facetRegions(plan.query.region);
  // Grouping by city too pays off for a search's few thousand rows, not for a scan of every product (far more
  // groups to return than the coverage query costs).
  const byCity = plan.region === undefined && plan.terms.length > 0;
  const grouped = await sql<{ facet_key: number; city_code: string | null; n: number; n_price: number }>`${searchCte}
    select p.facet_key, ${byCity ? sql`p.city_code` : sql`null`} as city_code, count(*) as n,
      ${dims.price === ALWAYS ? sql`count(*)` : sql`sum(case when ${dims.price} then 1 else 0 end)`} as n_price
    from ${from}
    where ${and([...base, dims.region])}
    group by p.facet_key${byCity ? sql`, p.city_code` : sql``}`.execute(db);
  const groups = grouped.rows.map((row) => ({
    ...decodeFacetKey(row.facet_key),
    cityCode: row.city_code,
    n: Number(row.n),
    nPrice: Number(row.n_price),
  }));
  const counted = facetsFromGroups(plan.query, groups);

  let regionCount: (code: string) => number;
  if (byCity && counted.multiCity === 0) {
    regionCount = (code) => counted.byCity(code) + counted.provinceWide;
  } else {
    const rows =
      facetRegions.length === 0
        ? []
        : (
            await sql<{ region_code: string; n: number }>`${searchCte}
            select p.region_code, count(*) as n from ${source(plan, 'product_coverage')}
            where p.region_code in (${sql.join(facetRegions.map((region) => region.code))})
              and ${and([...base, ...allBut(dims, 'region')])}
            group by p.region_code`.execute(db)
          ).rows;
    const regionMap = new Map(rows.map((row) => [row.region_code, Number(row.n)]));
    regionCount = (code) => (regionMap.get(code) ?? 0) + counted.provinceWide;
  }
  return {
    total: counted.total,
    facets: {
      categories: counted.categories,
      regions: facetRegions.map((region) => ({ value: region.code, count: regionCount(region.code) })),
      voucherEligible: counted.voucherEligible,
      free: counted.free,
      priceBands: counted.priceBands,
    },
  };
}

export async function listProducts(context: CatalogContext, query: ProductsQueryParsed): Promise<ProductPage> {
  const { db, cursorSecret } = context;
  const plan = await planOf(context, query);
  const sort = query.sort ?? 'relevance';
  const limit = query.limit ?? DEFAULT_LIMIT;
  const spec = sortSpec(sort, plan.terms.length > 0);
  const scope = cursorScope('products', { ...query, sort });
  const position = query.cursor === undefined ? undefined : decodeCursor(cursorSecret, query.cursor, scope);

  const searchCte = matches(plan);
  const from = source(plan);
  const base = baseConditions(plan);
  const dims = dimensions(plan);

  // The page: keys only, from the narrow table; the texts are read for these rows alone.
  const pageConditions = [...base, ...allBut(dims)];
  if (position) pageConditions.push(keysetCondition(spec, position));
  const page = await sql<{ seq: number; sort_key: number }>`${searchCte}
    select p.seq, ${spec.key} as sort_key from ${from}
    where ${and(pageConditions)}
    order by ${spec.key} ${spec.descending ? sql`desc` : sql`asc`}, p.seq asc
    limit ${limit + 1}`.execute(db);
  const pageRows = page.rows.slice(0, limit);
  const items =
    pageRows.length === 0
      ? []
      : await productsBySeq(
          context,
          pageRows.map((row) => row.seq),
        );

  const bands = countsFromTable(plan);
  const { total, facets } = bands
    ? await facetsFromCounts(context, plan, bands)
    : await facetsByScanning(context, plan, searchCte, from, base, dims);
  const last = pageRows[pageRows.length - 1];
  const nextCursor =
    page.rows.length > limit && last ? encodeCursor(cursorSecret, [last.sort_key, last.seq], scope) : null;
  return { items, nextCursor, total, facets };
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
  const provider = await context.db
    .selectFrom('providers')
    .selectAll()
    .where('seq', '=', product.provider_seq)
    .executeTakeFirstOrThrow();
  return { ...productFromRow(product), providerDetail: providerFromRow(provider) };
}
