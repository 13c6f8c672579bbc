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

/** Inserts an engagement of the enterprise on the product (delivered and accepted unless told otherwise). */
function insertEngagement(
  enterpriseId: string,
  productId: string,
  options: { status?: string; accepted?: boolean; name?: string } = {},
): string {
  const id = `eng-test-${String(++seq).padStart(5, '0')}`;
  const now = Date.now();
  app.database.sqlite
    .prepare(
      `INSERT INTO engagements (id, enterprise_id, enterprise_name, enterprise_region_code, provider_id, provider_name,
         product_id, product_name, category_id, voucher_id, contract_amount, voucher_amount, self_paid, status,
         accepted_at, rating_id, created_at, created_ts, updated_at)
       SELECT ?, ?, ?, '440604', p.provider_id, v.name, p.id, p.name, p.category_id, NULL, 500000, 0, 500000, ?, ?,
         NULL, ?, ?, ?
       FROM products p JOIN providers v ON v.seq = p.provider_seq WHERE p.id = ?`,
    )
    .run(
      id,
      enterpriseId,
      options.name ?? '佛山市禅城区测试科技有限公司',
      options.status ?? 'delivered',
      options.accepted === false ? null : shanghai(now - DAY),
      shanghai(now - 30 * DAY),
      now - 30 * DAY,
      shanghai(now),
      productId,
    );
  return id;
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

function listedProducts(n: number): { id: string; provider_id: string }[] {
  return app.database.sqlite
    .prepare('SELECT id, provider_id FROM products WHERE listed = 1 ORDER BY seq LIMIT ?')
    .all(n) as { id: string; provider_id: string }[];
}

describe('rating an engagement', () => {
  let token: string;
  let other: string;
  let productId: string;
  before(async () => {
    [token = '', other = ''] = await enterpriseTokens(app, 2, 'rater');
    productId = listedProducts(1)[0]?.id ?? '';
  });

  test('the owner rates a delivered engagement once; score and grade come from the server', async () => {
    const engagementId = insertEngagement('ent-rater-001', productId);
    const response = await rate(token, engagementId, input());
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const rating = Rating.parse(response.body);
    assert.equal(rating.score, 85);
    assert.equal(rating.grade, 'B');
    assert.equal(rating.followUp, null);
    assert.equal(rating.engagementId, engagementId);
    const engagement = app.database.sqlite.prepare('SELECT rating_id FROM engagements WHERE id = ?').get(engagementId);
    assert.deepEqual(engagement, { rating_id: rating.id });

    const again = await rate(token, engagementId, input());
    const problem = assertProblem(again, 409, 'already_rated');
    assert.match(problem.detail ?? '', /已评价/);
    const english = await rate(token, engagementId, input(), 'en');
    assert.match(assertProblem(english, 409, 'already_rated').detail ?? '', /already been rated/);
  });

  test("another enterprise's engagement is a 404, the same as a missing one", async () => {
    const engagementId = insertEngagement('ent-rater-001', productId);
    assertProblem(await rate(other, engagementId, input()), 404, 'not_found');
    assertProblem(await rate(other, 'eng-test-missing', input()), 404, 'not_found');
    const nothing = app.database.sqlite.prepare('SELECT count(*) AS n FROM ratings WHERE engagement_id = ?');
    assert.deepEqual(nothing.get(engagementId), { n: 0 });
  });

  test('an engagement not delivered, or delivered but not accepted, is refused', async () => {
    for (const options of [
      { status: 'inProgress', accepted: false },
      { status: 'delivered', accepted: false },
    ]) {
      const engagementId = insertEngagement('ent-rater-001', productId, options);
      const problem = assertProblem(await rate(token, engagementId, input()), 409, 'not_delivered');
      assert.match(problem.detail ?? '', /验收/);
    }
  });

  test('only an enterprise may rate; a provider token is 403, no token 401', async () => {
    const engagementId = insertEngagement('ent-rater-001', productId);
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
    const accepted = await rate(token, insertEngagement('ent-rater-001', productId), input({ comment: comment200 }));
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    assert.equal(Rating.parse(accepted.body).comment, comment200);

    const refused = await rate(
      token,
      insertEngagement('ent-rater-001', productId),
      input({ comment: `${comment200}好` }),
    );
    const problem = assertProblem(refused, 400, 'validation_failed');
    assert.ok(problem.errors?.some((error) => error.path === 'body.comment' && error.code === 'rating.comment'));
  });

  test('bad scores and levels are 400 with their message keys', async () => {
    const engagementId = insertEngagement('ent-rater-001', productId);
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

describe('follow-ups', () => {
  let enterprise: string;
  let provider: string;
  let otherProvider: string;
  let ratingId: string;

  before(async () => {
    [enterprise = ''] = await enterpriseTokens(app, 1, 'follow');
    provider = await app.tokenFor('usr-prv-01');
    otherProvider = await app.tokenFor('usr-prv-02');
    const providerId = (
      app.database.sqlite.prepare("SELECT provider_id FROM users WHERE id = 'usr-prv-01'").get() as {
        provider_id: string;
      }
    ).provider_id;
    const product = app.database.sqlite
      .prepare('SELECT id FROM products WHERE provider_id = ? AND listed = 1 LIMIT 1')
      .get(providerId) as { id: string };
    const response = await rate(
      enterprise,
      insertEngagement('ent-follow-001', product.id),
      input({ level: 'veryDissatisfied', solved: false, comment: '没有解决问题。' }),
    );
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const rating = Rating.parse(response.body);
    ratingId = rating.id;
    assert.equal(rating.followUp?.status, 'open');
    assert.equal(rating.followUp?.canReopen, true);
    assert.equal(rating.followUp?.overdue, false);
    assert.ok((rating.followUp?.dueOn ?? '') > shanghai(Date.now()).slice(0, 10));
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
    const productId = (
      app.database.sqlite.prepare('SELECT product_id FROM ratings WHERE id = ?').get(ratingId) as {
        product_id: string;
      }
    ).product_id;
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
    const product = listedProducts(1)[0]?.id ?? '';
    const rating = Rating.parse(
      (await rate(token, insertEngagement('ent-late-001', product), input({ level: 'dissatisfied' }))).body,
    );
    app.database.sqlite
      .prepare("UPDATE follow_ups SET due_on = '2020-01-02' WHERE rating_seq = (SELECT seq FROM ratings WHERE id = ?)")
      .run(rating.id);
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

interface Recount {
  subject_id: string;
  n: number;
  total: number;
  very_satisfied: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  very_dissatisfied: number;
  average: number;
}

/** Every stats row and catalog column against a recount of the stored ratings. */
function assertAggregatesMatch(): void {
  const { sqlite } = app.database;
  for (const [stats, column, table] of [
    ['product_rating_stats', 'product_id', 'products'],
    ['provider_rating_stats', 'provider_id', 'providers'],
  ] as const) {
    const recount = sqlite
      .prepare(
        `SELECT ${column} AS subject_id, COUNT(*) AS n, SUM(score) AS total,
           SUM(level = 'verySatisfied') AS very_satisfied, SUM(level = 'satisfied') AS satisfied,
           SUM(level = 'neutral') AS neutral, SUM(level = 'dissatisfied') AS dissatisfied,
           SUM(level = 'veryDissatisfied') AS very_dissatisfied, ROUND(AVG(score), 1) AS average
         FROM ratings GROUP BY ${column} ORDER BY ${column}`,
      )
      .all() as Recount[];
    const stored = sqlite.prepare(`SELECT * FROM ${stats} ORDER BY subject_id`).all() as Record<string, number>[];
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
    const mismatched = sqlite
      .prepare(
        `SELECT t.id, t.rating_count, t.rating_average, t.rating_sort, r.n, r.average FROM ${table} t
         LEFT JOIN (SELECT ${column} AS id, COUNT(*) AS n, ROUND(AVG(score), 1) AS average FROM ratings
                    GROUP BY ${column}) r ON r.id = t.id
         WHERE t.rating_count <> COALESCE(r.n, 0) OR t.rating_average IS NOT r.average
            OR t.rating_sort <> COALESCE(r.average, -1)
         LIMIT 5`,
      )
      .all();
    assert.deepEqual(mismatched, [], `${table}: rating columns equal a recount`);
  }
  const coverage = sqlite
    .prepare(
      `SELECT c.seq FROM product_coverage c JOIN products p ON p.seq = c.seq WHERE c.rating_sort <> p.rating_sort LIMIT 5`,
    )
    .all();
  assert.deepEqual(coverage, [], 'the region index copies the sort key');
}

test('the seeded aggregates equal a recount of the seeded ratings', () => {
  assertAggregatesMatch();
});

test('property: after 1,000 random ratings sent at once, every aggregate equals a recount', async () => {
  const tokens = await enterpriseTokens(app, 100, 'crowd');
  const products = listedProducts(400).filter((_, index) => index % 10 === 0);
  await fc.assert(
    fc.asyncProperty(fc.array(ratingArb, { minLength: 1000, maxLength: 1000 }), async (inputs) => {
      const jobs = inputs.map((body, index) => {
        const enterprise = index % tokens.length;
        const product = products[index % products.length]?.id ?? '';
        const engagementId = insertEngagement(`ent-crowd-${String(enterprise + 1).padStart(3, '0')}`, product);
        return { token: tokens[enterprise] ?? '', engagementId, body };
      });
      const responses = await Promise.all(jobs.map((job) => rate(job.token, job.engagementId, job.body)));
      responses.forEach((response, index) => {
        assert.equal(response.status, 201, JSON.stringify(response.body));
        const rating = Rating.parse(response.body);
        const body = inputs[index] as RatingInput;
        assert.equal(rating.score, ratingScore(body.scores));
        assert.equal(rating.grade, ratingGrade(rating.score));
        assert.equal(rating.followUp !== null, body.level === 'dissatisfied' || body.level === 'veryDissatisfied');
      });
      assertAggregatesMatch();
    }),
    { numRuns: 1 },
  );
  // The public summary says the same as the recount.
  const productId = products[0]?.id ?? '';
  const page = PublicRatingPage.parse(
    (await app.inject({ method: 'GET', url: `/api/v1/products/${productId}/ratings` })).body,
  );
  const recount = app.database.sqlite
    .prepare('SELECT COUNT(*) AS n, SUM(score) AS total FROM ratings WHERE product_id = ?')
    .get(productId) as { n: number; total: number };
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
