// The server mails what a write told once the write has answered: a center cancels an event and its registrant,
// who keeps an address, gets the mail in their language without anyone asking.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { StaffEvent } from '@smec/schemas';
import type { MailMessage } from '../src/notifications/mail.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { eventInput } from './events-admin-helpers.js';

const sent: MailMessage[] = [];
let t: TestApp;

before(async () => {
  t = await openTestApp({ mailSender: { send: async (message) => void sent.push(message) } });
  await t.database.db
    .updateTable('users')
    .set({ email: 'ent02@example.cn', locale: 'zh-HK' })
    .where('id', '=', 'usr-ent-02')
    .execute();
});
after(() => t.close());

async function call<T>(method: 'POST', url: string, userId: string, body: unknown) {
  return t.inject<T>({
    method,
    url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${await t.tokenFor(userId)}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 20) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`waited 5 s for ${what}`);
}

test('a cancelled event is mailed to its registrant after the cancellation answered', async () => {
  const created = await call<StaffEvent>('POST', '/events', 'usr-admin-440604', eventInput({ title: '寄信测试培训' }));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { id } = StaffEvent.parse(created.body);
  assert.equal(
    (await call('POST', `/events/${id}/transitions`, 'usr-admin-440604', { action: 'publish' })).status,
    200,
  );
  assert.equal((await call('POST', `/events/${id}/registrations`, 'usr-ent-02', {})).status, 201);
  const reason = '主讲老师临时出差，活动改期另行通知';
  const cancelled = await call('POST', `/events/${id}/transitions`, 'usr-admin-440604', { action: 'cancel', reason });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  await until(() => sent.some((mail) => mail.kind === 'eventCancelled'), 'the cancellation mail');
  const mails = sent.filter((mail) => mail.kind === 'eventCancelled');
  assert.deepEqual(
    mails.map((mail) => [mail.to, mail.subject]),
    [['ent02@example.cn', '活動已取消：寄信测试培训']],
  );
  assert.match(mails[0]!.text, new RegExp(`原因：${reason}`));
  const row = () =>
    t.database.db
      .selectFrom('notifications')
      .select(['delivery', 'attempts'])
      .where('subject_id', '=', id)
      .where('user_id', '=', 'usr-ent-02')
      .executeTakeFirstOrThrow();
  // Marked sent just after the mail is handed on.
  for (let waited = 0; waited < 5_000 && (await row()).delivery !== 'sent'; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const delivered = await row();
  assert.deepEqual([delivered.delivery, Number(delivered.attempts)], ['sent', 1]);
});
