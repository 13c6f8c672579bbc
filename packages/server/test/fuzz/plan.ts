// What the fuzzer sends, as data: a valid base drawn from the document (its examples or its schemas), and a few
// mutations of it. wire.ts turns a plan into bytes.
import fc from 'fast-check';
import type { FuzzOperation, Parameter } from './document.js';
import { anyJson, BAD_CURSORS, BAD_PERCENT, hostileString, hugeString, INJECTIONS, UNICODE_EDGES } from './hostile.js';
import { maxLengthOf } from './json-tree.js';
import type { Oracle } from './oracle.js';
import { sampleFile } from './files.js';
import { arbitraryOf } from './schema-arbitrary.js';

/** Who the request claims to be: a seeded user (by id), nobody, or whatever `Authorization` value is given. */
export type Auth = { readonly user: string } | { readonly header: string } | null;

export type Mutation =
  | { readonly kind: 'param'; readonly name: string; readonly value: string; readonly raw: boolean }
  | { readonly kind: 'query'; readonly name: string; readonly value: string | null; readonly raw: boolean }
  | { readonly kind: 'query-repeat'; readonly name: string; readonly value: string }
  | { readonly kind: 'body-drop'; readonly at: number }
  | { readonly kind: 'body-set'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'body-huge'; readonly at: number; readonly char: string; readonly extra: number }
  | { readonly kind: 'body-extra'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'body-replace'; readonly value: unknown }
  | { readonly kind: 'body-raw'; readonly text: string }
  | { readonly kind: 'body-oversize'; readonly char: string }
  | { readonly kind: 'body-deep'; readonly depth: number }
  | { readonly kind: 'content-type'; readonly value: string | null }
  | { readonly kind: 'header'; readonly name: string; readonly value: string };

export interface Plan {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** The JSON body; undefined sends none. */
  readonly body: unknown;
  /** A file sent as the body, for an upload (then `body` is undefined). */
  readonly file?: { readonly mediaType: string; readonly bytes: Uint8Array<ArrayBuffer> };
  readonly auth: Auth;
  readonly mutations: readonly Mutation[];
}

/** URLs stay below Node's 16 KiB header limit, which answers 431 before any route sees the request. */
const QUERY_VALUE_CAP = 1500;

export interface PlanContext {
  readonly oracle: Oracle;
  /** The user whose token suits the operation (the role its example signs in with). */
  readonly suitableUser: string | undefined;
  /** Other seeded users: other roles, another enterprise, another region's administrator. */
  readonly otherUsers: readonly string[];
  /** Authorization values that must not let anyone in. */
  readonly badAuthorizations: readonly string[];
  /** Real cursors of other queries, which must be refused here. */
  readonly foreignCursors: readonly string[];
}

/** A query value as text: integers in decimal, and a zod `stringbool` (a bare string schema) as one of its words. */
function queryValueArbitrary(parameter: Parameter, oracle: Oracle): fc.Arbitrary<string> {
  const schema = parameter.schema;
  if (schema.type === 'string' && !schema.pattern && !schema.enum && schema.maxLength === undefined) {
    return fc.constantFrom('true', 'false', '1', '0');
  }
  return arbitraryOf(schema, oracle.resolve).map(String);
}

function baseQuery(operation: FuzzOperation, oracle: Oracle): fc.Arbitrary<Record<string, string>> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  const example: Record<string, string> = {};
  for (const parameter of operation.queryParams) {
    if (parameter.name === 'cursor') continue;
    const generated = queryValueArbitrary(parameter, oracle);
    model[parameter.name] =
      parameter.example === undefined ? generated : fc.oneof(fc.constant(parameter.example), generated);
    if (parameter.example !== undefined) example[parameter.name] = parameter.example;
  }
  const required = operation.queryParams.filter((parameter) => parameter.required).map((parameter) => parameter.name);
  const random = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, string>>;
  return Object.keys(example).length === 0 ? random : fc.oneof(fc.constant(example), random);
}

