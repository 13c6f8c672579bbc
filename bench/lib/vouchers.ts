// A voucher batch opening: an open batch of a fixed quota, enterprises with sign-in users to claim it, the claims
// (first come, first served) and the check, read from the database, that the quota held. Written with Kysely, so it
// runs on SQLite and PostgreSQL alike.
import { performance } from 'node:perf_hooks';
import type { Insertable, Kysely } from 'kysely';
import { usccCheckCharacter } from '@smec/schemas';
import type { Database } from '@smec/server';
import { httpClient } from './http.js';

const DAY = 86_400_000;
const CHUNK = 500;

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Inserts in statements of a few hundred rows (SQLite and PostgreSQL both cap the parameters of one). */
export async function insertChunked<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

export interface BenchEnterprise {
  readonly id: string;
  readonly name: string;
  readonly regionCode: string;
}

/** `count` new small enterprises of Foshan's Chancheng district, with valid USCCs of a range no seed uses. */
export async function insertBenchEnterprises(db: Kysely<Database>, count: number): Promise<BenchEnterprise[]> {
  const enterprises = Array.from({ length: count }, (_, index) => {
    const no = String(index + 1).padStart(5, '0');
    const body = `91440604B${String(index + 1).padStart(8, '0')}`;
    return {
      id: `ent-bench-${no}`,
      uscc: `${body}${usccCheckCharacter(body) ?? '0'}`,
      name: `佛山市压测${no}有限公司`,
      size: 'small' as const,
      industry: '制造业',
      region_code: '440604',
      city_code: '440600',
      founded_on: '2016-03-01',
      employees: 80,
      tags: '[]',
      legal_representative: `压测法人${no}`,
    };
  });
  await insertChunked(db, 'enterprises', enterprises);
  return enterprises.map((row) => ({ id: row.id, name: row.name, regionCode: row.region_code }));
}

/** A sign-in user for each enterprise (`<prefix>-00001`, …); returns their ids in the same order. */
export async function insertEnterpriseUsers(
  db: Kysely<Database>,
  enterprises: readonly BenchEnterprise[],
  prefix: string,
): Promise<string[]> {
  const users = enterprises.map((enterprise, index) => ({
    id: `${prefix}-${String(index + 1).padStart(5, '0')}`,
    name: '联系人',
    role: 'enterprise' as const,
    organization: enterprise.name,
    region_code: enterprise.regionCode,
    enterprise_id: enterprise.id,
    provider_id: null,
    position: 100_000 + index,
  }));
  await insertChunked(db, 'users', users);
  return users.map((user) => user.id);
}

/** A province-wide batch open now for every size, with `quota` vouchers of ¥5,000. */
export async function insertOpenBatch(db: Kysely<Database>, id: string, quota: number): Promise<void> {
  const now = Date.now();
  await db
    .insertInto('voucher_batches')
    .values({
      id,
      name: '压测服务券批次',
      year: new Date(now + 8 * 3_600_000).getUTCFullYear(),
      issuer_name: '广东省中小企业服务中心',
      issuer_region_code: '440000',
      code_prefix: `BENCH-${id.slice(-4).toUpperCase()}`,
      face_value: 500_000,
      quota,
      remaining: quota,
      claim_opens_at: shanghai(now - DAY),
      opens_ts: now - DAY,
      claim_closes_at: shanghai(now + 30 * DAY),
      closes_ts: now + 30 * DAY,
      sizes: '["micro","small","medium"]',
      tags: '[]',
      region_codes: '["440000"]',
      category_ids: '[]',
      annual_cap: 5_000_000,
      max_coverage: 50,
      use_within_days: 90,
      settle_by: shanghai(now + 365 * DAY),
      settle_ts: now + 365 * DAY,
      updated_at: shanghai(now),
    })
    .execute();
}

