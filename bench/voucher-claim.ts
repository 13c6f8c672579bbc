// Voucher claims under load on loopback: claims/s, p50 and p99 latency of POST /voucher-batches/{id}/claims when
// 5,000 eligible enterprises claim a batch of 1,000 vouchers from 8 connections (first come, first served: 1,000
// vouchers, 4,000 `quota_exhausted` refusals), then a check in the database that the batch holds exactly its quota of
// vouchers, `remaining` is 0 and no enterprise holds two. The server runs in its own process.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import { usccCheckCharacter } from '@smec/schemas';
import { DATABASE_FILE, startServer } from '@smec/server';
import { templateDatabase } from '../test-support/server.js';
import { percentile, report, round } from './support.js';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES_CLAIM ?? 5_000);
const QUOTA = Number(process.env.BENCH_QUOTA ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY_CLAIM ?? 8);
const BATCH_ID = 'vbt-bench-claims';
const DAY = 86_400_000;

if (process.argv[2] === 'serve') {
  // The child: the reference server on the prepared data folder, until the parent closes stdin.
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: process.argv[3] ?? '', demoAuth: true });
  process.stdout.write(`${JSON.stringify({ apiUrl: server.apiUrl })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
} else {
  await main();
}

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

function benchUscc(n: number): string {
  const body = `91440604B${String(n).padStart(8, '0')}`;
  return `${body}${usccCheckCharacter(body) ?? '0'}`;
}

/** A copy of the seeded database with the bench's enterprises (and their users) and an open province batch. */
async function prepareData(dataDir: string): Promise<void> {
  copyFileSync(await templateDatabase(), join(dataDir, DATABASE_FILE));
  const sqlite = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  const insertEnterprise = sqlite.prepare(
    `INSERT INTO enterprises (id, uscc, name, size, industry, region_code, city_code, founded_on, employees, tags,
       legal_representative)
     VALUES (?, ?, ?, 'small', '制造业', '440604', '440600', '2016-03-01', 80, '[]', ?)`,
  );
  const insertUser = sqlite.prepare(
    `INSERT INTO users (id, name, role, organization, region_code, enterprise_id, provider_id, position)
     VALUES (?, '联系人', 'enterprise', ?, '440604', ?, NULL, ?)`,
  );
  const now = Date.now();
  sqlite.transaction(() => {
    for (let n = 1; n <= ENTERPRISES; n++) {
      const no = String(n).padStart(5, '0');
      const name = `佛山市压测${no}有限公司`;
      insertEnterprise.run(`ent-bench-${no}`, benchUscc(n), name, `压测法人${no}`);
      insertUser.run(`usr-bench-${no}`, name, `ent-bench-${no}`, 30_000 + n);
    }
    sqlite
      .prepare(
        `INSERT INTO voucher_batches (id, name, year, issuer_name, issuer_region_code, code_prefix, face_value, quota,
           remaining, claim_opens_at, opens_ts, claim_closes_at, closes_ts, sizes, tags, region_codes, category_ids,
           annual_cap, max_coverage, use_within_days, settle_by, settle_ts, updated_at)
         VALUES (?, '压测服务券批次', 2026, '广东省中小企业服务中心', '440000', 'BENCH-0001', 500000, ?, ?, ?, ?, ?, ?,
           '["micro","small","medium"]', '[]', '["440000"]', '[]', 5000000, 50, 90, ?, ?, ?)`,
      )
      .run(
        BATCH_ID,
        QUOTA,
        QUOTA,
        shanghai(now - DAY),
        now - DAY,
        shanghai(now + 30 * DAY),
        now + 30 * DAY,
        shanghai(now + 365 * DAY),
        now + 365 * DAY,
        shanghai(now),
      );
  })();
  sqlite.close();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smec-bench-vouchers-'));
  try {
    await prepareData(dataDir);
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'bench/voucher-claim.ts', 'serve', dataDir],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const { apiUrl } = JSON.parse(line) as { apiUrl: string };
    try {
      await run(apiUrl, dataDir);
    } finally {
      child.stdin.end();
      await once(child, 'exit');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `work` over `items` from `concurrency` loops. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const loop = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
}

async function run(apiUrl: string, dataDir: string): Promise<void> {
  const tokens: string[] = new Array<string>(ENTERPRISES);
  await pool(
    Array.from({ length: ENTERPRISES }, (_, index) => index),
    CONCURRENCY,
    async (index) => {
      const userId = `usr-bench-${String(index + 1).padStart(5, '0')}`;
      const response = await fetch(`${apiUrl}/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      if (response.status !== 200) throw new Error(`No token for ${userId}: ${response.status}`);
      tokens[index] = ((await response.json()) as { token: string }).token;
    },
  );

  const latencies: number[] = [];
  const answers = new Map<string, number>();
  const started = performance.now();
  await pool(tokens, CONCURRENCY, async (token) => {
    const begin = performance.now();
    const response = await fetch(`${apiUrl}/voucher-batches/${BATCH_ID}/claims`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() },
    });
    const body = (await response.json()) as { status?: string; code?: string };
    latencies.push(performance.now() - begin);
    const answer = response.status === 201 ? String(body.status) : `${response.status} ${String(body.code)}`;
    if (!['issued', '409 quota_exhausted'].includes(answer)) throw new Error(`Unexpected answer ${answer}`);
    answers.set(answer, (answers.get(answer) ?? 0) + 1);
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);

  // The invariant, read from the database itself.
  const sqlite = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
  const row = sqlite
    .prepare(
      `SELECT b.quota, b.remaining,
         (SELECT count(*) FROM vouchers v WHERE v.batch_id = b.id) AS vouchers,
         (SELECT count(DISTINCT v.enterprise_id) FROM vouchers v WHERE v.batch_id = b.id) AS holders,
         (SELECT count(*) FROM voucher_history h JOIN vouchers v ON v.seq = h.voucher_seq WHERE v.batch_id = b.id)
           AS history
       FROM voucher_batches b WHERE b.id = ?`,
    )
    .get(BATCH_ID) as { quota: number; remaining: number; vouchers: number; holders: number; history: number };
  sqlite.close();
  const expected = Math.min(QUOTA, ENTERPRISES);
  if (
    row.vouchers !== expected ||
    row.holders !== expected ||
    row.history !== expected ||
    row.remaining !== row.quota - expected ||
    answers.get('issued') !== expected
  ) {
    throw new Error(`Invariant broken: ${JSON.stringify({ ...row, answers: Object.fromEntries(answers) })}`);
  }

  report('voucher-claim', {
    enterprises: ENTERPRISES,
    quota: QUOTA,
    concurrency: CONCURRENCY,
    requests: latencies.length,
    claimsPerSecond: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    answers: Object.fromEntries(answers),
    invariant: `held: ${row.vouchers} vouchers = quota, remaining ${row.remaining}, one per enterprise, each with its history`,
  });
}