function baseParams(operation: FuzzOperation, oracle: Oracle): fc.Arbitrary<Record<string, string>> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const parameter of operation.pathParams) {
    const generated = arbitraryOf(parameter.schema, oracle.resolve).map(String);
    model[parameter.name] =
      parameter.example === undefined
        ? generated
        : fc.oneof({ weight: 3, arbitrary: fc.constant(parameter.example) }, { weight: 1, arbitrary: generated });
  }
  return fc.record(model) as fc.Arbitrary<Record<string, string>>;
}

function baseBody(operation: FuzzOperation, oracle: Oracle): fc.Arbitrary<unknown> {
  if (!operation.body) return fc.constant(undefined);
  const generated = arbitraryOf(operation.body.schema, oracle.resolve);
  if (operation.body.example === undefined) return generated;
  return fc.oneof(fc.constant(operation.body.example), generated);
}

function authArbitrary(operation: FuzzOperation, context: PlanContext): fc.Arbitrary<Auth> {
  const bad = fc.constantFrom(...context.badAuthorizations).map((header): Auth => ({ header }));
  const other = fc.constantFrom(...context.otherUsers).map((user): Auth => ({ user }));
  if (!operation.secured) {
    // Public operations ignore tokens, good or bad: a stale token in a widget must never break the catalog.
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: bad },
      { weight: 1, arbitrary: other },
    );
  }
  const suitable = context.suitableUser;
  return fc.oneof(
    { weight: 6, arbitrary: suitable ? fc.constant<Auth>({ user: suitable }) : other },
    { weight: 2, arbitrary: other },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: bad },
  );
}

/** Text for a query value of the wrong kind: hostile strings, numbers out of range, huge strings, full-width digits. */
function badQueryValue(parameter: Parameter): fc.Arbitrary<{ value: string; raw: boolean }> {
  const schema = parameter.schema;
  const cooked = (value: fc.Arbitrary<string>) => value.map((text) => ({ value: text, raw: false }));
  const outOfRange: string[] = [];
  if (schema.minimum !== undefined) outOfRange.push(String(schema.minimum - 1));
  if (schema.maximum !== undefined) outOfRange.push(String(schema.maximum + 1));
  return fc.oneof(
    { weight: 4, arbitrary: cooked(hostileString) },
    {
      weight: 1,
      arbitrary: cooked(fc.constantFrom('', ' ', 'abc', '1.5', '1e3', ' 12', '-0', '０', '１２', ...outOfRange)),
    },
    { weight: 1, arbitrary: cooked(hugeString(maxLengthOf(schema), QUERY_VALUE_CAP)) },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_PERCENT).map((value) => ({ value, raw: true })) },
  );
}

function queryMutations(operation: FuzzOperation, context: PlanContext): fc.Arbitrary<Mutation>[] {
  const parameters = operation.queryParams;
  const unknownName = fc.constantFrom('unknown', 'foo', '__proto__', 'constructor', 'limit[]', 'q ', 'LIMIT', '');
  const result: fc.Arbitrary<Mutation>[] = [
    fc
      .tuple(unknownName, fc.oneof(hostileString, fc.constant('1')))
      .map(([name, value]): Mutation => ({ kind: 'query', name, value, raw: false })),
  ];
  if (parameters.length === 0) return result;
  const parameter = fc.constantFrom(...parameters);
  result.push(
    parameter.chain((p) =>
      badQueryValue(p).map(({ value, raw }): Mutation => ({ kind: 'query', name: p.name, value, raw })),
    ),
    parameter.map((p): Mutation => ({ kind: 'query', name: p.name, value: null, raw: false })),
    parameter.chain((p) =>
      queryValueArbitrary(p, context.oracle).map((value): Mutation => ({ kind: 'query-repeat', name: p.name, value })),
    ),
  );
  if (parameters.some((p) => p.name === 'cursor')) {
    result.push(
      fc
        .constantFrom(...BAD_CURSORS, ...context.foreignCursors)
        .map((value): Mutation => ({ kind: 'query', name: 'cursor', value, raw: false })),
    );
  }
  return result;
}

