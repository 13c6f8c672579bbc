import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Health, Problem } from '@smec/schemas';
import { testClock } from '../../../test-support/server.js';
import { clockFromEnv, fixedClock, parseInstant, systemClock } from '../src/clock.js';
import { resolveOptions } from '../src/config.js';
import { STALE_SEED_DAYS, staleSeedNote } from '../src/seed-age.js';
import { CLAIMABLE_BATCH_ID } from '../src/seed/vouchers.js';
import { openTestApp, validDemand, type TestApp } from './demand-helpers.js';
import { assertProblem } from './helpers.js';
import { startChildServer } from './ops-helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

describe('the clock', () => {
  test('SMEC_NOW pins it to an RFC 3339 instant; unset or empty, it is the real time', () => {
    assert.equal(clockFromEnv({ SMEC_NOW: '2029-02-12T10:00:00+08:00' }).now(), Date.UTC(2029, 1, 12, 2));
    assert.equal(clockFromEnv({ SMEC_NOW: '2027-06-30T00:00:00Z' }).now(), Date.UTC(2027, 5, 30));
    assert.equal(clockFromEnv({}), systemClock);
    assert.equal(clockFromEnv({ SMEC_NOW: ' ' }), systemClock);
    const pinned = resolveOptions({}, { SMEC_NOW: '2026-12-03T09:30:00+08:00' });
    assert.equal(pinned.clock.now(), Date.parse('2026-12-03T09:30:00+08:00'));
    assert.equal(pinned.clockPinned, true);
    assert.equal(resolveOptions({}, {}).clockPinned, false);
  });

  test('an instant without an offset, a bare date or nonsense is refused, naming the variable', () => {
    for (const bad of ['2029-02-12', '2029-02-12T10:00:00', 'tomorrow', '2029-13-40T10:00:00Z', '1700000000000']) {
      assert.throws(() => clockFromEnv({ SMEC_NOW: bad }), /SMEC_NOW must be an RFC 3339 instant/, bad);
    }
    assert.throws(() => parseInstant('2029-02-30T10:00:00+08:00x', 'X'), /^Error: X must be/);
  });

  test('npm start with a bad SMEC_NOW exits 1 with one line naming the variable, no stack trace', async () => {
    const server = await startChildServer({}, { env: { SMEC_NOW: 'yesterday' } }).catch((error: unknown) => error);
    assert.ok(server instanceof Error, 'the server started');
    const lines = server.message.split('\n').filter((line) => line.startsWith('smec:'));
    assert.deepEqual(lines, [
      'smec: cannot start: SMEC_NOW must be an RFC 3339 instant with an offset, e.g. 2029-02-12T10:00:00+08:00, not yesterday',
    ]);
    assert.ok(!server.message.includes('    at '), server.message);
  });

  test('no module of the server reads the time itself: only clock.ts does', () => {
    // Wall-clock readers a store might reach for; performance.now() measures durations and is fine.
    const forbidden = [/\bDate\.now\b/, /new Date\(\)/, /datetime\('now'/i];
    const sqlNow = /sql`[^`]*\b(now\(\)|current_timestamp|current_date|localtimestamp)/i;
    const offenders: string[] = [];
    for (const file of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file === 'clock.ts') continue;
      const text = readFileSync(join(SRC, file), 'utf8');
      // The request log's timestamp is when a line was written, a fact of the real world, not of the platform.
      const code = file === join('http', 'logging.ts') ? text.replace(/new Date\(\)\.toISOString\(\)/, '') : text;
      if (forbidden.some((pattern) => pattern.test(code)) || sqlNow.test(code)) offenders.push(file);
    }
    assert.deepEqual(offenders, []);
  });
});

