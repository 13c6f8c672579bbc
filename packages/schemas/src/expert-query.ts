// The query of `GET /experts`, apart from the responses (like query.ts) so that a browser bundle drops it.
import { Id, RegionCode } from './common.js';
import { ListQuery } from './query.js';
import { CategoryId } from './reference.js';
import * as z from './zod.js';

export const ExpertsQuery = z.object({
  /** Searched over name, title, specialties and bio; one or two Chinese characters match. */
  q: z.optional(z.string().check(z.maxLength(100))),
  categoryId: z.optional(CategoryId),
  /** The region and those within it. */
  regionCode: z.optional(RegionCode),
  providerId: z.optional(Id),
  ...ListQuery,
});
export type ExpertsQuery = z.input<typeof ExpertsQuery>;
export type ExpertsQueryParsed = z.output<typeof ExpertsQuery>;
