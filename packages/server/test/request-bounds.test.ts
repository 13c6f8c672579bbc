// Every bound the served OpenAPI document states on what a client sends (a string's maxLength, an integer's range) is
// one the server enforces: the operation's example with one value just past its bound is a 400 problem, never a
// success and never a 5xx. What no example carries (a union's other branch, an array) has cases of its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { operations, type Operation } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';
import { assertProblem, request } from './helpers.js';

// The public demand endpoints' per-address limits would refuse most of these requests (they have tests of their own).
process.env['SMEC_DEMAND_RATE_LIMIT'] = '1000000/60';
process.env['SMEC_LOOKUP_RATE_LIMIT'] = '1000000/60';

type Json = Record<string, unknown>;
interface DocumentedParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly schema: Json;
}
interface DocumentedOperation {
  readonly operationId: string;
  readonly parameters: readonly DocumentedParameter[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: Json }> };
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let documented: Map<string, DocumentedOperation>;
const tokens = new Map<string, string>();
before(async () => {
  server = await startTestServer();
  const document = await request<{ paths: Record<string, Record<string, DocumentedOperation>> }>(
    server.apiUrl,
    '/openapi.json',
  );
  documented = new Map(
    Object.values(document.body.paths)
      .flatMap((item) => Object.values(item))
      .map((operation) => [operation.operationId, operation]),
  );
});
after(() => server.close());

async function tokenFor(userId: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    const issued = await request<{ token: string }>(server.apiUrl, '/demo/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    token = issued.body.token;
    tokens.set(userId, token);
  }
  return token;
}

