// The audit log is append-only in the database itself: a row is written with its write, and neither UPDATE nor
// DELETE (nor, on PostgreSQL, TRUNCATE) gets through, whoever sends it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Principal } from '@smec/schemas';
import { recordAudit } from '../src/audit/record.js';
import { prepareTestDatabase, testNow } from '../../../test-support/server.js';
import { sql } from 'kysely';

type Prepared = Awaited<ReturnType<typeof prepareTestDatabase>>;
let database: Prepared;

const ADMIN: Principal = {
  userId: 'usr-admin-440100',
  name: '广州市中小企业服务中心管理员',
  role: 'admin',
  staffRole: 'admin',
  regionCode: '440100',
  enterpriseId: null,
  providerId: null,
};

before(async () => {
  database = await prepareTestDatabase();
});
after(() => database.dispose());

test('a recorded write is on the log with its actor, center, request and the changed fields', async () => {
  const { db } = database;
  const now = testNow();
  await db.transaction().execute((trx) =>
    recordAudit(trx, { principal: ADMIN, requestId: 'req-audit-1' }, now, {
      action: 'event.publish',
      entityType: 'event',
      entityId: 'evt-audit-1',
      before: { status: 'draft' },
      after: { status: 'published' },
    }),
  );
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('request_id', '=', 'req-audit-1')
    .executeTakeFirstOrThrow();
  assert.equal(row.actor_user_id, ADMIN.userId);
  assert.equal(row.center_region_code, '440100');
  assert.equal(row.action, 'event.publish');
  assert.equal(row.at_ts, now);
  assert.deepEqual(JSON.parse(row.before ?? 'null'), { status: 'draft' });
  assert.deepEqual(JSON.parse(row.after ?? 'null'), { status: 'published' });
});

test('a write that rolls back leaves no row', async () => {
  const { db } = database;
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await recordAudit(trx, { principal: ADMIN, requestId: 'req-audit-rolled-back' }, testNow(), {
        action: 'event.cancel',
        entityType: 'event',
        entityId: 'evt-audit-2',
      });
      throw new Error('the write failed');
    }),
    /the write failed/,
  );
  const rows = await db
    .selectFrom('audit_log')
    .select('id')
    .where('request_id', '=', 'req-audit-rolled-back')
    .execute();
  assert.deepEqual(rows, []);
});

test('the database refuses to change or delete a row of the log', async () => {
  const { db } = database;
  await assert.rejects(
    db.updateTable('audit_log').set({ action: 'event.rewritten' }).where('request_id', '=', 'req-audit-1').execute(),
    /append-only/,
  );
  await assert.rejects(db.deleteFrom('audit_log').where('request_id', '=', 'req-audit-1').execute(), /append-only/);
  const kept = await db.selectFrom('audit_log').select('action').where('request_id', '=', 'req-audit-1').execute();
  assert.deepEqual(kept, [{ action: 'event.publish' }]);
});

test('only a center account writes the log', async () => {
  const enterprise: Principal = {
    ...ADMIN,
    userId: 'usr-ent-01',
    role: 'enterprise',
    staffRole: null,
    regionCode: null,
  };
  await assert.rejects(
    recordAudit(database.db, { principal: enterprise, requestId: 'req-audit-3' }, testNow(), {
      action: 'event.publish',
      entityType: 'event',
      entityId: 'evt-audit-1',
    }),
    /acts for no center/,
  );
});

test('clearing the whole log is refused too (TRUNCATE on PostgreSQL, which skips row triggers)', async () => {
  const { db } = database;
  const postgres = db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
  const attempt = postgres ? sql`truncate audit_log`.execute(db) : sql`delete from audit_log`.execute(db);
  await assert.rejects(attempt, /append-only/);
});
