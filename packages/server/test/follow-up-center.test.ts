// The center's side of bad ratings' follow-ups: notes, escalation to the level above, close as resolved by staff of
// the rating's region, each on the audit log; and the queue of `GET /ratings?queue=`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Rating, RatingPage } from '@smec/schemas';
import { sql } from 'kysely';
import { testNow } from '../../../test-support/server.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { enterpriseTokens } from './event-helpers.js';
import { assertProblem } from './helpers.js';

const DAY = 86_400_000;
/** The test enterprises are in Foshan's Chancheng county, whose center and city center are seeded. */
const COUNTY_ADMIN = 'usr-admin-440604';
const CITY_ADMIN = 'usr-admin-440600';
const PROVINCE_ADMIN = 'usr-admin-440000';
const OTHER_CITY_ADMIN = 'usr-admin-440100';

let app: TestApp;
let count = 0;
const tokens = new Map<string, string>();

async function token(userId: string): Promise<string> {
  const known = tokens.get(userId);
  if (known) return known;
  const made = await app.tokenFor(userId);
  tokens.set(userId, made);
  return made;
}

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** A new enterprise rates a delivered engagement of usr-prv-01's provider very dissatisfied: its token and the rating with an open follow-up. */
async function badRating(): Promise<{ enterprise: string; rating: Rating }> {
  const prefix = `fuc${++count}`;
  const [enterprise = ''] = await enterpriseTokens(app, 1, prefix);
  const product = await app.database.db
    .selectFrom('products as p')
    .innerJoin('providers as v', 'v.seq', 'p.provider_seq')
    .select(['p.id', 'p.name', 'p.category_id', 'p.provider_id', 'v.name as provider_name'])
    .innerJoin('users as u', 'u.provider_id', 'p.provider_id')
    .where('u.id', '=', 'usr-prv-01')
    .where('p.listed', '=', 1)
    .orderBy('p.seq')
    .limit(1)
    .executeTakeFirstOrThrow();
  const now = testNow();
  const engagementId = `eng-fuc-${String(count).padStart(5, '0')}`;
  await app.database.db
    .insertInto('engagements')
    .values({
      id: engagementId,
      enterprise_id: `ent-${prefix}-001`,
      enterprise_name: '佛山市禅城区回访测试有限公司',
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
      status: 'delivered',
      accepted_at: shanghai(now - DAY),
      rating_id: null,
      created_at: shanghai(now - 30 * DAY),
      created_ts: now - 30 * DAY,
      updated_at: shanghai(now),
    })
    .execute();
  const scores = {
    attitude: 2,
    expertise: 2,
    conduct: 2,
    fulfilment: 3,
    quality: 3,
    value: 3,
    usefulness: 2,
    afterSales: 3,
  };
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/engagements/${engagementId}/rating`,
    headers: { authorization: `Bearer ${enterprise}` },
    payload: { scores, level: 'veryDissatisfied', solved: false, comment: '问题没有解决。' },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return { enterprise, rating: Rating.parse(response.body) };
}

function post(userToken: string, ratingId: string, path: string, payload?: object, key?: string) {
  return app.inject<unknown>({
    method: 'POST',
    url: `/api/v1/ratings/${ratingId}/follow-up/${path}`,
    headers: { authorization: `Bearer ${userToken}`, ...(key ? { 'idempotency-key': key } : {}) },
    ...(payload ? { payload } : {}),
  });
}

async function auditOf(ratingId: string) {
  return app.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'center_region_code', 'before', 'after'])
    .where('entity_type', '=', 'followUp')
    .where('entity_id', '=', ratingId)
    .orderBy('seq')
    .execute();
}

before(async () => {
  app = await openTestApp();
});
after(() => app.close());

describe('notes', () => {
  test('the county adds a note the centers see, the enterprise does not; it is on the audit log', async () => {
    const { enterprise, rating } = await badRating();
    const noted = await post(await token(COUNTY_ADMIN), rating.id, 'notes', { text: '已电话联系企业。' }, 'fuc-n1');
    assert.equal(noted.status, 201, JSON.stringify(noted.body));
    const followUp = Rating.parse(noted.body).followUp;
    assert.equal(followUp?.notes.length, 1);
    assert.equal(followUp?.notes[0]?.kind, 'note');
    assert.equal(followUp?.notes[0]?.text, '已电话联系企业。');
    assert.equal(followUp?.notes[0]?.byRegionCode, '440604');
    assert.equal(followUp?.status, 'open', 'a note changes nothing else');

    const again = await post(await token(COUNTY_ADMIN), rating.id, 'notes', { text: '已电话联系企业。' }, 'fuc-n1');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const city = await app.inject({
      method: 'GET',
      url: `/api/v1/engagements/${rating.engagementId}/rating`,
      headers: { authorization: `Bearer ${await token(CITY_ADMIN)}` },
    });
    assert.equal(Rating.parse(city.body).followUp?.notes.length, 1, 'the retry added no second note');
    const own = await app.inject({
      method: 'GET',
      url: `/api/v1/engagements/${rating.engagementId}/rating`,
      headers: { authorization: `Bearer ${enterprise}` },
    });
    assert.deepEqual(Rating.parse(own.body).followUp?.notes, []);

    const audit = await auditOf(rating.id);
    assert.deepEqual(
      audit.map((row) => [row.action, row.actor_user_id, row.center_region_code]),
      [['followUp.note', COUNTY_ADMIN, '440604']],
    );
  });

  test('outside the region: 404; a viewer, the enterprise, the provider: 403; a bad note names the field', async () => {
    const { enterprise, rating } = await badRating();
    assertProblem(
      await post(await token(OTHER_CITY_ADMIN), rating.id, 'notes', { text: '外市备注' }),
      404,
      'not_found',
    );
    assertProblem(
      await post(await token('usr-viewer-440500'), rating.id, 'notes', { text: '只读备注' }),
      403,
      'forbidden',
    );
    assertProblem(await post(enterprise, rating.id, 'notes', { text: '企业备注' }), 403, 'forbidden');
    assertProblem(await post(await token('usr-prv-01'), rating.id, 'notes', { text: '机构备注' }), 403, 'forbidden');
    const bad = assertProblem(
      await post(await token(COUNTY_ADMIN), rating.id, 'notes', { text: ' 好 ' }),
      400,
      'validation_failed',
    );
    assert.deepEqual(
      bad.errors?.map((error) => [error.path, error.code]),
      [['body.text', 'followUp.note']],
    );
    assert.deepEqual(await auditOf(rating.id), [], 'nothing refused is on the record');
  });
});

describe('escalation', () => {
  test('county → city → province; then refused; each level sees who escalated and when', async () => {
    const { rating } = await badRating();
    const county = await post(await token(COUNTY_ADMIN), rating.id, 'escalate', { reason: '服务机构逾期未答复。' });
    assert.equal(county.status, 200, JSON.stringify(county.body));
    const first = Rating.parse(county.body).followUp?.escalation;
    assert.equal(first?.toRegionCode, '440600');
    assert.equal(first?.byRegionCode, '440604');
    assert.equal(first?.reason, '服务机构逾期未答复。');
    assert.ok(first?.at);

    assertProblem(
      await post(await token(COUNTY_ADMIN), rating.id, 'escalate', { reason: '再报一次' }),
      409,
      'conflict',
    );

    const cityList = await app.inject({
      method: 'GET',
      url: '/api/v1/ratings?queue=escalated&limit=100',
      headers: { authorization: `Bearer ${await token(CITY_ADMIN)}` },
    });
    const escalated = RatingPage.parse(cityList.body).items.find((item) => item.id === rating.id);
    assert.equal(escalated?.followUp?.escalation?.toRegionCode, '440600', 'the city sees it as escalated to it');

    const city = await post(await token(CITY_ADMIN), rating.id, 'escalate', { reason: '请省中心督办。' });
    assert.equal(city.status, 200, JSON.stringify(city.body));
    const followUp = Rating.parse(city.body).followUp;
    assert.equal(followUp?.escalation?.toRegionCode, '440000');
    assert.deepEqual(
      followUp?.notes.map((note) => [note.kind, note.toRegionCode]),
      [
        ['escalation', '440600'],
        ['escalation', '440000'],
      ],
    );
    assertProblem(
      await post(await token(PROVINCE_ADMIN), rating.id, 'escalate', { reason: '无上级' }),
      403,
      'forbidden',
    );
    const audit = await auditOf(rating.id);
    assert.deepEqual(
      audit.map((row) => [row.action, row.actor_user_id]),
      [
        ['followUp.escalate', COUNTY_ADMIN],
        ['followUp.escalate', CITY_ADMIN],
      ],
    );
    assert.deepEqual(JSON.parse(audit[1]?.after ?? '{}').escalatedTo, '440000');
  });
});

describe('close as resolved', () => {
  test('staff of the region close it with a required note; then nothing more is taken', async () => {
    const { enterprise, rating } = await badRating();
    const missing = assertProblem(
      await post(await token(COUNTY_ADMIN), rating.id, 'close', {}),
      400,
      'validation_failed',
    );
    assert.deepEqual(
      missing.errors?.map((error) => error.path),
      ['body.note'],
    );
    assertProblem(
      await post(await token('usr-viewer-440500'), rating.id, 'close', { note: '只读结束' }),
      403,
      'forbidden',
    );
    assertProblem(
      await post(await token(OTHER_CITY_ADMIN), rating.id, 'close', { note: '外市结束' }),
      404,
      'not_found',
    );

    const closed = await post(await token(COUNTY_ADMIN), rating.id, 'close', {
      note: '已协调服务机构退款，企业认可。',
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const followUp = Rating.parse(closed.body).followUp;
    assert.equal(followUp?.status, 'closed');
    assert.equal(followUp?.notes.at(-1)?.kind, 'resolution');

    assertProblem(await post(await token(COUNTY_ADMIN), rating.id, 'notes', { text: '结束后备注' }), 409, 'conflict');
    assertProblem(await post(await token(CITY_ADMIN), rating.id, 'close', { note: '再次结束' }), 409, 'conflict');
    assertProblem(await post(enterprise, rating.id, 'close'), 409, 'follow_up_not_answered');
    const audit = await auditOf(rating.id);
    assert.deepEqual(
      audit.map((row) => [row.action, JSON.parse(row.before ?? '{}').status, JSON.parse(row.after ?? '{}').status]),
      [['followUp.resolve', 'open', 'closed']],
    );
  });

  test("the enterprise's own close stays as it was: after the answer, no note needed, not on the audit log", async () => {
    const { enterprise, rating } = await badRating();
    const answered = await post(await token('usr-prv-01'), rating.id, 'answers', { text: '已安排回访。' });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const closed = await post(enterprise, rating.id, 'close');
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(Rating.parse(closed.body).followUp?.status, 'closed');
    assert.deepEqual(await auditOf(rating.id), []);
  });
});

describe('the queue', () => {
  test('overdue first, then by due day; overdue and open filter', async () => {
    const late = await badRating();
    const fresh = await badRating();
    await app.database.db
      .updateTable('follow_ups')
      .set({ due_on: '2020-01-02' })
      .where((eb) => eb('rating_seq', '=', eb.selectFrom('ratings').select('seq').where('id', '=', late.rating.id)))
      .execute();
    const list = async (queue: string) => {
      const pages: Rating[] = [];
      let cursor: string | null | undefined;
      do {
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/ratings?queue=${queue}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          headers: { authorization: `Bearer ${await token(COUNTY_ADMIN)}` },
        });
        assert.equal(response.status, 200, JSON.stringify(response.body));
        const page = RatingPage.parse(response.body);
        pages.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return pages;
    };
    const open = await list('open');
    const ids = open.map((item) => item.id);
    assert.ok(ids.includes(late.rating.id) && ids.includes(fresh.rating.id));
    const firstNotOverdue = open.findIndex((item) => !item.followUp?.overdue);
    const lastOverdue = open.findLastIndex((item) => item.followUp?.overdue);
    assert.ok(lastOverdue < firstNotOverdue || firstNotOverdue === -1, 'overdue ones come first');
    const dues = open.slice(firstNotOverdue).map((item) => item.followUp?.dueOn ?? '');
    assert.deepEqual(dues, [...dues].sort(), 'then by due day');
    assert.ok(open.every((item) => item.followUp && item.followUp.status !== 'closed'));

    const overdue = await list('overdue');
    assert.ok(overdue.some((item) => item.id === late.rating.id));
    assert.ok(!overdue.some((item) => item.id === fresh.rating.id));
    assert.ok(overdue.every((item) => item.followUp?.overdue));
  });
});

test('the database holds a follow-up to its statuses and an escalation to its target', async () => {
  const { rating } = await badRating();
  const seq = sql<number>`(select seq from ratings where id = ${rating.id})`;
  await assert.rejects(
    app.database.db
      .updateTable('follow_ups')
      .set({ status: 'lost' as 'open' })
      .where('rating_seq', '=', seq)
      .execute(),
  );
  const followUp = await app.database.db
    .selectFrom('follow_ups')
    .select('seq')
    .where('rating_seq', '=', seq)
    .executeTakeFirstOrThrow();
  const action = {
    follow_up_seq: followUp.seq,
    text: '数据库约束',
    actor_user_id: COUNTY_ADMIN,
    actor_name: '测试',
    actor_region_code: '440604',
    at: shanghai(testNow()),
  };
  await assert.rejects(
    app.database.db
      .insertInto('follow_up_actions')
      .values({ ...action, kind: 'escalation', to_region_code: null })
      .execute(),
  );
  await assert.rejects(
    app.database.db
      .insertInto('follow_up_actions')
      .values({ ...action, kind: 'note', to_region_code: '440600' })
      .execute(),
  );
  await assert.rejects(
    app.database.db
      .insertInto('follow_up_actions')
      .values({ ...action, kind: 'shout' as 'note', to_region_code: null })
      .execute(),
  );
});
