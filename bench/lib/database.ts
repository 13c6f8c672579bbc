// The benchmark's own copy of the province-scale data, on the engine under test: a copy of the SQLite file, or a
// PostgreSQL database made from a template that holds the same data (loaded from the file once per data version).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { DATABASE_FILE, openPlatformDatabase, type Database } from '@smec/server';
import { buildPostgresTemplate, postgresUrlOf, withAdmin } from '../../test-support/server.js';

export type Engine = 'sqlite' | 'postgres';

export interface BenchDatabase {
  readonly engine: Engine;
  /** What the server is started on: a data folder, or a postgres:// URL. */
  readonly location: string;
  open(): Promise<{ db: Kysely<Database>; close(): Promise<void> }>;
  dispose(): Promise<void>;
}

function opener(location: string) {
  return async () => {
    const handle = openPlatformDatabase(location);
    return { db: handle.db, close: () => handle.close() };
  };
}

/** A private copy of the SQLite file `source`. */
export function sqliteCopy(source: string): BenchDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), 'smec-bench-province-'));
  copyFileSync(source, join(dataDir, DATABASE_FILE));
  return {
    engine: 'sqlite',
    location: dataDir,
    open: opener(dataDir),
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A private PostgreSQL database (on the server of `base`, whose user may create databases) holding the data of the
 * SQLite file `source`. The data is loaded once into `smec_province_<key>`, and each run gets a file copy of that.
 */
export async function postgresCopy(base: string, source: string, key: string): Promise<BenchDatabase> {
  const template = `smec_province_${key.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
  const exists = await withAdmin(base, async (client) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [template]);
    return result.rowCount === 1;
  });
  if (!exists) await buildPostgresTemplate(base, source, template, 'smec_province');
  const name = `smec_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(base, (client) => client.query(`create database ${name} template ${template} strategy file_copy`));
  const location = postgresUrlOf(base, name);
  return {
    engine: 'postgres',
    location,
    open: opener(location),
    async dispose() {
      await withAdmin(base, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
