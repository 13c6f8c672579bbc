import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Evaluation, EvaluationList, Scorecard, Targets } from '@smec/schemas';
import { gradeOf } from '@smec/schemas/rules';
import { testYear } from '../../../test-support/server.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem, query } from './helpers.js';

const year = testYear();
let app: TestApp;
let province: string;
before(async () => {
  app = await openTestApp();
  province = await app.tokenFor('usr-admin-440000');
});
after(() => app.close());

async function listOf(level: string, y = year): Promise<EvaluationList> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/evaluations${query({ year: y, level })}` });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return EvaluationList.parse(response.body);
}

async function scorecardOf(region: string): Promise<Scorecard> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/stats/scorecard${query({ region, year })}` });
  assert.equal(response.status, 200);
  return Scorecard.parse(response.body);
}

async function readTargets(y: number) {
  const response = await app.inject({ method: 'GET', url: `/api/v1/targets/${y}` });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return { targets: Targets.parse(response.body), etag: response.headers.get('etag') ?? '' };
}

let keys = 0;
function put(y: number, body: unknown, headers: Record<string, string> = {}, token: string | null = province) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/targets/${y}`,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      'idempotency-key': `targets-test-${++keys}`,
      ...headers,
    },
    payload: body as Record<string, unknown>,
  });
}

const WEIGHTS = { resources: 30, matching: 30, effect: 40 };

describe('the evaluation of the seeded centers', () => {
  test('every city is listed best first, with the grade of its score and ranks that share ties', async () => {
    const list = await listOf('city');
    assert.equal(list.items.length, 21);
    assert.deepEqual(list.weights, WEIGHTS);
    // Best first: the scores as listed are the scores sorted from the highest.
    const scores = list.items.map((item) => item.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    list.items.forEach((item) => {
      assert.equal(item.grade, gradeOf(item.score));
      assert.equal(item.centers, 21);
      assert.equal(item.rank, 1 + list.items.filter((other) => other.score > item.score).length);
      const { resources, matching, effect } = item.dimensions;
      assert.equal(item.score, Math.round((30 * resources + 30 * matching + 40 * effect) / 10) / 10);
      assert.equal(item.flagged, item.grade === 'fail' && item.previousGrade === 'fail');
    });
  });

  test("one center's evaluation is its entry of its level's list, with the scorecard's figures", async () => {
    const list = await listOf('county');
    const response = await app.inject({ method: 'GET', url: `/api/v1/evaluations/440604${query({ year })}` });
    assert.equal(response.status, 200);
    const one = Evaluation.parse(response.body);
    assert.deepEqual(
      one,
      list.items.find((item) => item.centerId === '440604'),
    );
    assert.deepEqual(one.figures, (await scorecardOf('440604')).region.figures);
    const province = (await listOf('province')).items;
    assert.equal(province.length, 1);
    assert.equal(province[0]?.rank, 1);
  });

  test('an unknown center is 404, a bad level or year 400', async () => {
    assertProblem(
      await app.inject({ method: 'GET', url: `/api/v1/evaluations/999999?year=${year}` }),
      404,
      'not_found',
    );
    for (const url of [
      `/api/v1/evaluations?year=${year}&level=town`,
      '/api/v1/evaluations?level=city',
      '/api/v1/targets/1999',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      assertProblem(response, 400, 'validation_failed');
    }
  });

  test('a checked-in attendance moves its region’s enterprise-services by one', async () => {
    const { db } = app.database;
    const registration = await db
      .selectFrom('registrations as r')
      .innerJoin('events as e', 'e.seq', 'r.event_seq')
      .innerJoin('enterprises as x', 'x.id', 'r.enterprise_id')
      .select(['r.code', 'e.id as eventId', 'x.region_code as region'])
      .where('r.status', '=', 'confirmed')
      .where('e.status', '=', 'scheduled')
      .where('e.region_code', 'like', '4405%')
      .where('e.starts_ts', '>=', Date.UTC(year, 0, 1))
      .where('e.starts_ts', '<', Date.UTC(year, 11, 31))
      .executeTakeFirstOrThrow();
    const before = await scorecardOf(registration.region);
    const token = await app.tokenFor('usr-admin-440500');
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/events/${registration.eventId}/check-ins`,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'eval-check-in' },
      payload: { code: registration.code },
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const after = await scorecardOf(registration.region);
    assert.equal(after.region.figures.enterpriseServices, before.region.figures.enterpriseServices + 1);
    assert.equal(after.region.figures.freeServices, before.region.figures.freeServices + 1);
    const evaluation = Evaluation.parse(
      (await app.inject({ method: 'GET', url: `/api/v1/evaluations/${registration.region}${query({ year })}` })).body,
    );
    assert.equal(evaluation.figures.enterpriseServices, after.region.figures.enterpriseServices);
    assert.equal(evaluation.indicators.attendances >= 1, true);
  });
});

