// Starts the real reference server on a random loopback port, on a private copy of a seeded database.
// Seeding takes seconds, so it happens once: the seeded file is cached in <repo>/.test-data/ under a name that
// changes whenever the seed, the schema or the search index code changes, and each server gets a copy of it.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
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

/** The path of the seeded template database, building it when this version has none yet. */
export function templateDatabase(): Promise<string> {
  template ??= (async () => {
    const file = join(CACHE_DIR, `template-${seedVersion()}.db`);
    if (existsSync(file)) return file;
    mkdirSync(CACHE_DIR, { recursive: true });
    // Parallel test processes may all build it: each builds in its own folder and renames into place, which is
    // atomic, so a reader never sees half a file and the last writer wins with identical content.
    const work = mkdtempSync(join(CACHE_DIR, 'build-'));
    try {
      const database = await prepareDatabase(work);
      database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await database.close();
      renameSync(join(work, DATABASE_FILE), file);
      // Templates of older sources are dead weight (tens of MB each); a copy already under way keeps its open file.
      for (const old of readdirSync(CACHE_DIR)) {
        if (/^template-.*\.db(-shm|-wal)?$/.test(old) && join(CACHE_DIR, old) !== file)
          rmSync(join(CACHE_DIR, old), { force: true });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return file;
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
