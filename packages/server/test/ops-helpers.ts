// Helpers of the operations and fault tests: `npm start`'s server (src/main.ts) in a child process, to signal, kill
// and restart; voucher batches of their own; the seeded enterprises' demo tokens.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { testYear } from '../../../test-support/server.js';
import { insertBatch } from './voucher-helpers.js';
import type { Database } from '../src/index.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:(\d+))/;

export interface ChildServer {
  readonly url: string;
  readonly apiUrl: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** What it printed so far: JSON log lines on stdout, notes on stderr. */
  readonly output: { stdout: string; stderr: string };
  /** Resolves when it has exited, with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stderr shows `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGKILL unless it has exited already; for `finally` blocks. */
  kill(): Promise<void>;
}

/**
 * Starts the server on `env`'s database (a `TestDatabase.env`) and 127.0.0.1: on `port`, or on a free port picked
 * by the server itself (PORT=0; main.ts tells which on stderr).
 */
export async function startChildServer(
  databaseEnv: Readonly<Record<string, string>>,
  options: { port?: number; env?: Readonly<Record<string, string>> } = {},
): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The test's database, not whatever the shell running the tests points at.
  delete env['DATABASE_URL'];
  delete env['SMEC_DATA_DIR'];
  // `npm start`'s demo mode unless the test says otherwise: the tests sign in with the demo issuer's tokens.
  Object.assign(env, { SMEC_DEMO: '1' }, databaseEnv, options.env, {
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
  });
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  const watchers = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output.stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output.stderr += chunk;
    for (const watcher of watchers) watcher();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
      for (const watcher of watchers) watcher();
    });
  });

  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output.stderr)) {
          done();
          resolve();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`The server exited before printing ${pattern}:\n${output.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`No ${pattern} within ${timeoutMs} ms:\n${output.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        watchers.delete(check);
      };
      watchers.add(check);
      check();
    });

  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  try {
    await waitFor(LISTENING);
  } catch (error) {
    await kill();
    throw error;
  }
  const match = LISTENING.exec(output.stderr);
  const url = match?.[1] ?? '';
  return { url, apiUrl: `${url}/api/v1`, port: Number(match?.[2]), child, output, exited, waitFor, kill };
}

/**
 * A province-wide batch open now for every size, of a year nobody has vouchers in (so no yearly cap gets in the
 * way), with `quota` vouchers.
 */
export function insertOpenBatch(db: Kysely<Database>, id: string, quota: number): Promise<void> {
  return insertBatch(
    { database: { db } },
    { id, quota, year: testYear() + 2, faceValue: 500_000, annualCap: 100_000_000 },
  );
}

export interface DemoUser {
  readonly id: string;
  readonly token: string;
}

/** Every seeded enterprise user with a demo token, from the server's demo sign-in. */
export async function enterpriseUsers(apiUrl: string): Promise<DemoUser[]> {
  const list = await fetch(`${apiUrl}/demo/users?role=enterprise`);
  const users = ((await list.json()) as { items: { id: string }[] }).items;
  return Promise.all(
    users.map(async ({ id }) => {
      const response = await fetch(`${apiUrl}/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: id }),
      });
      if (response.status !== 200) throw new Error(`No token for ${id}: ${response.status}`);
      return { id, token: ((await response.json()) as { token: string }).token };
    }),
  );
}

/** A POST whose headers are sent at once and whose body waits for `finish()`: a request the server is in. */
export function heldRequest(port: number, path: string, body: unknown, headers: Record<string, string>) {
  const payload = Buffer.from(JSON.stringify(body));
  const request = httpRequest({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': String(payload.length),
      expect: '100-continue',
      ...headers,
    },
  });
  // `100 Continue` means the server has parsed the headers and handed the request to the app.
  const accepted = new Promise<void>((resolve) => request.once('continue', resolve));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
    });
  });
  // A connection the server drops fails `response` before the caller awaits it: that is the caller's failure to
  // report, not an unhandled rejection that kills the process.
  response.catch(() => undefined);
  request.flushHeaders();
  return { accepted, response, finish: () => request.end(payload) };
}

/** Resolves with the error code of a TCP connection attempt, or `connected`. */
export function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
