import type { CategoryId, ProductSort } from '@smec/schemas';
import { CATEGORY_IDS, PRICE_BANDS } from '@smec/schemas/rules';
import type { ProductListParams } from '@smec/sdk/core';

export const SORTS = [
  'relevance',
  'rating',
  'priceAsc',
  'priceDesc',
  'newest',
  'popular',
] as const satisfies readonly ProductSort[];

export type PriceBandKey = (typeof PRICE_BANDS)[number]['key'];

/** What the visitor narrowed the catalog to. */
export interface CatalogFilters {
  q: string;
  /** A category id; anything else (a mistyped attribute) is ignored. */
  category: CategoryId | string | undefined;
  region: string | undefined;
  voucherEligible: boolean;
  free: boolean;
  price: PriceBandKey | undefined;
  sort: ProductSort;
}

/** Filters plus where the visitor is: which page (cursor) and which product's detail. */
export interface CatalogView extends CatalogFilters {
  page: number;
  cursor: string | undefined;
  product: string | undefined;
}

export const EMPTY_FILTERS: CatalogFilters = {
  q: '',
  category: undefined,
  region: undefined,
  voucherEligible: false,
  free: false,
  price: undefined,
  sort: 'relevance',
};

/** Query parameters are prefixed so that the host page's own parameters are never touched. */
const PARAMS = {
  q: 'smec_q',
  category: 'smec_cat',
  region: 'smec_region',
  voucherEligible: 'smec_voucher',
  free: 'smec_free',
  price: 'smec_price',
  sort: 'smec_sort',
  page: 'smec_page',
  cursor: 'smec_cursor',
  product: 'smec_product',
} as const satisfies Record<keyof CatalogView, string>;

const PRODUCT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function isCategoryId(value: string | null | undefined): value is CategoryId {
  return (CATEGORY_IDS as readonly (string | null | undefined)[]).includes(value);
}

export function isRegionCode(value: string | null | undefined): value is string {
  return !!value && /^\d{6}$/.test(value);
}

export function isPriceBand(value: string | null | undefined): value is PriceBandKey {
  return PRICE_BANDS.some((band) => band.key === value);
}

export function isSort(value: string | null | undefined): value is ProductSort {
  return (SORTS as readonly (string | null | undefined)[]).includes(value);
}

/** The view with nothing narrowed, on its first page, no product open. */
export const EMPTY_VIEW: CatalogView = { ...EMPTY_FILTERS, page: 1, cursor: undefined, product: undefined };

/** What each parameter holds, as written in the URL ('' for "none"). */
function serialized(view: CatalogView): Record<keyof CatalogView, string> {
  return {
    q: view.q.trim(),
    category: view.category ?? '',
    region: view.region ?? '',
    voucherEligible: view.voucherEligible ? '1' : '',
    free: view.free ? '1' : '',
    price: view.price ?? '',
    sort: view.sort,
    page: view.cursor && view.page > 1 ? String(view.page) : '',
    cursor: view.cursor ?? '',
    product: view.product ?? '',
  };
}

/**
 * The view a shared URL describes, or undefined when it holds no smec parameter. The URL overrides only what it
 * names: the rest is `defaults` (the catalog's attributes). A parameter present but empty means "none" (the visitor
 * cleared a filter the attributes set); values that do not make sense are dropped, so a mangled link still shows the
 * catalog.
 */
export function readView(search: string, defaults: CatalogView = EMPTY_VIEW): CatalogView | undefined {
  const params = new URLSearchParams(search);
  if (!Object.values(PARAMS).some((name) => params.has(name))) return undefined;
  const base = serialized(defaults);
  const get = (key: keyof CatalogView) => params.get(PARAMS[key]) ?? base[key];
  const category = get('category');
  const region = get('region');
  const price = get('price');
  const sort = get('sort');
  const cursor = get('cursor') || undefined;
  const product = get('product');
  const page = Number(get('page'));
  return {
    q: get('q').slice(0, 100),
    category: isCategoryId(category) ? category : undefined,
    region: isRegionCode(region) ? region : undefined,
    voucherEligible: get('voucherEligible') === '1',
    free: get('free') === '1',
    price: isPriceBand(price) ? price : undefined,
    sort: isSort(sort) ? sort : 'relevance',
    cursor,
    page: cursor && Number.isInteger(page) && page > 1 ? page : 1,
    product: PRODUCT_ID.test(product) ? product : undefined,
  };
}

const OWN_PARAMS: ReadonlySet<string> = new Set(Object.values(PARAMS));

/**
 * `search` with the view written into it: only what differs from `defaults` (the catalog's attributes), a filter
 * cleared that the attributes set as an empty parameter. The host page's own parameters (and another widget's) are
 * kept exactly as they were written, encoding included.
 */
export function writeView(search: string, view: CatalogView, defaults: CatalogView = EMPTY_VIEW): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && !OWN_PARAMS.has(part.split('=', 1)[0]!));
  const params = new URLSearchParams();
  const values = serialized(view);
  const base = serialized(defaults);
  for (const key of Object.keys(PARAMS) as (keyof CatalogView)[]) {
    if (values[key] !== base[key]) params.set(PARAMS[key], values[key]);
  }
  const ours = params.toString();
  const all = ours ? [...kept, ours] : kept;
  return all.length ? `?${all.join('&')}` : '';
}

/** The SDK query for one page of the view. Price bands are [min, max) in fen; the API's maxPrice is inclusive. */
export function toQuery(filters: CatalogFilters, cursor: string | undefined, limit: number): ProductListParams {
  const band = PRICE_BANDS.find((candidate) => candidate.key === filters.price);
  const query: ProductListParams = { limit };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (isCategoryId(filters.category)) query.category = filters.category;
  if (isRegionCode(filters.region)) query.region = filters.region;
  if (filters.voucherEligible) query.voucherEligible = true;
  if (filters.free) query.free = true;
  if (band) {
    query.minPrice = band.min;
    if (band.max !== null) query.maxPrice = band.max - 1;
  }
  if (filters.sort !== 'relevance') query.sort = filters.sort;
  if (cursor) query.cursor = cursor;
  return query;
}

export function hasFilters(filters: CatalogFilters): boolean {
  return !!(filters.category || filters.region || filters.voucherEligible || filters.free || filters.price);
}
