// A center's review of applications over HTTP: the list of its region's applications, approve (a 7-day notice),
// ask for changes with notes per field (seen in the lookup), reject with a reason; the refusals and the race.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ProviderApplication,
  ProviderApplicationPage,
  ProviderApplicationStatusView,
  UploadedFile,
  shanghaiDayOf,
  usccCheckCharacter,
  type ProviderApplicationInput,
} from '@smec/schemas';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import { testClock } from '../../../test-support/server.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem } from './helpers.js';

const HIGH = { max: 1000, windowMs: 60_000 };

let t: TestApp;
const tokens: Record<string, string> = {};
before(async () => {
  t = await openTestApp({ rateLimits: { demandSubmit: HIGH, demandLookup: HIGH } });
  const users = {
    chancheng: 'usr-admin-440604',
    nanhai: 'usr-admin-440605',
    foshan: 'usr-admin-440600',
    guangzhou: 'usr-admin-440100',
    province: 'usr-admin-440000',
    enterprise: 'usr-ent-01',
  };
  for (const [name, id] of Object.entries(users)) tokens[name] = await t.tokenFor(id);
});
after(async () => {
  await t.close();
});

const as = (name?: string) => (name ? { authorization: `Bearer ${tokens[name]}` } : {});

let organisations = 0;
function newUscc(): string {
  const first17 = `31440000MD09${String(organisations++).padStart(5, '0')}`;
  return `${first17}${usccCheckCharacter(first17) ?? ''}`;
}

/** A new application in 禅城区 (440604), as the applicant sends it. */
async function submitted(): Promise<ProviderApplication> {
  const upload = await t.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { 'content-type': 'image/png' },
    payload: Buffer.from(PIXEL_PNG, 'base64'),
  });
  const licence = UploadedFile.parse(upload.body);
  const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationInput;
  const input = {
    ...example,
    organisation: { ...example.organisation, uscc: newUscc() },
    files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
  };
  const response = await t.inject({ method: 'POST', url: '/api/v1/provider-applications', payload: input });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return ProviderApplication.parse(response.body);
}

const move = (id: string, body: object, who = 'chancheng') =>
  t.inject({
    method: 'POST',
    url: `/api/v1/provider-applications/${id}/transitions`,
    payload: body,
    headers: as(who),
  });
const list = (query: string, who?: string) =>
  t.inject({ method: 'GET', url: `/api/v1/provider-applications${query}`, headers: as(who) });

describe('the list of applications', () => {
  test('anonymous is 401, an enterprise 403', async () => {
    assertProblem(await list(''), 401, 'unauthorized');
    assertProblem(await list('', 'enterprise'), 403, 'forbidden');
  });

  test('a county, its city and the province see an application of the county; another county and city do not', async () => {
    const application = await submitted();
    const seen = async (who: string) => {
      const response = await list('?status=submitted&limit=100', who);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const page = ProviderApplicationPage.parse(response.body);
      return page.items.some((item) => item.id === application.id);
    };
    assert.equal(await seen('chancheng'), true);
    assert.equal(await seen('foshan'), true);
    assert.equal(await seen('province'), true);
    assert.equal(await seen('nanhai'), false);
    assert.equal(await seen('guangzhou'), false);
  });

  test('newest first, paged with a cursor, filtered by region; a region outside is 403', async () => {
    const older = await submitted();
    const newer = await submitted();
    const first = ProviderApplicationPage.parse((await list('?limit=1&regionCode=440604', 'foshan')).body);
    assert.equal(first.items[0]?.id, newer.id);
    assert.ok(first.total >= 2);
    assert.ok(first.nextCursor);
    const second = ProviderApplicationPage.parse(
      (await list(`?limit=1&regionCode=440604&cursor=${encodeURIComponent(first.nextCursor)}`, 'foshan')).body,
    );
    assert.equal(second.items[0]?.id, older.id);
    assertProblem(await list('?regionCode=440100', 'foshan'), 403, 'forbidden');
  });
});

