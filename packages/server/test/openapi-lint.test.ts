// The served OpenAPI document, linted as an API contract is in the field: Redocly's recommended rules (redocly.yaml)
// with no error and no warning, and Spectral's OpenAPI rules with the OWASP API Security ruleset (.spectral.mjs)
// with no error. The same by hand, on a saved document:
//   REDOCLY_TELEMETRY=off npx redocly lint openapi.json && npx spectral lint -r .spectral.mjs openapi.json
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '../../../test-support/server.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(REPO, 'node_modules/.bin');
const PUBLIC_HOST = 'api.smec.example';

// Served as in production: behind a TLS proxy on loopback, which the server believes about the scheme and the host.
process.env['SMEC_TRUST_PROXY'] = '127.0.0.1';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a linter's CLI from node_modules/.bin in the repository root; resolves with its exit code and output. */
function run(command: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      join(BIN, command),
      args,
      {
        cwd: REPO,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
        // No network: no telemetry, no update check.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The JSON a linter printed, or a failure that shows everything it printed. */
function parsed<T>(name: string, result: Run): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    assert.fail(`${name} printed no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

interface RedoclyProblem {
  readonly ruleId: string;
  readonly severity: 'error' | 'warn' | 'info';
  readonly message: string;
  readonly location: readonly { readonly pointer?: string }[];
}

interface SpectralResult {
  readonly code: string;
  /** 0 error, 1 warning, 2 information, 3 hint. */
  readonly severity: number;
  readonly message: string;
  readonly path: readonly (string | number)[];
  readonly source?: string;
}

type Json = Record<string, unknown>;

let dir: string;
let documentFile: string;
let plantedFile: string;
let document: Json;
before(async () => {
  const server = await startTestServer();
  try {
    const response = await fetch(`${server.apiUrl}/openapi.json`, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': PUBLIC_HOST },
    });
    assert.equal(response.status, 200);
    document = (await response.json()) as Json;
  } finally {
    await server.close();
  }
  dir = mkdtempSync(join(tmpdir(), 'smec-openapi-lint-'));
  documentFile = join(dir, 'openapi.json');
  writeFileSync(documentFile, JSON.stringify(document, null, 2));
  plantedFile = join(dir, 'planted.json');
  writeFileSync(plantedFile, JSON.stringify(planted(document), null, 2));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the document linted names the public HTTPS server it was fetched under', () => {
  assert.deepEqual(document['servers'], [{ url: `https://${PUBLIC_HOST}/api/v1`, 'x-internal': false }]);
});

test("Redocly's recommended rules find no error and no warning", async () => {
  const result = await run('redocly', ['lint', documentFile, '--config', join(REPO, 'redocly.yaml'), '--format=json']);
  const { problems } = parsed<{ problems: RedoclyProblem[] }>('redocly', result);
  const findings = problems
    .filter((problem) => problem.severity !== 'info')
    .map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer})`);
  assert.deepEqual(findings, [], `Redocly:\n${findings.join('\n')}`);
  assert.equal(result.code, 0, result.stderr);
});

/** What `spectral lint -r .spectral.mjs` reports on the files, by file. */
async function spectral(...files: string[]): Promise<Map<string, SpectralResult[]>> {
  const result = await run('spectral', ['lint', '-r', join(REPO, '.spectral.mjs'), '-f', 'json', ...files]);
  const results = parsed<SpectralResult[]>('spectral', result);
  const byFile = new Map<string, SpectralResult[]>(files.map((file) => [file, []]));
  for (const item of results) {
    const file = files.find((candidate) => item.source?.endsWith(candidate.slice(dir.length)));
    assert.ok(file, `a result of ${item.source}`);
    byFile.get(file)?.push(item);
  }
  return byFile;
}

const describeResult = (item: SpectralResult) => `${item.code}: ${item.message} (${item.path.join('.')})`;

/**
 * The document with one fault of each kind the scoped rules of .spectral.mjs look for, where they look: the rules
 * that .spectral.mjs narrows must still find them.
 */
function planted(source: Json): Json {
  const copy = structuredClone(source) as {
    servers: Json[];
    paths: Record<string, Record<string, Json & { responses: Record<string, Json & { headers?: Json }> }>>;
  };
  const createDemand = copy.paths['/demands']?.['post'];
  assert.ok(createDemand);
  const body = (createDemand['requestBody'] as { content: Record<string, { schema: { properties: Json } }> }).content[
    'application/json'
  ]?.schema.properties;
  assert.ok(body);
  delete (body['title'] as Json)['maxLength'];
  body['tags'] = { type: 'array', items: { type: 'string', maxLength: 10 } };
  body['count'] = { type: 'integer', format: 'int32' };
  delete createDemand.responses['201']?.headers?.['RateLimit'];
  delete copy.paths['/demands']?.['get']?.responses['401'];
  delete copy.paths['/providers']?.['get']?.responses['200']?.headers?.['Access-Control-Allow-Origin'];
  copy.servers = [{ url: `http://${PUBLIC_HOST}/api/v1`, 'x-internal': false }];
  return copy;
}

test("Spectral's OpenAPI and OWASP rules find no error; the rules it narrows still find what they look for", async () => {
  const results = await spectral(documentFile, plantedFile);
  const errors = (results.get(documentFile) ?? []).filter((item) => item.severity === 0).map(describeResult);
  assert.deepEqual(errors, [], `Spectral:\n${errors.join('\n')}`);

  const found = (results.get(plantedFile) ?? []).map((item) => `${item.code} ${item.path.join('.')}`);
  const body = 'paths./demands.post.requestBody.content.application/json.schema.properties';
  for (const expected of [
    `owasp:api4:2023-string-limit ${body}.title`,
    `owasp:api4:2023-array-limit ${body}.tags`,
    `owasp:api4:2023-integer-limit ${body}.count`,
    'owasp:api4:2023-rate-limit paths./demands.post.responses.201.headers',
    'owasp:api8:2023-define-error-responses-401 paths./demands.get.responses',
    'owasp:api8:2023-define-cors-origin paths./providers.get.responses.200.headers',
    'owasp:api8:2023-no-server-http servers.0.url',
  ]) {
    assert.ok(found.includes(expected), `${expected}\n(Spectral found: ${found.join('\n')})`);
  }
});
