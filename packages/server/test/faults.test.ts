// Faults of the process, against `npm start`'s server in a child process on a private database: killed with
// SIGKILL in the middle of a burst of writes, and stopped and restarted under an SDK client that keeps calling.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createClient, type Demand } from '@smec/sdk';
import type { Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test-support/server.js';
import type { Database } from '../src/index.js';
import { validDemand } from './demand-helpers.js';
import { enterpriseUsers, heldRequest, insertOpenBatch, startChildServer, type ChildServer } from './ops-helpers.js';

/** No per-address limit on demand submissions: the bursts below all come from 127.0.0.1. */
const SERVER_ENV = { SMEC_DEMAND_RATE_LIMIT: '100000/1' };
/** The restarted server of the second test gives up on a hung request soon after SIGTERM (the third test). */
const IMPATIENT_ENV = { ...SERVER_ENV, SMEC_SHUTDOWN_TIMEOUT_MS: '1500' };
const BATCHES = ['vbt-fault-a', 'vbt-fault-b', 'vbt-fault-c', 'vbt-fault-d'];
const QUOTA = 8;
const DEMANDS = 60;

/** The server the first test leaves running on its database, which the second one restarts. */
let shared: { database: TestDatabase; server: ChildServer } | undefined;
after(async () => {
  await shared?.server.kill();
  await shared?.database.dispose();
});

type Outcome =
  | { readonly kind: 'acknowledged'; readonly status: number; readonly body: { id: string } }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string }
  | { readonly kind: 'lost' };

interface Write {
  readonly url: string;
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  /** The idempotency scope the server files the key under. */
  readonly scope: string;
  readonly what: { readonly demandTitle: string } | { readonly batchId: string; readonly enterpriseUser: string };
  outcome?: Outcome;
}

