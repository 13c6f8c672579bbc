// Taking a batch's quota is the last write of a claim's transaction. On PostgreSQL it commits the claim in the same
// message as its UPDATE (vouchers/quota.ts), so a write after it would fall outside the claim: it is refused. On
// SQLite the UPDATE stays inside the transaction, and what follows commits with it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TEST_POSTGRES_URL } from '../../../test-support/server.js';
import { takeFromQuota } from '../src/vouchers/quota.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { insertBatch } from './voucher-helpers.js';

let app: TestApp;
before(async () => {
  app = await openTestApp();
  await insertBatch(app, { id: 'vbt-quota-last', quota: 3 });
});
after(() => app.close());

const batch = () =>
  app.database.db
    .selectFrom('voucher_batches')
    .select(['seq', 'remaining', 'name'])
    .where('id', '=', 'vbt-quota-last')
    .executeTakeFirstOrThrow();

test('a write after the quota is taken is refused on PostgreSQL; the quota stays taken, the write is not made', async () => {
  const { seq } = await batch();
  const attempt = app.database.db.transaction().execute(async (trx) => {
    assert.equal(await takeFromQuota(trx, seq, '2029-02-12T10:00:00+08:00'), true);
    await trx.updateTable('voucher_batches').set({ name: '取券之后的写入' }).where('seq', '=', seq).execute();
  });
  const outcome = await attempt.then(
    () => 'committed',
    (error: Error) => error.message,
  );
  const after = await batch();
  assert.equal(after.remaining, 2, 'the quota was taken once');
  assert.deepEqual(
    [outcome, after.name],
    TEST_POSTGRES_URL
      ? ['cannot execute UPDATE in a read-only transaction', '测试服务券批次']
      : ['committed', '取券之后的写入'],
  );
});
