// Two server processes on one database, as behind a load balancer: requests alternate between them, and every
// invariant of DESIGN.md still holds, because the database enforces it, not one process's memory. On PostgreSQL
// (`SMEC_TEST_POSTGRES_URL`) this is the supported way to run several instances; on SQLite both processes share the
// file, which holds too.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test-support/server.js';
import type { Database } from '../src/index.js';
import type { SetupTarget } from './demand-helpers.js';
import { insertEvent } from './event-helpers.js';
import { request, type JsonResponse } from './helpers.js';
import { bearer, insertBatch, insertEnterprises, type TestEnterprise } from './voucher-helpers.js';

const LOOKUP_LIMIT = 6;
const INSTANCE = fileURLToPath(new URL('../../../test-support/instance.ts', import.meta.url));

interface Instance {
  readonly apiUrl: string;
  readonly process: ChildProcess;
}

async function startInstance(database: TestDatabase): Promise<Instance> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', INSTANCE], {
    // The lookup limit low enough for the shared-limit test to reach it, high enough for nothing else to.
    env: { ...process.env, ...database.env, SMEC_LOOKUP_RATE_LIMIT: `${LOOKUP_LIMIT}/600` },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { apiUrl } = JSON.parse(line) as { apiUrl: string };
  return { apiUrl, process: child };
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.process.exitCode !== null) return;
  const exited = once(instance.process, 'exit');
  instance.process.kill('SIGTERM');
  await exited;
}

let database: TestDatabase;
let db: Kysely<Database>;
let closeDb: () => Promise<void>;
let instances: Instance[];

/** The setup the voucher and event helpers need: direct inserts, and tokens from the demo issuer. */
const setup: SetupTarget = {
  get database() {
    return { db };
  },
  async tokenFor(userId: string): Promise<string> {
    const response = await request<{ token: string }>(instances[0]!.apiUrl, '/demo/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.token;
  },
};

/** Sends each call to the instances in turn, all at once. */
function acrossInstances<T>(count: number, call: (apiUrl: string, index: number) => Promise<T>): Promise<T[]> {
  return Promise.all(
    Array.from({ length: count }, (_, index) => call(instances[index % instances.length]!.apiUrl, index)),
  );
}

const post = (apiUrl: string, path: string, token: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  request<{ id?: string; code?: string }>(apiUrl, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token), ...headers },
    body: JSON.stringify(body),
  });

