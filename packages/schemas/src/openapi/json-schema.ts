import * as z from '../zod.js';

export type JsonObject = Record<string, unknown>;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isInteger(schema: JsonObject): boolean {
  const type = schema['type'];
  return type === 'integer' || (Array.isArray(type) && type.includes('integer'));
}

/**
 * An integer's OpenAPI format, which zod leaves out: `int32` when its range fits, else `int64` (zod's integers are
 * safe integers, so always within it).
 */
function integerFormat(schema: JsonObject): 'int32' | 'int64' {
  const { minimum, maximum } = schema;
  const fits =
    typeof minimum === 'number' && typeof maximum === 'number' && minimum >= INT32_MIN && maximum <= INT32_MAX;
  return fits ? 'int32' : 'int64';
}

/**
 * Schema checks added to a schema that has the same ones (`RegionCode.check(z.regex(…, { error: 'region' }))`, for
 * the message) become an `allOf` repeating a pattern; a repeated branch says nothing, and one left alone is merged.
 */
function withoutRepeatedBranches(schema: JsonObject): void {
  const allOf = schema['allOf'];
  if (!Array.isArray(allOf)) return;
  const seen = new Set<string>();
  const kept = allOf.filter((branch) => {
    const text = JSON.stringify(branch);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
  const [only] = kept;
  if (kept.length === 1 && isObject(only) && Object.keys(only).every((key) => !(key in schema))) {
    delete schema['allOf'];
    Object.assign(schema, only);
  } else {
    schema['allOf'] = kept;
  }
}

/** Completes what zod writes, in place, at every level. */
function normalize(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) normalize(item);
    return;
  }
  if (!isObject(node)) return;
  for (const value of Object.values(node)) normalize(value);
  withoutRepeatedBranches(node);
  if (isInteger(node) && node['format'] === undefined) node['format'] = integerFormat(node);
}

/** The JSON Schema (draft 2020-12, as OpenAPI 3.1 takes it) of what a schema takes (`input`) or gives (`output`). */
export function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  delete out['$schema'];
  normalize(out);
  return out;
}
