import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shanghaiDayOf } from '@smec/schemas/rules';
import { newTrackingNo } from '../src/demands/tracking.js';
import { dayStart, shanghaiDay } from '../src/time/shanghai.js';

test("the server's Shanghai day is the schemas' rule", () => {
  for (const instant of ['2026-11-27T15:59:59Z', '2026-11-27T16:00:00Z', '2029-02-12T10:00:00+08:00']) {
    const ms = Date.parse(instant);
    assert.equal(shanghaiDay(ms), shanghaiDayOf(ms), instant);
  }
  assert.equal(shanghaiDay(Date.parse('2026-11-27T16:00:00Z')), '2026-11-28');
});

test('a tracking number carries the Shanghai day of its instant, not the UTC one', () => {
  assert.match(newTrackingNo(new Date('2026-11-27T16:30:00Z')), /^XQ20261128[2-9A-HJ-NP-Z]{6}$/);
  assert.match(newTrackingNo(new Date('2026-11-27T15:30:00Z')), /^XQ20261127[2-9A-HJ-NP-Z]{6}$/);
});

test('the Shanghai midnight of a day is the instant its Shanghai day begins', () => {
  const start = dayStart(Date.parse('2026-11-28T09:00:00+08:00'));
  assert.equal(start, Date.parse('2026-11-28T00:00:00+08:00'));
  assert.equal(shanghaiDay(start), '2026-11-28');
  assert.equal(shanghaiDay(start - 1), '2026-11-27');
});
