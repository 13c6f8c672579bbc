// The seed is relative to the instant it is seeded at: seeded on two far-apart days, each database has, around its
// own "now", events open for registration (some full, with and without a waitlist), events today and closed
// registrations; an open voucher batch, one opening within 14 days, a closed one and last year's being settled;
// last month's scorecard figures; policies in force and expiring; follow-ups open, overdue and closed. The same
// instant gives the same data, another instant other dates.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Scorecard } from '@smec/schemas';
import { buildApp } from '../src/app.js';
import { fixedClock } from '../src/clock.js';
import { prepareSqliteDatabase, seededAtOf } from '../src/db/prepare.js';
import { CLAIMABLE_BATCH_ID, SEED_BATCHES } from '../src/seed/vouchers.js';

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
const INSTANTS = ['2026-12-03T10:00:00+08:00', '2029-02-12T10:00:00+08:00'];

type Seeded = Awaited<ReturnType<typeof prepareSqliteDatabase>>;
const folders: string[] = [];
const seeded = new Map<string, Seeded>();

async function seedAt(at: string): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), 'smec-seed-relative-'));
  folders.push(dir);
  return prepareSqliteDatabase(dir, { asOf: Date.parse(at) });
}

/** The Shanghai calendar day of `ms`, `YYYY-MM-DD`. */
const dayOf = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);

/** A hash of the seeded tables, rows ordered by id; `phone_hash` is keyed by the database's own random secret. */
function contentHash(database: Seeded): string {
  const hash = createHash('sha256');
  const tables = [
    'providers',
    'products',
    'demands',
    'events',
    'registrations',
    'voucher_batches',
    'vouchers',
    'engagements',
    'ratings',
    'follow_ups',
    'policies',
    'enterprises',
  ];
  for (const table of tables) {
    for (const row of database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate()) {
      const { phone_hash: _secretKeyed, ...rest } = row as Record<string, unknown>;
      hash.update(JSON.stringify(rest));
    }
  }
  return hash.digest('hex');
}

before(async () => {
  for (const at of INSTANTS) seeded.set(at, await seedAt(at));
});

