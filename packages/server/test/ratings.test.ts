import { testNow } from '../../../test-support/server.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  PublicRatingPage,
  Rating,
  RATING_ITEMS,
  RatingPage,
  ratingGrade,
  ratingScore,
  SATISFACTION_LEVELS,
  type RatingInput,
  type SatisfactionLevel,
} from '@smec/schemas';
import { sql, type Insertable } from 'kysely';
import type { EngagementTable } from '../src/db/schema.js';
import { roundedAverageSql } from '../src/ratings/aggregates.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { enterpriseTokens } from './event-helpers.js';
import { assertProblem } from './helpers.js';

const DAY = 86_400_000;

let app: TestApp;
let seq = 0;

before(async () => {
  app = await openTestApp();
});
after(() => app.close());

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** What an engagement copies of its product and provider. */
interface EngagedProduct {
  id: string;
  name: string;
  category_id: string;
  provider_id: string;
  provider_name: string;
}

/** Products with their providers' names: what an engagement row copies. */
function engagedProducts() {
  return app.database.db
    .selectFrom('products as p')
    .innerJoin('providers as v', 'v.seq', 'p.provider_seq')
    .select(['p.id', 'p.name', 'p.category_id', 'p.provider_id', 'v.name as provider_name']);
}

interface EngagementOptions {
  status?: EngagementTable['status'];
  accepted?: boolean;
  name?: string;
}

/** An engagement of the enterprise on the product (delivered and accepted unless told otherwise). */
function engagementRow(
  enterpriseId: string,
  product: EngagedProduct,
  options: EngagementOptions = {},
): Insertable<EngagementTable> & { id: string } {
  const now = testNow();
  return {
    id: `eng-test-${String(++seq).padStart(5, '0')}`,
    enterprise_id: enterpriseId,
    enterprise_name: options.name ?? '佛山市禅城区测试科技有限公司',
    enterprise_region_code: '440604',
    provider_id: product.provider_id,
    provider_name: product.provider_name,
    product_id: product.id,
    product_name: product.name,
    category_id: product.category_id,
    voucher_id: null,
    contract_amount: 500_000,
    voucher_amount: 0,
    self_paid: 500_000,
    status: options.status ?? 'delivered',
    accepted_at: options.accepted === false ? null : shanghai(now - DAY),
    rating_id: null,
    created_at: shanghai(now - 30 * DAY),
    created_ts: now - 30 * DAY,
    updated_at: shanghai(now),
  };
}

/** In chunks: PostgreSQL takes at most 65,535 parameters in a statement (19 per row here). */
async function insertEngagements(rows: readonly Insertable<EngagementTable>[]): Promise<void> {
  for (let from = 0; from < rows.length; from += 500) {
    await app.database.db
      .insertInto('engagements')
      .values(rows.slice(from, from + 500))
      .execute();
  }
}

/** Inserts an engagement of the enterprise on the product (delivered and accepted unless told otherwise). */
async function insertEngagement(
  enterpriseId: string,
  productId: string,
  options: EngagementOptions = {},
): Promise<string> {
  const product = await engagedProducts().where('p.id', '=', productId).executeTakeFirstOrThrow();
  const row = engagementRow(enterpriseId, product, options);
  await insertEngagements([row]);
  return row.id;
}

function input(overrides: Partial<RatingInput> = {}): RatingInput {
  return {
    scores: {
      attitude: 9,
      expertise: 9,
      conduct: 9,
      fulfilment: 13,
      quality: 13,
      value: 12,
      usefulness: 8,
      afterSales: 12,
    },
    level: 'satisfied',
    solved: true,
    comment: '服务专业，交付及时。',
    ...overrides,
  };
}

async function rate(token: string, engagementId: string, body: unknown, language = 'zh-CN') {
  return app.inject<unknown>({
    method: 'POST',
    url: `/api/v1/engagements/${engagementId}/rating`,
    headers: { authorization: `Bearer ${token}`, 'accept-language': language },
    payload: body as object,
  });
}

/** The first `n` listed products, in catalog order. */
function listedProducts(n: number): Promise<EngagedProduct[]> {
  return engagedProducts().where('p.listed', '=', 1).orderBy('p.seq').limit(n).execute();
}

