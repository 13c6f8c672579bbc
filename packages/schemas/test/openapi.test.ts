import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildOpenApiDocument, operations, type Operation } from '@smec/schemas/openapi';

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
    for (const status of operation.errors)
      assert.ok(entry.responses[String(status)], `${operation.operationId} ${status}`);
    const example = { ...operation.example?.query, ...operation.example?.params };
    for (const name of Object.keys(example)) {
      assert.ok(
        entry.parameters.some((parameter) => parameter.name === name && parameter.example !== undefined),
        `${operation.operationId} documents its example ${name}`,
      );
    }
  }
});
