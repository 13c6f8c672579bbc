// The yearly cap is counted by one rule (voucherMoneyUsed); the claim's hot path counts it in SQL, which must agree.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { usedMoney, usedMoneyQuery } from '../src/vouchers/annual-cap.js';
import { openTestApp, type TestApp } from './demand-helpers.js';

let app: TestApp;
before(async () => {
  app = await openTestApp();
});
after(() => app.close());

test("the claim's SQL count of the yearly cap equals the rule's, for every enterprise and year the seed has", async () => {
  const { db } = app.database;
  const pairs = await db
    .selectFrom('engagements')
    .innerJoin('vouchers', 'vouchers.id', 'engagements.voucher_id')
    .select(['engagements.enterprise_id as enterpriseId', 'vouchers.year as year'])
    .distinct()
    .execute();
  assert.ok(pairs.length >= 20, `${pairs.length} enterprises with voucher-paid engagements`);
  // A cancelled engagement counts nothing, in both.
  const first = await db
    .selectFrom('engagements')
    .select('seq')
    .where('voucher_id', 'is not', null)
    .orderBy('seq')
    .executeTakeFirstOrThrow();
  await db.updateTable('engagements').set({ status: 'cancelled' }).where('seq', '=', first.seq).execute();
  for (const { enterpriseId, year } of pairs) {
    const sql = await usedMoneyQuery(db, enterpriseId, Number(year)).executeTakeFirstOrThrow();
    assert.equal(Number(sql.n ?? 0), await usedMoney(db, enterpriseId, Number(year)), `${enterpriseId} ${year}`);
  }
});