describe('rating an engagement', () => {
  let token: string;
  let other: string;
  let productId: string;
  before(async () => {
    [token = '', other = ''] = await enterpriseTokens(app, 2, 'rater');
    productId = (await listedProducts(1))[0]?.id ?? '';
  });

  test('the owner rates a delivered engagement once; score and grade come from the server', async () => {
    const engagementId = await insertEngagement('ent-rater-001', productId);
    const response = await rate(token, engagementId, input());
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const rating = Rating.parse(response.body);
    assert.equal(rating.score, 85);
    assert.equal(rating.grade, 'B');
    assert.equal(rating.followUp, null);
    assert.equal(rating.engagementId, engagementId);
    const engagement = await app.database.db
      .selectFrom('engagements')
      .select('rating_id')
      .where('id', '=', engagementId)
      .executeTakeFirst();
    assert.deepEqual(engagement, { rating_id: rating.id });

    const again = await rate(token, engagementId, input());
    const problem = assertProblem(again, 409, 'already_rated');
    assert.match(problem.detail ?? '', /已评价/);
    const english = await rate(token, engagementId, input(), 'en');
    assert.match(assertProblem(english, 409, 'already_rated').detail ?? '', /already been rated/);
  });

  test("another enterprise's engagement is a 404, the same as a missing one", async () => {
    const engagementId = await insertEngagement('ent-rater-001', productId);
    assertProblem(await rate(other, engagementId, input()), 404, 'not_found');
    assertProblem(await rate(other, 'eng-test-missing', input()), 404, 'not_found');
    const nothing = await app.database.db
      .selectFrom('ratings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('engagement_id', '=', engagementId)
      .executeTakeFirst();
    assert.deepEqual(nothing, { n: 0 });
  });

  test('an engagement not delivered, or delivered but not accepted, is refused', async () => {
    const cases: EngagementOptions[] = [
      { status: 'inProgress', accepted: false },
      { status: 'delivered', accepted: false },
    ];
    for (const options of cases) {
      const engagementId = await insertEngagement('ent-rater-001', productId, options);
      const problem = assertProblem(await rate(token, engagementId, input()), 409, 'not_delivered');
      assert.match(problem.detail ?? '', /验收/);
    }
  });

  test('only an enterprise may rate; a provider token is 403, no token 401', async () => {
    const engagementId = await insertEngagement('ent-rater-001', productId);
    const provider = await app.tokenFor('usr-prv-01');
    assertProblem(await rate(provider, engagementId, input()), 403, 'forbidden');
    const anonymous = await app.inject({
      method: 'POST',
      url: `/api/v1/engagements/${engagementId}/rating`,
      payload: input(),
    });
    assertProblem(anonymous, 401, 'unauthorized');
  });

  test('a 200-character comment with emoji is accepted, 201 refused', async () => {
    // '👍🏻' (with a skin tone) and a ZWJ family are one character each, as a person counts them.
    const comment200 = `${'好'.repeat(196)}👍🏻👨‍👩‍👧‍👦🇨🇳é`;
    assert.ok(comment200.length > 200, 'more than 200 UTF-16 code units');
    const accepted = await rate(
      token,
      await insertEngagement('ent-rater-001', productId),
      input({ comment: comment200 }),
    );
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    assert.equal(Rating.parse(accepted.body).comment, comment200);

    const refused = await rate(
      token,
      await insertEngagement('ent-rater-001', productId),
      input({ comment: `${comment200}好` }),
    );
    const problem = assertProblem(refused, 400, 'validation_failed');
    assert.ok(problem.errors?.some((error) => error.path === 'body.comment' && error.code === 'rating.comment'));
  });

  test('bad scores and levels are 400 with their message keys', async () => {
    const engagementId = await insertEngagement('ent-rater-001', productId);
    const bad = await rate(token, engagementId, {
      ...input(),
      scores: { ...input().scores, attitude: 11 },
      level: 'meh',
    });
    const problem = assertProblem(bad, 400, 'validation_failed');
    const codes = problem.errors?.map((error) => error.code) ?? [];
    assert.ok(codes.includes('rating.score') && codes.includes('rating.level'), codes.join());
  });
});

/**
 * A new enterprise (`ent-<prefix>-001`) rates an engagement on usr-prv-01's first listed product very dissatisfied,
 * which opens a follow-up: its token and the rating.
 */
async function openFollowUp(prefix: string): Promise<{ enterprise: string; rating: Rating }> {
  const [enterprise = ''] = await enterpriseTokens(app, 1, prefix);
  const { provider_id: providerId } = await app.database.db
    .selectFrom('users')
    .select('provider_id')
    .where('id', '=', 'usr-prv-01')
    .executeTakeFirstOrThrow();
  assert.ok(providerId, 'usr-prv-01 belongs to a provider');
  // Ordered so that both databases pick the same product.
  const product = await app.database.db
    .selectFrom('products')
    .select('id')
    .where('provider_id', '=', providerId)
    .where('listed', '=', 1)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirstOrThrow();
  const response = await rate(
    enterprise,
    await insertEngagement(`ent-${prefix}-001`, product.id),
    input({ level: 'veryDissatisfied', solved: false, comment: '没有解决问题。' }),
  );
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return { enterprise, rating: Rating.parse(response.body) };
}

describe('follow-ups', () => {
  let enterprise: string;
  let provider: string;
  let otherProvider: string;
  let ratingId: string;

  before(async () => {
    provider = await app.tokenFor('usr-prv-01');
    otherProvider = await app.tokenFor('usr-prv-02');
    const opened = await openFollowUp('follow');
    enterprise = opened.enterprise;
    const { rating } = opened;
    ratingId = rating.id;
    assert.equal(rating.followUp?.status, 'open');
    assert.equal(rating.followUp?.canReopen, true);
    assert.equal(rating.followUp?.overdue, false);
    assert.ok((rating.followUp?.dueOn ?? '') > shanghai(testNow()).slice(0, 10));
  });

  const post = (token: string, path: string, payload?: object) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/ratings/${ratingId}/follow-up/${path}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  test('answer, reopen once, answer again, a second reopen refused, then close', async () => {
    assertProblem(await post(otherProvider, 'answers', { text: '不是我们的评价' }), 404, 'not_found');
    assertProblem(await post(enterprise, 'close'), 409, 'follow_up_not_answered');
    assertProblem(await post(enterprise, 'reopen', { reason: '还没答复' }), 409, 'follow_up_not_answered');

    const answered = await post(provider, 'answers', { text: '已安排回访并补充交付。' });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.equal(Rating.parse(answered.body).followUp?.status, 'answered');
    assertProblem(await post(provider, 'answers', { text: '再答一次' }), 409, 'follow_up_not_open');

    const reopened = Rating.parse((await post(enterprise, 'reopen', { reason: '补充材料仍未收到。' })).body);
    assert.equal(reopened.followUp?.status, 'reopened');
    assert.equal(reopened.followUp?.canReopen, false);
    assert.equal(reopened.followUp?.reopenReason, '补充材料仍未收到。');

    const again = Rating.parse((await post(provider, 'answers', { text: '材料已快递寄出。' })).body);
    assert.equal(again.followUp?.status, 'answered');
    assert.deepEqual(
      again.followUp?.answers.map((answer) => answer.text),
      ['已安排回访并补充交付。', '材料已快递寄出。'],
    );
    const second = assertProblem(await post(enterprise, 'reopen', { reason: '还是不行' }), 409, 'already_reopened');
    assert.match(second.detail ?? '', /只能重新反馈一次/);

    const closed = Rating.parse((await post(enterprise, 'close')).body);
    assert.equal(closed.followUp?.status, 'closed');
  });

  test('the public sees the answers and only a label of the enterprise', async () => {
    const { product_id: productId } = await app.database.db
      .selectFrom('ratings')
      .select('product_id')
      .where('id', '=', ratingId)
      .executeTakeFirstOrThrow();
    const response = await app.inject({ method: 'GET', url: `/api/v1/products/${productId}/ratings?limit=100` });
    assert.equal(response.status, 200);
    const page = PublicRatingPage.parse(response.body);
    const mine = page.items.find((item) => item.id === ratingId);
    assert.equal(mine?.enterpriseLabel, '佛山某科技有限公司');
    assert.equal(mine?.answers.length, 2);
    assert.doesNotMatch(JSON.stringify(page), /测试001|ent-follow/);
  });

  test('overdue: an open follow-up past its due day', async () => {
    const [token = ''] = await enterpriseTokens(app, 1, 'late');
    const product = (await listedProducts(1))[0]?.id ?? '';
    const rating = Rating.parse(
      (await rate(token, await insertEngagement('ent-late-001', product), input({ level: 'dissatisfied' }))).body,
    );
    await app.database.db
      .updateTable('follow_ups')
      .set({ due_on: '2020-01-02' })
      .where((eb) => eb('rating_seq', '=', eb.selectFrom('ratings').select('seq').where('id', '=', rating.id)))
      .execute();
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/ratings?followUp=open',
      headers: { authorization: `Bearer ${token}` },
    });
    const page = RatingPage.parse(list.body);
    assert.equal(page.total, 1);
    assert.equal(page.items[0]?.followUp?.overdue, true);
  });
});

