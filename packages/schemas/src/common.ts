import { impliedMaxLength } from './bounds.js';
import * as z from './zod.js';

/** An opaque identifier such as `prd-00042`. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9][a-z0-9-]*$/));

/** A GB/T 2260 region code: six digits. */
export const RegionCode = z
  .string()
  .check(z.regex(/^\d{6}$/, { error: 'Region code must be six digits' }), impliedMaxLength(6));

/** Money is always integer fen (分), never a float. */
export const Fen = z.int().check(z.minimum(0));

// Dates are string formats with patterns of their own rather than `z.iso.*`: the OpenAPI document keeps `format` and
// `pattern`, and browser bundles do without zod's ISO schemas and its leap-year pattern (about 0.5 KB gzip). The
// patterns check the shape and the ranges of every field, not the length of each month.
const DATE = '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';

/** An instant with seconds and an offset (RFC 3339), e.g. `2026-11-28T09:00:00+08:00` or `2026-11-28T01:00:00.000Z`. */
export const DateTime = z.stringFormat(
  'date-time',
  new RegExp(`^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`),
);

/** A calendar date, e.g. `2024-05-01`. */
export const DateOnly = z.stringFormat('date', new RegExp(`^${DATE}$`)).check(impliedMaxLength(10));

/**
 * One page of a list. `nextCursor` is null on the last page; `total` counts every match, not just this page.
 */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.int().check(z.minimum(0)),
  });
}

/** Another resource named by one (an expert's provider or products, a clinic's experts): its id and name. */
export const NamedRef = z.object({ id: Id, name: z.string() });
export type NamedRef = z.infer<typeof NamedRef>;
