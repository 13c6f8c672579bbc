import { isRegionCode } from '@smec/schemas/rules';

/** What 「我要咨询」 hands to a demand form: the product, its category and, when it has only one, its region. */
export interface DemandRequest {
  productId: string;
  categoryId: string;
  regionCode: string | null;
}

/**
 * The parameters of the link from the catalog's 「我要咨询」 to the site's demand page (`demand-url`), which the demand
 * form there reads. Not the catalog's own `smec_*` names: a demand page may show a catalog too.
 */
export const DEMAND_PARAMS = {
  productId: 'smec_demand_product',
  categoryId: 'smec_demand_category',
  regionCode: 'smec_demand_region',
} as const satisfies Record<keyof DemandRequest, string>;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** `base` (relative to the page) with the request in its query, or undefined when it is not a web address. */
export function demandLink(base: string, request: DemandRequest): string | undefined {
  let url: URL;
  try {
    url = new URL(base, document.baseURI);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  for (const [key, name] of Object.entries(DEMAND_PARAMS) as [keyof DemandRequest, string][]) {
    const value = request[key];
    if (value) url.searchParams.set(name, value);
  }
  return url.href;
}

/** What a link from 「我要咨询」 asks a demand form to fill in, or undefined when `search` holds none of it. */
export function demandRequestOf(search: string): Partial<DemandRequest> | undefined {
  const params = new URLSearchParams(search);
  const productId = params.get(DEMAND_PARAMS.productId);
  const categoryId = params.get(DEMAND_PARAMS.categoryId);
  const regionCode = params.get(DEMAND_PARAMS.regionCode);
  const request: Partial<DemandRequest> = {};
  // Only well-formed values: anybody can write a link, and the form checks the rest against the platform's lists.
  if (productId && ID.test(productId)) request.productId = productId;
  if (categoryId && ID.test(categoryId)) request.categoryId = categoryId;
  if (regionCode && isRegionCode(regionCode)) request.regionCode = regionCode;
  return Object.keys(request).length ? request : undefined;
}