const levelArb = fc.constantFrom<SatisfactionLevel>(...SATISFACTION_LEVELS);
const scoresArb = fc.record(
  Object.fromEntries(RATING_ITEMS.map(([item, max]) => [item, fc.integer({ min: 0, max })])) as {
    [K in (typeof RATING_ITEMS)[number][0]]: fc.Arbitrary<number>;
  },
);
const ratingArb: fc.Arbitrary<RatingInput> = fc.record({
  scores: scoresArb,
  level: levelArb,
  solved: fc.boolean(),
  comment: fc.string({ maxLength: 40 }),
});

describe('follow-up steps retried with their Idempotency-Key', () => {
  let enterprise: string;
  let provider: string;
  let ratingId: string;

  before(async () => {
    provider = await app.tokenFor('usr-prv-01');
    const opened = await openFollowUp('followidem');
    enterprise = opened.enterprise;
    ratingId = opened.rating.id;
  });

  const post = (token: string, path: string, key: string, payload?: object) =>
    app.inject<Rating>({
      method: 'POST',
      url: `/api/v1/ratings/${ratingId}/follow-up/${path}`,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
      ...(payload ? { payload } : {}),
    });

  /** Sends a step twice with one key: the retry gets the first answer, marked as replayed. */
  async function twice(token: string, path: string, key: string, payload?: object): Promise<Rating> {
    const first = await post(token, path, key, payload);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const again = await post(token, path, key, payload);
    assert.equal(again.status, 200, `the retry of ${path} is answered as the first was: ${JSON.stringify(again.body)}`);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    return Rating.parse(again.body);
  }

  test('answer, reopen and close each replay their first answer and happen once; another body is 422', async () => {
    const answered = await twice(provider, 'answers', 'fu-answer-1', { text: '已安排回访并补充交付。' });
    assert.deepEqual(
      answered.followUp?.answers.map((answer) => answer.text),
      ['已安排回访并补充交付。'],
    );
    assertProblem(
      await post(provider, 'answers', 'fu-answer-1', { text: '另一个答复' }),
      422,
      'idempotency_key_reused',
    );

    const reopened = await twice(enterprise, 'reopen', 'fu-reopen-1', { reason: '补充材料仍未收到。' });
    assert.equal(reopened.followUp?.status, 'reopened');
    assertProblem(
      await post(enterprise, 'reopen', 'fu-reopen-1', { reason: '另一个原因' }),
      422,
      'idempotency_key_reused',
    );

    const again = await twice(provider, 'answers', 'fu-answer-2', { text: '材料已快递寄出。' });
    assert.equal(again.followUp?.answers.length, 2, 'one answer per key');

    const closed = await twice(enterprise, 'close', 'fu-close-1');
    assert.equal(closed.followUp?.status, 'closed');
    assertProblem(await post(enterprise, 'close', 'fu-close-1', { note: '另一个请求' }), 422, 'idempotency_key_reused');

    // Keys are the user's own: another enterprise sending the same key gets its own answer, not this one's.
    const [stranger = ''] = await enterpriseTokens(app, 1, 'followidem-other');
    assertProblem(await post(stranger, 'close', 'fu-close-1'), 404, 'not_found');
  });
});

