// The server's command in its two modes: production (the default) accepts only its identity provider's tokens and
// refuses to start without one; demo (`SMEC_DEMO=1`, what `npm start` sets) serves the demo site and signs tokens for
// the seeded users. Demo sign-in exists only in demo mode, whatever else the environment says.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test-support/server.js';
import { resolveOptions, startupRefusal } from '../src/config.js';
import { startChildServer, type ChildServer } from './ops-helpers.js';

// An issuer nothing answers at: the server fetches its keys only when a token arrives, and none does here.
const ISSUER = { SMEC_JWKS_URL: 'http://127.0.0.1:9/jwks.json', SMEC_JWT_ISSUER: 'https://idp.example' };

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.dispose();
});

async function withServer(env: Record<string, string>, check: (server: ChildServer) => Promise<void>): Promise<void> {
  const server = await startChildServer(database.env, { env });
  try {
    await check(server);
  } finally {
    await server.kill();
  }
}

const statusOf = async (url: string, init?: RequestInit) => (await fetch(url, init)).status;
const tokenRequest = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ userId: 'usr-admin-440000' }),
};

test('without demo mode and without an issuer the command refuses to start, in one line naming the fix', async () => {
  await assert.rejects(startChildServer(database.env, { env: { SMEC_DEMO: '' } }), (error: Error) => {
    const lines = error.message.split('\n').filter((line) => line.startsWith('smec: cannot start'));
    assert.equal(lines.length, 1, error.message);
    assert.match(lines[0]!, /no token issuer: set SMEC_JWKS_URL .* or SMEC_DEMO=1/);
    return true;
  });
});

test('in production mode there is no demo site and no demo sign-in, and the log names the mode', async () => {
  await withServer({ SMEC_DEMO: '', ...ISSUER }, async (server) => {
    assert.match(server.output.stderr, /mode: production, tokens from https:\/\/idp\.example/);
    assert.equal(await statusOf(`${server.apiUrl}/health`), 200);
    assert.equal(await statusOf(`${server.apiUrl}/demo/token`, tokenRequest), 404);
    assert.equal(await statusOf(`${server.apiUrl}/demo/users`), 404);
    assert.equal(await statusOf(`${server.url}/`), 404);
  });
});

test('SMEC_DEMO_AUTH=1 cannot turn the demo sign-in on outside demo mode', async () => {
  await withServer({ SMEC_DEMO: '', SMEC_DEMO_AUTH: '1', ...ISSUER }, async (server) => {
    assert.equal(await statusOf(`${server.apiUrl}/demo/token`, tokenRequest), 404);
  });
});

test('in demo mode the demo sign-in signs tokens and the log says so; SMEC_DEMO_AUTH=0 turns it off', async () => {
  await withServer({ SMEC_DEMO: '1' }, async (server) => {
    assert.match(server.output.stderr, /mode: demo \(SMEC_DEMO=1\), signing its own tokens/);
    const issued = await fetch(`${server.apiUrl}/demo/token`, tokenRequest);
    assert.equal(issued.status, 200);
    assert.match(((await issued.json()) as { token: string }).token, /^ey/);
  });
  await withServer({ SMEC_DEMO: '1', SMEC_DEMO_AUTH: '0' }, async (server) => {
    assert.match(server.output.stderr, /mode: demo \(SMEC_DEMO=1\), demo sign-in off/);
    assert.equal(await statusOf(`${server.apiUrl}/demo/token`, tokenRequest), 404);
  });
});

test('the options: demo mode only from SMEC_DEMO=1 or the program, demo sign-in never beside a real issuer', () => {
  const resolve = (env: NodeJS.ProcessEnv) => resolveOptions({}, env);
  assert.deepEqual(
    [{}, { SMEC_DEMO_AUTH: '1' }, { SMEC_DEMO: 'true' }].map((env) => [resolve(env).demo, resolve(env).demoAuth]),
    [
      [false, false],
      [false, false],
      [false, false],
    ],
  );
  assert.equal(resolve({ SMEC_DEMO: '1' }).demoAuth, true);
  assert.equal(resolve({ SMEC_DEMO: '1', ...ISSUER }).demoAuth, false);
  assert.match(startupRefusal(resolve({})) ?? '', /no token issuer/);
  assert.equal(startupRefusal(resolve(ISSUER)), undefined);
  assert.equal(startupRefusal(resolve({ SMEC_DEMO: '1' })), undefined);
});
