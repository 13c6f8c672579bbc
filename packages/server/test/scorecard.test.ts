import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { Scorecard } from '@smec/schemas';
import { PROVINCIAL_TARGETS } from '@smec/schemas/rules';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem, query } from './helpers.js';
import { recompute } from './scorecard-helpers.js';

let app: TestApp;
before(async () => {
  app = await openTestApp();
});
after(() => app.close());

async function scorecardOf(region: string, year: number): Promise<Scorecard> {
  const response = await app.inject<Scorecard>({
    method: 'GET',
    url: `/api/v1/stats/scorecard${query({ region, year })}`,
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return Scorecard.parse(response.body);
}

function assertMatches(card: Scorecard, region: string, year: number) {
  const expected = recompute(app.database, region, year);
  assert.deepEqual(card.region.figures, expected.figures, `figures of ${region} in ${year}`);
  assert.deepEqual(
    card.trend.map(({ month: _month, ...rest }) => rest),
    expected.trend,
    `trend of ${region} in ${year}`,
  );
}

describe('the scorecard on the seeded data', () => {
  test('a county, its city and the province equal a recomputation from the raw rows', async () => {
    for (const region of ['440604', '440600', '440000', '441900'])
      assertMatches(await scorecardOf(region, 2026), region, 2026);
  });

  test("the parent's figures are the parent's own scorecard, and the province has no parent", async () => {
    const county = await scorecardOf('440604', 2026);
    const city = await scorecardOf('440600', 2026);
    const province = await scorecardOf('440000', 2026);
    assert.deepEqual(county.parent, city.region);
    assert.deepEqual(city.parent, province.region);
    assert.equal(province.parent, null);
    assert.ok(city.region.figures.enterpriseServices >= county.region.figures.enterpriseServices);
  });

  test("targets: the policy's for the province, equal shares below, progress in percent", async () => {
    const province = await scorecardOf('440000', 2026);
    assert.deepEqual(province.region.targets, PROVINCIAL_TARGETS);
    const city = await scorecardOf('440600', 2026);
    assert.equal(city.region.targets.enterpriseServices, Math.ceil(300_000 / 21));
    const county = await scorecardOf('440604', 2026);
    assert.equal(county.region.targets.enterpriseServices, Math.ceil(Math.ceil(300_000 / 21) / 5));
    assert.equal(
      county.region.progress.enterpriseServices,
      Math.round((county.region.figures.enterpriseServices / (county.region.targets.enterpriseServices ?? 1)) * 1000) /
        10,
    );
    assert.equal(province.trend.length, 12);
    assert.equal(province.trend[0]?.month, '2026-01');
  });

  test('a year without rows is all zeros, with no percentages', async () => {
    const card = await scorecardOf('440604', 2001);
    assert.equal(card.region.figures.enterpriseServices, 0);
    assert.equal(card.region.figures.satisfactionPercent, null);
    assert.equal(card.region.figures.freeSharePercent, null);
  });

  test('bad input is a 400 problem', async () => {
    for (const url of [
      '/api/v1/stats/scorecard?region=440600',
      '/api/v1/stats/scorecard?year=2026',
      '/api/v1/stats/scorecard?region=999999&year=2026',
      '/api/v1/stats/scorecard?region=440600&year=twenty',
      '/api/v1/stats/scorecard?region=440600&year=1800',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.status, 400, url);
      assertProblem(response, 400, (response.body as { code: string }).code);
    }
  });
});

// A year the seed never reaches, so that each run starts from no engagements, ratings or vouchers at all.
const YEAR = 2031;
const YEAR_START = Date.UTC(YEAR, 0, 1) - 8 * 3_600_000;
const YEAR_END = Date.UTC(YEAR + 1, 0, 1) - 8 * 3_600_000;
const LEVELS = ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied', 'veryDissatisfied'] as const;
const STATUSES = ['ordered', 'confirmed', 'inProgress', 'delivered', 'closed', 'cancelled'] as const;
const VOUCHER_STATUSES = ['issued', 'ordered', 'delivered', 'settled', 'expired', 'withdrawn', 'revoked'] as const;

/** An instant of the year, often just before or after a month's first Shanghai midnight (the trend's bounds). */
const instant = fc.oneof(
  fc.integer({ min: YEAR_START - 5_000, max: YEAR_END + 5_000 }),
  fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -2, max: 1 }))
    .map(([month, delta]) => Date.UTC(YEAR, month, 1) - 8 * 3_600_000 + delta),
);

