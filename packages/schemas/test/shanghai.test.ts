import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SHANGHAI_OFFSET_MS, shanghaiDayOf, shanghaiToday, todayInShanghai } from '@smec/schemas/rules';

test('the Shanghai day of an instant begins at 16:00 UTC the day before', () => {
  assert.equal(shanghaiDayOf(Date.parse('2026-11-27T15:59:59.999Z')), '2026-11-27');
  assert.equal(shanghaiDayOf(Date.parse('2026-11-27T16:00:00Z')), '2026-11-28');
  assert.equal(shanghaiDayOf(Date.parse('2026-12-31T16:00:00Z')), '2027-01-01', 'a new year in Shanghai');
  assert.equal(shanghaiDayOf(Date.parse('2028-02-28T16:30:00Z')), '2028-02-29', 'a leap day');
  assert.equal(shanghaiDayOf(0), '1970-01-01');
  assert.equal(shanghaiDayOf(-SHANGHAI_OFFSET_MS - 1), '1969-12-31', 'before the epoch');
});

test('a Date and its epoch milliseconds are the same day', () => {
  const instant = Date.parse('2029-02-12T23:30:00+08:00');
  assert.equal(shanghaiDayOf(new Date(instant)), '2029-02-12');
  assert.equal(shanghaiDayOf(instant), '2029-02-12');
});

test('today in Shanghai, by either name, is the Shanghai day of now', () => {
  const late = new Date('2026-11-27T16:30:00Z');
  assert.equal(todayInShanghai(late), '2026-11-28');
  assert.equal(shanghaiToday(late), '2026-11-28');
  assert.equal(todayInShanghai(late.getTime()), '2026-11-28');
  assert.equal(shanghaiToday(late.getTime()), '2026-11-28');
  assert.match(todayInShanghai(), /^\d{4}-\d{2}-\d{2}$/);
});

test("the fixed offset gives the time-zone database's day for every instant since 1992", () => {
  const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' });
  const from = Date.parse('1992-01-01T00:00:00Z');
  const to = Date.parse('2100-01-01T00:00:00Z');
  fc.assert(
    fc.property(fc.integer({ min: from, max: to }), (ms) => {
      assert.equal(shanghaiDayOf(ms), zone.format(new Date(ms)));
    }),
    { numRuns: 2000 },
  );
});
