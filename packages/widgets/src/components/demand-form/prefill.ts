import type { DemandFormValues } from './fields.js';
import { isRegionCode, regionCityOf } from '@smec/schemas/rules';

/** What the catalog's 「我要咨询」 (or a host page) fills in. */
export interface DemandPrefill {
  productId?: string | null | undefined;
  categoryId?: string | null | undefined;
  regionCode?: string | null | undefined;
}

/** The form's attributes that fill in a field: `product-id`, `category`, `region`. */
export interface PrefillAttributes {
  readonly productId?: string | undefined;
  readonly category?: string | undefined;
  readonly region?: string | undefined;
}

const FILLED_BY = { productId: 'productId', categoryId: 'category', regionCode: 'region' } as const;

/** What the attributes fill in: all of them, or only those `changed` names (undefined when it names none). */
export function prefillOf(
  attributes: PrefillAttributes,
  changed?: ReadonlyMap<PropertyKey, unknown>,
): DemandPrefill | undefined {
  let prefill: DemandPrefill | undefined;
  for (const [field, attribute] of Object.entries(FILLED_BY) as [keyof DemandPrefill, keyof PrefillAttributes][]) {
    if (!changed || changed.has(attribute)) (prefill ??= {})[field] = attributes[attribute];
  }
  return prefill;
}

/**
 * The values with `prefill` filled in: over what is there with `overwrite`, else only into the fields still empty
 * (the visitor's own typing wins). A field the prefill leaves undefined stays as it is.
 */
export function withPrefill(values: DemandFormValues, prefill: DemandPrefill, overwrite: boolean): DemandFormValues {
  const next = { ...values };
  const take = (name: 'productId' | 'categoryId', value: string | null | undefined) => {
    if (value === undefined) return;
    if (overwrite || !next[name]) next[name] = value ?? '';
  };
  take('productId', prefill.productId);
  take('categoryId', prefill.categoryId);
  const region = prefill.regionCode;
  if (region !== undefined && (overwrite || !next.city)) {
    // Province-wide codes (440000) leave the region to the visitor.
    const city = region && isRegionCode(region) ? regionCityOf(region) : null;
    next.city = city ?? '';
    next.county = city && region !== city ? region! : '';
  }
  return next;
}