describe('the scorecard against random rows (property)', () => {
  test('equals the recomputation from raw rows for any engagements, ratings and vouchers', async () => {
    const { sqlite } = app.database;
    const enterprises = sqlite
      .prepare(
        `SELECT id, name, region_code FROM enterprises WHERE region_code LIKE '4406%' OR region_code IN ('441900', '440106')
         ORDER BY id LIMIT 60`,
      )
      .all() as { id: string; name: string; region_code: string }[];
    const products = sqlite
      .prepare(
        'SELECT id, name, provider_id, category_id FROM products WHERE listed = 1 ORDER BY is_free DESC, seq LIMIT 40',
      )
      .all() as { id: string; name: string; provider_id: string; category_id: string }[];
    // A batch of its own: one active voucher per enterprise and batch is a unique index.
    const columns = (sqlite.prepare('PRAGMA table_info(voucher_batches)').all() as { name: string }[])
      .map((column) => column.name)
      .filter((name) => name !== 'seq' && name !== 'id');
    sqlite
      .prepare(
        `INSERT INTO voucher_batches (id, ${columns.join(', ')})
         SELECT 'vbt-prop-${YEAR}', ${columns.join(', ')} FROM voucher_batches ORDER BY seq LIMIT 1`,
      )
      .run();
    const batch = sqlite.prepare(`SELECT seq, id FROM voucher_batches WHERE id = 'vbt-prop-${YEAR}'`).get() as {
      seq: number;
      id: string;
    };

    const insertEngagement = sqlite.prepare(
      `INSERT INTO engagements (id, enterprise_id, enterprise_name, enterprise_region_code, provider_id, provider_name,
         product_id, product_name, category_id, voucher_id, contract_amount, voucher_amount, self_paid, status,
         accepted_at, rating_id, created_at, created_ts, updated_at)
       VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, '', ?, '')`,
    );
    const insertRating = sqlite.prepare(
      `INSERT INTO ratings (id, engagement_id, enterprise_id, region_code, city_code, provider_id, product_id,
         product_name, attitude, expertise, conduct, fulfilment, quality, value, usefulness, after_sales, score, grade,
         level, solved, comment, enterprise_label, created_at, created_ts)
       VALUES (?, ?, ?, ?, NULL, ?, ?, '', 10, 10, 10, 15, 15, 15, 10, 15, 100, 'A', ?, 1, '', '', '', ?)`,
    );
    const insertVoucher = sqlite.prepare(
      `INSERT INTO vouchers (id, code, batch_seq, batch_id, enterprise_id, face_value, status, claimed_at, claimed_ts,
         use_by, use_by_ts, settle_by, engagement_id, year, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, '', 0, '', NULL, ${YEAR}, '')`,
    );
    const clear = sqlite.transaction(() => {
      sqlite.prepare("DELETE FROM ratings WHERE id LIKE 'rat-prop-%'").run();
      sqlite.prepare("DELETE FROM engagements WHERE id LIKE 'eng-prop-%'").run();
      sqlite.prepare("DELETE FROM vouchers WHERE id LIKE 'vch-prop-%'").run();
    });

    const engagement = fc.record({
      enterprise: fc.integer({ min: 0, max: enterprises.length - 1 }),
      product: fc.integer({ min: 0, max: products.length - 1 }),
      status: fc.constantFrom(...STATUSES),
      voucher: fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: null }),
      ts: instant,
      rating: fc.option(fc.record({ level: fc.constantFrom(...LEVELS), ts: instant }), { nil: null }),
    });
    const voucher = fc.record({
      status: fc.constantFrom(...VOUCHER_STATUSES),
      faceValue: fc.integer({ min: 1, max: 5_000_000 }),
      ts: instant,
    });
    const regionCodes = ['440000', '440600', '440604', '440605', '441900', '440100', '440106'];

    await fc.assert(
      fc.asyncProperty(
        fc.array(engagement, { maxLength: 40 }),
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: enterprises.length - 1 }), voucher), {
          selector: ([index]) => index,
          maxLength: 20,
        }),
        fc.constantFrom(...regionCodes),
        async (engagements, vouchers, region) => {
          clear();
          sqlite.transaction(() => {
            engagements.forEach((row, i) => {
              const enterprise = enterprises[row.enterprise] as (typeof enterprises)[number];
              const product = products[row.product] as (typeof products)[number];
              const id = `eng-prop-${i}`;
              insertEngagement.run(
                id,
                enterprise.id,
                enterprise.name,
                enterprise.region_code,
                product.provider_id,
                product.id,
                product.name,
                product.category_id,
                row.voucher === null ? null : `vch-x-${i}`,
                (row.voucher ?? 0) * 2,
                row.voucher ?? 0,
                row.voucher ?? 0,
                row.status,
                row.ts,
              );
              if (row.rating) {
                insertRating.run(
                  `rat-prop-${i}`,
                  id,
                  enterprise.id,
                  enterprise.region_code,
                  product.provider_id,
                  product.id,
                  row.rating.level,
                  row.rating.ts,
                );
              }
            });
            vouchers.forEach(([index, row], i) => {
              const enterprise = enterprises[index] as (typeof enterprises)[number];
              insertVoucher.run(
                `vch-prop-${i}`,
                `PROP-${i}`,
                batch.seq,
                batch.id,
                enterprise.id,
                row.faceValue,
                row.status,
                row.ts,
              );
            });
          })();
          const card = await scorecardOf(region, YEAR);
          assertMatches(card, region, YEAR);
        },
      ),
      { numRuns: 40, seed: 20261128 },
    );
    clear();
  });
});
