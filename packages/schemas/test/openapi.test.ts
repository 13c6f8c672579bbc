import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { PROBLEM_STATUS } from '@smec/schemas';
import { buildOpenApiDocument, operations, problemCodesOf, type Operation } from '@smec/schemas/openapi';

test('the generated document is valid OpenAPI 3.1', async () => {
  const document = buildOpenApiDocument({ serverUrl: 'http://127.0.0.1:8787/api/v1' });
  const validator = new Validator();
  const result = await validator.validate(document);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.equal(validator.version, '3.1');
});

test('every operation appears with its id, error responses and example parameters', () => {
  const document = buildOpenApiDocument() as {
    paths: Record<
      string,
      Record<
        string,
        { operationId: string; responses: Record<string, unknown>; parameters: { name: string; example?: unknown }[] }
      >
    >;
  };
  for (const operation of Object.values(operations) as Operation[]) {
    const entry = document.paths[operation.path]?.[operation.method];
    assert.ok(entry, `${operation.method} ${operation.path} is documented`);
    assert.equal(entry.operationId, operation.operationId);
    for (const code of operation.problems)
      assert.ok(entry.responses[String(PROBLEM_STATUS[code])], `${operation.operationId} ${code}`);
    const example = { ...operation.example?.query, ...operation.example?.params };
    for (const name of Object.keys(example)) {
      assert.ok(
        entry.parameters.some((parameter) => parameter.name === name && parameter.example !== undefined),
        `${operation.operationId} documents its example ${name}`,
      );
    }
  }
});

interface ProblemResponse {
  description: string;
  content: Record<string, { schema: { allOf: [{ $ref: string }, { properties: Record<string, unknown> }] } }>;
}

test("each error response names the operation's codes of its status, and only those", () => {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { responses: Record<string, ProblemResponse> }>>;
  };
  for (const operation of Object.values(operations) as Operation[]) {
    const responses = document.paths[operation.path]?.[operation.method]?.responses ?? {};
    const documented: string[] = [];
    for (const [status, response] of Object.entries(responses)) {
      if (Number(status) < 400) continue;
      const [problem, narrowed] = response.content['application/problem+json']?.schema.allOf ?? [];
      assert.equal(problem?.$ref, '#/components/schemas/Problem', `${operation.operationId} ${status}`);
      assert.deepEqual(narrowed?.properties['status'], { const: Number(status) });
      const codes = (narrowed?.properties['code'] as { enum: string[] }).enum;
      for (const code of codes) {
        assert.equal(PROBLEM_STATUS[code as keyof typeof PROBLEM_STATUS], Number(status), `${code} is a ${status}`);
        assert.ok(response.description.includes(`\`${code}\``), `${operation.operationId} ${status} names ${code}`);
      }
      documented.push(...codes);
    }
    assert.deepEqual(documented.sort(), problemCodesOf(operation).sort(), operation.operationId);
  }
});

test('the layers below every route add their codes by rule', () => {
  const codes = (id: keyof typeof operations) => new Set(problemCodesOf(operations[id]));
  for (const id of Object.keys(operations) as (keyof typeof operations)[]) {
    assert.ok(codes(id).has('internal_error') && codes(id).has('service_unavailable'), id);
  }
  assert.deepEqual([...codes('listCategories')].sort(), ['internal_error', 'service_unavailable']);
  const demand = codes('createDemand');
  for (const code of ['validation_failed', 'payload_too_large', 'unsupported_media_type', 'rate_limited'] as const)
    assert.ok(demand.has(code), code);
  assert.ok(demand.has('idempotency_key_reused') && demand.has('request_in_progress'), 'idempotent');
  assert.ok(!demand.has('unauthorized'), 'no sign-in');
  assert.ok(codes('listMyVouchers').has('unauthorized'), 'bearer');
  // A write that reads no key (it changes nothing) cannot meet a reused one.
  assert.ok(!codes('quoteVoucherUse').has('idempotency_key_reused'), 'no Idempotency-Key');
  assert.ok(codes('returnVoucher').has('idempotency_key_reused'), 'a hand-back reads one');
});

test('the calendar operations answer text/calendar', () => {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  };
  for (const path of ['/events/{id}.ics', '/events.ics']) {
    assert.deepEqual(Object.keys(document.paths[path]?.['get']?.responses['200']?.content ?? {}), ['text/calendar']);
  }
});

