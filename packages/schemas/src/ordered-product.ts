// A product as an enterprise ordered it: the version the catalog showed when the engagement was made, kept however
// the provider changes the product afterwards.
import { DateTime, Fen } from './common.js';
import * as z from './zod.js';

export const OrderedProduct = z.object({
  version: z.int().check(z.minimum(1)),
  name: z.string(),
  fee: z.object({ listPrice: Fen, discountPrice: z.nullable(Fen), isFree: z.boolean(), note: z.string() }),
  /** What a buyer paid as listed: 0 when free, else the discount price if any, else the list price. */
  price: Fen,
  function: z.string(),
  process: z.array(z.object({ title: z.string(), description: z.string() })),
  standard: z.string(),
  timeLimitDays: z.int().check(z.minimum(1)),
  publishedAt: DateTime,
});
export type OrderedProduct = z.infer<typeof OrderedProduct>;
