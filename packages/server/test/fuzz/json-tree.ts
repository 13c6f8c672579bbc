// Addressing the nodes of a JSON value, so that a mutation generated before its body can still say "the third node".
import type { JsonSchema } from './document.js';

export type JsonPath = readonly (string | number)[];

/** Every node below the root, depth first, with its path. */
export function nodesOf(value: unknown, path: JsonPath = []): { path: JsonPath; value: unknown }[] {
  const nodes: { path: JsonPath; value: unknown }[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      nodes.push({ path: [...path, index], value: item });
      nodes.push(...nodesOf(item, [...path, index]));
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      nodes.push({ path: [...path, key], value: item });
      nodes.push(...nodesOf(item, [...path, key]));
    }
  }
  return nodes;
}

/** Sets an own, enumerable property even when the key is `__proto__`, so that JSON.stringify writes it. */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function parentOf(root: unknown, path: JsonPath): Record<string | number, unknown> | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  return node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>) : undefined;
}

/** A copy of `root` with the node at `path` replaced (or removed when `value` is `REMOVE`). */
export const REMOVE = Symbol('remove');
export function withNode(root: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value === REMOVE ? undefined : value;
  const copy = structuredClone(root);
  const parent = parentOf(copy, path);
  const key = path[path.length - 1] as string | number;
  if (!parent) return copy;
  if (value === REMOVE) {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete parent[key];
  } else if (typeof key === 'string') {
    defineOwn(parent as Record<string, unknown>, key, value);
  } else {
    parent[key] = value;
  }
  return copy;
}

/** The schema of the node at `path`, as far as properties, items and the first fitting union branch tell. */
export function schemaAt(
  schema: JsonSchema | undefined,
  path: JsonPath,
  resolve: (ref: string) => JsonSchema,
): JsonSchema | undefined {
  let node = schema;
  for (const key of path) {
    if (!node) return undefined;
    if (node.$ref) node = resolve(node.$ref);
    const branches = node.anyOf ?? node.oneOf ?? [];
    const fitting = branches.find((branch) =>
      typeof key === 'number' ? branch.items : branch.properties?.[key] !== undefined,
    );
    if (fitting) node = fitting;
    node = typeof key === 'number' ? node.items : node.properties?.[key];
  }
  return node;
}

/** The longest string the schema allows, looking into unions and `allOf`. */
export function maxLengthOf(schema: JsonSchema | undefined): number | undefined {
  if (!schema) return undefined;
  if (schema.maxLength !== undefined) return schema.maxLength;
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    const found = maxLengthOf(branch);
    if (found !== undefined) return found;
  }
  return undefined;
}
