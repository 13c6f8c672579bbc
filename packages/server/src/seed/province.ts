// The province-scale seed (`npm run seed -- --scale province`): the demo data plus generated rows up to a province's
// figures (the policy's ≥10,000 providers, ≥300,000 enterprise-services a year), for load tests and capacity
// planning. It writes SQLite in bulk; a PostgreSQL database gets a copy of the result.
import { DEFAULT_SEED } from './catalog.js';
import type { DatabaseHandle } from '../db/database.js';
import { recountProvinceAggregates } from './province-aggregates.js';
import { appendProvinceCatalog } from './province-catalog.js';
import { appendProvinceEnterprises } from './province-enterprises.js';
import { appendProvinceEngagements } from './province-engagements.js';

/** What the database holds afterwards, the demo data included. */
export const PROVINCE_SCALE = {
  providers: 10_000,
  products: 100_000,
  enterprises: 1_000_000,
  engagements: 300_000,
  /** Vouchers held but not used, expired or handed back (besides those that paid engagements). */
  unusedVouchers: 40_000,
} as const;

export interface ProvinceScaleOptions {
  readonly seed?: number;
  /** The instant (ms) the added data is relative to; by default the demo seed's (its `seeded_at`). */
  readonly asOf?: number;
  readonly providers?: number;
  readonly products?: number;
  readonly enterprises?: number;
  readonly engagements?: number;
  readonly unusedVouchers?: number;
  /** Told when each step is done, with its duration. */
  readonly onStep?: (step: string, ms: number) => void;
}

export interface ProvinceSeedReport {
  /** False when the database had been scaled up already (nothing was done). */
  readonly seeded: boolean;
  readonly providers: number;
  readonly products: number;
  readonly enterprises: number;
  readonly engagements: number;
  readonly vouchers: number;
  readonly ratings: number;
  readonly followUps: number;
  readonly seconds: number;
  readonly steps: Record<string, number>;
}

const META_KEY = 'province_seeded_at';

function total(
  handle: DatabaseHandle,
  table: 'providers' | 'products' | 'enterprises' | 'engagements' | 'vouchers' | 'ratings' | 'follow_ups',
): number {
  return (handle.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/**
 * Scales an already demo-seeded SQLite database up to the province's figures (PROVINCE_SCALE unless told otherwise),
 * keeping every derived structure consistent. Deterministic for a seed; does nothing on a database it has scaled
 * already. Takes minutes, not hours: prepared statements in a few large transactions.
 */
export function seedProvinceScale(handle: DatabaseHandle, options: ProvinceScaleOptions = {}): ProvinceSeedReport {
  const { sqlite } = handle;
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = <T>(name: string, work: () => T): T => {
    const begin = performance.now();
    const result = work();
    steps[name] = Math.round(performance.now() - begin);
    options.onStep?.(name, steps[name]);
    return result;
  };
  const report = (seeded: boolean, counts: { vouchers: number; ratings: number; followUps: number }) => ({
    seeded,
    providers: total(handle, 'providers'),
    products: total(handle, 'products'),
    enterprises: total(handle, 'enterprises'),
    engagements: total(handle, 'engagements'),
    ...counts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    steps,
  });
  const done = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY);
  if (done) {
    return report(false, {
      vouchers: total(handle, 'vouchers'),
      ratings: total(handle, 'ratings'),
      followUps: total(handle, 'follow_ups'),
    });
  }

  const seed = options.seed ?? DEFAULT_SEED;
  const seededAt = sqlite.prepare("SELECT value FROM meta WHERE key = 'seeded_at'").get() as
    { value: string } | undefined;
  const asOf = options.asOf ?? Date.parse(seededAt?.value ?? '');
  if (!Number.isFinite(asOf))
    throw new Error('Seed the demo data first: the province scale is relative to its instant');
  // A bigger page cache while writing millions of index entries at scattered places, and a rollback journal instead
  // of the write-ahead log: a transaction of a gigabyte would go through the log, then be copied again into the file,
  // while a rollback journal keeps only the few existing pages it changes. Both are put back afterwards.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const journal = sqlite.pragma('journal_mode', { simple: true }) as string;
  sqlite.pragma('cache_size = -1048576');
  sqlite.pragma('journal_mode = DELETE');
  try {
    const catalog = step('catalog', () =>
      appendProvinceCatalog(handle, {
        seed,
        asOf,
        providers: options.providers ?? PROVINCE_SCALE.providers,
        products: options.products ?? PROVINCE_SCALE.products,
      }),
    );
    const enterprises = step('enterprises', () =>
      appendProvinceEnterprises(
        handle,
        seed,
        Math.max(0, (options.enterprises ?? PROVINCE_SCALE.enterprises) - total(handle, 'enterprises')),
      ),
    );
    const engagements = step('engagements', () =>
      appendProvinceEngagements(handle, {
        seed,
        count: Math.max(0, (options.engagements ?? PROVINCE_SCALE.engagements) - total(handle, 'engagements')),
        productSeqFrom: catalog.productSeqFrom,
        enterprises,
        asOf,
        unusedVouchers: options.unusedVouchers ?? PROVINCE_SCALE.unusedVouchers,
      }),
    );
    step('aggregates', () => recountProvinceAggregates(handle, catalog.productSeqFrom));
    // Statistics for the planner, which picks the covering indexes by them.
    step('analyze', () => sqlite.exec('ANALYZE'));
    const result = report(true, {
      vouchers: total(handle, 'vouchers'),
      ratings: total(handle, 'ratings'),
      followUps: total(handle, 'follow_ups'),
    });
    sqlite.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
      META_KEY,
      JSON.stringify({
        at: new Date(asOf).toISOString(),
        seed,
        productSeqFrom: catalog.productSeqFrom,
        added: engagements,
      }),
    );
    return result;
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`journal_mode = ${journal}`);
  }
}