function paramMutations(operation: FuzzOperation): fc.Arbitrary<Mutation>[] {
  if (operation.pathParams.length === 0) return [];
  const name = fc.constantFrom(...operation.pathParams.map((parameter) => parameter.name));
  return [
    fc
      .tuple(name, fc.oneof(hostileString, hugeString(64, 2000)))
      // An empty segment is another route (`/providers/` is the list), not a bad id of this one.
      .filter(([, value]) => value !== '')
      .map(([n, value]): Mutation => ({ kind: 'param', name: n, value, raw: false })),
    fc
      .tuple(name, fc.constantFrom(...BAD_PERCENT))
      .map(([n, value]): Mutation => ({ kind: 'param', name: n, value, raw: true })),
  ];
}

const CONTENT_TYPES = [
  null,
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json;;',
  'application/problem+json',
  'application/jsonx',
  'text/json',
  '',
  '*/*',
];

const RAW_BODIES = [
  '',
  ' ',
  '{',
  '{"a":',
  "{'a':1}",
  '[1,]',
  'NaN',
  'null',
  '"text"',
  '\u0000',
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"s":"\\ud800\\udc00\\udfff\\ud800"}',
  '\ufeff{}',
];

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'id', 'status', 'role', 'userId', 'admin', 'unknown', ''];

function bodyMutations(operation: FuzzOperation): fc.Arbitrary<Mutation>[] {
  if (operation.method === 'GET') return [];
  const at = fc.nat(1000);
  const result: fc.Arbitrary<Mutation>[] = [
    fc
      .tuple(at, fc.constantFrom(...EXTRA_KEYS), anyJson)
      .map(([a, key, value]): Mutation => ({ kind: 'body-extra', at: a, key, value })),
    anyJson.map((value): Mutation => ({ kind: 'body-replace', value })),
    fc.constantFrom(...RAW_BODIES).map((text): Mutation => ({ kind: 'body-raw', text })),
    fc.constantFrom('x', '字', '\u0000').map((char): Mutation => ({ kind: 'body-oversize', char })),
    fc.constantFrom(20, 40, 5000, 30_000).map((depth): Mutation => ({ kind: 'body-deep', depth })),
    fc.constantFrom(...CONTENT_TYPES).map((value): Mutation => ({ kind: 'content-type', value })),
  ];
  if (!operation.body) return result;
  return [
    ...result,
    at.map((a): Mutation => ({ kind: 'body-drop', at: a })),
    fc.tuple(at, anyJson).map(([a, value]): Mutation => ({ kind: 'body-set', at: a, value })),
    fc.tuple(at, hostileString).map(([a, value]): Mutation => ({ kind: 'body-set', at: a, value })),
    fc
      .tuple(at, fc.constantFrom('x', '字', '\u{1f600}', 'e\u0301'), fc.constantFrom(0, 1, 50, 5000))
      .map(([a, char, extra]): Mutation => ({ kind: 'body-huge', at: a, char, extra })),
  ];
}

function headerMutations(operation: FuzzOperation): fc.Arbitrary<Mutation>[] {
  const header = (name: string, values: fc.Arbitrary<string>) =>
    values.map((value): Mutation => ({ kind: 'header', name, value }));
  const result = [
    header(
      'accept-language',
      fc.constantFrom('en', 'zh-HK', 'zh-CN', 'xx', '*', 'en;q=0.1, zh-HK;q=0.9', 'a'.repeat(300)),
    ),
    header('x-request-id', fc.constantFrom('fuzz-1', '../../x', 'a'.repeat(200), '<script>')),
  ];
  if (operation.method === 'GET') {
    result.push(header('if-none-match', fc.constantFrom('*', '"abc"', 'W/"abc"', 'garbage', '"a", *')));
  } else {
    // A small pool of keys, so that replays and reuses with another body happen too.
    result.push(
      header(
        'idempotency-key',
        fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3', '', ' ', 'k'.repeat(256), 'caf\u00e9', 'a b'),
      ),
    );
  }
  return result;
}

