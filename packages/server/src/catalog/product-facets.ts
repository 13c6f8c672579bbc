/** Facet counts of a product search: from the precomputed facet_counts when possible, else by grouped scans. */
import { CATEGORY_IDS, PRICE_BANDS, type ProductFacets, type ProductsQueryParsed } from '@smec/schemas';
import { sql } from 'kysely';
import { ALL_FACET_KEYS, decodeFacetKey, type FacetValues } from '../search/facet-key.js';
import type { CatalogContext } from './context.js';
import { ALWAYS, allBut, and, type Dimension, type Fragment, type Plan } from './product-query.js';

export interface FacetGroup extends FacetValues {
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
export function facetsFromGroups(query: ProductsQueryParsed, groups: readonly FacetGroup[]) {
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

export interface BandRange {
  readonly from: number;
  readonly to: number;
}

/**
 * When the precomputed facet_counts can answer: no search, provider or rating filter, and a price range (if any)
 * that falls on price band edges. Returns the bands the price filter keeps, or null to count by scanning.
 */
export function countsFromTable(plan: Plan): BandRange | null {
  const { q, provider, minRating, minPrice, maxPrice } = plan.query;
  if ((q !== undefined && q.trim() !== '') || provider !== undefined || minRating !== undefined) return null;
  const from = minPrice === undefined ? 0 : PRICE_BANDS.findIndex((band) => band.min === minPrice);
  const to =
    maxPrice === undefined
      ? PRICE_BANDS.length - 1
      : PRICE_BANDS.findIndex((band) => band.max !== null && band.max - 1 === maxPrice);
  return from < 0 || to < 0 ? null : { from, to };
}

export interface Counted {
  readonly total: number;
  readonly facets: ProductFacets;
}

/** Facets from facet_counts: the chosen region's (or the province's) row per facet key, and the facet regions'. */
export async function facetsFromCounts(context: CatalogContext, plan: Plan, bands: BandRange): Promise<Counted> {
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
 * several cities) a second scan counts regions through the coverage table. `base` holds the conditions no facet
 * leaves out, a search's matches among them.
 */
export async function facetsByScanning(
  context: CatalogContext,
  plan: Plan,
  base: Fragment[],
  dims: Record<Dimension, Fragment>,
): Promise<Counted> {
  const { db, regions } = context;
  const facetRegions = regions.facetRegions(plan.query.region);
  // Grouping by city too pays off for a search's few thousand rows, not for a scan of every product (far more
  // groups to return than the coverage query costs).
  const byCity = plan.region === undefined && plan.terms.length > 0;
  const grouped = await sql<{ facet_key: number; city_code: string | null; n: number; n_price: number }>`
    select p.facet_key, ${byCity ? sql`p.city_code` : sql`null`} as city_code, count(*) as n,
      ${dims.price === ALWAYS ? sql`count(*)` : sql`sum(case when ${dims.price} then 1 else 0 end)`} as n_price
    from products p
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
            await sql<{ region_code: string; n: number }>`
            select p.region_code, count(*) as n from product_coverage p
            where p.region_code in (${sql.join(facetRegions.map((region) => region.code))})
              and ${and([...base, ...allBut(dims, 'region')])}
            group by p.region_code`.execute(db)
          ).rows;
    const regionMap = new Map(rows.map((row) => [row.region_code, Number(row.n)]));
    regionCount = (code) => (regionMap.get(code) ?? 0) + counted.provinceWide;
  }
  return countedWithRegions(counted, facetRegions, regionCount);
}

/** The total and facets of a grouped count, with each facet region's count. */
export function countedWithRegions(
  counted: ReturnType<typeof facetsFromGroups>,
  facetRegions: readonly { readonly code: string }[],
  regionCount: (code: string) => number,
): Counted {
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
