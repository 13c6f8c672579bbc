// Starts the real reference server on a random loopback port, on a private copy of a seeded database.
// Seeding takes seconds, so it happens once: the seeded file is cached in <repo>/.test-data/ under a name that
// changes whenever the seed, the schema or the search index code changes, and each server gets a copy of it.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DATABASE_FILE,
  loadSqliteIntoPostgres,
  openPlatformDatabase,
  prepareDatabase,
  prepareSqliteDatabase,
  startServer,
  clockFromEnv,
  type Clock,
  type PreparedDatabase,
  type Database,
  type RunningServer,
  type S3Settings,
} from '@smec/server';
import type { Kysely } from 'kysely';
import pg from 'pg';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * The clock of the tests: `SMEC_NOW` pins it (npm test runs the server suite once more on a far date); else
 * `SMEC_TEST_CLOCK_OFFSET_MS` moves the real time by that much (the browser tests run on a set day and hour, their
 * pages' clocks moved alike: scripts/wtr.mjs); else the real time. Test data that must be "open now" or "past" is made
 * relative to it, never to the calendar.
 */
export const testClock: Clock = shiftedClockFromEnv() ?? clockFromEnv();

function shiftedClockFromEnv(): Clock | undefined {
  const offset = process.env['SMEC_TEST_CLOCK_OFFSET_MS']?.trim();
  if (!offset || process.env['SMEC_NOW']?.trim()) return undefined;
  const ms = Number(offset);
  if (!Number.isFinite(ms)) throw new Error(`SMEC_TEST_CLOCK_OFFSET_MS is not a number of ms: ${offset}`);
  return { now: () => Date.now() + ms };
}

/** `testClock.now()`: the tests' now, in ms. */
export function testNow(): number {
  return testClock.now();
}

const SHANGHAI_OFFSET = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The as-of instant of the tests' seed: the Shanghai midnight of `testNow()`'s day. The template is seeded once a
 * day, so a test server runs up to 24 hours after the seed's as-of instant (the seed keeps its "open now" windows
 * wide enough for that).
 */
export function testSeedAsOf(): number {
  const local = testNow() + SHANGHAI_OFFSET;
  return local - (local % DAY_MS) - SHANGHAI_OFFSET;
}

/** The year in Asia/Shanghai of the tests' now: the seed fills its months up to now. */
export function testYear(): number {
  return new Date(testNow() + SHANGHAI_OFFSET).getUTCFullYear();
}

/**
 * The calendar month (Asia/Shanghai) `offset` months from the tests' now, which the seed fills with events (from
 * about three months back to six ahead): `from`/`to` as the event list takes them, its bounds in ms, and `YYYY-MM`.
 */
export function testMonth(offset = 0) {
  const local = new Date(testNow() + SHANGHAI_OFFSET);
  const first = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + offset, 1);
  const next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + offset + 1, 1);
  return {
    month: new Date(first).toISOString().slice(0, 7),
    from: new Date(first).toISOString().slice(0, 10),
    to: new Date(next - DAY_MS).toISOString().slice(0, 10),
    start: first - SHANGHAI_OFFSET,
    end: next - SHANGHAI_OFFSET,
  };
}

/** The Shanghai day of the seed's as-of instant, e.g. `20261203`: part of the template's name. */
function seedDay(): string {
  return new Date(testSeedAsOf() + SHANGHAI_OFFSET).toISOString().slice(0, 10).replaceAll('-', '');
}
const SERVER_SRC = join(REPO, 'packages/server/src');
const CACHE_DIR = join(REPO, '.test-data');

export interface TestServerOptions {
  /** Also serve the demo site and the CDN build. */
  demo?: boolean;
  /** Sign tokens for the seeded users (`/api/v1/demo/*`), as the tests sign in. Default true. */
  demoAuth?: boolean;
  /** Changes the server's private copy of the seeded data before the server opens it (hostile data, say). */
  prepare?: (db: Kysely<Database>) => Promise<void>;
  /** Keep new files' bytes in this S3-compatible bucket instead of the database. */
  fileStore?: S3Settings;
  /** The server's clock, for a test that moves time (a public notice running out); default the tests' clock. */
  clock?: Clock;
}