export interface ClaimRun {
  readonly requests: number;
  /** From the first claim sent to the last answer. */
  readonly seconds: number;
  /** Latencies in ms, sorted. */
  readonly latencies: number[];
  readonly answers: Record<string, number>;
  /** CPU the load generator itself used (it shares the machine with the server and the database). */
  readonly clientCpuSeconds: number;
}

/**
 * Every token claims the batch once, `inFlight` claims at a time (all of them at once when it is the token count),
 * over at most `sockets` connections. Any answer but a voucher or `quota_exhausted` fails the run.
 */
export async function claimAll(
  apiUrl: string,
  batchId: string,
  tokens: readonly string[],
  options: { inFlight: number; sockets: number },
): Promise<ClaimRun> {
  const client = httpClient(options.sockets);
  const latencies: number[] = [];
  const answers = new Map<string, number>();
  const url = `${apiUrl}/voucher-batches/${batchId}/claims`;
  let next = 0;
  const timeline = new Map<string, number>();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const loop = async () => {
    while (next < tokens.length) {
      const token = tokens[next++] ?? '';
      const begin = performance.now();
      const response = await client.post(url, {
        authorization: `Bearer ${token}`,
        'idempotency-key': crypto.randomUUID(),
      });
      latencies.push(performance.now() - begin);
      const body = JSON.parse(response.body) as { status?: string; code?: string };
      const answer = response.status === 201 ? String(body.status) : `${response.status} ${String(body.code)}`;
      if (!['issued', '409 quota_exhausted'].includes(answer)) throw new Error(`Unexpected answer ${answer}`);
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
      if (process.env['BENCH_TIMELINE']) {
        const second = Math.floor((performance.now() - started) / 1000);
        const key = `${second}s ${answer}`;
        timeline.set(key, (timeline.get(key) ?? 0) + 1);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.inFlight, tokens.length) }, loop));
  } finally {
    client.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // BENCH_TIMELINE=1: the answers of each second of the run, to see where a run spends its time.
  if (process.env['BENCH_TIMELINE']) console.log([...timeline].map(([k, v]) => `${k}: ${v}`).join('\n'));
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    latencies,
    answers: Object.fromEntries(answers),
    clientCpuSeconds: (used.user + used.system) / 1e6,
  };
}

/**
 * Fails unless the batch holds exactly `expected` vouchers, each of a different enterprise and with its claim in the
 * history, `remaining` is the quota less them, and the answers said so.
 */
export async function checkQuotaHeld(
  db: Kysely<Database>,
  batchId: string,
  expected: number,
  answers: Record<string, number>,
): Promise<string> {
  const batch = await db
    .selectFrom('voucher_batches')
    .select(['seq', 'quota', 'remaining'])
    .where('id', '=', batchId)
    .executeTakeFirstOrThrow();
  const vouchers = await db
    .selectFrom('vouchers')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('enterprise_id').distinct().as('holders')])
    .where('batch_seq', '=', batch.seq)
    .executeTakeFirstOrThrow();
  const history = await db
    .selectFrom('voucher_history')
    .innerJoin('vouchers', 'vouchers.seq', 'voucher_history.voucher_seq')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('vouchers.batch_seq', '=', batch.seq)
    .where('voucher_history.status', '=', 'issued')
    .executeTakeFirstOrThrow();
  const found = {
    quota: Number(batch.quota),
    remaining: Number(batch.remaining),
    vouchers: Number(vouchers.n),
    holders: Number(vouchers.holders),
    history: Number(history.n),
    answers,
  };
  if (
    found.vouchers !== expected ||
    found.holders !== expected ||
    found.history !== expected ||
    found.remaining !== found.quota - expected ||
    (answers['issued'] ?? 0) !== expected
  ) {
    throw new Error(`Invariant broken on ${batchId}: ${JSON.stringify(found)}`);
  }
  return `held: ${found.vouchers} vouchers = quota, remaining ${found.remaining}, one per enterprise, each with its history`;
}
