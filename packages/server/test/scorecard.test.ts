import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { Scorecard } from '@smec/schemas';
import { PROVINCIAL_TARGETS } from '@smec/schemas/rules';
import type { Insertable } from 'kysely';
import { testYear } from '../../../test-support/server.js';
import type { EngagementTable, RatingTable, VoucherTable } from '../src/db/schema.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem, query } from './helpers.js';
import { recompute } from './scorecard-helpers.js';

/** The tests' year: the seed's figures run up to the tests' now. */
const year = testYear();

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

async function assertMatches(card: Scorecard, region: string, year: number) {
  const expected = await recompute(app.database.db, region, year);
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
      await assertMatches(await scorecardOf(region, year), region, year);
  });

  test("the parent's figures are the parent's own scorecard, and the province has no parent", async () => {
    const county = await scorecardOf('440604', year);
    const city = await scorecardOf('440600', year);
    const province = await scorecardOf('440000', year);
    assert.deepEqual(county.parent, city.region);
    assert.deepEqual(city.parent, province.region);
    assert.equal(province.parent, null);
    assert.ok(city.region.figures.enterpriseServices >= county.region.figures.enterpriseServices);
  });

  test("targets: the policy's for the province, equal shares below, progress in percent", async () => {
    const province = await scorecardOf('440000', year);
    assert.deepEqual(province.region.targets, PROVINCIAL_TARGETS);
    const city = await scorecardOf('440600', year);
    assert.equal(city.region.targets.enterpriseServices, Math.ceil(300_000 / 21));
    const county = await scorecardOf('440604', year);
    assert.equal(county.region.targets.enterpriseServices, Math.ceil(Math.ceil(300_000 / 21) / 5));
    assert.equal(
      county.region.progress.enterpriseServices,
      Math.round((county.region.figures.enterpriseServices / (county.region.targets.enterpriseServices ?? 1)) * 1000) /
        10,
    );
    assert.equal(province.trend.length, 12);
    assert.equal(province.trend[0]?.month, `${year}-01`);
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

// A year the seed never reaches (it ends months after its day), so that each run starts from no engagements, ratings
// or vouchers at all.
const YEAR = testYear() + 2;
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
    const { db } = app.database;
    const enterprises = await db
      .selectFrom('enterprises')
      .select(['id', 'name', 'region_code'])
      .where((eb) => eb.or([eb('region_code', 'like', '4406%'), eb('region_code', 'in', ['441900', '440106'])]))
      .orderBy('id')
      .limit(60)
      .execute();
    const products = await db
      .selectFrom('products')
      .select(['id', 'name', 'provider_id', 'category_id'])
      .where('listed', '=', 1)
      .orderBy('is_free', 'desc')
      .orderBy('seq')
      .limit(40)
      .execute();
    // A batch of its own: one active voucher per enterprise and batch is a unique index. A copy of the first batch,
    // every column read back as stored, so that a column the types do not name is copied too.
    const { seq: _seq, ...first } = await db
      .selectFrom('voucher_batches')
      .selectAll()
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('voucher_batches')
      .values({ ...first, id: `vbt-prop-${YEAR}` })
      .execute();
    const batch = await db
      .selectFrom('voucher_batches')
      .select(['seq', 'id'])
      .where('id', '=', `vbt-prop-${YEAR}`)
      .executeTakeFirstOrThrow();

    const clear = () =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('ratings').where('id', 'like', 'rat-prop-%').execute();
        await trx.deleteFrom('engagements').where('id', 'like', 'eng-prop-%').execute();
        await trx.deleteFrom('vouchers').where('id', 'like', 'vch-prop-%').execute();
      });

    const engagement = fc.record({
      enterprise: fc.integer({ min: 0, max: enterprises.length - 1 }),
      product: fc.integer({ min: 0, max: products.length - 1 }),
      status: fc.constantFrom(...STATUSES),
      // A paid engagement is at least ¥1 (the database's rule since 0029): a voucher of 50 fen pays half of 100.
      voucher: fc.option(fc.integer({ min: 50, max: 2_000_000 }), { nil: null }),
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
          await clear();
          const engagementRows: Insertable<EngagementTable>[] = [];
          const ratingRows: Insertable<RatingTable>[] = [];
          engagements.forEach((row, i) => {
            const enterprise = enterprises[row.enterprise] as (typeof enterprises)[number];
            const product = products[row.product] as (typeof products)[number];
            const id = `eng-prop-${i}`;
            engagementRows.push({
              id,
              enterprise_id: enterprise.id,
              enterprise_name: enterprise.name,
              enterprise_region_code: enterprise.region_code,
              provider_id: product.provider_id,
              provider_name: '',
              product_id: product.id,
              product_name: product.name,
              category_id: product.category_id,
              voucher_id: row.voucher === null ? null : `vch-x-${i}`,
              contract_amount: (row.voucher ?? 0) * 2,
              voucher_amount: row.voucher ?? 0,
              self_paid: row.voucher ?? 0,
              // Without a voucher the row is at 0, which only a free order is.
              price_kind: row.voucher === null ? 'free' : 'paid',
              status: row.status,
              accepted_at: null,
              rating_id: null,
              created_at: '',
              created_ts: row.ts,
              updated_at: '',
            });
            if (row.rating) {
              ratingRows.push({
                id: `rat-prop-${i}`,
                engagement_id: id,
                enterprise_id: enterprise.id,
                region_code: enterprise.region_code,
                city_code: null,
                provider_id: product.provider_id,
                product_id: product.id,
                product_name: '',
                attitude: 10,
                expertise: 10,
                conduct: 10,
                fulfilment: 15,
                quality: 15,
                value: 15,
                usefulness: 10,
                after_sales: 15,
                score: 100,
                grade: 'A',
                level: row.rating.level,
                solved: 1,
                comment: '',
                enterprise_label: '',
                created_at: '',
                created_ts: row.rating.ts,
              });
            }
          });
          const voucherRows: Insertable<VoucherTable>[] = vouchers.map(([index, row], i) => {
            const enterprise = enterprises[index] as (typeof enterprises)[number];
            return {
              id: `vch-prop-${i}`,
              code: `PROP-${i}`,
              batch_seq: batch.seq,
              batch_id: batch.id,
              enterprise_id: enterprise.id,
              face_value: row.faceValue,
              status: row.status,
              claimed_at: '',
              claimed_ts: row.ts,
              use_by: '',
              use_by_ts: 0,
              settle_by: '',
              engagement_id: null,
              year: YEAR,
              updated_at: '',
            };
          });
          // At most 40 rows a table: one statement each stays far below PostgreSQL's 65,535 parameters.
          await db.transaction().execute(async (trx) => {
            if (engagementRows.length > 0) await trx.insertInto('engagements').values(engagementRows).execute();
            if (ratingRows.length > 0) await trx.insertInto('ratings').values(ratingRows).execute();
            if (voucherRows.length > 0) await trx.insertInto('vouchers').values(voucherRows).execute();
          });
          const card = await scorecardOf(region, YEAR);
          await assertMatches(card, region, YEAR);
        },
      ),
      { numRuns: 40, seed: 20261128 },
    );
    await clear();
  });
});

test("the explanation of the targets is in the request's language, never two at once, and caches keep each", async () => {
  const basisIn = async (language: string | undefined) => {
    const response = await app.inject<Scorecard>({
      method: 'GET',
      url: `/api/v1/stats/scorecard${query({ region: '440600', year })}`,
      headers: language ? { 'accept-language': language } : {},
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('vary') ?? '', /Accept-Language/i);
    return response.body.targetBasis;
  };
  const [chinese, traditional, english, fallback] = await Promise.all(
    ['zh-CN', 'zh-HK', 'en-GB,en;q=0.9', undefined].map(basisIn),
  );
  assert.match(chinese!, /^省级目标取自政策.*向上取整。$/);
  assert.doesNotMatch(chinese!, /[A-Za-z]{3}/);
  assert.match(traditional!, /^省級目標取自政策.*縣（區）/);
  assert.match(english!, /^The province's targets are the policy's/);
  assert.doesNotMatch(english!, /[\u3400-\u9fff]/);
  assert.equal(fallback, chinese);
});
