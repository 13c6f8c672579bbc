import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { EvaluationList } from '@smec/schemas';
import { testYear } from '../../../test-support/server.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { recountLevel } from './evaluation-helpers.js';

// A year the seed never reaches, and the one before it: the flag and the change need two years of random rows.
const YEAR = testYear() + 3;
const START = Date.UTC(YEAR - 1, 0, 1) - 8 * 3_600_000;
const END = Date.UTC(YEAR + 1, 0, 1) - 8 * 3_600_000;
const instant = fc.integer({ min: START - 5_000, max: END + 5_000 });
const LEVELS = ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied', 'veryDissatisfied'] as const;
const STATUSES = ['ordered', 'confirmed', 'delivered', 'closed', 'cancelled'] as const;
const FOLLOW_UPS = ['open', 'answered', 'reopened', 'closed'] as const;
const EVENT_REGIONS = ['440604', '440100', '440500', '441900', '440300'];

let app: TestApp;
before(async () => {
  app = await openTestApp();
});
after(() => app.close());

test('every center’s score, grade and rank equal a recount from the raw rows (property)', async () => {
  const { db } = app.database;
  const enterprises = await db
    .selectFrom('enterprises')
    .select(['id', 'name', 'region_code'])
    .where((eb) =>
      eb.or(['4406%', '4401%', '4405%', '4403%', '4419%'].map((prefix) => eb('region_code', 'like', prefix))),
    )
    .orderBy('id')
    .limit(40)
    .execute();
  const products = await db
    .selectFrom('products')
    .select(['id', 'name', 'provider_id', 'category_id'])
    .where('listed', '=', 1)
    .orderBy('seq')
    .limit(20)
    .execute();
  const { seq: _eventSeq, ...event } = await db
    .selectFrom('events')
    .selectAll()
    .orderBy('seq')
    .limit(1)
    .executeTakeFirstOrThrow();
  const { seq: _registrationSeq, ...registration } = await db
    .selectFrom('registrations')
    .selectAll()
    .orderBy('seq')
    .limit(1)
    .executeTakeFirstOrThrow();

  const clear = () =>
    db.transaction().execute(async (trx) => {
      await trx.deleteFrom('follow_ups').where('id', 'like', 'fup-prop-%').execute();
      await trx.deleteFrom('ratings').where('id', 'like', 'rat-prop-%').execute();
      await trx.deleteFrom('engagements').where('id', 'like', 'eng-prop-%').execute();
      await trx.deleteFrom('event_ratings').where('id', 'like', 'evr-prop-%').execute();
      await trx.deleteFrom('registrations').where('id', 'like', 'reg-prop-%').execute();
      await trx.deleteFrom('events').where('id', 'like', 'evt-prop-%').execute();
      await trx.deleteFrom('target_shares').where('year', '=', YEAR).execute();
      await trx.deleteFrom('evaluation_years').where('year', '=', YEAR).execute();
    });

  const engagement = fc.record({
    enterprise: fc.nat({ max: enterprises.length - 1 }),
    product: fc.nat({ max: products.length - 1 }),
    status: fc.constantFrom(...STATUSES),
    // A voucher-paid row's contract (twice the voucher) is at least ¥1, as the database holds every paid order.
    voucher: fc.option(fc.integer({ min: 50, max: 200_000 }), { nil: null }),
    ts: instant,
    rating: fc.option(
      fc.record({
        level: fc.constantFrom(...LEVELS),
        ts: instant,
        followUp: fc.option(
          fc.record({ status: fc.constantFrom(...FOLLOW_UPS), late: fc.integer({ min: -3, max: 3 }) }),
          {
            nil: null,
          },
        ),
      }),
      { nil: null },
    ),
  });
  const events = fc.array(fc.record({ ts: instant, region: fc.constantFrom(...EVENT_REGIONS) }), {
    minLength: 1,
    maxLength: 6,
  });
  const attendance = fc.record({
    status: fc.constantFrom('attended', 'attended', 'confirmed'),
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    ts: instant,
  });
  const weights = fc
    .tuple(fc.nat({ max: 100 }), fc.nat({ max: 100 }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
    .map(([a, b]) => ({ resources: a, matching: b - a, effect: 100 - b }));
  const share = fc.option(
    fc.record({
      code: fc.constantFrom('440100', '440600', '441900'),
      services: fc.nat({ max: 40 }),
      providers: fc.nat({ max: 5 }),
    }),
    { nil: null },
  );

  await fc.assert(
    fc.asyncProperty(
      fc.array(engagement, { maxLength: 40 }),
      events,
      fc.uniqueArray(fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: enterprises.length - 1 }), attendance), {
        selector: ([e, x]) => `${e} ${x}`,
        maxLength: 30,
      }),
      weights,
      share,
      async (engagements, eventRows, attendances, weight, setShare) => {
        await clear();
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('evaluation_years')
            .values({
              year: YEAR,
              weight_resources: weight.resources,
              weight_matching: weight.matching,
              weight_effect: weight.effect,
              revision: 1,
              updated_at: '',
              updated_by: 'usr-admin-440000',
            })
            .execute();
          if (setShare)
            await trx
              .insertInto('target_shares')
              .values({
                year: YEAR,
                region_code: setShare.code,
                providers_integrated: setShare.providers,
                enterprise_services: setShare.services,
              })
              .execute();
          for (const [i, row] of engagements.entries()) {
            const enterprise = enterprises[row.enterprise]!;
            const product = products[row.product]!;
            await trx
              .insertInto('engagements')
              .values({
                id: `eng-prop-${i}`,
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
                // A row without a voucher stands for a free order (all at 0), which the database allows only as such.
                price_kind: row.voucher === null ? 'free' : 'paid',
                status: row.status,
                accepted_at: null,
                rating_id: null,
                created_at: '',
                created_ts: row.ts,
                updated_at: '',
              })
              .execute();
            if (!row.rating) continue;
            await trx
              .insertInto('ratings')
              .values({
                id: `rat-prop-${i}`,
                engagement_id: `eng-prop-${i}`,
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
              })
              .execute();
            const followUp = row.rating.followUp;
            if (!followUp) continue;
            const rating = await trx
              .selectFrom('ratings')
              .select('seq')
              .where('id', '=', `rat-prop-${i}`)
              .executeTakeFirstOrThrow();
            const due = new Date(Date.UTC(YEAR, 5, 10));
            const closed = new Date(Date.UTC(YEAR, 5, 10 + followUp.late)).toISOString().slice(0, 10);
            await trx
              .insertInto('follow_ups')
              .values({
                id: `fup-prop-${i}`,
                rating_seq: rating.seq,
                status: followUp.status,
                opened_at: '',
                due_on: due.toISOString().slice(0, 10),
                reopened_at: null,
                reopen_reason: null,
                reopen_count: 0,
                updated_at: `${closed}T12:00:00+08:00`,
                escalated_to: null,
              } as never)
              .execute();
          }
          const seqs: number[] = [];
          for (const [i, row] of eventRows.entries()) {
            await trx
              .insertInto('events')
              .values({
                ...event,
                id: `evt-prop-${i}`,
                starts_ts: row.ts,
                region_code: row.region,
                status: 'scheduled',
              })
              .execute();
            seqs.push(
              (await trx.selectFrom('events').select('seq').where('id', '=', `evt-prop-${i}`).executeTakeFirstOrThrow())
                .seq,
            );
          }
          // Two indexes may name the same event (there are fewer events than indexes): an enterprise registers once.
          const registered = new Set<string>();
          for (const [i, [eventIndex, enterpriseIndex, row]] of attendances.entries()) {
            const eventSeq = seqs[eventIndex % seqs.length]!;
            const enterprise = enterprises[enterpriseIndex]!;
            if (registered.has(`${eventSeq} ${enterprise.id}`)) continue;
            registered.add(`${eventSeq} ${enterprise.id}`);
            await trx
              .insertInto('registrations')
              .values({
                ...registration,
                id: `reg-prop-${i}`,
                event_seq: eventSeq,
                event_id: `evt-prop-${eventIndex % seqs.length}`,
                enterprise_id: enterprise.id,
                enterprise_name: enterprise.name,
                status: row.status as 'attended' | 'confirmed',
                waitlist_seq: null,
                code: `PROP${String(i).padStart(6, '0')}`,
              })
              .execute();
            if (row.score === null || row.status !== 'attended') continue;
            const seq = (
              await trx
                .selectFrom('registrations')
                .select('seq')
                .where('id', '=', `reg-prop-${i}`)
                .executeTakeFirstOrThrow()
            ).seq;
            await trx
              .insertInto('event_ratings')
              .values({
                id: `evr-prop-${i}`,
                event_seq: eventSeq,
                registration_seq: seq,
                enterprise_id: enterprise.id,
                user_id: registration.user_id,
                score: row.score,
                comment: null,
                created_at: '',
                created_ts: row.ts,
              })
              .execute();
          }
        });
        for (const level of ['city', 'province'] as const) {
          const response = await app.inject({ method: 'GET', url: `/api/v1/evaluations?year=${YEAR}&level=${level}` });
          assert.equal(response.status, 200, JSON.stringify(response.body));
          const list = EvaluationList.parse(response.body);
          const expected = await recountLevel(db, level, YEAR);
          assert.equal(list.items.length, expected.size);
          for (const item of list.items) {
            const want = expected.get(item.centerId);
            assert.ok(want, item.centerId);
            assert.deepEqual(
              {
                dimensions: item.dimensions,
                score: item.score,
                grade: item.grade,
                rank: item.rank,
                previousScore: item.previousScore,
                flagged: item.flagged,
              },
              want.expected,
              `${item.centerId} (${level})`,
            );
            assert.deepEqual(
              { total: item.indicators.followUps, inTime: item.indicators.followUpsResolvedInTime },
              want.followUps,
            );
          }
        }
      },
    ),
    { numRuns: 4, seed: 20261208 },
  );
  await clear();
});