describe('transitions', () => {
  test('approve starts a public notice ending 7 calendar days later', async () => {
    const application = await submitted();
    const response = await move(application.id, { action: 'approve' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const answer = ProviderApplication.parse(response.body);
    assert.equal(answer.status, 'publicNotice');
    assert.equal(answer.noticeEndsOn, shanghaiDayOf(testClock.now() + 7 * 86_400_000));
    assert.deepEqual(
      answer.timeline.map((step) => [step.status, step.actor]),
      [
        ['submitted', 'applicant'],
        ['publicNotice', 'center'],
      ],
    );
    const reviewer = await t.database.db
      .selectFrom('provider_applications')
      .select('reviewed_by')
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow();
    assert.equal(reviewer.reviewed_by, 'usr-admin-440604');
    assertProblem(await move(application.id, { action: 'approve' }), 409, 'conflict');
  });

  test('requestChanges keeps the notes per field, and the lookup by number and mobile shows them', async () => {
    const application = await submitted();
    const notes = [
      { field: 'files.licence', note: '营业执照照片不清晰，请重新上传。' },
      { field: 'organisation.address', note: '地址请写到门牌号。' },
    ];
    const response = await move(application.id, { action: 'requestChanges', notes, note: '请补正后重新提交。' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const answer = ProviderApplication.parse(response.body);
    assert.equal(answer.status, 'changesRequested');
    assert.deepEqual(answer.changeNotes, notes);
    assert.equal(answer.timeline.at(-1)?.note, '请补正后重新提交。');
    const query = new URLSearchParams({
      applicationNo: application.applicationNo,
      phone: application.application.contact.mobile,
    });
    const lookup = await t.inject({ method: 'GET', url: `/api/v1/provider-applications/lookup?${query}` });
    assert.deepEqual(ProviderApplicationStatusView.parse(lookup.body).changeNotes, notes);
    // From changesRequested only a rejection is possible (resubmission is the applicant's).
    assertProblem(await move(application.id, { action: 'approve' }), 409, 'conflict');
  });

  test('a note on an unknown field, no notes or more than 20 are 400', async () => {
    const application = await submitted();
    const bad = await move(application.id, {
      action: 'requestChanges',
      notes: [{ field: 'organisation.secret', note: 'x' }],
    });
    assertProblem(bad, 400, 'validation_failed');
    assertProblem(await move(application.id, { action: 'requestChanges', notes: [] }), 400, 'validation_failed');
    const many = Array.from({ length: 21 }, () => ({ field: 'contact.name', note: '请核对。' }));
    assertProblem(await move(application.id, { action: 'requestChanges', notes: many }), 400, 'validation_failed');
  });

  test('reject needs a reason and works from submitted and changesRequested', async () => {
    const first = await submitted();
    assertProblem(await move(first.id, { action: 'reject' }), 400, 'validation_failed');
    const rejected = ProviderApplication.parse((await move(first.id, { action: 'reject', reason: '材料不实。' })).body);
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.timeline.at(-1)?.note, '材料不实。');
    const second = await submitted();
    await move(second.id, { action: 'requestChanges', notes: [{ field: 'contact.email', note: '邮箱无效。' }] });
    const response = await move(second.id, { action: 'reject', reason: '逾期未补正。' }, 'foshan');
    assert.equal(ProviderApplication.parse(response.body).status, 'rejected');
    assert.deepEqual(ProviderApplication.parse(response.body).changeNotes, []);
  });

  test('the city and the province may act; another county or city gets 404, an enterprise 403, anonymous 401', async () => {
    const application = await submitted();
    assertProblem(await move(application.id, { action: 'approve' }, 'nanhai'), 404, 'not_found');
    assertProblem(await move(application.id, { action: 'approve' }, 'guangzhou'), 404, 'not_found');
    assertProblem(await move(application.id, { action: 'approve' }, 'enterprise'), 403, 'forbidden');
    const anonymous = await t.inject({
      method: 'POST',
      url: `/api/v1/provider-applications/${application.id}/transitions`,
      payload: { action: 'approve' },
    });
    assertProblem(anonymous, 401, 'unauthorized');
    const byProvince = await move(application.id, { action: 'approve' }, 'province');
    assert.equal(byProvince.status, 200);
  });

  test('two reviewers approving at once make one transition; the other gets a 409', async () => {
    const application = await submitted();
    const answers = await Promise.all([
      move(application.id, { action: 'approve' }, 'chancheng'),
      move(application.id, { action: 'approve' }, 'foshan'),
    ]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 409]);
    const steps = await t.database.db
      .selectFrom('provider_application_timeline')
      .innerJoin('provider_applications', 'provider_applications.seq', 'provider_application_timeline.application_seq')
      .select('provider_application_timeline.status')
      .where('provider_applications.id', '=', application.id)
      .execute();
    assert.equal(steps.filter((step) => step.status === 'publicNotice').length, 1);
  });

  test('an Idempotency-Key replays the answer to the same reviewer', async () => {
    const application = await submitted();
    const send = () =>
      t.inject({
        method: 'POST',
        url: `/api/v1/provider-applications/${application.id}/transitions`,
        payload: { action: 'approve' },
        headers: { ...as('foshan'), 'idempotency-key': `review-${application.id}` },
      });
    const first = await send();
    const again = await send();
    assert.equal(first.status, 200);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });
});
