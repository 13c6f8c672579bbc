import * as z from './zod.js';

/** An opaque identifier such as `prd-00042`. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9][a-z0-9-]*$/));

/** A GB/T 2260 region code: six digits. */
export const RegionCode = z.string().check(z.regex(/^\d{6}$/, { error: 'Region code must be six digits' }));

/** Money is always integer fen (分), never a float. */
export const Fen = z.int().check(z.minimum(0));

/** An instant with its offset, e.g. `2026-11-28T09:00:00+08:00`. */
export const DateTime = z.iso.datetime({ offset: true });

/** A calendar date, e.g. `2024-05-01`. */
export const DateOnly = z.iso.date();

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

/** Query-string integer: strings are coerced, anything that is not a whole number fails. */
export function queryInt(min: number, max: number) {
  return z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));
}

/** Query-string boolean: `true`/`false`/`1`/`0`. */
export const QueryBool = z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] });

export const ListQuery = {
  limit: z.optional(queryInt(1, 100)),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
};
