// What a provider sends of its own service products (`/me/products`): drafts it edits, publishes and withdraws. A draft may leave any
// field but its name and category empty; publishing checks the five publics and the price rules
// (rules/product.ts) and names each field that fails.
import { describeTextLimit, textCap } from './bounds.js';
import { Fen, RegionCode } from './common.js';
import { ProductStatus } from './catalog.js';
import { CategoryId } from './reference.js';
import {
  PRODUCT_FEE_NOTE_MAX,
  PRODUCT_NAME_MAX,
  PRODUCT_PRICE_MAX,
  PRODUCT_REGIONS_MAX,
  PRODUCT_STEPS_MAX,
  PRODUCT_STEP_DESCRIPTION_MAX,
  PRODUCT_STEP_TITLE_MAX,
  PRODUCT_SUMMARY_MAX,
  PRODUCT_TEXT_MAX,
  PRODUCT_TIME_LIMIT_MAX,
} from './rules/product.js';
import { textLength } from './rules/text.js';
import * as z from './zod.js';

/** A text of at most `max` characters as a person counts them; a draft may leave it empty. */
function text(max: number) {
  return z.string().check(
    textCap(max, 'invalid'),
    z.refine((value) => textLength(value) <= max, { error: 'invalid' }),
    describeTextLimit(max),
  );
}

const Price = Fen.check(z.maximum(PRODUCT_PRICE_MAX));

export const ProductStepInput = z.object({
  title: text(PRODUCT_STEP_TITLE_MAX),
  description: text(PRODUCT_STEP_DESCRIPTION_MAX),
});

export const ProductFeeInput = z.object({
  listPrice: z.optional(Price),
  discountPrice: z.optional(z.nullable(Price)),
  isFree: z.optional(z.boolean()),
  note: z.optional(text(PRODUCT_FEE_NOTE_MAX)),
});

const NAME = z.string().check(
  textCap(PRODUCT_NAME_MAX, 'invalid'),
  z.refine((value) => textLength(value.trim()) >= 2 && textLength(value) <= PRODUCT_NAME_MAX, { error: 'invalid' }),
  describeTextLimit(PRODUCT_NAME_MAX),
);

/** What a provider may write of its product; any may be left out of a change. */
const EDITABLE = {
  summary: z.optional(text(PRODUCT_SUMMARY_MAX)),
  function: z.optional(text(PRODUCT_TEXT_MAX)),
  process: z.optional(z.array(ProductStepInput).check(z.maxLength(PRODUCT_STEPS_MAX))),
  standard: z.optional(text(PRODUCT_TEXT_MAX)),
  fee: z.optional(ProductFeeInput),
  timeLimitDays: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(PRODUCT_TIME_LIMIT_MAX)))),
  suitableFor: z.optional(text(PRODUCT_TEXT_MAX)),
  voucherEligible: z.optional(z.boolean()),
  regionCodes: z.optional(z.array(RegionCode).check(z.maxLength(PRODUCT_REGIONS_MAX))),
};

/** The body of `POST /me/products`: a draft, of which only the name and category are required. */
export const MyProductInput = z.object({ name: NAME, categoryId: CategoryId, ...EDITABLE });
export type MyProductInput = z.infer<typeof MyProductInput>;

/** The body of `PATCH /me/products/{id}`: the fields to change, with `If-Match` naming the version edited. */
export const MyProductPatch = z.object({ name: z.optional(NAME), categoryId: z.optional(CategoryId), ...EDITABLE });
export type MyProductPatch = z.infer<typeof MyProductPatch>;

export const MyProductsQuery = z.object({
  status: z.optional(ProductStatus),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});
export type MyProductsQuery = z.input<typeof MyProductsQuery>;