async function send(apiUrl: string, write: Write): Promise<Response> {
  return fetch(`${apiUrl}${write.url}`, {
    method: 'POST',
    headers: {
      ...write.headers,
      'idempotency-key': write.key,
      ...(write.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(write.body === undefined ? {} : { body: JSON.stringify(write.body) }),
  });
}

async function keyRow(db: Kysely<Database>, write: Write) {
  return db
    .selectFrom('idempotency_keys')
    .select(['status', 'response_status', 'response_body'])
    .where('scope', '=', write.scope)
    .where('key', '=', write.key)
    .executeTakeFirst();
}

/** Quota: what is left plus the vouchers held (a handed-back one returned its share) is the quota, for every batch. */
async function assertQuotas(db: Kysely<Database>): Promise<void> {
  const batches = await db.selectFrom('voucher_batches').select(['id', 'seq', 'quota', 'remaining']).execute();
  const held = await db
    .selectFrom('vouchers')
    .select(['batch_seq', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '<>', 'withdrawn')
    .groupBy('batch_seq')
    .execute();
  const heldBy = new Map(held.map((row) => [row.batch_seq, Number(row.n)]));
  for (const batch of batches) {
    assert.ok(batch.remaining >= 0, `${batch.id} oversold`);
    assert.equal(batch.remaining + (heldBy.get(batch.seq) ?? 0), batch.quota, `${batch.id}: remaining + held = quota`);
  }
  const doubles = await db
    .selectFrom('vouchers')
    .select(['batch_id', 'enterprise_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '<>', 'withdrawn')
    .groupBy(['batch_id', 'enterprise_id'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  assert.deepEqual(doubles, [], 'one active voucher per enterprise and batch');
}

test('SIGKILL in the middle of a burst of writes: every acknowledged write survives, none is half there', async (t) => {
  const database = await createTestDatabase();
  const setup = await database.open();
  try {
    for (const id of BATCHES) await insertOpenBatch(setup.db, id, QUOTA);
  } finally {
    await setup.close();
  }
  let server = await startChildServer(database.env, { env: SERVER_ENV });
  shared = { database, server };
  const users = await enterpriseUsers(server.apiUrl);
  assert.ok(users.length >= 10, `seeded enterprise users: ${users.length}`);

  const demands: Write[] = [];
  const claims: Write[] = [];
  for (let index = 0; index < DEMANDS; index++) {
    const demandTitle = `断电测试需求第${index + 1}号`;
    demands.push({
      url: '/demands',
      key: `fault-demand-${index}`,
      headers: {},
      body: validDemand({ title: demandTitle }),
      scope: 'POST /demands',
      what: { demandTitle },
    });
  }
  for (const batchId of BATCHES) {
    for (const user of users) {
      claims.push({
        url: `/voucher-batches/${batchId}/claims`,
        key: `fault-claim-${batchId}-${user.id}`,
        headers: { authorization: `Bearer ${user.token}` },
        scope: `POST /voucher-batches/${batchId}/claims ${user.id}`,
        what: { batchId, enterpriseUser: user.id },
      });
    }
  }
  // Demands and claims interleaved, so that the kill lands among both.
  const writes = demands.flatMap((demand, index) => [demand, ...(claims[index] ? [claims[index]] : [])]);
  writes.push(...claims.slice(demands.length));

  // Killed once a third of the vouchers are claimed and a demand is in: the server answers claims faster than
  // demands, so both kinds are then still coming in.
  const acknowledged = { demands: 0, claims: 0 };
  let killed = false;
  const apiUrl = server.apiUrl;
  const child = server.child;
  await Promise.all(
    writes.map(async (write) => {
      try {
        const response = await send(apiUrl, write);
        const body = (await response.json()) as { id: string; code: string };
        if (response.status >= 200 && response.status < 300) {
          write.outcome = { kind: 'acknowledged', status: response.status, body };
          acknowledged['demandTitle' in write.what ? 'demands' : 'claims']++;
          if (acknowledged.claims >= (BATCHES.length * QUOTA) / 3 && acknowledged.demands > 0 && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        } else {
          write.outcome = { kind: 'refused', status: response.status, code: body.code };
        }
      } catch {
        write.outcome = { kind: 'lost' };
      }
    }),
  );
  const exit = await server.exited;
  assert.equal(exit.signal, 'SIGKILL', 'killed, not finished');
  const lost = writes.filter((write) => write.outcome?.kind === 'lost');
  const acked = writes.filter((write) => write.outcome?.kind === 'acknowledged');
  assert.ok(lost.length > 0, 'the kill landed in the middle of the burst');
  for (const write of writes) {
    if (write.outcome?.kind !== 'refused') continue;
    assert.deepEqual(
      [write.outcome.status, write.outcome.code],
      [409, 'quota_exhausted'],
      'refusals are the quota running out, nothing else',
    );
  }

  server = await startChildServer(database.env, { env: SERVER_ENV });
  shared = { database, server };
  const opened = await database.open();
  try {
    const { db } = opened;
    for (const write of writes) {
      const key = await keyRow(db, write);
      if ('demandTitle' in write.what) {
        const demands = await db
          .selectFrom('demands')
          .select(['id', 'seq'])
          .where('title', '=', write.what.demandTitle)
          .execute();
        assert.ok(demands.length <= 1, `${write.key}: at most once`);
        const demand = demands[0];
        if (write.outcome?.kind === 'acknowledged') {
          assert.equal(demand?.id, write.outcome.body.id, `${write.key}: acknowledged, so it is there`);
        }
        // All or nothing: the demand, its timeline and its idempotency record commit together.
        assert.equal(key !== undefined, demand !== undefined, `${write.key}: demand and key together`);
        if (demand && key) {
          assert.equal(key.status, 'done');
          assert.equal((JSON.parse(key.response_body ?? '{}') as { id?: string }).id, demand.id);
          const timeline = await db
            .selectFrom('demand_timeline')
            .select('status')
            .where('demand_seq', '=', demand.seq)
            .execute();
          assert.deepEqual(
            timeline.map((entry) => entry.status),
            ['submitted'],
          );
        }
      } else {
        const { batchId, enterpriseUser } = write.what;
        const user = await db
          .selectFrom('users')
          .select('enterprise_id')
          .where('id', '=', enterpriseUser)
          .executeTakeFirstOrThrow();
        const vouchers = await db
          .selectFrom('vouchers')
          .select(['id', 'seq', 'status'])
          .where('batch_id', '=', batchId)
          .where('enterprise_id', '=', user.enterprise_id ?? '')
          .execute();
        assert.ok(vouchers.length <= 1, `${write.key}: one voucher per enterprise and batch`);
        const voucher = vouchers[0];
        if (write.outcome?.kind === 'acknowledged') {
          assert.equal(voucher?.id, write.outcome.body.id, `${write.key}: acknowledged, so it is there`);
        }
        assert.equal(key !== undefined, voucher !== undefined, `${write.key}: voucher and key together`);
        if (voucher && key) {
          assert.equal((JSON.parse(key.response_body ?? '{}') as { id?: string }).id, voucher.id);
          const history = await db
            .selectFrom('voucher_history')
            .select('status')
            .where('voucher_seq', '=', voucher.seq)
            .execute();
          assert.deepEqual(
            history.map((entry) => entry.status),
            ['issued'],
          );
        }
      }
    }
    await assertQuotas(db);
    const claimed = await db.selectFrom('vouchers').select('id').where('batch_id', 'in', BATCHES).execute();
    assert.ok(claimed.length <= BATCHES.length * QUOTA);

    let committedUnheard = 0;
    for (const write of lost) if (await keyRow(db, write)) committedUnheard++;
    const lostClaims = lost.filter((write) => 'batchId' in write.what).length;
    t.diagnostic(
      `${writes.length} writes: ${acknowledged.demands} demands and ${acknowledged.claims} claims acknowledged, ` +
        `${writes.length - acked.length - lost.length} claims refused (quota), ${lost.length - lostClaims} demands and ` +
        `${lostClaims} claims unanswered (${committedUnheard} of them committed before the kill)`,
    );

    // The clients retry what they never heard back about, with the same keys: each write lands exactly once.
    for (const write of [...lost, ...acked]) {
      const before = await keyRow(db, write);
      const response = await send(server.apiUrl, write);
      const body = (await response.json()) as { id?: string };
      if (before) {
        assert.equal(response.status, 201, `${write.key}: replayed`);
        assert.equal(response.headers.get('idempotent-replayed'), 'true', `${write.key}: replayed, not redone`);
        assert.equal(body.id, (JSON.parse(before.response_body ?? '{}') as { id?: string }).id);
      } else {
        assert.ok([201, 409].includes(response.status), `${write.key}: ${response.status}`);
      }
    }
    for (let index = 0; index < DEMANDS; index++) {
      const rows = await db
        .selectFrom('demands')
        .select('id')
        .where('title', '=', `断电测试需求第${index + 1}号`)
        .execute();
      assert.equal(rows.length, 1, `demand ${index + 1} exactly once after the retries`);
    }
    await assertQuotas(db);
    const full = await db.selectFrom('voucher_batches').select('remaining').where('id', 'in', BATCHES).execute();
    assert.deepEqual(
      full.map((batch) => batch.remaining),
      BATCHES.map(() => 0),
      'the enterprises empty every batch',
    );
  } finally {
    await opened.close();
  }
});

test('an SDK client rides through a restart: every call succeeds, every write lands exactly once', async (t) => {
  const database = shared?.database ?? (await createTestDatabase());
  let server = shared?.server ?? (await startChildServer(database.env, { env: SERVER_ENV }));
  shared = { database, server };
  const port = server.port;
  let networkErrors = 0;
  const client = createClient({
    baseUrl: server.apiUrl,
    // Enough patience for a restart (a few seconds), asking again every quarter second at most.
    retry: { limit: 200, backoffLimit: 250 },
    timeout: 5_000,
    cache: false,
    fetch: async (input, init) => {
      try {
        return await fetch(input, init);
      } catch (error) {
        networkErrors++;
        throw error;
      }
    },
  });

  let running = true;
  const created: Demand[] = [];
  const failures: unknown[] = [];
  let reads = 0;
  const worker = async (name: string) => {
    for (let index = 0; running; index++) {
      try {
        await client.products.list({ limit: 5 });
        created.push(await client.demands.create(validDemand({ title: `重启测试需求${name}第${index + 1}号` })));
        await client.health.get();
        reads += 2;
      } catch (error) {
        failures.push(error);
        return;
      }
    }
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const workers = ['甲', '乙', '丙'].map(worker);
  await sleep(500);
  const before = created.length;
  const stopped = performance.now();
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null }, server.output.stderr);
  server = await startChildServer(database.env, { port, env: IMPATIENT_ENV });
  shared = { database, server };
  const downMs = performance.now() - stopped;
  const restarted = created.length;
  await sleep(500);
  running = false;
  await Promise.all(workers);

  assert.deepEqual(failures, [], 'no call failed');
  assert.ok(before > 0, 'calls went through before the stop');
  assert.ok(networkErrors > 0, 'calls met the stopped server (and were retried)');
  assert.ok(created.length > restarted, 'calls went through after the restart');
  assert.ok(reads > 0);
  t.diagnostic(
    `${created.length} creates and ${reads} reads by three workers; the server was down ${Math.round(downMs)} ms; ` +
      `${networkErrors} attempts met no server and were retried`,
  );
  const opened = await database.open();
  try {
    const rows = await opened.db
      .selectFrom('demands')
      .select(['id', 'title'])
      .where('title', 'like', '重启测试需求%')
      .execute();
    assert.equal(rows.length, created.length, 'each create once: no write lost, none duplicated');
    assert.deepEqual(rows.map((row) => row.id).sort(), created.map((demand) => demand.id).sort());
  } finally {
    await opened.close();
  }
});

test('a request that hangs does not keep a stopping server alive: it exits 1 after the grace period', async () => {
  const database = shared?.database ?? (await createTestDatabase());
  const server = shared?.server ?? (await startChildServer(database.env, { env: IMPATIENT_ENV }));
  shared = { database, server };
  // A client that sends its headers and then nothing.
  const hung = heldRequest(server.port, '/api/v1/demands', validDemand(), { 'idempotency-key': 'fault-hung' });
  hung.response.catch(() => {});
  await hung.accepted;
  const signalled = performance.now();
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  const waitedMs = performance.now() - signalled;
  assert.deepEqual(exit, { code: 1, signal: null }, server.output.stderr);
  assert.match(server.output.stderr, /requests still running after 1\.5 s, exiting/);
  assert.ok(waitedMs >= 1_400 && waitedMs < 5_000, `exited ${Math.round(waitedMs)} ms after SIGTERM`);
});
