// The kinds written beyond the events' and batches': changes requested on an application (mailed to the applicant,
// who has no account), a voucher expiring within 7 days and a follow-up due or overdue (the clock's reminders, once
// each), with their words in every language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ProviderApplication, UploadedFile, usccCheckCharacter, type ProviderApplicationInput } from '@smec/schemas';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import { testNow } from '../../../test-support/server.js';
import { deliverDue } from '../src/notifications/delivery.js';
import type { MailMessage } from '../src/notifications/mail.js';
import {
  followUpStage,
  remindExpiringVouchers,
  remindFollowUpsDue,
  VOUCHER_EXPIRY_NOTICE_DAYS,
} from '../src/notifications/reminders.js';
import { notificationText } from '../src/notifications/texts.js';
import { addWorkingDays } from '../src/time/working-days.js';
import { shanghaiDateTime, shanghaiDay } from '../src/time/shanghai.js';
import { openTestApp, type TestApp } from './demand-helpers.js';

const DAY = 86_400_000;
let t: TestApp;
const sent: MailMessage[] = [];
const capture = { send: async (message: MailMessage) => void sent.push(message) };

before(async () => {
  t = await openTestApp({ mailSender: capture });
});
after(() => t.close());

const db = () => t.database.db;

function notificationsAbout(subjectId: string, kind: string) {
  return db()
    .selectFrom('notifications')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .orderBy('seq')
    .execute();
}

