// (Re)creates the database: `node … cli/seed.js [--fresh] [--data-dir DIR] [--seed N] [--scale demo|province]`.
// Without --fresh (or its older name --force) an existing database is kept (and only migrated). The data is relative
// to the clock's now (SMEC_NOW pins it), so a fresh seed is the demo of today. `--scale province` then adds generated rows up to
// a province's figures (10,000 providers, 100,000 products, 1,000,000 enterprises, 300,000 engagements); with
// DATABASE_URL=postgres://… they are built in a temporary SQLite file and copied into that (empty) database.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clockFromEnv } from '../clock.js';
import { resolveOptions } from '../config.js';
import { isPostgresUrl } from '../db/database.js';
import { DATABASE_FILE, loadSqliteIntoPostgres, prepareDatabase, prepareSqliteDatabase } from '../db/prepare.js';
import { DEMO_DEMAND } from '../seed/demands.js';
import { checkSeededData } from '../seed/province-check.js';
import { seedProvinceScale, type ProvinceSeedReport } from '../seed/province.js';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    seed: { type: 'string' },
    scale: { type: 'string', default: 'demo' },
  },
});

const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed must be an integer');
if (values.scale !== 'demo' && values.scale !== 'province') throw new Error('--scale must be demo or province');
const fresh = values.fresh || values.force;
const asOf = clockFromEnv().now();
const options = seed === undefined ? { asOf } : { seed, asOf };
const resolved = resolveOptions(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] });
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

function describe(report: ProvinceSeedReport): string {
  const steps = Object.entries(report.steps)
    .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  return (
    `${report.providers} providers, ${report.products} products, ${report.enterprises} enterprises, ` +
    `${report.engagements} engagements, ${report.vouchers} vouchers, ${report.ratings} ratings, ` +
    `${report.followUps} follow-ups` +
    (report.seeded ? ` (province scale in ${report.seconds} s: ${steps})` : ' (already at province scale)')
  );
}

/** Scales the SQLite database in `dataDir` up to the province's figures and checks the derived data. */
async function scaleUp(dataDir: string): Promise<ProvinceSeedReport> {
  const database = await prepareSqliteDatabase(dataDir, options);
  try {
    const report = seedProvinceScale(database, {
      ...options,
      onStep: (step, ms) => process.stdout.write(`  ${step}: ${(ms / 1000).toFixed(1)} s\n`),
    });
    const started = performance.now();
    const failures = await checkSeededData(database.db);
    if (failures.length > 0) throw new Error(`The seeded data is inconsistent: ${JSON.stringify(failures, null, 2)}`);
    process.stdout.write(`  checks: ${seconds(started)} s\n`);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return report;
  } finally {
    await database.close();
  }
}

const started = performance.now();
if (values.scale === 'province' && isPostgresUrl(resolved.database)) {
  const work = mkdtempSync(join(tmpdir(), 'smec-province-'));
  try {
    const report = await scaleUp(work);
    const copying = performance.now();
    await loadSqliteIntoPostgres(join(work, DATABASE_FILE), resolved.database);
    process.stdout.write(
      `seeded PostgreSQL: ${describe(report)}; copied in ${seconds(copying)} s, ${seconds(started)} s in all\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} else if (values.scale === 'province') {
  const file = join(resolved.dataDir, DATABASE_FILE);
  if (fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const report = await scaleUp(resolved.dataDir);
  process.stdout.write(`seeded ${file}: ${describe(report)}, ${seconds(started)} s in all\n`);
} else {
  if (isPostgresUrl(resolved.database)) {
    if (fresh) throw new Error('--fresh recreates a SQLite file only; empty the PostgreSQL database yourself');
  } else {
    const file = join(resolved.dataDir, DATABASE_FILE);
    if (fresh) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    } else if (existsSync(file)) {
      process.stdout.write(`${file} exists; migrating only (use --fresh to recreate it)\n`);
    }
  }
  const database = await prepareDatabase(resolved.database, options);
  const counts = await database.db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('providers')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('providers'),
      eb
        .selectFrom('products')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('products'),
      eb
        .selectFrom('demands')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('demands'),
    ])
    .executeTakeFirstOrThrow();
  await database.close();
  process.stdout.write(
    `${database.seeded ? 'seeded' : 'kept'} ${resolved.database}: ${counts.providers} providers, ` +
      `${counts.products} products, ${counts.demands} demands (${seconds(started)} s)\n` +
      `demo lookup: tracking number ${DEMO_DEMAND.trackingNo}, phone ${DEMO_DEMAND.phone}\n`,
  );
}
