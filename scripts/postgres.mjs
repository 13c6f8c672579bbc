// A throwaway PostgreSQL cluster on loopback for the tests and benchmarks: a new data folder in the temp dir, a free
// port, settings for speed over durability (nothing in it outlives the run), removed on stop. Uses Debian's
// PostgreSQL server (`apt-get install postgresql`); `.ci/run` installs it when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of the newest installed PostgreSQL's programs, or undefined. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? join(found, '..') : undefined;
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

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user Debian's package creates. */
function runAs(bin, program, args) {
  const path = join(bin, program);
  if (process.getuid?.() !== 0) return execFileSync(path, args, { stdio: 'pipe' });
  return execFileSync('runuser', ['-u', 'postgres', '--', path, ...args], { stdio: 'pipe' });
}

/**
 * Starts a cluster and resolves with `{ url, stop }`; `url` is the `postgres` database of the superuser `postgres`,
 * from which tests create their own databases.
 */
export async function startThrowawayPostgres() {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (or set SMEC_TEST_POSTGRES_URL)');
  const dir = mkdtempSync(join(tmpdir(), 'smec-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  runAs(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
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
  runAs(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    logFile: join(dir, 'log'),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAs(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
