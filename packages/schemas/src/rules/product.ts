// Zod-free rules of a provider's own service product: what a draft must hold before it is published (the five
// publics, 五公开: function, process, standard, fee and time limit) and the price rules, checked alike by the server
// when it publishes and by any editor that shows what is still missing. Each check answers the message keys of its
// refusals, each with the field it names.
import { textLength } from './text.js';

export const PRODUCT_NAME_MAX = 60;
export const PRODUCT_SUMMARY_MAX = 200;
export const PRODUCT_TEXT_MAX = 2000;
export const PRODUCT_FEE_NOTE_MAX = 500;
export const PRODUCT_STEP_TITLE_MAX = 30;
export const PRODUCT_STEP_DESCRIPTION_MAX = 300;
export const PRODUCT_STEPS_MIN = 2;
export const PRODUCT_STEPS_MAX = 20;
export const PRODUCT_TIME_LIMIT_MIN = 1;
export const PRODUCT_TIME_LIMIT_MAX = 365;
export const PRODUCT_REGIONS_MAX = 50;
/** 1,000,000 yuan in fen: above any single service the vouchers or the catalog carry. */
export const PRODUCT_PRICE_MAX = 100_000_000;

export type ProductMessageKey =
  | 'product.summary.required'
  | 'product.function.required'
  | 'product.process.steps'
  | 'product.standard.required'
  | 'product.fee.note.required'
  | 'product.fee.listPrice.required'
  | 'product.fee.discount.belowList'
  | 'product.fee.free.priced'
  | 'product.timeLimit.range'
  | 'product.regions.required';

/** The fields of a product that publishing reads, as a draft holds them (any may still be empty). */
export interface PublishableProduct {
  readonly summary: string;
  readonly function: string;
  readonly process: readonly { readonly title: string; readonly description: string }[];
  readonly standard: string;
  readonly fee: {
    readonly listPrice: number;
    readonly discountPrice: number | null;
    readonly isFree: boolean;
    readonly note: string;
  };
  /** Working days; null while the draft has none. */
  readonly timeLimitDays: number | null;
  readonly regionCodes: readonly string[];
}

/** One refusal of publishing: the field's path in the product and the message key saying why. */
export interface ProductRefusal {
  readonly path: string;
  readonly key: ProductMessageKey;
}

const filled = (text: string) => textLength(text.trim()) > 0;

/** At least two steps, each with a title and a description. */
export function checkProductProcess(steps: PublishableProduct['process']): ProductMessageKey | null {
  const complete = steps.every((step) => filled(step.title) && filled(step.description));
  return steps.length >= PRODUCT_STEPS_MIN && complete ? null : 'product.process.steps';
}

/** A time limit is a whole number of working days from 1 to 365. */
export function checkProductTimeLimit(days: number | null): ProductMessageKey | null {
  return days !== null && Number.isInteger(days) && days >= PRODUCT_TIME_LIMIT_MIN && days <= PRODUCT_TIME_LIMIT_MAX
    ? null
    : 'product.timeLimit.range';
}

/**
 * The price rules: a free (公益) service is priced 0 with no discount; a priced one has a list price above 0 (it is
 * then not free), and a discount, when it has one, below the list price. Refusals name the field to change.
 */
export function checkProductFee(fee: PublishableProduct['fee']): ProductRefusal[] {
  const refusals: ProductRefusal[] = [];
  if (fee.isFree) {
    if (fee.listPrice !== 0 || (fee.discountPrice !== null && fee.discountPrice !== 0)) {
      refusals.push({ path: 'fee.isFree', key: 'product.fee.free.priced' });
    }
  } else {
    if (!(fee.listPrice > 0)) refusals.push({ path: 'fee.listPrice', key: 'product.fee.listPrice.required' });
    else if (fee.discountPrice !== null && !(fee.discountPrice < fee.listPrice)) {
      refusals.push({ path: 'fee.discountPrice', key: 'product.fee.discount.belowList' });
    }
  }
  if (!filled(fee.note)) refusals.push({ path: 'fee.note', key: 'product.fee.note.required' });
  return refusals;
}

/**
 * Everything that keeps a product from being published, in the order an editor shows its fields: empty publics,
 * a failing price rule, a time limit out of range, fewer than two steps, no region served, no summary. Empty when it
 * may be published.
 */
export function productPublishRefusals(product: PublishableProduct): ProductRefusal[] {
  const refusals: ProductRefusal[] = [];
  if (!filled(product.summary)) refusals.push({ path: 'summary', key: 'product.summary.required' });
  if (!filled(product.function)) refusals.push({ path: 'function', key: 'product.function.required' });
  const process = checkProductProcess(product.process);
  if (process) refusals.push({ path: 'process', key: process });
  if (!filled(product.standard)) refusals.push({ path: 'standard', key: 'product.standard.required' });
  refusals.push(...checkProductFee(product.fee));
  const timeLimit = checkProductTimeLimit(product.timeLimitDays);
  if (timeLimit) refusals.push({ path: 'timeLimitDays', key: timeLimit });
  if (product.regionCodes.length === 0) refusals.push({ path: 'regionCodes', key: 'product.regions.required' });
  return refusals;
}