test('property: score is the sum of the eight items, grade follows the bands', () => {
  fc.assert(
    fc.property(scoresArb, (scores) => {
      const sum = Object.values(scores).reduce((a, b) => a + b, 0);
      assert.equal(ratingScore(scores), sum);
      const expected = sum >= 90 ? 'A' : sum >= 80 ? 'B' : sum >= 60 ? 'C' : 'D';
      assert.equal(ratingGrade(sum), expected);
    }),
    { numRuns: 5000 },
  );
});

/** Every stats row and catalog column against a recount of the stored ratings. */
async function assertAggregatesMatch(): Promise<void> {
  const { db } = app.database;
  for (const [stats, column, table] of [
    ['product_rating_stats', 'product_id', 'products'],
    ['provider_rating_stats', 'provider_id', 'providers'],
  ] as const) {
    const recount = await db
      .selectFrom('ratings')
      .select((eb) => {
        // SUM(level = 'x') counts in SQLite only: PostgreSQL sums no booleans.
        const ofLevel = (level: SatisfactionLevel) =>
          eb.fn.sum<number>(eb.case().when('level', '=', level).then(1).else(0).end());
        return [
          eb.ref(column).as('subject_id'),
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<number>('score').as('total'),
          ofLevel('verySatisfied').as('very_satisfied'),
          ofLevel('satisfied').as('satisfied'),
          ofLevel('neutral').as('neutral'),
          ofLevel('dissatisfied').as('dissatisfied'),
          ofLevel('veryDissatisfied').as('very_dissatisfied'),
        ];
      })
      .groupBy(column)
      .orderBy(column)
      .execute();
    const stored = await db.selectFrom(stats).selectAll().orderBy('subject_id').execute();
    assert.equal(stored.length, recount.length, `${stats}: one row per rated subject`);
    recount.forEach((expected, index) => {
      const row = stored[index];
      assert.deepEqual(
        row,
        {
          subject_id: expected.subject_id,
          count: expected.n,
          score_sum: expected.total,
          very_satisfied: expected.very_satisfied,
          satisfied: expected.satisfied,
          neutral: expected.neutral,
          dissatisfied: expected.dissatisfied,
          very_dissatisfied: expected.very_dissatisfied,
        },
        `${stats} ${expected.subject_id}`,
      );
    });
    // IS DISTINCT FROM (not SQLite's IS NOT) compares the averages of unrated subjects, both null, on either database.
    const mismatched = await sql<Record<string, unknown>>`
      SELECT t.id, t.rating_count, t.rating_average, t.rating_sort, r.n, r.average FROM ${sql.table(table)} t
      LEFT JOIN (SELECT ${sql.ref(column)} AS id, COUNT(*) AS n,
                   ${sql.raw(roundedAverageSql('CAST(SUM(score) AS BIGINT)', 'COUNT(*)'))} AS average FROM ratings
                 GROUP BY ${sql.ref(column)}) r ON r.id = t.id
      WHERE t.rating_count <> COALESCE(r.n, 0) OR t.rating_average IS DISTINCT FROM r.average
         OR t.rating_sort <> COALESCE(r.average, -1)
      LIMIT 5`.execute(db);
    assert.deepEqual(mismatched.rows, [], `${table}: rating columns equal a recount`);
  }
  const coverage = await db
    .selectFrom('product_coverage as c')
    .innerJoin('products as p', 'p.seq', 'c.seq')
    .select('c.seq')
    .whereRef('c.rating_sort', '<>', 'p.rating_sort')
    .limit(5)
    .execute();
  assert.deepEqual(coverage, [], 'the region index copies the sort key');
}

