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
