// A plan as it goes on the wire: the mutations applied, everything percent-encoded, and whether the document itself
// calls the request invalid.
import type { FuzzOperation } from './document.js';
import type { FileBody } from './files.js';
import { maxLengthOf, nodesOf, REMOVE, schemaAt, withNode, type JsonPath } from './json-tree.js';
import type { Oracle } from './oracle.js';
import type { Mutation, Plan } from './plan.js';

export interface Wire {
  readonly method: string;
  /** Path and query under the API base, percent-encoded. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array<ArrayBuffer>;
  /** Why the document calls this request invalid, or null when it does not. */
  readonly invalid: string | null;
}

/** The platform's body limit: 64 KiB. */
export const BODY_LIMIT = 64 * 1024;

const UNRESERVED = /^[A-Za-z0-9\-_~]$/;

/** Percent-encodes the UTF-8 of `value` (a lone surrogate becomes U+FFFD, as any client would send it); dots too, so
 * that `..` reaches the server as a value instead of being resolved away by the client. */
export function percentEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A path segment as the router decodes it: strictly, so that bytes which are not UTF-8 are refused. */
function decodedSegment(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** A query value as a form decoder reads it (WHATWG): a stray `%` stays, bytes that are not UTF-8 become U+FFFD. */
function decodedQueryValue(encoded: string): string {
  return new URLSearchParams(`v=${encoded}`).get('v') ?? '';
}

interface Draft {
  params: Map<string, { value: string; raw: boolean }>;
  query: [string, string, boolean][];
  json: unknown;
  raw: string | undefined;
  /** The plan's file: sent as the body unless a mutation put JSON or text there. */
  file: Plan['file'];
  contentType: string | null | undefined;
  headers: Record<string, string>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function applyBody(draft: Draft, operation: FuzzOperation, mutation: Mutation, oracle: Oracle): void {
  const pick = (at: number, filter: (value: unknown) => boolean = () => true): JsonPath | undefined => {
    const nodes = nodesOf(draft.json).filter((node) => filter(node.value));
    return nodes.length === 0 ? undefined : nodes[at % nodes.length]?.path;
  };
  switch (mutation.kind) {
    case 'body-drop': {
      const path = pick(mutation.at);
      if (path) draft.json = withNode(draft.json, path, REMOVE);
      break;
    }
    case 'body-set': {
      const path = pick(mutation.at);
      if (path) draft.json = withNode(draft.json, path, mutation.value);
      break;
    }
    case 'body-huge': {
      const path = pick(mutation.at, (value) => typeof value === 'string') ?? pick(mutation.at);
      if (!path) break;
      const max = maxLengthOf(schemaAt(operation.body?.schema, path, oracle.resolve)) ?? 200;
      // Up to and past the documented limit, but under the body limit: that one has its own mutation.
      const count = Math.min(max + mutation.extra, Math.floor(BODY_LIMIT / 8));
      draft.json = withNode(draft.json, path, mutation.char.repeat(count));
      break;
    }
    case 'body-extra': {
      const objects = [{ path: [] as JsonPath, value: draft.json }, ...nodesOf(draft.json)].filter((node) =>
        isPlainObject(node.value),
      );
      const target = objects[mutation.at % Math.max(1, objects.length)];
      draft.json = withNode(target ? draft.json : {}, [...(target?.path ?? []), mutation.key], mutation.value);
      break;
    }
    case 'body-replace':
      draft.json = mutation.value;
      break;
    case 'body-raw':
      draft.raw = mutation.text;
      break;
    case 'body-oversize': {
      const base = isPlainObject(draft.json) ? draft.json : {};
      draft.raw = JSON.stringify({ ...base, padding: mutation.char.repeat(BODY_LIMIT + 1) });
      break;
    }
    case 'body-deep': {
      // Written as text: a value this deep is beyond what the fuzzer's own recursive helpers should walk.
      const rest = isPlainObject(draft.json) ? JSON.stringify(draft.json).slice(1) : '}';
      const deep = `${'['.repeat(mutation.depth)}${']'.repeat(mutation.depth)}`;
      draft.raw = `{"deep":${deep}${rest === '}' ? '' : ','}${rest}`;
      break;
    }
    case 'content-type':
      draft.contentType = mutation.value;
      if (draft.json === undefined && draft.raw === undefined) draft.json = {};
      break;
    default:
      break;
  }
}

/**
 * Why the document calls an upload's body invalid, or null: only the sample file, untouched by any body mutation, in
 * its own media type (the fuzzer makes no other file of the documented types).
 */
function fileInvalidity(body: FileBody, draft: Draft, bodyText: string | undefined): string | null {
  if (bodyText !== undefined) return 'the body is not a file of the documented types';
  if (!draft.file) return 'no body';
  if (draft.contentType === null) return 'no content type';
  if (draft.contentType !== undefined && !body.mediaTypes.includes(draft.contentType)) {
    return `content type ${draft.contentType}`;
  }
  if (draft.file.bytes.length > body.maxBytes) return 'the file is too large';
  return null;
}

/** Why the document calls the path, query and body of this request invalid, or null. */
function invalidity(
  operation: FuzzOperation,
  draft: Draft,
  bodyText: string | undefined,
  oracle: Oracle,
): string | null {
  for (const parameter of operation.pathParams) {
    const given = draft.params.get(parameter.name);
    const value = given ? decodedSegment(given.raw ? given.value : percentEncode(given.value)) : undefined;
    if (value === null || value === undefined) return `path ${parameter.name} is not UTF-8`;
    if (oracle.check(parameter.schema, value)) return `path ${parameter.name}`;
  }
  for (const parameter of operation.queryParams) {
    const values = draft.query.filter(([name]) => name === parameter.name);
    if (values.length === 0) {
      if (parameter.required) return `query ${parameter.name} is missing`;
      continue;
    }
    if (values.length > 1) return `query ${parameter.name} is repeated`;
    const [, text, raw] = values[0] as [string, string, boolean];
    const decoded = decodedQueryValue(raw ? text : percentEncode(text));
    // The query schemas coerce an integer's text with Number(): ` 12`, `1e3` and `0x10` are whole numbers, `` is 0.
    const numeric = parameter.schema.type === 'integer' && Number.isFinite(Number(decoded));
    if (oracle.check(parameter.schema, numeric ? Number(decoded) : decoded)) return `query ${parameter.name}`;
  }
  if (operation.fileBody) return fileInvalidity(operation.fileBody, draft, bodyText);
  if (!operation.body) return null;
  if (bodyText === undefined) return operation.bodyOptional ? null : 'no body';
  const mediaType = draft.contentType === undefined ? 'application/json' : draft.contentType;
  if (mediaType === null || mediaType.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    return `content type ${String(mediaType)}`;
  }
  let parsed: unknown;
  try {
    // A leading byte order mark is ignored, as RFC 8259 allows and the server's parser does: `\ufeff{}` is `{}`.
    parsed = JSON.parse(bodyText.replace(/^\ufeff/, ''));
  } catch {
    return 'the body is not JSON';
  }
  const reason = oracle.check(operation.body.schema, parsed);
  return reason === null ? null : `body: ${reason}`;
}

/** The request as it goes on the wire. */
export function wireOf(
  operation: FuzzOperation,
  plan: Plan,
  tokens: ReadonlyMap<string, string>,
  oracle: Oracle,
): Wire {
  const draft: Draft = {
    params: new Map(Object.entries(plan.params).map(([name, value]) => [name, { value, raw: false }])),
    query: Object.entries(plan.query).map(([name, value]) => [name, value, false]),
    json: plan.body,
    raw: undefined,
    file: plan.file,
    contentType: undefined,
    headers: {},
  };
  for (const mutation of plan.mutations) {
    switch (mutation.kind) {
      case 'param':
        draft.params.set(mutation.name, { value: mutation.value, raw: mutation.raw });
        break;
      case 'query':
        draft.query = draft.query.filter(([name]) => name !== mutation.name);
        if (mutation.value !== null) draft.query.push([mutation.name, mutation.value, mutation.raw]);
        break;
      case 'query-repeat':
        draft.query.push([mutation.name, mutation.value, false]);
        break;
      case 'header':
        draft.headers[mutation.name] = mutation.value;
        break;
      default:
        applyBody(draft, operation, mutation, oracle);
    }
  }
  let path = operation.path;
  for (const [name, { value, raw }] of draft.params)
    path = path.replace(`{${name}}`, raw ? value : percentEncode(value));
  const search = draft.query
    .map(([name, value, raw]) => `${percentEncode(name)}=${raw ? value : percentEncode(value)}`)
    .join('&');
  const headers: Record<string, string> = { ...draft.headers };
  if (plan.auth && 'user' in plan.auth) headers['authorization'] = `Bearer ${tokens.get(plan.auth.user) ?? ''}`;
  if (plan.auth && 'header' in plan.auth) headers['authorization'] = plan.auth.header;
  const bodyText = draft.raw ?? (draft.json === undefined ? undefined : JSON.stringify(draft.json));
  const fileBytes = bodyText === undefined ? draft.file?.bytes : undefined;
  const defaultType = fileBytes ? draft.file?.mediaType : 'application/json';
  const contentType = draft.contentType === undefined ? defaultType : draft.contentType;
  if ((bodyText !== undefined || fileBytes) && contentType) headers['content-type'] = contentType;
  const body = bodyText === undefined ? fileBytes : new TextEncoder().encode(bodyText);
  return {
    method: operation.method,
    target: `${path}${search ? `?${search}` : ''}`,
    headers,
    ...(body === undefined ? {} : { body }),
    invalid: invalidity(operation, draft, bodyText, oracle),
  };
}

/** A short, printable account of a request, for failure messages. */
export function describe(wire: Wire): string {
  const clip = (text: string, max: number) =>
    text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
  const headers = Object.entries(wire.headers)
    .map(([name, value]) => `${name}: ${clip(name === 'authorization' ? value.replace(/\.[^.]+$/, '.…') : value, 80)}`)
    .join('; ');
  const body = wire.body ? clip(new TextDecoder().decode(wire.body), 300) : '(none)';
  return `${wire.method} ${clip(wire.target, 300)}\n  headers: ${headers}\n  body: ${body}`;
}
