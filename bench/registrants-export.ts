// The registrant export of a big event over HTTP on loopback: 10,000 registrations seeded into a throwaway copy of
// the database, then `GET /events/{id}/registrations` with `Accept: text/csv` as the event's city center, timed from
// the request to the last byte (and to the first, which streaming makes early). Checks the file as Excel would open
// it: a UTF-8 byte order mark, the header, one line per registration. Target: under 2 s. The server runs in its own
// process, so that the client reading the file does not share its event loop.
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

const REGISTRANTS = Number(process.env.BENCH_REGISTRANTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2_000;
const EVENT_ID = 'evt-bench-export';
const CENTER = 'usr-admin-440600';
const HOUR = 3_600_000;

if (process.argv[2] === 'serve') {
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

/** A copy of the seeded database with one event of Foshan's center and its registrants, some waitlisted. */
async function prepareData(dataDir: string): Promise<void> {
  copyFileSync(await templateDatabase(), join(dataDir, DATABASE_FILE));
  const sqlite = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  const now = Date.now();
  const starts = now + 30 * 24 * HOUR;
  const capacity = REGISTRANTS - 500;
  const event = sqlite
    .prepare(
      `INSERT INTO events (id, type, title, description, organizer_name, organizer_region_code, region_code, city_code,
         venue, online_url, starts_at, starts_ts, ends_at, ends_ts, registration_opens_at, opens_ts,
         registration_closes_at, closes_ts, capacity, registered_count, waitlist_count, waitlist_seq, waitlist,
         category_ids, status, updated_at)
       VALUES (?, 'policyBriefing', '压测导出：惠企政策宣讲会', '压测', '佛山市中小企业服务中心', '440600', '440600',
         '440600', NULL, 'https://live.example.cn/bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 500, 500, 1,
         '["policy-consulting"]', 'scheduled', ?)`,
    )
    .run(
      EVENT_ID,
      shanghai(starts),
      starts,
      shanghai(starts + 2 * HOUR),
      starts + 2 * HOUR,
      shanghai(now - 10 * 24 * HOUR),
      now - 10 * 24 * HOUR,
      shanghai(starts - HOUR),
      starts - HOUR,
      capacity,
      capacity,
      shanghai(now),
    );
  const insert = sqlite.prepare(
    `INSERT INTO registrations (id, event_seq, event_id, enterprise_id, enterprise_name, user_id, attendee_name,
       status, waitlist_seq, created_at, created_ts, updated_at, code)
     VALUES (?, ?, ?, ?, ?, 'usr-seed', ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let n = 1; n <= REGISTRANTS; n++) {
      const no = String(n).padStart(5, '0');
      const waitlisted = n > capacity;
      const at = now - 10 * 24 * HOUR + n * 1000;
      insert.run(
        `reg-bench-${no}`,
        Number(event.lastInsertRowid),
        EVENT_ID,
        `ent-bench-${no}`,
        `佛山市压测${no}科技有限公司`,
        n % 7 === 0 ? `=联系人${no}` : `联系人${no}`,
        waitlisted ? 'waitlisted' : 'confirmed',
        waitlisted ? n - capacity : null,
        shanghai(at),
        at,
        shanghai(at),
        `B${no.replaceAll('0', 'Z').replaceAll('1', 'Y')}ABCD`.slice(0, 10),
      );
    }
  })();
  sqlite.close();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smec-bench-export-'));
  try {
    await prepareData(dataDir);
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'bench/registrants-export.ts', 'serve', dataDir],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const { apiUrl } = JSON.parse(line) as { apiUrl: string };
    try {
      await run(apiUrl);
    } finally {
      child.stdin.end();
      await once(child, 'exit');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(apiUrl: string): Promise<void> {
  const issued = await fetch(`${apiUrl}/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: CENTER }),
  });
  const { token } = (await issued.json()) as { token: string };
  const totals: number[] = [];
  const firstBytes: number[] = [];
  let bytes = 0;
  // The first run warms the server (its statements prepared, its code compiled) and is not counted.
  for (let n = 0; n <= RUNS; n++) {
    const started = performance.now();
    const response = await fetch(`${apiUrl}/events/${EVENT_ID}/registrations`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/csv' },
    });
    if (response.status !== 200 || !response.body) throw new Error(`The export answered ${response.status}`);
    const chunks: Buffer[] = [];
    let first: number | undefined;
    for await (const chunk of response.body) {
      first ??= performance.now() - started;
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
    const total = performance.now() - started;
    const file = Buffer.concat(chunks);
    if (file[0] !== 0xef || file[1] !== 0xbb || file[2] !== 0xbf) throw new Error('The file has no UTF-8 BOM');
    const lines = file.toString('utf8').split('\r\n').filter(Boolean);
    if (lines.length !== REGISTRANTS + 1) throw new Error(`${lines.length - 1} lines for ${REGISTRANTS} registrants`);
    if (!lines.some((text) => text.includes(",'=联系人"))) throw new Error('A formula was not neutralised');
    bytes = file.length;
    if (n === 0) continue;
    totals.push(total);
    firstBytes.push(first ?? total);
  }
  totals.sort((a, b) => a - b);
  firstBytes.sort((a, b) => a - b);
  const medianMs = round(percentile(totals, 50));
  report('registrants-export', {
    registrants: REGISTRANTS,
    runs: RUNS,
    bytes,
    medianMs,
    maxMs: round(totals[totals.length - 1] ?? Number.NaN),
    firstByteMedianMs: round(percentile(firstBytes, 50)),
    targetMs: TARGET_MS,
    withinTarget: medianMs < TARGET_MS,
  });
  if (medianMs >= TARGET_MS) process.exitCode = 1;
}
