/** What 「我要咨询」 hands to a demand form: the product, its category and, when it has only one, its region. */
export interface DemandRequest {
  productId: string;
  categoryId: string;
  regionCode: string | null;
}

/**
 * A parameter of the link from the catalog's 「我要咨询」 to the site's demand page (`demand-url`), which the demand
 * form there reads: `smec_demand_product`, `smec_demand_category`, `smec_demand_region`. Not the catalog's own
 * `smec_*` names: a demand page may show a catalog too.
 */
export function demandParam(field: 'product' | 'category' | 'region'): string {
  return `smec_demand_${field}`;
}

/** `base` (relative to the page) with the request in its query, or undefined when it is not a web address. */
export function demandLink(base: string, request: DemandRequest): string | undefined {
  let url: URL;
  try {
    url = new URL(base, document.baseURI);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.searchParams.set(demandParam('product'), request.productId);
  url.searchParams.set(demandParam('category'), request.categoryId);
  if (request.regionCode) url.searchParams.set(demandParam('region'), request.regionCode);
  return url.href;
}

/**
 * What a link from 「我要咨询」 asks a demand form to fill in: each field it names, undefined for the others (which
 * stay as they are). Taken as the form's `product-id`, `category` and `region` attributes are: the form and the
 * platform check them.
 */
export function demandRequestOf(search: string): {
  productId: string | undefined;
  categoryId: string | undefined;
  regionCode: string | undefined;
} {
  const params = new URLSearchParams(search);
  const get = (field: 'product' | 'category' | 'region') => params.get(demandParam(field)) || undefined;
  return { productId: get('product'), categoryId: get('category'), regionCode: get('region') };
}