test('the seeded aggregates equal a recount of the seeded ratings', async () => {
  await assertAggregatesMatch();
});

test('property: after 1,000 random ratings sent at once, every aggregate equals a recount', async () => {
  const tokens = await enterpriseTokens(app, 100, 'crowd');
  const products = (await listedProducts(400)).filter((_, index) => index % 10 === 0);
  await fc.assert(
    fc.asyncProperty(fc.array(ratingArb, { minLength: 1000, maxLength: 1000 }), async (inputs) => {
      const jobs = inputs.map((body, index) => {
        const enterprise = index % tokens.length;
        const product = products[index % products.length];
        assert.ok(product);
        const row = engagementRow(`ent-crowd-${String(enterprise + 1).padStart(3, '0')}`, product);
        return { token: tokens[enterprise] ?? '', engagementId: row.id, row, body };
      });
      await insertEngagements(jobs.map((job) => job.row));
      const responses = await Promise.all(jobs.map((job) => rate(job.token, job.engagementId, job.body)));
      responses.forEach((response, index) => {
        assert.equal(response.status, 201, JSON.stringify(response.body));
        const rating = Rating.parse(response.body);
        const body = inputs[index] as RatingInput;
        assert.equal(rating.score, ratingScore(body.scores));
        assert.equal(rating.grade, ratingGrade(rating.score));
        assert.equal(rating.followUp !== null, body.level === 'dissatisfied' || body.level === 'veryDissatisfied');
      });
      await assertAggregatesMatch();
    }),
    { numRuns: 1 },
  );
  // The public summary says the same as the recount.
  const productId = products[0]?.id ?? '';
  const page = PublicRatingPage.parse(
    (await app.inject({ method: 'GET', url: `/api/v1/products/${productId}/ratings` })).body,
  );
  const recount = await app.database.db
    .selectFrom('ratings')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('score').as('total')])
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  assert.equal(page.summary.count, recount.n);
  assert.equal(page.summary.averageScore, Math.round((recount.total / recount.n) * 10) / 10);
  assert.equal(
    Object.values(page.summary.levels).reduce((a, b) => a + b, 0),
    recount.n,
  );
  // And the catalog shows it.
  const detail = (await app.inject({ method: 'GET', url: `/api/v1/products/${productId}` })).body as {
    rating: { count: number; averageScore: number | null };
  };
  assert.equal(detail.rating.count, recount.n);
});
