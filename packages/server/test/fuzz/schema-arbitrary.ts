// Valid values of a JSON Schema as fast-check arbitraries, for the subset of draft 2020-12 the OpenAPI document uses
// (types, enum/const, patterns and lengths, ranges, objects, arrays, anyOf/oneOf/allOf, local $ref, three formats).
import fc from 'fast-check';
import { usccCheckCharacter } from '@smec/schemas';
import type { JsonSchema } from './document.js';

export type Resolve = (ref: string) => JsonSchema;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
/** Strings without a pattern stay short unless the fuzzer asks for a long one: huge values are the mutator's job. */
const PLAIN_STRING_MAX = 40;
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** An integer in [min, max]; fast-check's `integer` is 32-bit, so wider ranges go through `bigInt`. */
export function integerIn(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): fc.Arbitrary<number> {
  const low = Math.ceil(min);
  const high = Math.floor(max);
  if (low >= INT32_MIN && high <= INT32_MAX) return fc.integer({ min: low, max: high });
  return fc.bigInt({ min: BigInt(low), max: BigInt(high) }).map(Number);
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** A calendar date between 2000 and 2040, as `YYYY-MM-DD`. */
const dateArbitrary = fc
  .record({ year: fc.integer({ min: 2000, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.nat(27) })
  .map(({ year, month, day }) => `${year}-${pad(month, 2)}-${pad(day + 1, 2)}`);

const dateTimeArbitrary = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** A unified social credit code (two registration characters, a six-digit region, nine more) with its check character. */
const usccChars = (length: number, charset: string) =>
  fc.array(fc.constantFrom(...charset), { minLength: length, maxLength: length }).map((chars) => chars.join(''));
const usccArbitrary = fc
  .tuple(usccChars(2, USCC_CHARSET), usccChars(6, '0123456789'), usccChars(9, USCC_CHARSET))
  .map((parts) => parts.join(''))
  .map((first17) => `${first17}${usccCheckCharacter(first17) ?? ''}`);

/** Merges the branches of an `allOf` into one schema; patterns after the first become filters. */
function mergeAll(schema: JsonSchema, resolve: Resolve): { merged: JsonSchema; patterns: RegExp[] } {
  const patterns: RegExp[] = [];
  let merged: JsonSchema = { ...schema, allOf: undefined };
  for (const part of schema.allOf ?? []) {
    const branch = part.$ref ? resolve(part.$ref) : part;
    if (branch.pattern && merged.pattern) patterns.push(new RegExp(branch.pattern, 'u'));
    merged = { ...merged, ...branch, pattern: merged.pattern ?? branch.pattern };
  }
  return { merged, patterns };
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength;
  const fits = (value: string) => [...value].length >= min && (max === undefined || [...value].length <= max);
  if (schema.format === 'date' && !schema.pattern?.includes('T')) return dateArbitrary;
  if (schema.format === 'date-time') return dateTimeArbitrary;
  if (schema.format === 'uscc') return usccArbitrary;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits);
  const plainMax = Math.min(max ?? PLAIN_STRING_MAX, Math.max(min, PLAIN_STRING_MAX));
  const plain = fc.string({ minLength: min, maxLength: plainMax, unit: 'grapheme' }).filter(fits);
  if (max === undefined || max <= PLAIN_STRING_MAX) return plain;
  // The longest value the document allows, in a character that takes three bytes of UTF-8.
  return fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: fc.constant('字'.repeat(max)) });
}

function objectArbitrary(schema: JsonSchema, resolve: Resolve): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of properties) model[name] = arbitraryOf(property, resolve);
  const required = (schema.required ?? []).filter((name) => name in model);
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

/** An arbitrary of the values `schema` accepts. */
export function arbitraryOf(schema: JsonSchema, resolve: Resolve): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryOf(resolve(schema.$ref), resolve);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => arbitraryOf(branch, resolve)));
  if (schema.allOf) {
    const { merged, patterns } = mergeAll(schema, resolve);
    return arbitraryOf(merged, resolve).filter(
      (value) => typeof value !== 'string' || patterns.every((pattern) => pattern.test(value)),
    );
  }
  if (Array.isArray(schema.type)) {
    return fc.oneof(...(schema.type as string[]).map((type) => arbitraryOf({ ...schema, type }, resolve)));
  }
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return integerIn(schema.minimum, schema.maximum);
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, resolve), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      });
    case 'object':
      return objectArbitrary(schema, resolve);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
