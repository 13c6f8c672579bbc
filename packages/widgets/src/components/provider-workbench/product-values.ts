// The product editor's values as typed (prices in yuan, the time limit as text) and what they mean to the platform:
// pure, so the conversions are tested without a browser.
import type { CategoryId, MyProduct, MyProductPatch } from '@smec/schemas';
import type { PublishableProduct } from '@smec/schemas/rules';

export interface StepValues {
  title: string;
  description: string;
}

export interface ProductValues {
  name: string;
  categoryId: string;
  summary: string;
  function: string;
  process: StepValues[];
  standard: string;
  isFree: boolean;
  /** Yuan, as typed. */
  listPrice: string;
  /** Yuan, as typed; empty for no discount. */
  discountPrice: string;
  note: string;
  /** Working days, as typed. */
  timeLimitDays: string;
  suitableFor: string;
  voucherEligible: boolean;
  regionCodes: string[];
}

function yuanText(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

export function valuesOf(product: MyProduct): ProductValues {
  return {
    name: product.name,
    categoryId: product.categoryId,
    summary: product.summary,
    function: product.function,
    process: product.process.map((step) => ({ ...step })),
    standard: product.standard,
    isFree: product.fee.isFree,
    listPrice: product.fee.isFree && product.fee.listPrice === 0 ? '' : yuanText(product.fee.listPrice),
    discountPrice: product.fee.discountPrice === null ? '' : yuanText(product.fee.discountPrice),
    note: product.fee.note,
    timeLimitDays: product.timeLimitDays === null ? '' : String(product.timeLimitDays),
    suitableFor: product.suitableFor,
    voucherEligible: product.voucherEligible,
    regionCodes: [...product.regionCodes],
  };
}

/** Yuan as typed (`1,200`, `99.5`, `¥300`) in fen; null when empty; undefined when it is no amount. */
export function parseYuan(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s,，¥￥]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

/** Working days as typed; null when empty or no whole number. */
export function parseDays(text: string): number | null {
  const cleaned = text.trim();
  return /^\d{1,4}$/.test(cleaned) ? Number(cleaned) : null;
}

/** What publishing would read of the values: what cannot be read counts as empty. */
export function publishableOf(values: ProductValues): PublishableProduct {
  const list = values.isFree ? 0 : (parseYuan(values.listPrice) ?? 0);
  const discount = values.isFree ? null : (parseYuan(values.discountPrice) ?? null);
  return {
    summary: values.summary,
    function: values.function,
    process: values.process,
    standard: values.standard,
    fee: { listPrice: list, discountPrice: discount, isFree: values.isFree, note: values.note },
    timeLimitDays: parseDays(values.timeLimitDays),
    regionCodes: values.regionCodes,
  };
}

/** The change to send: every field, what cannot be read left out (the editor names it before saving). */
export function patchOf(values: ProductValues): MyProductPatch {
  const list = parseYuan(values.listPrice);
  const discount = parseYuan(values.discountPrice);
  const fee: NonNullable<MyProductPatch['fee']> = { isFree: values.isFree, note: values.note };
  if (values.isFree) {
    fee.listPrice = 0;
    fee.discountPrice = null;
  } else {
    if (list !== undefined) fee.listPrice = list ?? 0;
    if (discount !== undefined) fee.discountPrice = discount;
  }
  const days = parseDays(values.timeLimitDays);
  return {
    name: values.name.trim(),
    categoryId: values.categoryId as CategoryId,
    summary: values.summary,
    function: values.function,
    process: values.process.map((step) => ({ title: step.title, description: step.description })),
    standard: values.standard,
    fee,
    timeLimitDays: days !== null && days <= 365 ? days : null,
    suitableFor: values.suitableFor,
    voucherEligible: values.voucherEligible,
    regionCodes: values.regionCodes,
  };
}

/** The steps with the one at `index` moved by `delta` places; the same steps when it cannot move so far. */
export function moveStep<T>(steps: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  const moved = [...steps];
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return moved;
  const [step] = moved.splice(index, 1);
  moved.splice(to, 0, step!);
  return moved;
}

/** The product as the values would publish it, for the preview. */
export function previewOf(values: ProductValues) {
  const publishable = publishableOf(values);
  return {
    name: values.name,
    categoryId: values.categoryId as CategoryId,
    summary: values.summary,
    function: values.function,
    process: values.process,
    standard: values.standard,
    fee: publishable.fee,
    timeLimitDays: publishable.timeLimitDays,
    suitableFor: values.suitableFor,
    voucherEligible: values.voucherEligible,
    regionCodes: values.regionCodes,
  };
}
