import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWorkingDays, followUpDueOn, isWorkingDay } from '../src/time/working-days.js';

// Expected days worked out by hand from the State Council's holiday notices for 2026, not from the package.
const DUE_DATES: readonly { case: string; ratedOn: string; dueOn: string }[] = [
  { case: 'a Monday, three weekends in between', ratedOn: '2026-03-02', dueOn: '2026-03-23' },
  { case: 'a Friday: the weekend after it does not count', ratedOn: '2026-03-06', dueOn: '2026-03-27' },
  { case: 'a Saturday counts from the Monday', ratedOn: '2026-03-07', dueOn: '2026-03-27' },
  { case: 'a Sunday counts from the Monday', ratedOn: '2026-03-08', dueOn: '2026-03-27' },
  {
    case: '中秋 and 国庆节 2026: Sep 25–27 and Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked (调休)',
    ratedOn: '2026-09-18',
    dueOn: '2026-10-15',
  },
  { case: 'rated on the first day of 国庆节', ratedOn: '2026-10-01', dueOn: '2026-10-27' },
  { case: '元旦 2026: Jan 1–3 off, Sunday Jan 4 worked', ratedOn: '2025-12-31', dueOn: '2026-01-22' },
  {
    case: '春节 2026: Feb 15–23 off, Saturdays Feb 14 and Feb 28 worked',
    ratedOn: '2026-02-13',
    dueOn: '2026-03-12',
  },
  // The package has no holidays for 2027 yet: 元旦 2027 counts as a working Friday (weekends only).
  { case: 'beyond the holiday data: weekends only', ratedOn: '2026-12-31', dueOn: '2027-01-21' },
];

for (const row of DUE_DATES) {
  test(`due date: ${row.case}`, () => {
    assert.equal(addWorkingDays(row.ratedOn, 15), row.dueOn);
  });
}

test('working days: weekends, holidays and make-up days', () => {
  assert.equal(isWorkingDay('2026-03-07'), false, 'a Saturday');
  assert.equal(isWorkingDay('2026-10-01'), false, '国庆节');
  assert.equal(isWorkingDay('2026-09-25'), false, '中秋节 on a Friday');
  assert.equal(isWorkingDay('2026-09-20'), true, 'a make-up Sunday');
  assert.equal(isWorkingDay('2026-10-10'), true, 'a make-up Saturday');
  assert.equal(isWorkingDay('2026-10-09'), true, 'an ordinary Friday');
});

test('the rating day is the day in Asia/Shanghai, not in UTC', () => {
  // Thursday 23:30 in Shanghai is still Thursday; 00:30 on Friday in Shanghai is Thursday in UTC.
  assert.equal(followUpDueOn(Date.parse('2026-03-05T23:30:00+08:00')), '2026-03-26');
  assert.equal(followUpDueOn(Date.parse('2026-03-05T16:30:00Z')), '2026-03-27');
});
