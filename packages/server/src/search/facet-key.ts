import { CATEGORY_IDS, PRICE_BANDS, type CategoryId } from '@smec/schemas';

/** The values a product contributes to the catalog's facets (besides its regions). */
export interface FacetValues {
  readonly categoryId: CategoryId;
  readonly voucherEligible: boolean;
  readonly isFree: boolean;
  /** Index in PRICE_BANDS. */
  readonly priceBand: number;
  readonly provinceWide: boolean;
}

/**
 * Packs a product's facet values into one small integer, stored with the product. Grouping by one integer is three
 * times faster than grouping by five columns, and the facet scan is the hottest query of a catalog search.
 */
export function encodeFacetKey(values: FacetValues): number {
  const category = CATEGORY_IDS.indexOf(values.categoryId);
  if (category < 0) throw new RangeError(`Unknown category ${values.categoryId}`);
  const flags = (Number(values.voucherEligible) * 2 + Number(values.isFree)) * PRICE_BANDS.length + values.priceBand;
  return (category * 4 * PRICE_BANDS.length + flags) * 2 + Number(values.provinceWide);
}

function decode(key: number): FacetValues {
  const provinceWide = key % 2 === 1;
  let rest = Math.floor(key / 2);
  const priceBand = rest % PRICE_BANDS.length;
  rest = Math.floor(rest / PRICE_BANDS.length);
  const isFree = rest % 2 === 1;
  const voucherEligible = Math.floor(rest / 2) % 2 === 1;
  const categoryId = CATEGORY_IDS[Math.floor(rest / 4)];
  if (categoryId === undefined) throw new RangeError(`Facet key ${key} is out of range`);
  return { categoryId, voucherEligible, isFree, priceBand, provinceWide };
}

/** Every key a product can have, for turning filters on facet values into a list of keys. */
export const ALL_FACET_KEYS: readonly number[] = Array.from(
  { length: CATEGORY_IDS.length * 4 * PRICE_BANDS.length * 2 },
  (_, key) => key,
);

const DECODED: readonly FacetValues[] = ALL_FACET_KEYS.map(decode);

/** The facet values of a key (decoded once, at start-up: this runs for every group of every search). */
export function decodeFacetKey(key: number): FacetValues {
  const values = DECODED[key];
  if (values === undefined) throw new RangeError(`Facet key ${key} is out of range`);
  return values;
}
