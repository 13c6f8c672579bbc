// The yearly cap's count (voucherMoneyUsed): by the voucher's batch year, never by the day an engagement was made.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shanghaiDayOf, voucherMoneyUsed, type CapEngagement } from '../src/rules/index.js';

// 00:30 on 1 January 2027 in Beijing is still 31 December 2026 in UTC.
const NEW_YEAR_0030 = Date.parse('2027-01-01T00:30:00+08:00');

const engagement = (voucherId: string | null, voucherYear: number | null, voucherAmount: number, status = 'ordered') =>
  ({ voucherId, voucherYear, voucherAmount, status }) satisfies CapEngagement;

test("at 00:30 on 1 January in Beijing, an engagement on last year's voucher counts to last year's cap", () => {
  assert.equal(shanghaiDayOf(NEW_YEAR_0030), '2027-01-01');
  assert.equal(new Date(NEW_YEAR_0030).getUTCFullYear(), 2026, 'the UTC year the old preview counted by');
  const made = [engagement('v-2026-a', 2026, 300_000), engagement('v-2027-a', 2027, 50_000)];
  assert.equal(voucherMoneyUsed(made, 2026), 300_000);
  assert.equal(voucherMoneyUsed(made, 2027), 50_000);
});

test('cancelled engagements, engagements without a voucher and the voucher being used count nothing', () => {
  const made = [
    engagement('v-1', 2026, 100_000),
    engagement('v-2', 2026, 200_000, 'cancelled'),
    engagement(null, null, 400_000),
    engagement('v-3', 2026, 800_000),
  ];
  assert.equal(voucherMoneyUsed(made, 2026), 900_000);
  assert.equal(voucherMoneyUsed(made, 2026, 'v-3'), 100_000);
  assert.equal(voucherMoneyUsed([], 2026), 0);
});