/** A private, seeded database for a server in another process (the fault tests kill and restart one). */
export interface TestDatabase {
  /** What the server is started with: a data folder, or a `postgres://` URL. */
  readonly location: string;
  /** The same as environment variables for `npm start`'s server (`SMEC_DATA_DIR` or `DATABASE_URL`). */
  readonly env: Readonly<Record<string, string>>;
  /** Opens it for checks from the test itself; the caller closes it. */
  open(): Promise<{ db: Kysely<Database>; close(): Promise<void> }>;
  dispose(): Promise<void>;
}

/** A hash of every source file that decides what the seeded database contains. */
function seedVersion(): string {
  const hash = createHash('sha256');
  for (const folder of ['seed', 'db', 'search']) {
    const dir = join(SERVER_SRC, folder);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

let template: Promise<string> | undefined;

const LOCK_STALE_MS = 120_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the build lock of a template (exclusive create), or returns false when another process holds it. */
function tryLock(lock: string): boolean {
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch {
    // A lock left by a process that died mid-build is taken over once it is clearly stale.
    try {
      if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
    } catch {
      // It went away meanwhile: the next try will tell.
    }
    return false;
  }
}

async function buildTemplate(file: string): Promise<void> {
  // Build in a private folder and rename into place, which is atomic: a reader never sees half a file.
  const work = mkdtempSync(join(CACHE_DIR, 'build-'));
  try {
    const database = await prepareSqliteDatabase(work, { asOf: testSeedAsOf() });
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await database.close();
    renameSync(join(work, DATABASE_FILE), file);
    // Templates of older sources, or of days long gone, are dead weight (tens of MB each); those of this source and
    // the last days stay for runs with another pinned clock. A copy already under way keeps its open file.
    const current = `template-${seedVersion()}-`;
    for (const old of readdirSync(CACHE_DIR)) {
      if (!/^template-.*\.db(-shm|-wal)?$/.test(old) || join(CACHE_DIR, old) === file) continue;
      const path = join(CACHE_DIR, old);
      if (!old.startsWith(current) || Date.now() - statSync(path).mtimeMs > 3 * DAY_MS) rmSync(path, { force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The path of the seeded template database, building it when this version has none yet. Test files run in
 * parallel processes: one builds (holding a lock file) while the others wait for the file to appear, so a fresh
 * checkout seeds once, not once per test file.
 */
export function templateDatabase(): Promise<string> {
  template ??= (async () => {
    const file = join(CACHE_DIR, `template-${seedVersion()}-${seedDay()}.db`);
    const lock = `${file}.lock`;
    mkdirSync(CACHE_DIR, { recursive: true });
    for (;;) {
      if (existsSync(file)) return file;
      if (tryLock(lock)) {
        try {
          if (!existsSync(file)) await buildTemplate(file);
        } finally {
          rmSync(lock, { force: true });
        }
        return file;
      }
      await sleep(200);
    }
  })();
  return template;
}

/**
 * `SMEC_TEST_POSTGRES_URL` (a PostgreSQL server's URL with the right to create databases) runs every test
 * server on PostgreSQL instead of SQLite: `.ci/run` runs the server's suite both ways.
 */
export const TEST_POSTGRES_URL = process.env['SMEC_TEST_POSTGRES_URL'] || undefined;

/** The database of the same server as `base` named `name`. */
export function postgresUrlOf(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on a connection to `base` (a user who may create and drop databases), then closes it. */
export async function withAdmin<T>(base: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let postgresTemplate: Promise<string> | undefined;

/**
 * The PostgreSQL template: the SQLite template copied into a database of its own, once per seed version (under the
 * same lock file as the SQLite one). Test databases are made from it with CREATE DATABASE … TEMPLATE, a file copy.
 */
function postgresTemplateDatabase(base: string): Promise<string> {
  postgresTemplate ??= (async () => {
    const name = `smec_template_${seedVersion()}_${seedDay()}`;
    const lock = join(CACHE_DIR, `${name}.lock`);
    const exists = () =>
      withAdmin(base, async (client) => {
        const result = await client.query('select 1 from pg_database where datname = $1', [name]);
        return result.rowCount === 1;
      });
    for (;;) {
      if (await exists()) return name;
      if (tryLock(lock)) {
        try {
          if (!(await exists())) await buildPostgresTemplate(base, await templateDatabase(), name, 'smec_template');
        } finally {
          rmSync(lock, { force: true });
        }
        return name;
      }
      await sleep(500);
    }
  })();
  return postgresTemplate;
}

/**
 * Loads the seeded SQLite file `source` into a new PostgreSQL database `name` on the server of `base`, built under a
 * temporary name and renamed into place (atomic: another process sees the finished template or none); then drops
 * the older databases of the same family (`<family>_…`), dead weight of earlier data versions.
 */
export async function buildPostgresTemplate(base: string, source: string, name: string, family: string): Promise<void> {
  const building = `${name}_building`;
  await withAdmin(base, async (client) => {
    await client.query(`drop database if exists ${building} with (force)`);
    await client.query(`create database ${building}`);
  });
  await loadSqliteIntoPostgres(source, postgresUrlOf(base, building));
  await withAdmin(base, async (client) => {
    await client.query(`alter database ${building} rename to ${name}`);
    const old = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like replace($1, '_', '\\_') || '\\_%' and datname <> $2",
      [family, name],
    );
    for (const row of old.rows) await client.query(`drop database if exists ${row.datname} with (force)`);
  });
}

async function createPostgresTestDatabase(base: string): Promise<TestDatabase> {
  const template = await postgresTemplateDatabase(base);
  const name = `smec_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(base, (client) => client.query(`create database ${name} template ${template} strategy file_copy`));
  const url = postgresUrlOf(base, name);
  return {
    location: url,
    env: { DATABASE_URL: url },
    async open() {
      const handle = openPlatformDatabase(url);
      return { db: handle.db, close: () => handle.close() };
    },
    async dispose() {
      await withAdmin(base, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A private copy of the seeded template: a SQLite file, or a PostgreSQL database with `SMEC_TEST_POSTGRES_URL`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_POSTGRES_URL) return createPostgresTestDatabase(TEST_POSTGRES_URL);
  const source = await templateDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'smec-test-'));
  copyFileSync(source, join(dataDir, DATABASE_FILE));
  return {
    location: dataDir,
    env: { SMEC_DATA_DIR: dataDir },
    async open() {
      const handle = openPlatformDatabase(dataDir);
      return { db: handle.db, close: () => handle.close() };
    },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A private copy of the seeded template, opened and migrated as the server opens it; `dispose()` closes it too. */
export async function prepareTestDatabase(): Promise<PreparedDatabase & { dispose(): Promise<void> }> {
  const database = await createTestDatabase();
  try {
    const prepared = await prepareDatabase(database.location, { asOf: testSeedAsOf() });
    return {
      ...prepared,
      async dispose() {
        await prepared.close();
        await database.dispose();
      },
    };
  } catch (error) {
    await database.dispose();
    throw error;
  }
}

/** The reference server on 127.0.0.1 and a random port, seeded, with its own database copy; close() removes it. */
export async function startTestServer(options: TestServerOptions = {}): Promise<RunningServer> {
  const database = await createTestDatabase();
  try {
    if (options.prepare) {
      const opened = await database.open();
      try {
        await options.prepare(opened.db);
      } finally {
        await opened.close();
      }
    }
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      ...(TEST_POSTGRES_URL ? { databaseUrl: database.location } : { dataDir: database.location }),
      // SMEC_TEST_LOG=1 shows the servers' logs, with the cause of any 500.
      logger: process.env['SMEC_TEST_LOG'] === '1',
      // With SMEC_TEST_LOG=1 the log (the log sender's mail lines too) goes to stderr: a parent reads this process's
      // stdout for the server's URLs (test-support/serve.ts).
      logStream: process.stderr,
      demo: options.demo ?? false,
      demoAuth: options.demoAuth ?? true,
      // A problem code its operation does not list fails the test that meets it.
      checkProblemCodes: true,
      ...(options.fileStore ? { fileStore: options.fileStore } : {}),
      clock: options.clock ?? testClock,
    });
    return {
      url: server.url,
      apiUrl: server.apiUrl,
      seededAt: server.seededAt,
      async close() {
        await server.close();
        await database.dispose();
      },
    };
  } catch (error) {
    await database.dispose();
    throw error;
  }
}