describe('PUT /targets/{year}', () => {
  const y = year + 3;

  test('the defaults: the policy for the province, equal shares below, revision 0', async () => {
    const { targets, etag } = await readTargets(y);
    assert.match(etag, new RegExp(`^"targets-${y}\\.r0-`));
    assert.deepEqual(targets.weights, WEIGHTS);
    assert.equal(targets.revision, 0);
    assert.deepEqual(targets.regions[0]?.targets, { providersIntegrated: 10_000, enterpriseServices: 300_000 });
    const guangzhou = targets.regions.find((r) => r.region.code === '440100');
    assert.deepEqual(guangzhou?.targets, {
      providersIntegrated: Math.ceil(10_000 / 21),
      enterpriseServices: Math.ceil(300_000 / 21),
    });
    assert.equal(guangzhou?.source, 'equalShare');
    const early = (await readTargets(2019)).targets.regions[0]?.targets;
    assert.deepEqual(early, { providersIntegrated: 5_000, enterpriseServices: 100_000 });
  });

  test('only the province’s administrators set them', async () => {
    const body = { weights: WEIGHTS, shares: [] };
    assertProblem(await put(y, body, { 'if-match': '*' }, null), 401, 'unauthorized');
    for (const user of ['usr-admin-440100', 'usr-admin-440604', 'usr-ent-01', 'usr-prv-01']) {
      assertProblem(await put(y, body, { 'if-match': '*' }, await app.tokenFor(user)), 403, 'forbidden');
    }
  });

  test('shares are whole numbers ≥ 0 of cities and counties, weights add up to 100, parts never below the whole', async () => {
    const cases: [unknown, string][] = [
      [
        { weights: WEIGHTS, shares: [{ regionCode: '440100', providersIntegrated: 1.5, enterpriseServices: 1 }] },
        'body.shares.0.providersIntegrated',
      ],
      [
        { weights: WEIGHTS, shares: [{ regionCode: '440100', providersIntegrated: 600, enterpriseServices: -1 }] },
        'body.shares.0.enterpriseServices',
      ],
      [{ weights: { resources: 30, matching: 30, effect: 39 }, shares: [] }, 'body.weights'],
      [
        { weights: WEIGHTS, shares: [{ regionCode: '440000', providersIntegrated: 1, enterpriseServices: 1 }] },
        'body.shares.0.regionCode',
      ],
      [
        {
          weights: WEIGHTS,
          shares: [
            { regionCode: '440100', providersIntegrated: 600, enterpriseServices: 20_000 },
            { regionCode: '440100', providersIntegrated: 600, enterpriseServices: 20_000 },
          ],
        },
        'body.shares.1.regionCode',
      ],
      // Guangzhou at 1: the cities add up to less than the province's 300,000.
      [
        { weights: WEIGHTS, shares: [{ regionCode: '440100', providersIntegrated: 600, enterpriseServices: 1 }] },
        'body.shares',
      ],
      // A county of Foshan far above its share: fine; Foshan's counties at 0 but one: below Foshan's target.
      [
        {
          weights: WEIGHTS,
          shares: ['440604', '440605', '440606', '440607', '440608'].map((code) => ({
            regionCode: code,
            providersIntegrated: 0,
            enterpriseServices: 0,
          })),
        },
        'body.shares',
      ],
    ];
    for (const [body, path] of cases) {
      const problem = assertProblem(await put(y, body, { 'if-match': '*' }), 400, 'validation_failed');
      const errors = (problem as unknown as { errors: { path: string }[] }).errors;
      assert.ok(
        errors.some((error) => error.path === path),
        `${path} in ${JSON.stringify(errors)}`,
      );
    }
    assert.equal((await readTargets(y)).targets.revision, 0, 'nothing was written');
  });

  test('a setting is stored, audited, moves the scorecard’s targets and the scores; a stale If-Match is 412', async () => {
    const { etag } = await readTargets(y);
    assertProblem(await put(y, { weights: WEIGHTS, shares: [] }), 428, 'precondition_required');
    const body = {
      weights: { resources: 50, matching: 25, effect: 25 },
      shares: [{ regionCode: '440100', providersIntegrated: 800, enterpriseServices: 24_000 }],
    };
    const key = 'targets-setting-once';
    const first = await put(y, body, { 'if-match': etag, 'idempotency-key': key });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.headers.get('etag'), `"targets-${y}.r1"`);
    const written = Targets.parse(first.body);
    assert.equal(written.revision, 1);
    const guangzhou = written.regions.find((r) => r.region.code === '440100');
    assert.deepEqual(guangzhou?.targets, { providersIntegrated: 800, enterpriseServices: 24_000 });
    assert.equal(guangzhou?.source, 'set');
    const county = written.regions.find((r) => r.region.code === '440106');
    assert.equal(county?.targets.enterpriseServices, Math.ceil(24_000 / 11));
    const replay = await put(y, body, { 'if-match': etag, 'idempotency-key': key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assertProblem(await put(y, body, { 'if-match': etag }), 412, 'precondition_failed');

    const list = await listOf('city', y);
    assert.deepEqual(list.weights, body.weights);
    const card = await app.inject<Scorecard>({
      method: 'GET',
      url: `/api/v1/stats/scorecard${query({ region: '440100', year: y })}`,
    });
    assert.deepEqual(card.body.region.targets, { providersIntegrated: 800, enterpriseServices: 24_000 });
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'after'])
      .where('entity_id', '=', `targets-${y}`)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, 'targets.set');
    assert.equal(audit[0]?.actor_user_id, 'usr-admin-440000');
  });
});
