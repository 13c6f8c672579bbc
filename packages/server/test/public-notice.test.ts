// The public notice over HTTP: objections filed while a notice runs and refused otherwise, the public list, the
// reviewers' decisions on objections, and the admission sweep that makes a provider of an application whose notice
// ended with no objection upheld.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  FiledObjection,
  ProviderApplication,
  ProviderApplicationPage,
  PublicNoticePage,
  shanghaiDayOf,
} from '@smec/schemas';
import { testSeedAsOf } from '../../../test-support/server.js';
import { DEMO_NOTICE } from '@smec/schemas/openapi';
import { admitDue, shortNameOf } from '../src/applications/admission.js';
import { RegionIndex } from '../src/catalog/regions.js';
import { assertProblem } from './helpers.js';
import {
  DAY_MS,
  OBJECTION,
  listNotices,
  object,
  openNoticeApp,
  REVIEWER,
  submitApplication,
  transition,
  underNotice,
  type NoticeApp,
} from './public-notice-helpers.js';

let t: NoticeApp;
before(async () => {
  t = await openNoticeApp();
});
after(async () => {
  await t.close();
});

describe('objections', () => {
  test('anyone files one while the notice runs: 201 with its id, open', async () => {
    const application = await underNotice(t);
    const response = await object(t, application.id);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const filed = FiledObjection.parse(response.body);
    assert.equal(filed.status, 'open');
    assert.equal(filed.noticeId, application.id);
    assert.match(filed.id, /^obj-/);
    const stored = await t.database.db
      .selectFrom('application_objections')
      .selectAll()
      .where('id', '=', filed.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.name, OBJECTION.name);
    assert.notEqual(stored.phone_hash, OBJECTION.mobile, 'the mobile is kept hashed');
    assert.doesNotMatch(JSON.stringify(stored), new RegExp(OBJECTION.mobile));
  });

  test('the seeded notice ending in 3 days takes one', async () => {
    const response = await object(t, DEMO_NOTICE.id);
    assert.equal(response.status, 201, JSON.stringify(response.body));
  });

  test('a name, a mobile or a reason out of bounds is 400 naming each field in the request’s language', async () => {
    const application = await underNotice(t);
    const response = await t.inject({
      method: 'POST',
      url: `/api/v1/public-notices/${application.id}/objections`,
      payload: { name: '赵', mobile: '1390013910', reason: '太短了' },
      headers: { 'accept-language': 'en' },
    });
    const problem = assertProblem(response, 400, 'validation_failed');
    const codes = Object.fromEntries((problem.errors ?? []).map((error) => [error.path, error]));
    assert.equal(codes['body.name']?.code, 'objection.name');
    assert.equal(codes['body.name']?.message, 'Your name must be 2 to 30 characters');
    assert.equal(codes['body.mobile']?.code, 'contact.phone');
    assert.equal(codes['body.reason']?.code, 'objection.reason');
    const long = await object(t, application.id, { ...OBJECTION, reason: '理'.repeat(501) });
    assertProblem(long, 400, 'validation_failed');
  });

  test('an unknown notice is 404; an application not under notice is 409', async () => {
    assertProblem(await object(t, 'pap-nonexistent'), 404, 'not_found');
    const submitted = await object(t, 'pap-demo-0001', OBJECTION, { 'accept-language': 'zh-CN' });
    const problem = assertProblem(submitted, 409, 'conflict');
    assert.match(problem.detail ?? '', /不在公示期内/);
  });

  test('after the notice’s end it is 409 naming the day it ended', async () => {
    const application = await underNotice(t);
    const start = t.clock.now();
    try {
      t.clock.move(7);
      const late = await object(t, application.id, OBJECTION, { 'accept-language': 'en' });
      const problem = assertProblem(late, 409, 'conflict');
      assert.match(problem.detail ?? '', new RegExp(`ended on ${application.noticeEndsOn ?? 'never'}`));
    } finally {
      t.clock.move((start - t.clock.now()) / DAY_MS);
    }
  });

  test('a retry with the same Idempotency-Key answers the first objection and files no second', async () => {
    const application = await underNotice(t);
    const headers = { 'idempotency-key': `objection-${application.id}` };
    const first = await object(t, application.id, OBJECTION, headers);
    const again = await object(t, application.id, OBJECTION, headers);
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const count = await t.database.db
      .selectFrom('application_objections as o')
      .innerJoin('provider_applications as a', 'a.seq', 'o.application_seq')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.id', '=', application.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
  });

  test('the database refuses a decided objection without its note, reviewer and instant', async () => {
    const application = await underNotice(t);
    const filed = FiledObjection.parse((await object(t, application.id)).body);
    await assert.rejects(
      t.database.db
        .updateTable('application_objections')
        .set({ status: 'dismissed' })
        .where('id', '=', filed.id)
        .execute(),
    );
    await assert.rejects(
      t.database.db
        .updateTable('application_objections')
        .set({ status: 'withdrawn' as 'open' })
        .where('id', '=', filed.id)
        .execute(),
    );
  });
});

