import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Registrant, ServiceEvent } from '@smec/schemas';
import { checkInOutcome } from '../../src/components/center-workbench/event-desk.js';
import {
  emptyEvent,
  eventFieldOf,
  eventInputOf,
  eventOrder,
  eventPatchOf,
  eventProblems,
  instantOf,
  parseCount,
  shanghaiMinute,
  startsWithin,
  underWay,
  type EventValues,
} from '../../src/components/center-workbench/event-values.js';

const DAY = 86_400_000;

function valid(): EventValues {
  return {
    ...emptyEvent('440500'),
    title: '研发费用加计扣除政策培训',
    description: '讲解研发费用归集和加计扣除申报的常见问题。',
    venue: '汕头市龙湖区长平路1号',
    startsAt: '2027-03-18T14:00',
    endsAt: '2027-03-18T17:00',
    registrationOpensAt: '2027-03-01T09:00',
    registrationClosesAt: '2027-03-17T17:00',
    capacity: '60',
    waitlistSize: '10',
  };
}

function event(id: string, startsTs: number, status: ServiceEvent['status'] = 'scheduled'): ServiceEvent {
  return {
    id,
    type: 'training',
    title: id,
    description: '',
    organizer: { name: '', regionCode: '440500' },
    regionCode: '440500',
    venue: null,
    onlineUrl: null,
    startsAt: new Date(startsTs).toISOString(),
    endsAt: new Date(startsTs + 3_600_000).toISOString(),
    registrationOpensAt: new Date(startsTs - 10 * DAY).toISOString(),
    registrationClosesAt: new Date(startsTs - DAY).toISOString(),
    capacity: 10,
    registeredCount: 0,
    waitlistCount: 0,
    seatsLeft: 10,
    waitlist: false,
    categoryIds: [],
    status,
  };
}

test('a complete event form has no problem and becomes the input the platform takes, in Asia/Shanghai', () => {
  assert.deepEqual(eventProblems(valid()), {});
  const input = eventInputOf(valid());
  assert.equal(input.startsAt, '2027-03-18T14:00:00+08:00');
  assert.equal(input.capacity, 60);
  assert.equal(input.waitlistSize, 10);
  assert.equal(input.venue, '汕头市龙湖区长平路1号');
  assert.equal('onlineUrl' in input, false);
  assert.equal(eventPatchOf(valid()).onlineUrl, null);
});

test('the event form checks the shared rules on the fields they name', () => {
  const problems = eventProblems({ ...valid(), title: '培训', venue: '', capacity: '0', startsAt: '' });
  assert.equal(problems.title, 'event.title');
  assert.equal(problems.capacity, 'number');
  assert.equal(problems.startsAt, 'time');
  const plan = eventProblems({ ...valid(), venue: '', endsAt: '2027-03-18T13:00' });
  assert.equal(plan.venue, 'event.place');
  assert.equal(plan.endsAt, 'event.endsBeforeStart');
  assert.equal(
    eventProblems({ ...valid(), registrationClosesAt: '2027-03-19T09:00' }).registrationClosesAt,
    'event.closesAfterStart',
  );
  assert.equal(eventProblems({ ...valid(), onlineUrl: 'javascript:alert(1)' }).onlineUrl, 'url');
});

test('times and counts are read as typed', () => {
  assert.equal(shanghaiMinute('2027-03-18T06:00:00Z'), '2027-03-18T14:00');
  assert.equal(instantOf('2027-03-18T14:00'), '2027-03-18T14:00:00+08:00');
  assert.equal(instantOf('2027-03-18'), undefined);
  assert.equal(parseCount('６０', 100), 60);
  assert.ok(Number.isNaN(parseCount('101', 100)));
  assert.equal(eventFieldOf('body.registrationClosesAt'), 'registrationClosesAt');
  assert.equal(eventFieldOf('body.nothing'), undefined);
});

test('events starting within 7 days are marked, and the list puts the upcoming first', () => {
  const now = Date.UTC(2027, 2, 1);
  assert.equal(startsWithin(event('soon', now + 6 * DAY), now), true);
  assert.equal(startsWithin(event('later', now + 8 * DAY), now), false);
  assert.equal(startsWithin(event('off', now + DAY, 'cancelled'), now), false);
  assert.equal(startsWithin(event('past', now - DAY), now), false);
  const order = eventOrder(
    [
      event('past', now - 2 * DAY),
      event('later', now + 8 * DAY),
      event('soon', now + DAY),
      event('older', now - 5 * DAY),
    ],
    now,
  );
  assert.deepEqual(
    order.map((each) => each.id),
    ['soon', 'later', 'past', 'older'],
  );
});

test('an event that has begun and is not over is under way, not starting soon', () => {
  const now = Date.UTC(2027, 2, 1, 2);
  const begun = event('begun', now - 1_800_000);
  assert.equal(underWay(begun, now), true);
  assert.equal(startsWithin(begun, now), false);
  assert.equal(underWay(event('over', now - 2 * 3_600_000), now), false);
  assert.equal(underWay(event('ahead', now + 60_000), now), false);
  assert.equal(underWay(event('off', now - 60_000, 'cancelled'), now), false);
});

test('a check-in answered with an earlier attendance says it was already checked in', () => {
  const sentAt = Date.UTC(2027, 2, 18, 2);
  const registrant = (attendedAt: number) => ({ attendedAt: new Date(attendedAt).toISOString() }) as Registrant;
  assert.equal(checkInOutcome(registrant(sentAt + 200), sentAt), 'attended');
  assert.equal(checkInOutcome(registrant(sentAt - 60_000), sentAt), 'already');
});
