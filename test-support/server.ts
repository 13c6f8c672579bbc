// Starts the real reference server on a random loopback port, on a private copy of a seeded database.
// Seeding takes seconds, so it happens once: the seeded file is cached in <repo>/.test-data/ under a name that
// changes whenever the seed, the schema or the search index code changes, and each server gets a copy of it.
import { createHash } from 'node:crypto';
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
  openDatabase,
  prepareDatabase,
  startServer,
  type Database,
  type RunningServer,
} from '@smec/server';
import type { Kysely } from 'kysely';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SERVER_SRC = join(REPO, 'packages/server/src');
const CACHE_DIR = join(REPO, '.test-data');

export interface TestServerOptions {
  /** Also serve the demo site and the CDN build. */
  demo?: boolean;
  /** Changes the server's private copy of the seeded data before the server opens it (hostile data, say). */
  prepare?: (db: Kysely<Database>) => Promise<void>;
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
    const database = await prepareDatabase(work);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await database.close();
    renameSync(join(work, DATABASE_FILE), file);
    // Templates of older sources are dead weight (tens of MB each); a copy already under way keeps its open file.
    for (const old of readdirSync(CACHE_DIR)) {
      if (/^template-.*\.db(-shm|-wal)?$/.test(old) && join(CACHE_DIR, old) !== file) {
        rmSync(join(CACHE_DIR, old), { force: true });
      }
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
    const file = join(CACHE_DIR, `template-${seedVersion()}.db`);
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

/** A private copy of the seeded template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const source = await templateDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'smec-test-'));
  copyFileSync(source, join(dataDir, DATABASE_FILE));
  return {
    location: dataDir,
    env: { SMEC_DATA_DIR: dataDir },
    async open() {
      const handle = openDatabase(join(dataDir, DATABASE_FILE));
      return { db: handle.db, close: () => handle.close() };
    },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
      dataDir: database.location,
      logger: false,
      demo: options.demo ?? false,
    });
    return {
      url: server.url,
      apiUrl: server.apiUrl,
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
