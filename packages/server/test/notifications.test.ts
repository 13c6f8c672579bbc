// A user's notifications: newest first with the unread count, the words in the reader's language made from the facts
// kept, marking one read once, nobody reading another's, and what `notify` writes showing in the list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Notification, NotificationPage } from '@smec/schemas';
import { notify } from '../src/notifications/notify.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem } from './helpers.js';
import { testNow } from '../../../test-support/server.js';

let app: TestApp;
const tokens: Record<string, string> = {};

before(async () => {
  app = await openTestApp();
  for (const user of ['usr-ent-01', 'usr-ent-02', 'usr-prv-01', 'usr-admin-440100']) {
    tokens[user] = await app.tokenFor(user);
  }
});
after(() => app.close());

function list(user: string, query = '', language = 'zh-CN') {
  return app.inject<NotificationPage>({
    method: 'GET',
    url: `/api/v1/me/notifications${query}`,
    headers: { authorization: `Bearer ${tokens[user]}`, 'accept-language': language },
  });
}

function read(user: string, id: string, headers: Record<string, string> = {}) {
  return app.inject<Notification>({
    method: 'POST',
    url: `/api/v1/me/notifications/${id}/read`,
    headers: { authorization: `Bearer ${tokens[user]}`, ...headers },
  });
}

test('the seeded enterprise sees its own, newest first, two of three unread, in its language', async () => {
  const answer = await list('usr-ent-01');
  assert.equal(answer.status, 200);
  const page = NotificationPage.parse(answer.body);
  assert.deepEqual(
    page.items.map((item) => [item.id, item.readAt === null]),
    [
      ['ntf-demo-0001', true],
      ['ntf-demo-0002', true],
      ['ntf-demo-0003', false],
    ],
  );
  assert.equal(page.unread, 2);
  assert.match(page.items[0]!.title, /^活动有变更：.+/);
  const english = NotificationPage.parse((await list('usr-ent-01', '', 'en')).body);
  assert.match(english.items[0]!.title, /^Event changed: /);
  assert.match(english.items[1]!.body, /^Use it by \d{4}-\d{2}-\d{2}\.$/);
  const traditional = NotificationPage.parse((await list('usr-ent-01', '', 'zh-HK')).body);
  assert.match(traditional.items[0]!.title, /^活動有變更：/);
});

test('unread=true keeps the unread ones; the paging goes on by cursor', async () => {
  const unread = NotificationPage.parse((await list('usr-ent-01', '?unread=true')).body);
  assert.deepEqual(
    unread.items.map((item) => item.id),
    ['ntf-demo-0001', 'ntf-demo-0002'],
  );
  const first = NotificationPage.parse((await list('usr-ent-01', '?limit=1')).body);
  assert.equal(first.items.length, 1);
  assert.ok(first.nextCursor);
  const second = NotificationPage.parse((await list('usr-ent-01', `?limit=1&cursor=${first.nextCursor}`)).body);
  assert.deepEqual(
    second.items.map((item) => item.id),
    ['ntf-demo-0002'],
  );
  assertProblem(await list('usr-ent-01', `?unread=true&cursor=${first.nextCursor}`), 400, 'invalid_cursor');
});

test('reading marks it read once; another user’s is a 404, a center account a 403', async () => {
  assertProblem(await read('usr-ent-02', 'ntf-demo-0002'), 404, 'not_found');
  assertProblem(await read('usr-prv-01', 'ntf-demo-0002'), 404, 'not_found');
  assertProblem(await read('usr-admin-440100', 'ntf-demo-0002'), 403, 'forbidden');
  assertProblem(await list('usr-admin-440100'), 403, 'forbidden');
  const first = await read('usr-ent-01', 'ntf-demo-0002', { 'idempotency-key': 'read-ntf-2' });
  assert.equal(first.status, 200);
  const readAt = Notification.parse(first.body).readAt;
  assert.ok(readAt);
  const again = await read('usr-ent-01', 'ntf-demo-0002');
  assert.equal(Notification.parse(again.body).readAt, readAt, 'the first instant stays');
  const replayed = await read('usr-ent-01', 'ntf-demo-0002', { 'idempotency-key': 'read-ntf-2' });
  assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
  assert.equal(NotificationPage.parse((await list('usr-ent-01')).body).unread, 1);
});

test('what notify() writes is listed, its words filled from the facts, and a kind not known still reads', async () => {
  const now = testNow();
  await notify(app.database.db, now, ['usr-prv-01'], {
    kind: 'voucherRevoked',
    subjectType: 'voucher',
    subjectId: 'vch-demo-0009',
    data: { code: 'GDQ2026-0001-TEST', reason: '冒用他人资质领取' },
  });
  await notify(app.database.db, now + 1, ['usr-prv-01'], {
    kind: 'somethingNew',
    subjectType: 'event',
    subjectId: 'evt-x',
    data: {},
  });
  const page = NotificationPage.parse((await list('usr-prv-01')).body);
  const [unknown, revoked] = page.items;
  assert.equal(unknown!.kind, 'somethingNew');
  assert.equal(unknown!.title, '平台通知');
  assert.equal(revoked!.title, '服务券已被收回：GDQ2026-0001-TEST');
  assert.equal(revoked!.body, '原因：冒用他人资质领取');
  assert.doesNotMatch(JSON.stringify(page.items), /\{\w+\}/, 'no placeholder left unfilled');
});
