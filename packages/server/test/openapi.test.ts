import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { operations, type Operation } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';
import { request } from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let adminToken: string;
before(async () => {
  // The examples of the administrators' operations sign in through the demo issuer (the test server's default).
  server = await startTestServer();
  const issued = await request<{ token: string }>(server.apiUrl, '/demo/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'usr-admin-440000' }),
  });
  adminToken = issued.body.token;
});
after(() => server.close());

async function tokenFor(userId: string): Promise<string> {
  const issued = await request<{ token: string }>(server.apiUrl, '/demo/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return issued.body.token;
}

test('the served OpenAPI document is valid OpenAPI 3.1 and names this server', async () => {
  const response = await request<Record<string, unknown>>(server.apiUrl, '/openapi.json');
  assert.equal(response.status, 200);
  const document = response.body;
  assert.equal(document['openapi'], '3.1.0');
  // Public: every center's site calls it (`x-internal` says so to documentation tools and linters).
  assert.deepEqual(document['servers'], [{ url: server.apiUrl, 'x-internal': false }]);
  const validator = new Validator();
  const result = await validator.validate(document);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
});

/**
 * The writes that read no `Idempotency-Key`, because they change nothing a retry could repeat; every other
 * POST, PUT, PATCH and DELETE of the document must take one.
 */
const WRITES_WITHOUT_KEY: Readonly<Record<string, string>> = {
  'POST /vouchers/{id}/quote': 'computes a price and stores nothing',
  'POST /demo/token': 'signs a token for a demo user (demo mode only) and stores nothing',
};

interface DocumentedOperation {
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
}

test('every write of the served document takes an Idempotency-Key, but those that change nothing', async () => {
  const response = await request<{ paths: Record<string, Record<string, DocumentedOperation>> }>(
    server.apiUrl,
    '/openapi.json',
  );
  assert.equal(response.status, 200);
  const writes: string[] = [];
  const withoutKey: string[] = [];
  for (const [path, item] of Object.entries(response.body.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      writes.push(name);
      const keyed = (operation.parameters ?? []).some(
        (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key',
      );
      if (!keyed) withoutKey.push(name);
    }
  }
  assert.ok(writes.length > Object.keys(WRITES_WITHOUT_KEY).length, 'the document has writes to check');
  assert.deepEqual(withoutKey.sort(), Object.keys(WRITES_WITHOUT_KEY).sort(), 'writes without an Idempotency-Key');
});

for (const operation of Object.values(operations) as Operation[]) {
  test(`the example of ${operation.operationId} succeeds against the seeded server`, async () => {
    let path = operation.path;
    for (const [name, value] of Object.entries(operation.example?.params ?? {}))
      path = path.replace(`{${name}}`, encodeURIComponent(value));
    assert.doesNotMatch(path, /[{}]/, 'every path parameter has an example');
    const search = new URLSearchParams(operation.example?.query ?? {}).toString();
    const headers: Record<string, string> = { ...operation.example?.headers };
    if (operation.example?.body !== undefined) headers['content-type'] = 'application/json';
    const bytes = operation.example?.bytes;
    if (bytes) headers['content-type'] = bytes.mediaType;
    if (operation.security === 'bearer') {
      headers['authorization'] =
        `Bearer ${operation.exampleUserId ? await tokenFor(operation.exampleUserId) : adminToken}`;
    }
    const response = await request(server.apiUrl, `${path}${search ? `?${search}` : ''}`, {
      method: operation.method.toUpperCase(),
      headers,
      ...(operation.example?.body === undefined ? {} : { body: JSON.stringify(operation.example.body) }),
      ...(bytes ? { body: Buffer.from(bytes.base64, 'base64') } : {}),
    });
    assert.equal(response.status, operation.successStatus ?? 200, JSON.stringify(response.body));
    if (operation.body && operation.example?.body !== undefined) {
      assert.ok(operation.body.safeParse(operation.example.body).success, 'the example body is valid');
    }
    if (operation.responseBinaryTypes) {
      assert.ok(
        operation.responseBinaryTypes.includes(response.headers.get('content-type') ?? ''),
        'a documented type',
      );
    }
    const parsed = operation.response.safeParse(response.body);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    if (operation.operationId === 'listProducts' || operation.operationId === 'listProviders') {
      assert.ok((response.body as { total: number }).total > 0, 'the example finds something');
    }
  });
}