test('changes requested on an application are mailed to the contact address with the application number', async () => {
  const upload = await t.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { 'content-type': 'image/png' },
    payload: Buffer.from(PIXEL_PNG, 'base64'),
  });
  const licence = UploadedFile.parse(upload.body);
  const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationInput;
  const first17 = '31440000MD0977777';
  const input = {
    ...example,
    organisation: { ...example.organisation, uscc: `${first17}${usccCheckCharacter(first17) ?? ''}` },
    contact: { ...example.contact, email: 'applicant@example.cn' },
    files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
  };
  const created = await t.inject({ method: 'POST', url: '/api/v1/provider-applications', payload: input });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const application = ProviderApplication.parse(created.body);
  const moved = await t.inject({
    method: 'POST',
    url: `/api/v1/provider-applications/${application.id}/transitions`,
    headers: { authorization: `Bearer ${await t.tokenFor('usr-admin-440604')}` },
    payload: { action: 'requestChanges', notes: [{ field: 'organisation.address', note: '地址请写到门牌号。' }] },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  const queued = await db().selectFrom('mail_notices').selectAll().where('subject_id', '=', application.id).execute();
  assert.deepEqual(
    queued.map((row) => [row.to_address, row.kind, JSON.parse(row.data)]),
    [['applicant@example.cn', 'applicationChangesRequested', { applicationNo: application.applicationNo }]],
  );
  // The server's own sweep, kicked by the answer, may have it already: either sends it, once.
  await deliverDue(db(), capture, testNow());
  for (let waited = 0; waited < 5_000 && !sent.some((message) => message.to === 'applicant@example.cn'); waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal(sent.filter((message) => message.to === 'applicant@example.cn').length, 1);
  const mail = sent.find((message) => message.to === 'applicant@example.cn');
  assert.ok(mail, 'the applicant is mailed');
  assert.equal(mail.subject, `入驻申请需要修改：${application.applicationNo}`);
  // The row is marked sent just after the mail is handed on.
  const state = () =>
    db().selectFrom('mail_notices').select('delivery').where('id', '=', queued[0]!.id).executeTakeFirstOrThrow();
  for (let waited = 0; waited < 5_000 && (await state()).delivery !== 'sent'; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal((await state()).delivery, 'sent');
});

test('a voucher expiring within 7 days is told to its enterprise once, not one expiring later', async () => {
  const now = testNow();
  const vouchers = await db()
    .selectFrom('vouchers')
    .innerJoin('users', 'users.enterprise_id', 'vouchers.enterprise_id')
    .select(['vouchers.id', 'vouchers.code', 'users.id as user_id'])
    .where('users.id', '=', 'usr-ent-02')
    .where('vouchers.status', '=', 'issued')
    .orderBy('vouchers.seq')
    .limit(2)
    .execute();
  assert.equal(vouchers.length, 2, 'usr-ent-02 holds two issued vouchers in the seed');
  const [soon, later] = vouchers as [(typeof vouchers)[0], (typeof vouchers)[0]];
  const useBy = (ms: number) => ({ use_by_ts: ms, use_by: shanghaiDateTime(ms) });
  await db()
    .updateTable('vouchers')
    .set(useBy(now + (VOUCHER_EXPIRY_NOTICE_DAYS - 1) * DAY))
    .where('id', '=', soon.id)
    .execute();
  await db()
    .updateTable('vouchers')
    .set(useBy(now + (VOUCHER_EXPIRY_NOTICE_DAYS + 2) * DAY))
    .where('id', '=', later.id)
    .execute();
  // Two sweeps at once, and one more later: told once.
  await Promise.all([remindExpiringVouchers(db(), now), remindExpiringVouchers(db(), now)]);
  await remindExpiringVouchers(db(), now + 60 * 60_000);
  const told = await notificationsAbout(soon.id, 'voucherExpiring');
  assert.deepEqual(
    told.map((row) => [row.user_id, JSON.parse(row.data).code]),
    [['usr-ent-02', soon.code]],
  );
  assert.equal(told[0]!.once_key, `voucherExpiring:${soon.id}:usr-ent-02`);
  assert.deepEqual(await notificationsAbout(later.id, 'voucherExpiring'), []);
  // Two days on, the later one is within 7 days too.
  await remindExpiringVouchers(db(), now + 2 * DAY);
  assert.equal((await notificationsAbout(later.id, 'voucherExpiring')).length, 1);
});

test('a follow-up due within one working day is told to its provider once, and once more when overdue', async () => {
  const now = testNow();
  const followUp = await db()
    .selectFrom('follow_ups')
    .innerJoin('ratings', 'ratings.seq', 'follow_ups.rating_seq')
    .innerJoin('users', 'users.provider_id', 'ratings.provider_id')
    .select(['follow_ups.id', 'ratings.id as rating_id'])
    .where('users.id', '=', 'usr-prv-01')
    .orderBy('follow_ups.seq')
    .executeTakeFirst();
  assert.ok(followUp, 'usr-prv-01’s provider has a rating with a follow-up in the seed');
  const today = shanghaiDay(now);
  const dueOn = addWorkingDays(today, 1);
  await db()
    .updateTable('follow_ups')
    .set({ status: 'open', due_on: addWorkingDays(today, 2) })
    .where('id', '=', followUp.id)
    .execute();
  await remindFollowUpsDue(db(), now);
  assert.deepEqual(await notificationsAbout(followUp.rating_id, 'followUpDue'), [], 'two working days ahead: not yet');
  await db().updateTable('follow_ups').set({ due_on: dueOn }).where('id', '=', followUp.id).execute();
  await remindFollowUpsDue(db(), now);
  await remindFollowUpsDue(db(), now + 60_000);
  let later = now;
  while (shanghaiDay(later) <= dueOn) later += DAY;
  await remindFollowUpsDue(db(), later);
  await remindFollowUpsDue(db(), later + DAY);
  const told = await notificationsAbout(followUp.rating_id, 'followUpDue');
  assert.deepEqual(
    told.map((row) => [row.user_id, JSON.parse(row.data)]),
    [
      ['usr-prv-01', { dueOn, overdue: false }],
      ['usr-prv-01', { dueOn, overdue: true }],
    ],
  );
  assert.equal(notificationText('followUpDue', { dueOn, overdue: true }).title.en, 'A follow-up is overdue');
  // Answered, it is no longer reminded of.
  await db().updateTable('follow_ups').set({ status: 'answered' }).where('id', '=', followUp.id).execute();
  await db().updateTable('follow_ups').set({ due_on: today }).where('id', '=', followUp.id).execute();
  await remindFollowUpsDue(db(), now);
  assert.equal((await notificationsAbout(followUp.rating_id, 'followUpDue')).length, 2);
});

test('the stage of a follow-up: overdue after its day, due soon up to one working day before', () => {
  assert.equal(followUpStage('2026-03-10', '2026-03-11'), 'overdue');
  assert.equal(followUpStage('2026-03-10', '2026-03-10'), 'dueSoon');
  assert.equal(followUpStage('2026-03-10', '2026-03-09'), 'dueSoon');
  assert.equal(followUpStage('2026-03-10', '2026-03-06'), undefined);
  // Friday before a Monday due day: one working day ahead.
  assert.equal(followUpStage('2026-03-09', '2026-03-06'), 'dueSoon');
});

test('every kind reads in zh-CN, zh-HK and en', () => {
  const facts = { applicationNo: 'RZ20261101APPLY1', code: 'GDV-1', useBy: '2026-03-01', dueOn: '2026-03-01' };
  for (const kind of ['applicationChangesRequested', 'voucherExpiring', 'followUpDue']) {
    const text = notificationText(kind, facts);
    for (const locale of ['zh-CN', 'zh-HK', 'en'] as const) {
      assert.ok(text.title[locale].length > 0 && text.body[locale].length > 0, `${kind} ${locale}`);
      assert.doesNotMatch(`${text.title[locale]} ${text.body[locale]}`, /\{/);
    }
  }
  assert.equal(
    notificationText('applicationChangesRequested', facts).title['zh-HK'],
    '入駐申請需要修改：RZ20261101APPLY1',
  );
});