describe('a stale demo database', () => {
  const seededAt = Date.parse('2026-12-03T10:00:00+08:00');
  test(`says how old it is past ${STALE_SEED_DAYS} days, and how to reseed`, () => {
    const note = staleSeedNote(seededAt, seededAt + 45 * DAY);
    assert.match(note ?? '', /45 days/);
    assert.match(note ?? '', /npm run seed -- --fresh/);
  });
  test('says nothing when recent or never seeded', () => {
    assert.equal(staleSeedNote(seededAt, seededAt + STALE_SEED_DAYS * DAY), undefined);
    assert.equal(staleSeedNote(undefined, seededAt), undefined);
  });
});

describe('windows judged by the pinned clock', () => {
  let now: TestApp;
  before(async () => {
    now = await openTestApp();
  });
  after(() => now.close());

  /** The app on its own copy of the seed, with the clock pinned to `at`. */
  async function pinnedAt(at: number, work: (app: TestApp) => Promise<unknown>) {
    const app = await openTestApp({ clock: fixedClock(at) });
    try {
      await work(app);
    } finally {
      await app.close();
    }
  }

  async function claim(app: TestApp) {
    return app.inject<unknown>({
      method: 'POST',
      url: `/api/v1/voucher-batches/${CLAIMABLE_BATCH_ID}/claims`,
      headers: { authorization: `Bearer ${await app.tokenFor('usr-ent-01')}`, 'idempotency-key': 'clock-claim-1' },
    });
  }

  test("a claim inside the batch's window is taken; past its close, the same claim is a 409", async () => {
    const batch = await now.database.db
      .selectFrom('voucher_batches')
      .select(['opens_ts', 'closes_ts'])
      .where('id', '=', CLAIMABLE_BATCH_ID)
      .executeTakeFirstOrThrow();
    assert.ok(batch.opens_ts <= testClock.now() && testClock.now() < batch.closes_ts, 'the seed opened it around now');
    assert.equal((await claim(now)).status, 201);
    await pinnedAt(batch.closes_ts + HOUR, async (app) => {
      const refused = await claim(app);
      assertProblem(refused, 409, 'claim_not_open');
      assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
    });
    await pinnedAt(batch.opens_ts - DAY, async (app) => assertProblem(await claim(app), 409, 'claim_not_open'));
  });

  test("a registration inside the event's window is confirmed; past its close, it is refused", async () => {
    const at = testClock.now();
    const event = await now.database.db
      .selectFrom('events')
      .select(['id', 'closes_ts'])
      .where('status', '=', 'scheduled')
      .where('opens_ts', '<=', at)
      .where('closes_ts', '>', at + DAY)
      .whereRef('registered_count', '<', 'capacity')
      .orderBy('closes_ts')
      .executeTakeFirstOrThrow();
    const register = async (app: TestApp) =>
      app.inject<Problem>({
        method: 'POST',
        url: `/api/v1/events/${event.id}/registrations`,
        headers: { authorization: `Bearer ${await app.tokenFor('usr-ent-03')}`, 'idempotency-key': 'clock-reg-1' },
        payload: {},
      });
    assert.equal((await register(now)).status, 201);
    await pinnedAt(event.closes_ts + HOUR, async (app) =>
      assertProblem(await register(app), 409, 'registration_closed'),
    );
  });

  test('health, tracking numbers and demo tokens follow the pinned clock', async () => {
    const at = Date.parse('2029-02-12T10:00:00+08:00');
    await pinnedAt(at, async (app) => {
      const health = await app.inject<Health>({ method: 'GET', url: '/api/v1/health' });
      assert.equal(health.body.time, '2029-02-12T10:00:00+08:00');
      const demand = await app.inject<{ trackingNo: string }>({
        method: 'POST',
        url: '/api/v1/demands',
        headers: { 'idempotency-key': 'clock-demand-1' },
        payload: validDemand(),
      });
      assert.equal(demand.status, 201);
      assert.match(demand.body.trackingNo, /^XQ20290212/);
      // A token issued on the pinned day is accepted on it, though the real calendar is years away.
      const token = await app.tokenFor('usr-ent-01');
      const mine = await app.inject({
        method: 'GET',
        url: '/api/v1/me/vouchers',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(mine.status, 200);
    });
  });
});
