/**
 * A keyword search's page and facets from its matches and the products' columns in memory (product-columns.ts):
 * the same filters and counts as the statements of products.ts and product-facets.ts, evaluated per match.
 */
import type { CursorPosition } from '../http/cursor.js';
import { decodeFacetKey } from '../search/facet-key.js';
import type { CatalogContext } from './context.js';
import { countedWithRegions, facetsFromGroups, type Counted, type FacetGroup } from './product-facets.js';
import { covers, type ProductColumns } from './product-columns.js';
import type { Dimension, Plan } from './product-query.js';
import type { MatchSet } from './search-matches.js';
import { cursorOfOtherSort } from '../http/common-problems.js';

type Test = (seq: number) => boolean;

export interface MatchFilters {
  /** The filters no facet leaves out: listed, the provider, the minimum rating. */
  readonly base: Test;
  /** One test per faceted dimension; null when the query does not filter on it. */
  readonly dims: Readonly<Record<Dimension, Test | null>>;
  /** The dimensions the query filters on, with their tests (walked for every match: listed once). */
  readonly active: readonly (readonly [Dimension, Test])[];
}

export function matchFilters(plan: Plan, columns: ProductColumns): MatchFilters {
  const { listed, facetKey, provinceWide, price, ratingSort, provider, providerIndex, coverage } = columns;
  const { query } = plan;
  const providerWanted = query.provider === undefined ? undefined : (providerIndex.get(query.provider) ?? -2);
  const { minRating, category, voucherEligible, free, minPrice, maxPrice } = query;
  const base: Test = (seq) =>
    !plan.matchesNothing &&
    listed[seq] === 1 &&
    (providerWanted === undefined || provider[seq] === providerWanted) &&
    (minRating === undefined || (ratingSort[seq] ?? -1) >= minRating);
  const regionBitmap = plan.region === undefined ? undefined : coverage.get(plan.region);
  const facet = (seq: number) => decodeFacetKey(facetKey[seq] ?? 0);
  const dims: Record<Dimension, Test | null> = {
    category: category === undefined ? null : (seq) => facet(seq).categoryId === category,
    region: plan.region === undefined ? null : (seq) => provinceWide[seq] === 1 || covers(regionBitmap, seq),
    voucher: voucherEligible === undefined ? null : (seq) => facet(seq).voucherEligible === voucherEligible,
    free: free === undefined ? null : (seq) => facet(seq).isFree === free,
    price:
      minPrice === undefined && maxPrice === undefined
        ? null
        : (seq) => {
            const value = price[seq] ?? 0;
            return (minPrice === undefined || value >= minPrice) && (maxPrice === undefined || value <= maxPrice);
          },
  };
  const active = (Object.entries(dims) as [Dimension, Test | null][]).filter(
    (entry): entry is [Dimension, Test] => entry[1] !== null,
  );
  return { base, dims, active };
}

/** True when `seq` passes every test but `except`'s. */
function passesAllBut(filters: MatchFilters, seq: number, except?: Dimension): boolean {
  for (const [dimension, test] of filters.active) {
    if (dimension !== except && !test(seq)) return false;
  }
  return true;
}

/** The next `wanted` matches in relevance order, after the cursor's, that pass every filter. */
export function relevancePageFromColumns(
  matched: MatchSet,
  filters: MatchFilters,
  position: CursorPosition | undefined,
  wanted: number,
): { seq: number; sort_key: number }[] {
  const { seqs, scores } = matched;
  let start = 0;
  if (position) {
    const [score, seq] = position;
    if (typeof score !== 'number' || typeof seq !== 'number') {
      throw cursorOfOtherSort();
    }
    // The first match after the cursor's: a lower score, or the same score and a higher number.
    while (
      start < seqs.length &&
      ((scores[start] ?? 0) > score || (scores[start] === score && (seqs[start] ?? 0) <= seq))
    )
      start += 1;
  }
  const page: { seq: number; sort_key: number }[] = [];
  for (let i = start; i < seqs.length && page.length < wanted; i += 1) {
    const seq = seqs[i] ?? 0;
    if (filters.base(seq) && passesAllBut(filters, seq)) page.push({ seq, sort_key: scores[i] ?? 0 });
  }
  return page;
}

/**
 * Total and facets of a keyword search, as `facetsByScanning` counts them: groups of the matches that pass the base
 * filters and the region's, by facet key and (for a search over the whole province) by city; regions from the
 * products' coverage when a city grouping cannot place them.
 */
export function facetsFromColumns(
  context: CatalogContext,
  plan: Plan,
  matched: MatchSet,
  filters: MatchFilters,
  columns: ProductColumns,
): Counted {
  const facetRegions = context.regions.facetRegions(plan.query.region);
  const byCity = plan.region === undefined;
  const groups = new Map<number, { facetKey: number; city: number; n: number; nPrice: number }>();
  const passing: number[] = [];
  for (const seq of matched.seqs) {
    if (!filters.base(seq)) continue;
    passing.push(seq);
    if (filters.dims.region !== null && !filters.dims.region(seq)) continue;
    const facetKey = columns.facetKey[seq] ?? 0;
    const city = byCity ? (columns.city[seq] ?? 0) : 0;
    const key = facetKey * 65_536 + city;
    let group = groups.get(key);
    if (!group) {
      group = { facetKey, city, n: 0, nPrice: 0 };
      groups.set(key, group);
    }
    group.n += 1;
    if (filters.dims.price === null || filters.dims.price(seq)) group.nPrice += 1;
  }
  const facetGroups: FacetGroup[] = [...groups.values()].map((group) => ({
    ...decodeFacetKey(group.facetKey),
    cityCode: byCity ? (columns.cityCodes[group.city] ?? null) : null,
    n: group.n,
    nPrice: group.nPrice,
  }));
  const counted = facetsFromGroups(plan.query, facetGroups);
  let regionCount: (code: string) => number;
  if (byCity && counted.multiCity === 0) {
    regionCount = (code) => counted.byCity(code) + counted.provinceWide;
  } else {
    const counts = new Map<string, number>();
    for (const region of facetRegions) {
      const bitmap = columns.coverage.get(region.code);
      let n = 0;
      for (const seq of passing) if (covers(bitmap, seq) && passesAllBut(filters, seq, 'region')) n += 1;
      counts.set(region.code, n);
    }
    regionCount = (code) => (counts.get(code) ?? 0) + counted.provinceWide;
  }
  return countedWithRegions(counted, facetRegions, regionCount);
}
