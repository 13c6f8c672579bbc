// The scorecard at provincial scale: p50 and p99 latency of GET /stats/scorecard (computed from the stored rows on
// every request, memoized per region and year while the data fingerprint is unchanged) for the province, cities and
// counties; the first request of each region (counted afresh) is reported apart, on a copy of the seeded database grown to the policy's
// targets: ~12,000 providers and ~300,000 engagements (enterprise-services) in 2026, with their ratings and
// vouchers. The rows are copies of the seeded ones with new ids (same regions, months and statuses), inserted with
// INSERT … SELECT. The server runs in its own process, on loopback.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE, startServer } from '@smec/server';
import { templateDatabase } from '../test-support/server.js';
import { percentile, report, round } from './support.js';

const YEAR = 2026;
const TARGET_ENGAGEMENTS = Number(process.env.BENCH_SCORECARD_ENGAGEMENTS ?? 300_000);
const PROVIDER_COPIES = 4;
const REQUESTS = Number(process.env.BENCH_SCORECARD_REQUESTS ?? 300);
const WARMUP = 30;
const TARGET_P99_MS = 200;
const REGIONS = ['440000', '440100', '440600', '441900', '440604', '440106', '445302'];

if (process.argv[2] === 'grow') {
  // Only grows a copy of the seeded database at the given path (for profiling queries by hand).
  copyFileSync(await templateDatabase(), process.argv[3] ?? 'scorecard-bench.db');
  console.log(grow(process.argv[3] ?? 'scorecard-bench.db'));
} else if (process.argv[2] === 'serve') {
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: process.argv[3] ?? '' });
  process.stdout.write(`${JSON.stringify({ apiUrl: server.apiUrl })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
} else {
  await main();
}

function columnsOf(db: BetterSqlite3.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
}

/** `INSERT INTO t (cols) SELECT <cols, some replaced> FROM t WHERE …`: copies rows with new unique values. */
function copyRows(db: BetterSqlite3.Database, table: string, replaced: Record<string, string>, where: string): number {
  const columns = columnsOf(db, table).filter((column) => column !== 'seq' || replaced['seq']);
  const select = columns.map((column) => replaced[column] ?? column);
  return db
    .prepare(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select.join(', ')} FROM ${table} WHERE ${where}`)
    .run().changes;
}

function grow(file: string): Record<string, number> {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  const start = Date.UTC(YEAR, 0, 1) - 8 * 3_600_000;
  const end = Date.UTC(YEAR + 1, 0, 1) - 8 * 3_600_000;
  const inYear = `created_ts >= ${start} AND created_ts < ${end} AND id NOT LIKE '%-b%'`;
  const seeded = (db.prepare(`SELECT count(*) AS n FROM engagements WHERE ${inYear}`).get() as { n: number }).n;
  const copies = Math.max(0, Math.ceil(TARGET_ENGAGEMENTS / Math.max(1, seeded)) - 1);
  const maxSeq = (db.prepare('SELECT max(seq) AS n FROM providers').get() as { n: number }).n;
  db.transaction(() => {
    for (let k = 1; k <= PROVIDER_COPIES; k++) {
      copyRows(
        db,
        'providers',
        {
          seq: `seq + ${k * (maxSeq + 1)}`,
          id: `id || '-b${k}'`,
          uscc: `substr(uscc, 1, 17) || '${k}' || seq`,
        },
        `seq <= ${maxSeq}`,
      );
    }
    for (let k = 1; k <= copies; k++) {
      copyRows(db, 'engagements', { id: `id || '-b${k}'`, enterprise_id: `enterprise_id || '-b${k % 7}'` }, inYear);
      copyRows(
        db,
        'ratings',
        { id: `id || '-b${k}'`, engagement_id: `engagement_id || '-b${k}'` },
        `created_ts >= ${start} AND created_ts < ${end} AND id NOT LIKE '%-b%'`,
      );
      copyRows(
        db,
        'vouchers',
        { id: `id || '-b${k}'`, code: `code || '-b${k}'`, batch_id: `batch_id || '-b${k}'` },
        `claimed_ts >= ${start} AND claimed_ts < ${end} AND id NOT LIKE '%-b%'`,
      );
    }
  })();
  db.exec('ANALYZE');
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const figures = {
    providers: count('SELECT count(*) AS n FROM providers'),
    admittedProviders: count("SELECT count(*) AS n FROM providers WHERE admission = 'admitted'"),
    engagementsInYear: count(
      `SELECT count(*) AS n FROM engagements WHERE created_ts >= ${start} AND created_ts < ${end}`,
    ),
    ratingsInYear: count(`SELECT count(*) AS n FROM ratings WHERE created_ts >= ${start} AND created_ts < ${end}`),
    vouchersInYear: count(`SELECT count(*) AS n FROM vouchers WHERE claimed_ts >= ${start} AND claimed_ts < ${end}`),
  };
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return figures;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'smec-bench-scorecard-'));
  try {
    copyFileSync(await templateDatabase(), join(dir, DATABASE_FILE));
    const grown = Date.now();
    const dataset = grow(join(dir, DATABASE_FILE));
    console.log(`grown in ${Date.now() - grown} ms: ${JSON.stringify(dataset)}`);

    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'bench/scorecard.ts', 'serve', dir],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const { apiUrl } = JSON.parse(line) as { apiUrl: string };
    try {
      const timings = new Map<string, number[]>(REGIONS.map((region) => [region, []]));
      const get = async (region: string) => {
        const started = performance.now();
        const response = await fetch(`${apiUrl}/stats/scorecard?region=${region}&year=${YEAR}`);
        if (response.status !== 200) throw new Error(`${region} answered ${response.status}`);
        await response.arrayBuffer();
        return performance.now() - started;
      };
      // The first request of each region counts every row (nothing is memoized yet): the cost after any write.
      const coldMs: Record<string, number> = {};
      for (const region of REGIONS) coldMs[region] = round(await get(region));
      for (let i = 0; i < WARMUP; i++) await get(REGIONS[i % REGIONS.length]!);
      const all: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const region = REGIONS[i % REGIONS.length]!;
        const ms = await get(region);
        timings.get(region)!.push(ms);
        all.push(ms);
      }
      all.sort((a, b) => a - b);
      const byRegion = Object.fromEntries(
        [...timings].map(([region, list]) => {
          const sorted = [...list].sort((a, b) => a - b);
          return [region, { p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)) }];
        }),
      );
      const p99 = round(percentile(all, 99));
      report('scorecard', {
        dataset,
        year: YEAR,
        requests: REQUESTS,
        concurrency: 1,
        p50Ms: round(percentile(all, 50)),
        p99Ms: p99,
        maxMs: round(all[all.length - 1] ?? Number.NaN),
        byRegion,
        coldMsByRegion: coldMs,
        targetP99Ms: TARGET_P99_MS,
        withinTarget: p99 <= TARGET_P99_MS,
      });
    } finally {
      child.stdin!.end();
      await once(child, 'exit');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