function statuses(responses: readonly JsonResponse<{ code?: string }>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const key = response.status < 300 ? String(response.status) : `${response.status} ${response.body.code ?? ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function count(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  const result = await query.execute(db);
  return Number(result.rows[0]?.n ?? -1);
}

describe('two server processes on one database', { timeout: 180_000 }, () => {
  before(async () => {
    database = await createTestDatabase();
    const opened = await database.open();
    db = opened.db;
    closeDb = opened.close;
    instances = await Promise.all([startInstance(database), startInstance(database)]);
  });

  after(async () => {
    await Promise.all((instances ?? []).map(stopInstance));
    await closeDb?.();
    await database?.dispose();
  });

  test('a batch opening split over both: exactly the quota is issued, one voucher per enterprise', async () => {
    await insertBatch(setup, { id: 'vbt-two-instances', quota: 40 });
    const enterprises = await insertEnterprises(setup, 240, 'two');
    const responses = await acrossInstances(enterprises.length, (apiUrl, i) =>
      post(apiUrl, '/voucher-batches/vbt-two-instances/claims', enterprises[i]!.token),
    );
    assert.deepEqual(statuses(responses), { 201: 40, '409 quota_exhausted': 200 });
    const batch = await db
      .selectFrom('voucher_batches')
      .select(['remaining', 'quota'])
      .where('id', '=', 'vbt-two-instances')
      .executeTakeFirstOrThrow();
    assert.deepEqual(batch, { remaining: 0, quota: 40 });
    assert.equal(
      await count(
        sql`select count(*) as n from vouchers where batch_id = 'vbt-two-instances' and status <> 'withdrawn'`,
      ),
      40,
    );
    assert.equal(
      await count(sql`select count(distinct enterprise_id) as n from vouchers where batch_id = 'vbt-two-instances'`),
      40,
    );
  });

  test('one enterprise pressing claim on both at once gets one voucher; the same idempotency key gives one answer', async () => {
    await insertBatch(setup, { id: 'vbt-two-double', quota: 10 });
    const [one, two] = await insertEnterprises(setup, 2, 'dbl');
    const repeated = await acrossInstances(20, (apiUrl) =>
      post(apiUrl, '/voucher-batches/vbt-two-double/claims', one!.token),
    );
    assert.equal(statuses(repeated)['201'], 1, JSON.stringify(statuses(repeated)));
    assert.equal(statuses(repeated)['409 already_claimed'], 19, JSON.stringify(statuses(repeated)));

    const keyed = await acrossInstances(10, (apiUrl) =>
      post(apiUrl, '/voucher-batches/vbt-two-double/claims', two!.token, {}, { 'idempotency-key': 'two-instances-k' }),
    );
    const answered = keyed.filter((response) => response.status === 201);
    // A retry that arrives while the first is still running is told so (409); every finished one replays it.
    assert.ok(answered.length >= 1, JSON.stringify(statuses(keyed)));
    assert.equal(new Set(answered.map((response) => response.body.id)).size, 1);
    for (const response of keyed.filter((candidate) => candidate.status !== 201)) {
      assert.equal(response.status, 409, JSON.stringify(response.body));
    }
    assert.equal(
      await count(sql`select count(*) as n from vouchers where batch_id = 'vbt-two-double' and status <> 'withdrawn'`),
      2,
    );
  });

  test('the yearly cap holds when one enterprise claims two batches on both instances at once', async () => {
    await insertBatch(setup, { id: 'vbt-two-cap-a', quota: 10, faceValue: 1_000_000, annualCap: 1_000_000 });
    await insertBatch(setup, { id: 'vbt-two-cap-b', quota: 10, faceValue: 1_000_000, annualCap: 1_000_000 });
    const [enterprise] = await insertEnterprises(setup, 1, 'cap');
    const responses = await acrossInstances(10, (apiUrl, i) =>
      post(apiUrl, `/voucher-batches/${i % 4 < 2 ? 'vbt-two-cap-a' : 'vbt-two-cap-b'}/claims`, enterprise!.token),
    );
    assert.equal(statuses(responses)['201'], 1, JSON.stringify(statuses(responses)));
    assert.equal(
      await count(
        sql`select count(*) as n from vouchers where enterprise_id = ${enterprise!.enterpriseId} and status <> 'withdrawn'`,
      ),
      1,
    );
  });

  test('one voucher used on both instances at once orders exactly one engagement', async () => {
    await insertBatch(setup, { id: 'vbt-two-use', quota: 5 });
    const [enterprise] = (await insertEnterprises(setup, 1, 'use')) as [TestEnterprise];
    const claimed = await post(instances[0]!.apiUrl, '/voucher-batches/vbt-two-use/claims', enterprise.token);
    assert.equal(claimed.status, 201, JSON.stringify(claimed.body));
    const product = await db
      .selectFrom('products')
      .select('id')
      .where('status', '=', 'published')
      .where('listed', '=', 1)
      .where('voucher_eligible', '=', 1)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    const uses = await acrossInstances(16, (apiUrl) =>
      post(apiUrl, `/vouchers/${claimed.body.id}/use`, enterprise.token, {
        productId: product.id,
        contractAmount: 2_000_000,
      }),
    );
    assert.equal(statuses(uses)['201'], 1, JSON.stringify(statuses(uses)));
    assert.equal(await count(sql`select count(*) as n from engagements where voucher_id = ${claimed.body.id}`), 1);
  });

  test("an event's capacity holds over both instances, one registration per enterprise", async () => {
    await insertEvent(setup, { id: 'evt-two-instances', capacity: 25, waitlist: false });
    const enterprises = await insertEnterprises(setup, 100, 'evt');
    const responses = await acrossInstances(enterprises.length * 2, (apiUrl, i) =>
      post(apiUrl, '/events/evt-two-instances/registrations', enterprises[i % enterprises.length]!.token, {
        attendeeName: '测试联系人',
      }),
    );
    const created = responses.filter((response) => response.status === 201).length;
    assert.equal(created, 25, JSON.stringify(statuses(responses)));
    const event = await db
      .selectFrom('events')
      .select(['registered_count', 'capacity'])
      .where('id', '=', 'evt-two-instances')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event, { registered_count: 25, capacity: 25 });
    assert.equal(
      await count(
        sql`select count(*) as n from registrations where event_id = 'evt-two-instances' and status = 'confirmed'`,
      ),
      25,
    );
    assert.equal(
      await count(sql`select count(*) - count(distinct enterprise_id) as n from registrations
        where event_id = 'evt-two-instances' and status <> 'cancelled'`),
      0,
    );
  });

  test('a rate limit counts the requests of both instances together: N instances allow the limit, not N times it', async () => {
    const lookup = (apiUrl: string) =>
      request<{ code?: string }>(apiUrl, '/demands/lookup?trackingNo=XQ20260101ABCDEF&phone=13800000000');
    const statusesInTurn: number[] = [];
    // One after another, alternating: each instance alone sees fewer than the limit.
    for (let index = 0; index < LOOKUP_LIMIT + 3; index++) {
      statusesInTurn.push((await lookup(instances[index % 2]!.apiUrl)).status);
    }
    assert.deepEqual(
      statusesInTurn.map((status) => (status === 429 ? 429 : 'answered')),
      [...Array<string>(LOOKUP_LIMIT).fill('answered'), 429, 429, 429],
    );
    const refused = await lookup(instances[0]!.apiUrl);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'rate_limited');
  });
});
