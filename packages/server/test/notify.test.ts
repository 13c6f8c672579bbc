// A notification is written with what it tells, once per user, and holds facts, not text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { notify } from '../src/notifications/notify.js';
import { prepareTestDatabase, testNow } from '../../../test-support/server.js';

type Prepared = Awaited<ReturnType<typeof prepareTestDatabase>>;
let database: Prepared;

before(async () => {
  database = await prepareTestDatabase();
});
after(() => database.dispose());

const CANCELLED = {
  kind: 'eventCancelled',
  subjectType: 'event',
  subjectId: 'evt-notify-1',
  data: { title: '数字化转型诊断沙龙', reason: '场地检修' },
};

test('each user is told once, unread, with the facts as JSON', async () => {
  const { db } = database;
  const now = testNow();
  const told = await db
    .transaction()
    .execute((trx) => notify(trx, now, ['usr-ent-01', 'usr-ent-02', 'usr-ent-01'], CANCELLED));
  assert.equal(told, 2);
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('subject_id', '=', 'evt-notify-1')
    .orderBy('user_id')
    .execute();
  assert.deepEqual(
    rows.map((row) => [row.user_id, row.kind, row.read_ts, row.created_ts]),
    [
      ['usr-ent-01', 'eventCancelled', null, now],
      ['usr-ent-02', 'eventCancelled', null, now],
    ],
  );
  assert.deepEqual(JSON.parse(rows[0]!.data), CANCELLED.data);
});

test('nobody to tell writes nothing', async () => {
  const { db } = database;
  assert.equal(await notify(db, testNow(), [], { ...CANCELLED, subjectId: 'evt-notify-2' }), 0);
  const rows = await db.selectFrom('notifications').select('id').where('subject_id', '=', 'evt-notify-2').execute();
  assert.deepEqual(rows, []);
});

test('a notification to an unknown user is refused by the database', async () => {
  await assert.rejects(notify(database.db, testNow(), ['usr-nobody'], { ...CANCELLED, subjectId: 'evt-notify-3' }));
});