/** Plans for one operation: a valid base, and up to three mutations (none in about a third of the runs). */
export function planArbitrary(operation: FuzzOperation, context: PlanContext): fc.Arbitrary<Plan> {
  const mutation = fc.oneof(
    ...paramMutations(operation),
    ...queryMutations(operation, context),
    ...bodyMutations(operation),
    ...headerMutations(operation),
  );
  return fc
    .record({
      params: baseParams(operation, context.oracle),
      query: baseQuery(operation, context.oracle),
      body: baseBody(operation, context.oracle),
      auth: authArbitrary(operation, context),
      mutations: fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
      ),
    })
    .map((plan): Plan => ({ ...plan, ...fileOf(operation) }));
}

/** The documented example, as a plan, with the given mutations. */
export function examplePlan(operation: FuzzOperation, auth: Auth, mutations: readonly Mutation[]): Plan {
  const params: Record<string, string> = {};
  for (const parameter of operation.pathParams) params[parameter.name] = parameter.example ?? 'x-0001';
  const query: Record<string, string> = {};
  for (const parameter of operation.queryParams) {
    if (parameter.example !== undefined) query[parameter.name] = parameter.example;
  }
  // The example's headers (a file's key) go first, so that a mutation of the same header wins.
  const headers = operation.headerParams.flatMap((parameter): Mutation[] =>
    parameter.example === undefined
      ? []
      : [{ kind: 'header', name: parameter.name.toLowerCase(), value: parameter.example }],
  );
  return {
    params,
    query,
    body: operation.body?.example,
    ...fileOf(operation),
    auth,
    mutations: [...headers, ...mutations],
  };
}

/** An upload's valid file, as a plan's field; nothing for an operation whose body is not a file. */
function fileOf(operation: FuzzOperation): { file?: NonNullable<Plan['file']> } {
  const file = operation.fileBody ? sampleFile(operation.fileBody) : undefined;
  return file ? { file } : {};
}

/** Mutations worth sending once to every operation they apply to, whatever the random runs draw. */
export function fixedMutations(operation: FuzzOperation): Mutation[][] {
  const list: Mutation[][] = [];
  const first = operation.pathParams[0];
  if (first) {
    list.push([{ kind: 'param', name: first.name, value: '../../etc/passwd', raw: false }]);
    list.push([{ kind: 'param', name: first.name, value: '%ED%A0%80', raw: true }]);
    list.push([{ kind: 'param', name: first.name, value: "' OR 1=1 --", raw: false }]);
  }
  list.push([{ kind: 'query', name: 'unknown', value: '<script>alert(1)</script>', raw: false }]);
  if (operation.queryParams.some((parameter) => parameter.name === 'cursor')) {
    list.push([{ kind: 'query', name: 'cursor', value: 'a.b', raw: false }]);
  }
  const q = operation.queryParams.find((parameter) => parameter.name === 'q');
  if (q) {
    for (const value of ['%', '_', '\\', "' OR 1=1 --", '\u0000', 'x'.repeat((q.schema.maxLength ?? 100) + 1)]) {
      list.push([{ kind: 'query', name: 'q', value, raw: false }]);
    }
  }
  if (operation.method === 'GET') {
    list.push([{ kind: 'header', name: 'if-none-match', value: '*' }]);
  } else {
    list.push([{ kind: 'body-oversize', char: 'x' }]);
    list.push([{ kind: 'content-type', value: 'text/plain' }]);
    list.push([{ kind: 'body-raw', text: '{"__proto__":{"polluted":true}}' }]);
    list.push([{ kind: 'body-deep', depth: 5000 }]);
    list.push([
      { kind: 'body-deep', depth: 5000 },
      { kind: 'header', name: 'idempotency-key', value: 'fuzz-deep' },
    ]);
    if (operation.body) {
      list.push([{ kind: 'content-type', value: null }]);
      list.push([{ kind: 'body-raw', text: '{' }]);
      list.push([{ kind: 'body-raw', text: '' }]);
      list.push([{ kind: 'body-replace', value: [] }]);
      for (const value of UNICODE_EDGES.slice(0, 4)) list.push([{ kind: 'body-set', at: 0, value }]);
      list.push([{ kind: 'body-set', at: 0, value: INJECTIONS[0] }]);
    }
  }
  return list;
}