type Json = Record<string, unknown>;
interface DocumentedOperation {
  readonly operationId: string;
  readonly security?: readonly Json[];
  readonly parameters: readonly { readonly name: string; readonly schema: Json; readonly example?: unknown }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: Json }> };
  readonly responses: Record<string, { readonly headers?: Record<string, { readonly schema: Json }> }>;
}
const generated = buildOpenApiDocument() as { paths: Record<string, Record<string, DocumentedOperation>> };
const documentedOperations = Object.values(generated.paths).flatMap((item) => Object.values(item));

/** Every schema object below `node`. */
function schemasIn(node: unknown): Json[] {
  if (Array.isArray(node)) return node.flatMap(schemasIn);
  if (node === null || typeof node !== 'object') return [];
  return [node as Json, ...Object.values(node).flatMap(schemasIn)];
}

test('every integer has its OpenAPI format: int32 when its range fits, else int64', () => {
  const integers = schemasIn(generated).filter((schema) => schema['type'] === 'integer');
  assert.ok(integers.length > 100);
  for (const schema of integers) {
    const fits = (schema['minimum'] as number) >= -(2 ** 31) && (schema['maximum'] as number) <= 2 ** 31 - 1;
    assert.equal(schema['format'], fits ? 'int32' : 'int64', JSON.stringify(schema));
  }
  const limit = operationNamed('listProducts').parameters.find((parameter) => parameter.name === 'limit');
  assert.deepEqual(limit?.schema, { type: 'integer', minimum: 1, maximum: 100, format: 'int32' });
});

function operationNamed(operationId: string): DocumentedOperation {
  const found = documentedOperations.find((operation) => operation.operationId === operationId);
  assert.ok(found, operationId);
  return found;
}

test('a check repeated for its message is documented once', () => {
  const body = operationNamed('createDemand').requestBody?.content['application/json']?.schema as {
    properties: Record<string, Json>;
  };
  // RegionCode checked again with the form's message key: one pattern, no allOf.
  assert.deepEqual(body.properties['regionCode'], { type: 'string', pattern: '^\\d{6}$', maxLength: 6 });
  assert.ok(schemasIn(generated).every((schema) => !Array.isArray(schema['allOf']) || schema['allOf'].length > 1));
});

test('parameter examples are of their schema’s type', () => {
  for (const operation of documentedOperations) {
    for (const { name, schema, example } of operation.parameters) {
      if (example === undefined) continue;
      const type = schema['type'] === 'integer' ? 'number' : schema['type'];
      assert.equal(typeof example, type, `${operation.operationId} ${name}`);
    }
  }
  const limit = operationNamed('listProviders').parameters.find((parameter) => parameter.name === 'limit');
  assert.equal(limit?.example, 10);
});

test('every operation states its security: a bearer token, none at all, or either (a token read when sent)', () => {
  const bySecurity = { bearer: [{ bearerAuth: [] }], optional: [{}, { bearerAuth: [] }] };
  for (const operation of Object.values(operations) as Operation[]) {
    const expected = operation.security ? bySecurity[operation.security] : [];
    assert.deepEqual(operationNamed(operation.operationId).security, expected, operation.operationId);
  }
});

test('every answer documents CORS; those of a limited operation its rate limit, and a 429 Retry-After', () => {
  for (const operation of Object.values(operations) as Operation[]) {
    const limited = problemCodesOf(operation).includes('rate_limited');
    for (const [status, response] of Object.entries(operationNamed(operation.operationId).responses)) {
      const names = Object.keys(response.headers ?? {});
      const where = `${operation.operationId} ${status}`;
      assert.ok(
        names.includes('Access-Control-Allow-Origin') && names.includes('Access-Control-Expose-Headers'),
        where,
      );
      assert.equal(names.includes('RateLimit') && names.includes('RateLimit-Policy'), limited, where);
      assert.equal(names.includes('Retry-After'), limited && status === '429', where);
    }
  }
  assert.deepEqual(
    (Object.values(operations) as Operation[])
      .filter((operation) => problemCodesOf(operation).includes('rate_limited'))
      .map((operation) => operation.operationId),
    [
      'createDemand',
      'lookupDemand',
      'uploadFile',
      'createProviderApplication',
      'lookupProviderApplication',
      'createProviderApplicationDraft',
      'getProviderApplicationDraft',
      'updateProviderApplicationDraft',
      'submitProviderApplicationDraft',
      'getOwnProviderApplication',
      'resubmitProviderApplication',
      'createPublicNoticeObjection',
    ],
  );
});