describe('the rate limit of objections', () => {
  let limited: NoticeApp;
  before(async () => {
    limited = await openNoticeApp({ rateLimits: { objectionSubmit: { max: 2, windowMs: 60_000 } } });
  });
  after(async () => {
    await limited.close();
  });

  test('past its allowance an address is 429 with Retry-After; a replay is not counted', async () => {
    const application = await underNotice(limited);
    const headers = { 'idempotency-key': 'rate-limit-replay' };
    assert.equal((await object(limited, application.id, OBJECTION, headers)).status, 201);
    assert.equal((await object(limited, application.id, OBJECTION, headers)).status, 201, 'a replay passes');
    const second = await object(limited, application.id);
    assert.equal(second.status, 201);
    assert.match(second.headers.get('ratelimit-policy') ?? '', /"objection-submit";q=2;w=60/);
    const refused = await object(limited, application.id);
    assertProblem(refused, 429, 'rate_limited');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  });
});

describe('the public list', () => {
  test('lists the applicants under notice soonest end first, with categories, region, dates and counts', async () => {
    const application = await underNotice(t);
    await object(t, application.id);
    await object(t, application.id, { ...OBJECTION, name: '钱女士' });
    const response = await listNotices(t, '?limit=100');
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.ok(response.headers.get('etag'));
    const page = PublicNoticePage.parse(response.body);
    const ends = page.items.map((item) => item.endsOn);
    assert.deepEqual(ends, [...ends].sort(), 'soonest end first');
    const mine = page.items.find((item) => item.id === application.id);
    assert.ok(mine, 'the new notice is listed');
    assert.equal(mine.objectionCount, 2);
    assert.equal(mine.uscc, application.uscc);
    assert.equal(mine.endsOn, application.noticeEndsOn);
    assert.deepEqual(mine.categories, [{ id: 'legal', name: '法律服务' }]);
    assert.deepEqual(mine.region, { code: '440604', name: '禅城区' });
    assert.ok(mine.startsOn < mine.endsOn);
    const seeded = page.items.find((item) => item.id === DEMO_NOTICE.id);
    assert.ok(seeded, 'the seeded notice is listed');
    assert.doesNotMatch(JSON.stringify(page), /13800138|mobile|contact|licence/, 'no contact, mobile or files');
    assert.equal(
      page.items.some((item) => item.id === 'pap-demo-0001'),
      false,
      'a submitted one is not',
    );
  });

  test('paged with a cursor in the same order', async () => {
    const all = PublicNoticePage.parse((await listNotices(t, '?limit=100')).body);
    assert.ok(all.total >= 3);
    const first = PublicNoticePage.parse((await listNotices(t, '?limit=2')).body);
    assert.ok(first.nextCursor);
    const second = PublicNoticePage.parse(
      (await listNotices(t, `?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).body,
    );
    assert.deepEqual(
      [...first.items, ...second.items].map((item) => item.id),
      all.items.slice(0, 4).map((item) => item.id),
    );
    assertProblem(await listNotices(t, '?cursor=nonsense'), 400, 'invalid_cursor');
  });
});

describe('the reviewer decides objections', () => {
  const decide = (id: string, action: string, objectionId: string, who?: string, note = '经核查，异议情况属实。') =>
    transition(t, id, { action, objectionId, note }, who);

  async function withObjection() {
    const application = await underNotice(t);
    const filed = FiledObjection.parse((await object(t, application.id)).body);
    return { application, objectionId: filed.id };
  }

  test('upholding rejects the application with the note as its reason and ends its notice', async () => {
    const { application, objectionId } = await withObjection();
    const response = await decide(application.id, 'upholdObjection', objectionId);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const answer = ProviderApplication.parse(response.body);
    assert.equal(answer.status, 'rejected');
    assert.deepEqual(answer.timeline.at(-1), {
      status: 'rejected',
      at: answer.updatedAt,
      actor: 'center',
      note: '经核查，异议情况属实。',
    });
    assert.equal(answer.objections?.[0]?.status, 'upheld');
    assert.equal(answer.objections?.[0]?.note, '经核查，异议情况属实。');
    const page = PublicNoticePage.parse((await listNotices(t, '?limit=100')).body);
    assert.equal(
      page.items.some((item) => item.id === application.id),
      false,
      'off the public list',
    );
    assertProblem(await object(t, application.id), 409, 'conflict');
  });

  test('dismissing marks the objection dismissed; the notice runs on', async () => {
    const { application, objectionId } = await withObjection();
    const response = await decide(application.id, 'dismissObjection', objectionId, REVIEWER, '异议缺乏事实依据。');
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const answer = ProviderApplication.parse(response.body);
    assert.equal(answer.status, 'publicNotice');
    assert.equal(answer.noticeEndsOn, application.noticeEndsOn);
    assert.equal(answer.timeline.at(-1)?.note, '异议缺乏事实依据。');
    assert.equal(answer.objections?.[0]?.status, 'dismissed');
    assert.ok(answer.objections?.[0]?.decidedAt);
  });

  test('the admins’ list shows the objections with name, reason, status and note, never the mobile', async () => {
    const { application, objectionId } = await withObjection();
    await decide(application.id, 'dismissObjection', objectionId);
    await object(t, application.id, { ...OBJECTION, name: '孙女士' });
    const response = await t.inject({
      method: 'GET',
      url: '/api/v1/provider-applications?status=publicNotice&limit=100',
      headers: t.as(REVIEWER),
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const item = ProviderApplicationPage.parse(response.body).items.find((entry) => entry.id === application.id);
    assert.ok(item);
    assert.deepEqual(
      item.objections?.map((entry) => [entry.name, entry.status, entry.note, entry.reason]),
      [
        [OBJECTION.name, 'dismissed', '经核查，异议情况属实。', OBJECTION.reason],
        ['孙女士', 'open', null, OBJECTION.reason],
      ],
    );
    assert.doesNotMatch(JSON.stringify(item.objections), new RegExp(OBJECTION.mobile));
  });

  test('an objection of another application is 404, a decided one 409, outside the notice 409', async () => {
    const first = await withObjection();
    const second = await withObjection();
    assertProblem(await decide(first.application.id, 'dismissObjection', second.objectionId), 404, 'not_found');
    assertProblem(await decide(first.application.id, 'dismissObjection', 'obj-none'), 404, 'not_found');
    assert.equal((await decide(first.application.id, 'dismissObjection', first.objectionId)).status, 200);
    assertProblem(await decide(first.application.id, 'upholdObjection', first.objectionId), 409, 'conflict');
    const submitted = await submitApplication(t);
    assertProblem(await decide(submitted.id, 'upholdObjection', first.objectionId), 409, 'conflict');
  });

  test('the note is required, 2 to 200 characters', async () => {
    const { application, objectionId } = await withObjection();
    const missing = await transition(t, application.id, { action: 'upholdObjection', objectionId });
    assertProblem(missing, 400, 'validation_failed');
    const short = await decide(application.id, 'upholdObjection', objectionId, REVIEWER, '否');
    const problem = assertProblem(short, 400, 'validation_failed');
    assert.equal(problem.errors?.[0]?.code, 'objection.note');
  });

  test('two reviewers deciding one objection at once: one wins, the other is 409', async () => {
    const { application, objectionId } = await withObjection();
    const answers = await Promise.all([
      decide(application.id, 'upholdObjection', objectionId, REVIEWER),
      decide(application.id, 'dismissObjection', objectionId, 'usr-admin-440600'),
    ]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 409]);
    const steps = await t.database.db
      .selectFrom('provider_application_timeline as s')
      .innerJoin('provider_applications as a', 'a.seq', 's.application_seq')
      .select('s.status')
      .where('a.id', '=', application.id)
      .execute();
    assert.equal(steps.length, 3, 'submitted, publicNotice and one decision');
  });
});

describe('the admission sweep', () => {
  let a: NoticeApp;
  before(async () => {
    a = await openNoticeApp();
  });
  after(async () => {
    await a.close();
  });

  const statusOf = async (id: string) =>
    (
      await a.database.db
        .selectFrom('provider_applications')
        .select(['status', 'provider_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  test('dismissed → admitted once the clock passes the notice’s end: in the catalog, found by q, signs in', async () => {
    const name = '佛山市禅城区正衡公示测试律师事务所';
    const application = await underNotice(a, { name, contactName: '周律师' });
    const filed = FiledObjection.parse((await object(a, application.id)).body);
    // An objection still open when the notice ends holds the admission.
    const held = await underNotice(a);
    await object(a, held.id);
    // Upheld: rejected, never admitted.
    const refused = await underNotice(a);
    const upheld = FiledObjection.parse((await object(a, refused.id)).body);
    assert.equal(
      (
        await transition(a, refused.id, {
          action: 'upholdObjection',
          objectionId: upheld.id,
          note: '异议成立，不予入驻。',
        })
      ).status,
      200,
    );
    const dismissed = await transition(a, application.id, {
      action: 'dismissObjection',
      objectionId: filed.id,
      note: '异议不成立。',
    });
    assert.equal(dismissed.status, 200, JSON.stringify(dismissed.body));
    const catalogBefore = await a.inject({
      method: 'GET',
      url: `/api/v1/providers?q=${encodeURIComponent('正衡公示')}`,
    });
    assert.equal((catalogBefore.body as { total: number }).total, 0);

    a.clock.move(7);
    await a.signInAgain();
    // The list runs the sweep first: the admitted one is gone from it, the held one is still there.
    const notices = PublicNoticePage.parse((await listNotices(a, '?limit=100')).body);
    assert.equal(
      notices.items.some((item) => item.id === application.id),
      false,
    );
    assert.equal(
      notices.items.some((item) => item.id === held.id),
      true,
      'an open objection holds it',
    );
    assert.equal(await statusOf(application.id), 'admitted');
    assert.equal(await statusOf(held.id), 'publicNotice');
    assert.equal(await statusOf(refused.id), 'rejected');

    const row = await a.database.db
      .selectFrom('provider_applications')
      .select('provider_id')
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.provider_id, 'the application names its provider');
    const providers = await a.inject<{ items: { id: string; name: string; admission: string }[]; total: number }>({
      method: 'GET',
      url: `/api/v1/providers?q=${encodeURIComponent('正衡公示')}`,
    });
    assert.equal(providers.status, 200);
    assert.deepEqual(
      providers.body.items.map((item) => [item.id, item.name, item.admission]),
      [[row.provider_id, name, 'admitted']],
    );
    const byRegion = await a.inject<{ items: { id: string }[] }>({
      method: 'GET',
      url: '/api/v1/providers?region=440604&category=legal&sort=newest&limit=5',
    });
    assert.equal(byRegion.body.items[0]?.id, row.provider_id, 'the newest of its region and category');
    const provider = await a.inject<{ admittedOn: string; categoryIds: string[]; contact: string }>({
      method: 'GET',
      url: `/api/v1/providers/${row.provider_id}`,
    });
    assert.equal(provider.status, 200);
    assert.deepEqual(provider.body.categoryIds, ['legal']);
    assert.equal(provider.body.contact, '周律师');

    const users = await a.inject<{ items: { id: string; name: string; role: string; organization: string }[] }>({
      method: 'GET',
      url: '/api/v1/demo/users?role=provider',
    });
    const account = users.body.items.find((user) => user.organization === name);
    assert.ok(account, 'its account is in the demo sign-in');
    assert.equal(account.name, '周律师');
    const token = await a.tokenFor(account.id);
    const mine = await a.inject({
      method: 'GET',
      url: '/api/v1/engagements',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(mine.status, 200, JSON.stringify(mine.body));

    const answer = ProviderApplicationPage.parse(
      (
        await a.inject({
          method: 'GET',
          url: '/api/v1/provider-applications?status=admitted&limit=100',
          headers: a.as(REVIEWER),
        })
      ).body,
    ).items.find((item) => item.id === application.id);
    assert.deepEqual(answer?.timeline.at(-1)?.actor, 'platform');

    // Deciding the held one's objection lets the next sweep admit it.
    const heldObjection = (
      await a.database.db
        .selectFrom('application_objections as o')
        .innerJoin('provider_applications as p', 'p.seq', 'o.application_seq')
        .select('o.id')
        .where('p.id', '=', held.id)
        .executeTakeFirstOrThrow()
    ).id;
    const late = await transition(a, held.id, {
      action: 'dismissObjection',
      objectionId: heldObjection,
      note: '异议不成立。',
    });
    assert.equal(late.status, 200, JSON.stringify(late.body));
    await listNotices(a);
    assert.equal(await statusOf(held.id), 'admitted');
  });

  test('idempotent: a second sweep, or two at once, admit nothing twice', async () => {
    const application = await underNotice(a);
    const other = await underNotice(a);
    const providersBefore = await a.database.db
      .selectFrom('providers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const later = a.clock.now() + 7 * DAY_MS;
    const runs = await Promise.all([
      admitDue(a.database.db, await RegionIndex.load(a.database.db), later),
      admitDue(a.database.db, await RegionIndex.load(a.database.db), later),
    ]);
    const again = await admitDue(a.database.db, await RegionIndex.load(a.database.db), later);
    assert.equal(runs.flat().length, 2, 'one admission each, with a provider number each');
    assert.equal(new Set(runs.flat()).size, 2);
    assert.deepEqual(again, []);
    assert.equal(await statusOf(other.id), 'admitted');
    const providersAfter = await a.database.db
      .selectFrom('providers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(providersAfter.n), Number(providersBefore.n) + 2);
    const steps = await a.database.db
      .selectFrom('provider_application_timeline as s')
      .innerJoin('provider_applications as p', 'p.seq', 's.application_seq')
      .select('s.status')
      .where('p.id', '=', application.id)
      .where('s.status', '=', 'admitted')
      .execute();
    assert.equal(steps.length, 1);
  });

  test('before its end the sweep leaves a notice alone', async () => {
    const application = await underNotice(a);
    const early = await admitDue(a.database.db, await RegionIndex.load(a.database.db), a.clock.now() + 7 * DAY_MS - 1);
    assert.equal(early.includes(application.id), false);
    assert.equal(await statusOf(application.id), 'publicNotice');
  });
});

test('a short name drops the places it starts with and the legal form', () => {
  assert.equal(shortNameOf('佛山市南海区匠心检验检测技术有限公司', ['佛山市', '南海区']), '匠心检验检测技术');
  assert.equal(shortNameOf('广东明德律师事务所', []), '明德律师事务所');
  assert.equal(shortNameOf('佛山市有限公司', ['佛山市']), '佛山市有限公司', 'never shorter than two characters');
});

test('the seed holds applications in every state, the admitted one a provider and an account made on admission', async () => {
  const db = t.database.db;
  const statuses = await db.selectFrom('provider_applications').select(['id', 'status', 'provider_id']).execute();
  const byId = new Map(statuses.map((row) => [row.id, row]));
  for (const status of ['submitted', 'changesRequested', 'publicNotice', 'admitted', 'rejected']) {
    assert.ok(
      statuses.some((row) => row.status === status),
      `one ${status}`,
    );
  }
  const withNotes = await db
    .selectFrom('provider_applications')
    .select('change_notes')
    .where('id', '=', 'pap-demo-change2')
    .executeTakeFirstOrThrow();
  assert.ok(JSON.parse(withNotes.change_notes ?? '[]').length >= 1, 'changes requested with notes per field');
  const objections = await db
    .selectFrom('application_objections as o')
    .innerJoin('provider_applications as a', 'a.seq', 'o.application_seq')
    .select(['a.id as application', 'o.status'])
    .execute();
  const objectionsOf = (id: string) => objections.filter((row) => row.application === id).map((row) => row.status);
  assert.deepEqual(objectionsOf('pap-demo-notice1'), ['open']);
  assert.deepEqual(objectionsOf('pap-demo-notice2'), ['dismissed']);
  assert.deepEqual(objectionsOf('pap-demo-reject1'), ['upheld']);
  const admitted = byId.get('pap-demo-admit1');
  assert.equal(admitted?.status, 'admitted');
  assert.ok(admitted.provider_id);
  const provider = await db
    .selectFrom('providers')
    .selectAll()
    .where('id', '=', admitted.provider_id)
    .executeTakeFirstOrThrow();
  assert.equal(provider.listed, 1);
  assert.equal(provider.admission, 'admitted');
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('provider_id', '=', admitted.provider_id)
    .executeTakeFirstOrThrow();
  assert.equal(user.role, 'provider');
  assert.equal(user.name, '叶会计师');
  const notice = PublicNoticePage.parse((await listNotices(t, '?limit=100')).body);
  const seeded = notice.items.find((item) => item.id === DEMO_NOTICE.id);
  assert.equal(seeded?.endsOn, shanghaiDayOf(testSeedAsOf() + 3 * DAY_MS), 'ending 3 days after the seed');
});