/** One request of an operation: its example, with whatever a case changes. */
interface Sent {
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

function exampleOf(operation: Operation): Sent {
  return {
    params: { ...operation.example?.params },
    query: { ...operation.example?.query },
    headers: {},
    body: structuredClone(operation.example?.body),
  };
}

async function send(operation: Operation, sent: Sent) {
  let path = operation.path;
  for (const [name, value] of Object.entries(sent.params)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const search = new URLSearchParams(sent.query).toString();
  const headers: Record<string, string> = { ...sent.headers };
  if (sent.body !== undefined) headers['content-type'] = 'application/json';
  if (operation.security === 'bearer') {
    headers['authorization'] = `Bearer ${await tokenFor(operation.exampleUserId ?? 'usr-admin-440000')}`;
  }
  return request(server.apiUrl, `${path}${search ? `?${search}` : ''}`, {
    method: operation.method.toUpperCase(),
    headers,
    ...(sent.body === undefined ? {} : { body: JSON.stringify(sent.body) }),
  });
}

/** A string one character longer than `maxLength`: the example's own characters where there is one. */
function tooLong(maxLength: number, example: unknown): string {
  const text = typeof example === 'string' && example !== '' ? example : 'k';
  return text.repeat(Math.ceil((maxLength + 1) / text.length)).slice(0, maxLength + 1);
}

/** The values just past a schema's bounds, each with what it is. */
function pastBounds(schema: Json, example: unknown): { what: string; value: unknown }[] {
  const past: { what: string; value: unknown }[] = [];
  if (typeof schema['maxLength'] === 'number') {
    past.push({ what: `maxLength ${schema['maxLength']}`, value: tooLong(schema['maxLength'], example) });
  }
  if (schema['type'] === 'integer') {
    if (typeof schema['maximum'] === 'number') past.push({ what: 'maximum', value: schema['maximum'] + 1 });
    if (typeof schema['minimum'] === 'number') past.push({ what: 'minimum', value: schema['minimum'] - 1 });
  }
  return past;
}

/** The branch of a union that a value takes (the one whose constants it has), else the schema itself. */
function branchFor(schema: Json, value: unknown): Json {
  const branches = (schema['oneOf'] ?? schema['anyOf']) as Json[] | undefined;
  if (!branches) return schema;
  const fits = (branch: Json) => {
    if (value === null) return branch['type'] === 'null';
    if (branch['type'] === 'object' && value && typeof value === 'object') {
      const properties = (branch['properties'] ?? {}) as Record<string, Json>;
      return Object.entries(properties).every(
        ([name, property]) => property['const'] === undefined || property['const'] === (value as Json)[name],
      );
    }
    return branch['type'] === (Number.isInteger(value) ? 'integer' : typeof value);
  };
  return branches.find(fits) ?? schema;
}

/** Every value of a body that has a bound, by its path in the body. */
function boundedInBody(schema: Json, value: unknown, path: string[] = []): { path: string[]; schema: Json }[] {
  const branch = branchFor(schema, value);
  const found = pastBounds(branch, value).length > 0 ? [{ path, schema: branch }] : [];
  if (branch['type'] === 'object' && value && typeof value === 'object') {
    for (const [name, property] of Object.entries((branch['properties'] ?? {}) as Record<string, Json>)) {
      if (name in value) found.push(...boundedInBody(property, (value as Json)[name], [...path, name]));
    }
  }
  return found;
}

function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Json;
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  node[path[path.length - 1] as string] = value;
  return copy;
}

/** The cases of one operation: a name and the request to send. */
function casesOf(operation: Operation, documentedOperation: DocumentedOperation): [string, Sent][] {
  const cases: [string, Sent][] = [];
  for (const parameter of documentedOperation.parameters) {
    const where = parameter.in === 'path' ? 'params' : parameter.in === 'query' ? 'query' : 'headers';
    const example = exampleOf(operation)[where][parameter.name];
    for (const { what, value } of pastBounds(parameter.schema, example)) {
      const sent = exampleOf(operation);
      sent[where][parameter.name] = String(value);
      cases.push([`${parameter.in} ${parameter.name} past its ${what}`, sent]);
    }
  }
  const bodySchema = documentedOperation.requestBody?.content['application/json']?.schema;
  const body = operation.example?.body;
  if (bodySchema && body !== undefined) {
    for (const { path, schema } of boundedInBody(bodySchema, body)) {
      const example = path.reduce<unknown>((node, key) => (node as Json)[key], body);
      for (const { what, value } of pastBounds(schema, example)) {
        cases.push([
          `body.${path.join('.')} past its ${what}`,
          { ...exampleOf(operation), body: withValueAt(body, path, value) },
        ]);
      }
    }
  }
  return cases;
}

test('every bound the document states on a request is refused past it with a 400 problem', async () => {
  let checked = 0;
  const refused: string[] = [];
  for (const operation of Object.values(operations) as Operation[]) {
    const documentedOperation = documented.get(operation.operationId);
    assert.ok(documentedOperation, operation.operationId);
    for (const [name, sent] of casesOf(operation, documentedOperation)) {
      const response = await send(operation, sent);
      assertProblem(response, 400, 'validation_failed');
      checked++;
      refused.push(`${operation.operationId}: ${name}`);
    }
  }
  // The bounds of each kind are all there: strings in queries, paths, headers and bodies, integers, arrays.
  for (const expected of [
    'listProducts: query q past its maxLength 100',
    'listProducts: query region past its maxLength 6',
    'listProducts: query voucherEligible past its maxLength 5',
    'listProducts: query limit past its maximum',
    'getProduct: path id past its maxLength 64',
    'createDemand: header Idempotency-Key past its maxLength 255',
    'createDemand: body.title past its maxLength 240',
    'createDemand: body.enterprise.uscc past its maxLength 18',
    'lookupDemand: query phone past its maxLength 11',
    'listEvents: query from past its maxLength 29',
    'rateEngagement: body.scores.attitude past its maximum',
    'rateEngagement: body.comment past its maxLength 800',
    'answerFollowUp: body.text past its maxLength 2000',
    'useVoucher: body.contractAmount past its minimum',
  ]) {
    assert.ok(refused.includes(expected), `${expected}\n(of ${refused.join('\n')})`);
  }
  console.log(`${checked} bounds checked`);
  assert.ok(checked > 80, `${checked} bounds checked`);
});

/** A body schema's property, through the union branch whose `action` is `action`. */
function propertyOf(operationId: string, name: string, action?: string): Json {
  const schema = documented.get(operationId)?.requestBody?.content['application/json']?.schema ?? {};
  const branch = action ? branchFor(schema, { action }) : schema;
  const property = ((branch['properties'] ?? {}) as Record<string, Json>)[name];
  assert.ok(property, `${operationId} ${name}`);
  return property;
}

test('what no example carries is refused past its bound too: a budget, a title of emoji, the matches of a demand', async () => {
  const createDemand = operations.createDemand as Operation;
  const budget = branchFor(propertyOf('createDemand', 'budget'), 1);
  assert.equal(budget['maximum'], 100_000_000_000);
  assert.equal(budget['minimum'], 1);
  for (const value of [budget['maximum'] + 1, budget['minimum'] - 1]) {
    const sent = { ...exampleOf(createDemand), body: { ...(createDemand.example?.body as Json), budget: value } };
    assertProblem(await send(createDemand, sent), 400, 'validation_failed');
  }
  // A title of family emoji past its maxLength in code points is still well under 60 characters: the cap refuses it.
  const title = propertyOf('createDemand', 'title');
  const family = '👨‍👩‍👧‍👦';
  const families = family.repeat(Math.ceil(((title['maxLength'] as number) + 1) / [...family].length));
  assert.ok([...families].length > (title['maxLength'] as number) && families.length / family.length <= 60);
  const sent = { ...exampleOf(createDemand), body: { ...(createDemand.example?.body as Json), title: families } };
  assertProblem(await send(createDemand, sent), 400, 'validation_failed');
  const transition = operations.transitionDemand as Operation;
  const matches = propertyOf('transitionDemand', 'matches', 'match');
  assert.equal(matches['maxItems'], 5);
  const match = { providerId: 'prv-00001' };
  const body = { action: 'match', matches: Array.from({ length: 6 }, () => match) };
  assertProblem(await send(transition, { ...exampleOf(transition), body }), 400, 'validation_failed');
});
