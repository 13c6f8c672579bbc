import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerShortfalls, coverageShare, coverageTargetOf, qualifiedShareOf } from '../src/rules/index.js';

const MEETS = { floorArea: 0, staffCount: 0, qualifiedStaffCount: 0, ownSpace: true };

test('the basic requirements of each level, one row per case', () => {
  const rows = [
    // level, facts, the requirements it falls short of
    ['province', { floorArea: 1000, staffCount: 35, qualifiedStaffCount: 28 }, []],
    ['province', { floorArea: 999, staffCount: 35, qualifiedStaffCount: 28 }, ['floorArea']],
    ['province', { floorArea: 1200, staffCount: 34, qualifiedStaffCount: 34 }, ['staffCount']],
    ['province', { floorArea: 1200, staffCount: 40, qualifiedStaffCount: 31 }, ['qualifiedShare']],
    [
      'province',
      { floorArea: 10, staffCount: 0, qualifiedStaffCount: 0 },
      ['floorArea', 'staffCount', 'qualifiedShare'],
    ],
    ['city', { floorArea: 200, staffCount: 6, qualifiedStaffCount: 5 }, []],
    ['city', { floorArea: 199, staffCount: 6, qualifiedStaffCount: 6 }, ['floorArea']],
    ['city', { floorArea: 300, staffCount: 5, qualifiedStaffCount: 5 }, ['staffCount']],
    ['city', { floorArea: 300, staffCount: 10, qualifiedStaffCount: 6 }, ['qualifiedShare']],
    ['city', { floorArea: 300, staffCount: 10, qualifiedStaffCount: 7 }, []],
    ['county', { floorArea: 20, staffCount: 1, qualifiedStaffCount: 0 }, []],
    ['county', { floorArea: 20, staffCount: 0, qualifiedStaffCount: 0 }, ['fullTimeStaff']],
    ['county', { floorArea: 500, staffCount: 3, qualifiedStaffCount: 3, ownSpace: false }, ['ownSpace']],
    ['county', { floorArea: 0, staffCount: 0, qualifiedStaffCount: 0, ownSpace: false }, ['ownSpace', 'fullTimeStaff']],
  ] as const;
  for (const [level, facts, expected] of rows) {
    const found = centerShortfalls(level, { ...MEETS, ...facts }).map((shortfall) => shortfall.requirement);
    assert.deepEqual(found, expected, `${level} ${JSON.stringify(facts)}`);
  }
});

test('a shortfall says what is required and what the center has', () => {
  assert.deepEqual(
    centerShortfalls('city', { floorArea: 180, staffCount: 8, qualifiedStaffCount: 8, ownSpace: true }),
    [{ requirement: 'floorArea', required: 200, actual: 180 }],
  );
  assert.deepEqual(
    centerShortfalls('province', { floorArea: 1200, staffCount: 40, qualifiedStaffCount: 31, ownSpace: true }),
    [{ requirement: 'qualifiedShare', required: 80, actual: 77.5 }],
  );
});

test('shares are percent to one decimal, rounded down, so that 79.99% never passes for 80%', () => {
  assert.equal(qualifiedShareOf({ staffCount: 3, qualifiedStaffCount: 2 }), 66.6);
  assert.equal(qualifiedShareOf({ staffCount: 0, qualifiedStaffCount: 0 }), 0);
  assert.equal(qualifiedShareOf({ staffCount: 10001, qualifiedStaffCount: 8000 }), 79.9);
  assert.equal(coverageShare(9, 10), 90);
  assert.equal(coverageShare(0, 0), 0);
});

test('the coverage targets by year: none before 2017, every city in 2017, over 90% from 2018', () => {
  assert.equal(coverageTargetOf(2016).kind, 'none');
  assert.equal(coverageTargetOf(2017).kind, 'everyCity');
  assert.deepEqual(coverageTargetOf(2018), { kind: 'shareAbove', year: 2018, share: 90 });
  assert.deepEqual(coverageTargetOf(2030), { kind: 'shareAbove', year: 2030, share: 90 });
});
