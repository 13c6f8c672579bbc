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
import { DATABASE_FILE, prepareDatabase, startServer, type RunningServer } from '@smec/server';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SERVER_SRC = join(REPO, 'packages/server/src');
const CACHE_DIR = join(REPO, '.test-data');

export interface TestServerOptions {
  /** Also serve the demo site and the CDN build. */
  demo?: boolean;
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

/** The reference server on 127.0.0.1 and a random port, seeded, with its own database copy; close() removes it. */
export async function startTestServer(options: TestServerOptions = {}): Promise<RunningServer> {
  const source = await templateDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'smec-test-'));
  copyFileSync(source, join(dataDir, DATABASE_FILE));
  try {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logger: false,
      demo: options.demo ?? false,
    });
    return {
      url: server.url,
      apiUrl: server.apiUrl,
      async close() {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