after(async () => {
  for (const database of seeded.values()) await database.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

for (const at of INSTANTS) {
  describe(`seeded at ${at}`, () => {
    const now = Date.parse(at);
    const today = dayOf(now);
    const database = () => seeded.get(at) as Seeded;
    const count = (sql: string, ...params: unknown[]) =>
      (
        database()
          .sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`)
          .get(...params) as { n: number }
      ).n;

    test('records its instant as seeded_at', async () => {
      assert.equal(await seededAtOf(database().db), now);
    });

    test('events: open for registration (some full, with and without a waitlist), today, not yet open, closed', () => {
      const open = `events WHERE status = 'scheduled' AND opens_ts <= ? AND closes_ts > ? AND starts_ts > ?`;
      assert.ok(count(open, now, now, now) >= 20, 'events open for registration');
      assert.ok(
        count(`${open} AND registered_count >= capacity AND waitlist = 1`, now, now, now) >= 1,
        'full, waitlist',
      );
      assert.ok(count(`${open} AND waitlist_count > 0`, now, now, now) >= 1, 'people on a waitlist');
      assert.ok(count(`${open} AND registered_count >= capacity AND waitlist = 0`, now, now, now) >= 1, 'full');
      const dayStart = Date.parse(`${today}T00:00:00+08:00`);
      assert.ok(count('events WHERE starts_ts >= ? AND starts_ts < ?', dayStart, dayStart + DAY) >= 3, 'today');
      assert.ok(count('events WHERE opens_ts > ?', now + DAY) >= 10, 'registration not yet open');
      assert.ok(count('events WHERE closes_ts < ? AND starts_ts > ?', now, now) >= 1, 'closed, not yet held');
      assert.ok(count('events WHERE ends_ts < ?', now - 60 * DAY) >= 10, 'about three months of past events');
      assert.ok(count('events WHERE starts_ts > ?', now + 150 * DAY) >= 10, 'about six months ahead');
      // The examples' events: open, and the demo registration on the second.
      assert.equal(count("events WHERE id LIKE 'evt-annual-%' AND opens_ts <= ? AND closes_ts > ?", now, now), 2);
      assert.equal(count("registrations WHERE id = 'reg-demo-0001' AND user_id = 'usr-ent-01'"), 1);
    });

    test('voucher batches: open, opening within 14 days, closed, and last year’s being settled', () => {
      const batch = (id: string) =>
        database().sqlite.prepare('SELECT * FROM voucher_batches WHERE id = ?').get(id) as {
          opens_ts: number;
          closes_ts: number;
          settle_ts: number;
          year: number;
          name: string;
        };
      const year = Number(today.slice(0, 4));
      for (const id of [SEED_BATCHES.open, CLAIMABLE_BATCH_ID, SEED_BATCHES.foshan]) {
        const open = batch(id);
        assert.ok(open.opens_ts <= now - DAY && open.closes_ts >= now + 3 * DAY, `${id} open now`);
      }
      const upcoming = batch(SEED_BATCHES.upcoming);
      assert.ok(upcoming.opens_ts > now && upcoming.opens_ts <= now + 14 * DAY, 'opening within 14 days');
      const closed = batch(SEED_BATCHES.closed);
      assert.ok(closed.closes_ts < now, 'closed');
      const previous = batch(SEED_BATCHES.previousYear);
      assert.equal(previous.year, year - 1);
      assert.ok(previous.name.startsWith(`${year - 1}年`), previous.name);
      assert.ok(previous.closes_ts < now && previous.settle_ts > now, 'last year’s, being settled');
      assert.ok(count("vouchers WHERE id IN ('vch-demo-0001', 'vch-demo-0002') AND status = 'issued'") === 2);
      assert.ok(count('vouchers WHERE claimed_ts > ?', now) === 0, 'nothing claimed after now');
    });

    test('last month’s scorecard figures, and every month of the last 18 has engagements', async () => {
      const month = new Date(now + SHANGHAI);
      month.setUTCDate(1);
      month.setUTCMonth(month.getUTCMonth() - 1);
      const year = month.getUTCFullYear();
      const app = await buildApp({
        checkProblemCodes: true,
        database: database(),
        clock: fixedClock(now),
        logger: false,
      });
      try {
        const response = await app.inject({ method: 'GET', url: `/api/v1/stats/scorecard?region=440000&year=${year}` });
        assert.equal(response.statusCode, 200, response.body);
        const card = Scorecard.parse(response.json());
        const last = card.trend[month.getUTCMonth()];
        assert.ok(last, 'last month in the trend');
        assert.ok(last.enterpriseServices > 0, `services in ${last.month}`);
        assert.ok(last.ratings > 0, `ratings in ${last.month}`);
        assert.ok(last.demandsReceived > 0, `demands in ${last.month}`);
        assert.ok(last.vouchersRedeemed > 0, `vouchers redeemed in ${last.month}`);
      } finally {
        await app.close();
      }
      for (let back = 1; back <= 17; back++) {
        const from = Date.parse(`${dayOf(now).slice(0, 7)}-01T00:00:00+08:00`) - back * 30 * DAY;
        assert.ok(count('engagements WHERE created_ts >= ? AND created_ts < ?', from, from + 30 * DAY) > 0, `${back}`);
      }
      assert.equal(count('engagements WHERE created_ts > ?', now), 0, 'nothing ordered after now');
      assert.equal(count('ratings WHERE created_ts > ?', now), 0, 'nothing rated after now');
      assert.equal(count('demands WHERE submitted_ts > ?', now), 0, 'nothing submitted after now');
      assert.equal(count("demands WHERE tracking_no = 'XQ20261101DEMO01' AND contact_phone = '13800138000'"), 1);
    });

    test('policies in force and some expiring within 60 days; follow-ups open, overdue and closed', () => {
      const until = dayOf(now + 60 * DAY);
      assert.ok(
        count(
          'policies WHERE effective_from <= ? AND (effective_until IS NULL OR effective_until >= ?)',
          today,
          today,
        ) > 50,
      );
      assert.ok(count('policies WHERE effective_until >= ? AND effective_until <= ?', today, until) >= 3, 'expiring');
      assert.ok(count('policies WHERE published_on > ?', dayOf(now - 40 * DAY)) >= 3, 'issued lately');
      assert.equal(count('policies WHERE published_on > ?', today), 0, 'nothing published after today');
      assert.ok(count("follow_ups WHERE status IN ('open', 'reopened') AND due_on >= ?", today) >= 1, 'open');
      assert.ok(count("follow_ups WHERE status IN ('open', 'reopened') AND due_on < ?", today) >= 1, 'overdue');
      assert.ok(count("follow_ups WHERE status = 'closed'") >= 1, 'closed');
    });
  });
}

describe('determinism', () => {
  test('the same instant gives the same data; another instant other dates', async () => {
    const at = INSTANTS[0] as string;
    const again = await seedAt(at);
    try {
      assert.equal(contentHash(again), contentHash(seeded.get(at) as Seeded));
      const other = seeded.get(INSTANTS[1] as string) as Seeded;
      assert.notEqual(contentHash(other), contentHash(again));
      const first = (database: Seeded) =>
        database.sqlite.prepare("SELECT starts_at FROM events WHERE id = 'evt-00001'").get() as { starts_at: string };
      assert.notEqual(first(other).starts_at, first(again).starts_at);
    } finally {
      await again.close();
    }
  });
});
