// (Re)creates the database: `node … cli/seed.js [--force] [--data-dir DIR] [--seed N]`.
// Without --force an existing database is kept (and only migrated).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveOptions } from '../config.js';
import { DATABASE_FILE, prepareDatabase } from '../db/prepare.js';
import { DEMO_DEMAND } from '../seed/demands.js';

const { values } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    seed: { type: 'string' },
  },
});

const dataDir = values['data-dir'] ?? resolveOptions().dataDir;
const file = join(dataDir, DATABASE_FILE);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed must be an integer');

if (values.force) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
} else if (existsSync(file)) {
  process.stdout.write(`${file} exists; migrating only (use --force to recreate it)\n`);
}

const started = performance.now();
const database = await prepareDatabase(dataDir, seed === undefined ? {} : { seed });
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
  `${database.seeded ? 'seeded' : 'kept'} ${file}: ${counts.providers} providers, ${counts.products} products, ` +
    `${counts.demands} demands (${((performance.now() - started) / 1000).toFixed(1)} s)\n` +
    `demo lookup: tracking number ${DEMO_DEMAND.trackingNo}, phone ${DEMO_DEMAND.phone}\n`,
);
