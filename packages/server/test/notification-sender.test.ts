// The notification sender: mails in the recipient's language through a real SMTP receiver on loopback, retries
// with backoff then marks failed, never sends one twice when two sweeps run at once; the log sender's one line.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { smtpSettingsFrom } from '../src/config.js';
import { deliverDue, MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../src/notifications/delivery.js';
import { composeMail } from '../src/notifications/mail.js';
import { notify, type Notice } from '../src/notifications/notify.js';
import { LogSender } from '../src/notifications/sender.js';
import { mailSenderOf } from '../src/notifications/delivery-sweep.js';
import { SmtpSender } from '../src/notifications/sender-smtp.js';
import { fixedClock } from '../src/clock.js';
import { prepareTestDatabase, testNow } from '../../../test-support/server.js';
import { startMailReceiver, type MailReceiver } from './mail-receiver.js';

type Prepared = Awaited<ReturnType<typeof prepareTestDatabase>>;
let database: Prepared;
let receiver: MailReceiver;
let smtp: SmtpSender;
let db: Kysely<Database>;

before(async () => {
  database = await prepareTestDatabase();
  db = database.db;
  receiver = await startMailReceiver();
  smtp = new SmtpSender({ url: receiver.url, from: 'noreply@smec.example.cn' });
  await db
    .updateTable('users')
    .set({ email: 'ent01@example.cn', locale: 'en' })
    .where('id', '=', 'usr-ent-01')
    .execute();
  await db.updateTable('users').set({ email: 'ent02@example.cn' }).where('id', '=', 'usr-ent-02').execute();
});
after(async () => {
  smtp.close();
  await receiver.close();
  await database.dispose();
});
beforeEach(async () => {
  // Only what a test tells is to be sent: the seeded notifications are set aside.
  await db.updateTable('notifications').set({ delivery: 'skipped' }).where('delivery', '=', 'pending').execute();
  receiver.mails.length = 0;
  receiver.mode = 'accept';
});

let subjects = 0;
function cancelled(title = '数字化转型诊断沙龙 <b>&</b>'): Notice {
  subjects += 1;
  return {
    kind: 'eventCancelled',
    subjectType: 'event',
    subjectId: `evt-sender-${subjects}`,
    data: { title, reason: '场地检修' },
  };
}

async function tell(userIds: readonly string[], notice: Notice, now = testNow()) {
  await db.transaction().execute((trx) => notify(trx, now, userIds, notice));
  return db.selectFrom('notifications').selectAll().where('subject_id', '=', notice.subjectId).execute();
}

test('each user is mailed the words in their language: en when kept, zh-CN when unknown', async () => {
  const notice = cancelled();
  await tell(['usr-ent-01', 'usr-ent-02'], notice);
  const outcome = await deliverDue(db, smtp, testNow());
  assert.equal(outcome.sent, 2);
  const byTo = new Map(receiver.mails.map((mail) => [mail.to[0], mail]));
  const en = byTo.get('ent01@example.cn');
  const zh = byTo.get('ent02@example.cn');
  assert.ok(en && zh, `mails to both: ${[...byTo.keys()].join(', ')}`);
  assert.equal(en.subject, 'Event cancelled: 数字化转型诊断沙龙 <b>&</b>');
  assert.match(en.text, /Reason: 场地检修/);
  assert.match(en.html, /Event cancelled: 数字化转型诊断沙龙 &#60;b&#62;&#38;&#60;\/b&#62;/);
  assert.doesNotMatch(en.html, /<b>/);
  assert.equal(zh.subject, '活动已取消：数字化转型诊断沙龙 <b>&</b>');
  assert.match(zh.text, /原因：场地检修/);
  assert.match(zh.html, /<html lang="zh-CN">/);
  const rows = await db.selectFrom('notifications').selectAll().where('subject_id', '=', notice.subjectId).execute();
  assert.deepEqual(
    rows.map((row) => [row.delivery, row.attempts, row.claim_token, row.sent_at !== null]),
    [
      ['sent', 1, null, true],
      ['sent', 1, null, true],
    ],
  );
  // Sent once: the next sweep finds nothing to send.
  assert.equal((await deliverDue(db, smtp, testNow() + 3_600_000)).sent, 0);
  assert.equal(receiver.mails.length, 2);
});

test('a user without an address is skipped, with the reason kept', async () => {
  const notice = cancelled();
  const [row] = await tell(['usr-ent-03'], notice);
  const outcome = await deliverDue(db, smtp, testNow());
  assert.equal(outcome.skipped, 1);
  const after = await db.selectFrom('notifications').selectAll().where('id', '=', row!.id).executeTakeFirstOrThrow();
  assert.equal(after.delivery, 'skipped');
  assert.equal(after.last_error, 'no e-mail address');
  assert.equal(receiver.mails.length, 0);
});

test('a refused delivery is retried with longer waits, then marked failed and kept', async () => {
  receiver.mode = 'refuse';
  const notice = cancelled();
  const [row] = await tell(['usr-ent-02'], notice);
  const read = () => db.selectFrom('notifications').selectAll().where('id', '=', row!.id).executeTakeFirstOrThrow();
  let now = testNow();
  for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
    assert.equal((await deliverDue(db, smtp, now)).retried, 1, `attempt ${attempt} is retried`);
    const state = await read();
    assert.equal(state.delivery, 'pending');
    assert.equal(state.attempts, attempt);
    const wait = RETRY_DELAYS_MS[attempt - 1]!;
    assert.equal(Number(state.next_attempt_ts), now + wait);
    assert.match(state.last_error ?? '', /550/);
    // Not before its time: a sweep a moment early leaves it alone.
    assert.equal((await deliverDue(db, smtp, now + wait - 1)).retried, 0);
    now += wait;
  }
  assert.equal((await deliverDue(db, smtp, now)).failed, 1);
  const failed = await read();
  assert.equal(failed.delivery, 'failed');
  assert.equal(failed.attempts, MAX_ATTEMPTS);
  assert.match(failed.last_error ?? '', /550/);
  assert.equal((await deliverDue(db, smtp, now + 86_400_000)).failed, 0, 'a failed delivery is not tried again');
  assert.equal(receiver.mails.length, 0);
});

test('two sweeps at once send each mail once', async () => {
  const notices = [cancelled('一'), cancelled('二'), cancelled('三')];
  for (const notice of notices) await tell(['usr-ent-01', 'usr-ent-02'], notice);
  const [first, second] = await Promise.all([deliverDue(db, smtp, testNow()), deliverDue(db, smtp, testNow())]);
  assert.equal(first.sent + second.sent, 6);
  assert.equal(receiver.mails.length, 6);
  const subjects = receiver.mails.map((mail) => `${mail.to[0]} ${mail.subject}`).sort();
  assert.equal(new Set(subjects).size, 6, subjects.join('\n'));
});

test('a claim held by another sweep is left alone until it runs out', async () => {
  const notice = cancelled();
  const [row] = await tell(['usr-ent-02'], notice);
  const now = testNow();
  await db
    .updateTable('notifications')
    .set({ claimed_until_ts: now + 60_000, claim_token: 'other-sweep' })
    .where('id', '=', row!.id)
    .execute();
  assert.equal((await deliverDue(db, smtp, now)).sent, 0);
  assert.equal(receiver.mails.length, 0);
  // The other sweep died: once its claim runs out the mail goes.
  assert.equal((await deliverDue(db, smtp, now + 60_000)).sent, 1);
  assert.equal(receiver.mails.length, 1);
});

test('the log sender writes one line per mail: to, kind, subject, and not the body', async () => {
  const lines: string[] = [];
  const sender = new LogSender({ write: (line: string) => lines.push(line) }, fixedClock(testNow()));
  await tell(['usr-ent-01'], cancelled('政策宣讲会'));
  assert.equal((await deliverDue(db, sender, testNow())).sent, 1);
  assert.equal(lines.length, 1);
  const line = JSON.parse(lines[0]!) as Record<string, unknown>;
  assert.deepEqual(
    { to: line['to'], kind: line['kind'], subject: line['subject'], sender: line['sender'] },
    { to: 'ent01@example.cn', kind: 'eventCancelled', subject: 'Event cancelled: 政策宣讲会', sender: 'log' },
  );
  assert.doesNotMatch(lines[0]!, /场地检修/, 'the reason stays out of the log');
});

test('the log sender writes to the log: nowhere when the server runs with its log off', async () => {
  const lines: string[] = [];
  const logStream = { write: (line: string) => lines.push(line) };
  const message = composeMail('ent01@example.cn', 'eventCancelled', { title: '政策宣讲会', reason: '' }, 'zh-CN');
  await mailSenderOf({ logger: false, logStream }, fixedClock(testNow())).send(message);
  assert.equal(lines.length, 0);
  await mailSenderOf({ logger: true, logStream }, fixedClock(testNow())).send(message);
  assert.equal(lines.length, 1);
  assert.equal((JSON.parse(lines[0]!) as { to: string }).to, 'ent01@example.cn');
});

test('a mail is plain text and escaped HTML, its subject one line', () => {
  const mail = composeMail(
    'a@example.cn',
    'eventCancelled',
    { title: 'A\r\nBcc: x@evil.cn', reason: '<script>' },
    'en',
  );
  assert.equal(mail.subject, 'Event cancelled: A Bcc: x@evil.cn');
  assert.match(mail.text, /Reason: <script>/);
  assert.match(mail.html, /Reason: &#60;script&#62;/);
  assert.doesNotMatch(mail.html, /<script>/);
});

test('SMTP is configured by SMEC_SMTP_URL and SMEC_MAIL_FROM together, or not at all', () => {
  assert.equal(smtpSettingsFrom({}), undefined);
  assert.deepEqual(smtpSettingsFrom({ SMEC_SMTP_URL: 'smtp://relay:587', SMEC_MAIL_FROM: 'noreply@gd.cn' }), {
    url: 'smtp://relay:587',
    from: 'noreply@gd.cn',
  });
  assert.throws(() => smtpSettingsFrom({ SMEC_SMTP_URL: 'smtp://relay:587' }), /SMEC_MAIL_FROM/);
  assert.throws(() => smtpSettingsFrom({ SMEC_MAIL_FROM: 'noreply@gd.cn' }), /SMEC_SMTP_URL/);
  assert.throws(() => smtpSettingsFrom({ SMEC_SMTP_URL: 'http://relay', SMEC_MAIL_FROM: 'a@b.cn' }), /smtp:\/\//);
});
