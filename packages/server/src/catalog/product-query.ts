/** The product search as SQL fragments: the plan of a query, the n-gram match, and one condition per filter. */
import type { ProductsQueryParsed } from '@smec/schemas';
import { sql, type RawBuilder } from 'kysely';
import { parseQuery, type SearchQuery } from '../search/ngrams.js';
import type { CatalogContext } from './context.js';
import { rarestTerms } from './search-matches.js';

export type Fragment = RawBuilder<unknown>;
export type Dimension = 'category' | 'region' | 'voucher' | 'free' | 'price';

export const ALWAYS = sql`1 = 1`;
/** More terms than this are not looked up in the index; the phrase check then confirms every match. */
const MAX_INDEXED_TERMS = 6;

export interface Plan {
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

export async function planOf(context: CatalogContext, query: ProductsQueryParsed): Promise<Plan> {
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

/** Filters that are never faceted: listed, the provider and the minimum rating (the search is the source). */
export function baseConditions(plan: Plan): Fragment[] {
  const conditions: Fragment[] = [sql`p.listed = 1`];
  if (plan.matchesNothing) conditions.push(sql`1 = 0`);
  const { provider, minRating } = plan.query;
  if (provider !== undefined) conditions.push(sql`p.provider_id = ${provider}`);
  if (minRating !== undefined) conditions.push(sql`p.rating_sort >= ${minRating}`);
  return conditions;
}

/** One condition per faceted dimension (or "always"), so that facet counts can leave their own out. */
export function dimensions(plan: Plan): Record<Dimension, Fragment> {
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

export function allBut(dims: Record<Dimension, Fragment>, except?: Dimension): Fragment[] {
  return (Object.keys(dims) as Dimension[]).filter((key) => key !== except).map((key) => dims[key]);
}

export const and = (conditions: Fragment[]) => sql`(${sql.join(conditions, sql`) and (`)})`;
