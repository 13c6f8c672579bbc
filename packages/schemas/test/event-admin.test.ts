// The rules of the events a center runs: each field's bounds and the order of an event's times.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CheckInInput, EventInput, EventRatingInput, EventTransition } from '@smec/schemas';
import {
  EVENT_MESSAGES,
  checkCancelReason,
  checkEventTitle,
  eventPlanRefusals,
  isEventMessageKey,
  type EventPlan,
} from '@smec/schemas/rules';

const HOUR = 3_600_000;
const START = Date.parse('2027-03-18T14:00:00+08:00');
const PLAN: EventPlan = {
  startsTs: START,
  endsTs: START + 3 * HOUR,
  opensTs: START - 20 * 24 * HOUR,
  closesTs: START - 24 * HOUR,
  venue: '禅城区季华五路1号',
  onlineUrl: null,
};

test('a plan with a place, an end after its start and a window closing before it passes', () => {
  assert.deepEqual(eventPlanRefusals(PLAN), []);
  assert.deepEqual(eventPlanRefusals({ ...PLAN, venue: null, onlineUrl: 'https://live.example.cn/1' }), []);
  // Registration may stay open until the very start.
  assert.deepEqual(eventPlanRefusals({ ...PLAN, closesTs: START }), []);
});

test('no venue and no online address is refused on the venue', () => {
  assert.deepEqual(eventPlanRefusals({ ...PLAN, venue: null }), [{ field: 'venue', key: 'event.place' }]);
});

test('an end at or before the start, or more than 7 days after it, is refused on the end', () => {
  assert.deepEqual(eventPlanRefusals({ ...PLAN, endsTs: START }), [{ field: 'endsAt', key: 'event.endsBeforeStart' }]);
  assert.deepEqual(eventPlanRefusals({ ...PLAN, endsTs: START + 7 * 24 * HOUR }), []);
  assert.deepEqual(eventPlanRefusals({ ...PLAN, endsTs: START + 7 * 24 * HOUR + 1 }), [
    { field: 'endsAt', key: 'event.tooLong' },
  ]);
});

test('a window that closes before it opens, or after the start, is refused on its close', () => {
  assert.deepEqual(eventPlanRefusals({ ...PLAN, closesTs: PLAN.opensTs }), [
    { field: 'registrationClosesAt', key: 'event.windowOrder' },
  ]);
  assert.deepEqual(eventPlanRefusals({ ...PLAN, closesTs: START + 1 }), [
    { field: 'registrationClosesAt', key: 'event.closesAfterStart' },
  ]);
});

test('titles of 4 to 60 characters and reasons of 4 to 200 pass', () => {
  assert.equal(checkEventTitle('财税培训'), undefined);
  assert.equal(checkEventTitle('财税'), 'event.title');
  assert.equal(checkEventTitle('字'.repeat(61)), 'event.title');
  assert.equal(checkCancelReason('  讲师出差  '), undefined);
  assert.equal(checkCancelReason('出差'), 'event.cancelReason');
});

test('every message of the event forms reads in the three languages, and a schema answers its key', () => {
  for (const [key, texts] of Object.entries(EVENT_MESSAGES)) {
    assert.ok(isEventMessageKey(key));
    for (const text of [texts.en, texts['zh-HK'], texts['zh-CN']]) assert.ok(text.length > 0);
    assert.notEqual(texts['zh-CN'], texts.en);
  }
  const refused = EventTransition.safeParse({ action: 'cancel', reason: '短' });
  assert.equal(refused.success, false);
  assert.equal(refused.error?.issues[0]?.message, 'event.cancelReason');
});

test('an event input takes a venue or an online address, instants with an offset and no more than 5 categories', () => {
  const input = {
    type: 'training',
    title: '小微企业财务规范化实务培训',
    description: '讲解小微企业建账、发票管理和纳税申报的常见问题。',
    regionCode: '440604',
    venue: '禅城区季华五路1号',
    startsAt: '2027-03-18T14:00:00+08:00',
    endsAt: '2027-03-18T17:00:00+08:00',
    registrationOpensAt: '2027-03-01T09:00:00+08:00',
    registrationClosesAt: '2027-03-17T17:00:00+08:00',
    capacity: 60,
  };
  assert.equal(EventInput.safeParse(input).success, true);
  assert.equal(EventInput.safeParse({ ...input, startsAt: '2027-03-18T14:00:00' }).success, false, 'no offset');
  assert.equal(EventInput.safeParse({ ...input, onlineUrl: 'javascript:alert(1)' }).success, false);
  assert.equal(EventInput.safeParse({ ...input, capacity: 0 }).success, false);
  assert.equal(
    EventInput.safeParse({
      ...input,
      categoryIds: ['finance-tax', 'legal', 'financing', 'digitalization', 'training-talent', 'policy-consulting'],
    }).success,
    false,
  );
});

test('a check-in code is 10 letters and digits without look-alikes; a score is 1 to 5', () => {
  assert.equal(CheckInInput.safeParse({ code: 'CHECKPASS2' }).success, true);
  assert.equal(CheckInInput.safeParse({ code: 'checkpass2' }).success, true, 'either case');
  assert.equal(CheckInInput.safeParse({ code: 'CHECKPASS0' }).success, false, 'no 0');
  assert.equal(CheckInInput.safeParse({ code: 'CHECKPASS' }).success, false);
  assert.equal(EventRatingInput.safeParse({ score: 5 }).success, true);
  assert.equal(EventRatingInput.safeParse({ score: 6 }).success, false);
  assert.equal(EventRatingInput.safeParse({ score: 0 }).success, false);
});
