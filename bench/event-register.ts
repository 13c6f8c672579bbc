// Event registration under load on loopback: requests/s, p50 and p99 latency of POST /events/{id}/registrations when
// 1,000 enterprises register for a handful of small events from 8 connections (most answers are waitlist places or
// `event_full` refusals, as at a popular event), then a check in the database that no event holds more confirmed
// registrations than seats and that the counters match the rows. The server runs in its own process.
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

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 1_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5);
const CAPACITY = 50;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY_REGISTER ?? 8);
const HOUR = 3_600_000;

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
  return `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

/** A copy of the seeded database with the bench's enterprises and events (half of them keep a waitlist). */
async function prepareData(dataDir: string): Promise<{ eventIds: string[] }> {
  copyFileSync(await templateDatabase(), join(dataDir, DATABASE_FILE));
  const sqlite = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  const insertUser = sqlite.prepare(
    `INSERT INTO users (id, name, role, organization, region_code, enterprise_id, provider_id, position)
     VALUES (?, '联系人', 'enterprise', ?, '440604', ?, NULL, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO events (id, type, title, description, organizer_name, organizer_region_code, region_code, city_code,
       venue, online_url, starts_at, starts_ts, ends_at, ends_ts, registration_opens_at, opens_ts,
       registration_closes_at, closes_ts, capacity, registered_count, waitlist_count, waitlist_seq, waitlist,
       category_ids, status, updated_at)
     VALUES (?, 'matching', '压测对接会', '压测', '佛山市中小企业服务中心', '440600', '440604', '440600', '禅城区', NULL,
       ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, '["financing"]', 'scheduled', ?)`,
  );
  const now = Date.now();
  const eventIds: string[] = [];
  sqlite.transaction(() => {
    for (let n = 1; n <= ENTERPRISES; n++) {
      const no = String(n).padStart(4, '0');
      insertUser.run(`usr-bench-${no}`, `佛山市压测${no}有限公司`, `ent-bench-${no}`, 20_000 + n);
    }
    for (let n = 1; n <= EVENTS; n++) {
      const id = `evt-bench-${n}`;
      const starts = now + 30 * 24 * HOUR;
      insertEvent.run(
        id,
        shanghai(starts),
        starts,
        shanghai(starts + 2 * HOUR),
        starts + 2 * HOUR,
        shanghai(now - HOUR),
        now - HOUR,
        shanghai(starts - HOUR),
        starts - HOUR,
        CAPACITY,
        n % 2,
        shanghai(now),
      );
      eventIds.push(id);
    }
  })();
  sqlite.close();
  return { eventIds };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smec-bench-events-'));
  try {
    const { eventIds } = await prepareData(dataDir);
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'bench/event-register.ts', 'serve', dataDir],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const { apiUrl } = JSON.parse(line) as { apiUrl: string };
    try {
      await run(apiUrl, dataDir, eventIds);
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

async function run(apiUrl: string, dataDir: string, eventIds: readonly string[]): Promise<void> {
  const tokens: string[] = new Array<string>(ENTERPRISES);
  await pool(
    Array.from({ length: ENTERPRISES }, (_, index) => index),
    CONCURRENCY,
    async (index) => {
      const userId = `usr-bench-${String(index + 1).padStart(4, '0')}`;
      const response = await fetch(`${apiUrl}/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      if (response.status !== 200) throw new Error(`No token for ${userId}: ${response.status}`);
      tokens[index] = ((await response.json()) as { token: string }).token;
    },
  );

  // Every enterprise registers for every event, the events interleaved as visitors would arrive.
  const attempts = eventIds.flatMap((_, e) =>
    tokens.map((token, t) => ({ eventId: eventIds[(e + t) % eventIds.length] ?? '', token })),
  );
  const latencies: number[] = [];
  const answers = new Map<string, number>();
  const started = performance.now();
  await pool(attempts, CONCURRENCY, async ({ eventId, token }) => {
    const begin = performance.now();
    const response = await fetch(`${apiUrl}/events/${eventId}/registrations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': crypto.randomUUID(),
      },
      body: '{}',
    });
    const body = (await response.json()) as { status?: string; code?: string };
    latencies.push(performance.now() - begin);
    const answer = response.status === 201 ? String(body.status) : `${response.status} ${String(body.code)}`;
    if (!['confirmed', 'waitlisted', '409 event_full'].includes(answer)) throw new Error(`Unexpected answer ${answer}`);
    answers.set(answer, (answers.get(answer) ?? 0) + 1);
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);

  // The invariant, read from the database itself.
  const sqlite = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
  const rows = sqlite
    .prepare(
      `SELECT e.id, e.capacity, e.registered_count AS registered, e.waitlist_count AS waitlisted, e.waitlist,
         (SELECT count(*) FROM registrations r WHERE r.event_seq = e.seq AND r.status = 'confirmed') AS confirmedRows,
         (SELECT count(*) FROM registrations r WHERE r.event_seq = e.seq AND r.status = 'waitlisted') AS waitlistedRows,
         (SELECT count(*) - count(DISTINCT r.enterprise_id) FROM registrations r WHERE r.event_seq = e.seq) AS duplicates
       FROM events e WHERE e.id LIKE 'evt-bench-%' ORDER BY e.id`,
    )
    .all() as {
    id: string;
    capacity: number;
    registered: number;
    waitlisted: number;
    waitlist: number;
    confirmedRows: number;
    waitlistedRows: number;
    duplicates: number;
  }[];
  sqlite.close();
  for (const row of rows) {
    const expectedWaitlist = row.waitlist ? ENTERPRISES - row.capacity : 0;
    if (
      row.confirmedRows !== row.capacity ||
      row.registered !== row.confirmedRows ||
      row.waitlisted !== row.waitlistedRows ||
      row.waitlistedRows !== expectedWaitlist ||
      row.duplicates !== 0
    ) {
      throw new Error(`Invariant broken for ${row.id}: ${JSON.stringify(row)}`);
    }
  }

  report('event-register', {
    enterprises: ENTERPRISES,
    events: eventIds.length,
    capacity: CAPACITY,
    concurrency: CONCURRENCY,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    answers: Object.fromEntries(answers),
    invariant: 'held: confirmed = capacity on every event, counters = rows, no enterprise twice',
  });
}
