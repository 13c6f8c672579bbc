import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { operations, type Operation } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';
import { request } from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test('the served OpenAPI document is valid OpenAPI 3.1 and names this server', async () => {
  const response = await request<Record<string, unknown>>(server.apiUrl, '/openapi.json');
  assert.equal(response.status, 200);
  const document = response.body;
  assert.equal(document['openapi'], '3.1.0');
  assert.deepEqual(document['servers'], [{ url: server.apiUrl }]);
  const validator = new Validator();
  const result = await validator.validate(document);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
});

for (const operation of Object.values(operations) as Operation[]) {
  test(`the example of ${operation.operationId} succeeds against the seeded server`, async () => {
    let path = operation.path;
    for (const [name, value] of Object.entries(operation.example?.params ?? {}))
      path = path.replace(`{${name}}`, encodeURIComponent(value));
    assert.doesNotMatch(path, /[{}]/, 'every path parameter has an example');
    const search = new URLSearchParams(operation.example?.query ?? {}).toString();
    const response = await request(server.apiUrl, `${path}${search ? `?${search}` : ''}`, {
      method: operation.method.toUpperCase(),
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const parsed = operation.response.safeParse(response.body);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    if (operation.operationId === 'listProducts' || operation.operationId === 'listProviders') {
      assert.ok((response.body as { total: number }).total > 0, 'the example finds something');
    }
  });
}
