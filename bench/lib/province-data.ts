// The province-scale database the benchmark runs on: built once from the tests' seeded template and cached in
// .bench-data/ under a name that changes with the template's (which changes with the seed, the schema and the search
// code), or kept in a data folder of the caller's choosing.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockFromEnv, DATABASE_FILE, prepareSqliteDatabase } from '@smec/server';
import { checkSeededData } from '../../packages/server/src/seed/province-check.js';
import { seedProvinceScale } from '../../packages/server/src/seed/province.js';
import { templateDatabase } from '../../test-support/server.js';

const CACHE_DIR = fileURLToPath(new URL('../../.bench-data', import.meta.url));

/** Scales the (demo-seeded or empty) SQLite database in `dataDir` up to the province's figures and checks it. */
async function scaleUp(dataDir: string): Promise<void> {
  const database = await prepareSqliteDatabase(dataDir, { asOf: clockFromEnv().now() });
  try {
    const report = seedProvinceScale(database, {
      onStep: (step, ms) => console.log(`  province seed, ${step}: ${(ms / 1000).toFixed(1)} s`),
    });
    if (!report.seeded) return;
    console.log(`  province seed: ${report.seconds} s`);
    const failures = await checkSeededData(database.db);
    if (failures.length > 0) throw new Error(`The province-scale data is inconsistent: ${JSON.stringify(failures)}`);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await database.close();
  }
}

export interface ProvinceData {
  /** The SQLite file. */
  readonly file: string;
  /** Names this version of the data (for a PostgreSQL copy of it). */
  readonly key: string;
}

/** The province-scale SQLite file: `<dataDir>/smec.db` (scaled up there if needed), or the cached one. */
export async function provinceData(dataDir?: string): Promise<ProvinceData> {
  const template = await templateDatabase();
  const key = basename(template, '.db').replace(/^template-/, '');
  if (dataDir !== undefined) {
    await scaleUp(dataDir);
    return { file: join(dataDir, DATABASE_FILE), key: `${key}_${basename(dataDir)}` };
  }
  const file = join(CACHE_DIR, `province-${key}.db`);
  if (existsSync(file)) return { file, key };
  mkdirSync(CACHE_DIR, { recursive: true });
  console.log(`Building the province-scale database (once per data version) in ${file}`);
  const work = mkdtempSync(join(CACHE_DIR, 'build-'));
  try {
    copyFileSync(template, join(work, DATABASE_FILE));
    await scaleUp(work);
    renameSync(join(work, DATABASE_FILE), file);
    for (const old of readdirSync(CACHE_DIR)) {
      if (/^province-.*\.db(-shm|-wal)?$/.test(old) && join(CACHE_DIR, old) !== file) {
        rmSync(join(CACHE_DIR, old), { force: true });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { file, key };
}
