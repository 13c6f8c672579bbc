// The calendar files on hostile data: markup, `javascript:` links in every spelling and line breaks that would start
// properties of their own. A calendar application must find only the properties the server writes, every link an
// http(s) one, and every text exactly as the API gives it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import { ServiceEventPage } from '@smec/schemas';
import { JAVASCRIPT_URLS, writeHostileData } from '../../../test-support/hostile-data.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { insertEvent } from './event-helpers.js';
import { webUrl } from '@smec/schemas/rules';
import { escapeText } from '../src/events/ics.js';

const EVENT_PROPERTIES = new Set([
  'uid',
  'dtstamp',
  'dtstart',
  'dtend',
  'summary',
  'description',
  'location',
  'url',
  'status',
  'transp',
]);
const INJECTED = '\r\nURL:javascript:window.__xss=1\r\nATTENDEE:mailto:evil@example.com\nX-INJECTED:1\r';
const INJECTED_TITLE = `宣讲会${INJECTED}END:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:假活动`;

let app: TestApp;
before(async () => {
  app = await openTestApp();
  await writeHostileData(app.database.db);
  // A bell and an escape: the control characters a text column can hold (PostgreSQL refuses NUL in text).
  await insertEvent(app, { id: 'evt-ics-inject', title: INJECTED_TITLE, description: `说明${INJECTED}\u0007\u001b` });
  await app.database.db
    .updateTable('events')
    .set({ venue: `地点${INJECTED}`, online_url: 'javascript:alert(1)//https://example.com' })
    .where('id', '=', 'evt-ics-inject')
    .execute();
});
after(() => app.close());

async function calendar(url: string): Promise<ICAL.Component> {
  const response = await app.app.inject({ method: 'GET', url });
  assert.equal(response.statusCode, 200, response.body);
  return new ICAL.Component(ICAL.parse(response.body));
}

function assertOnlyOwnProperties(vevent: ICAL.Component): void {
  const names = vevent.getAllProperties().map((property) => property.name);
  assert.deepEqual(
    names.filter((name) => !EVENT_PROPERTIES.has(name)),
    [],
  );
  assert.equal(new Set(names).size, names.length, `a property twice: ${names.join(' ')}`);
  assert.deepEqual(vevent.getAllSubcomponents(), []);
  for (const url of vevent.getAllProperties('url')) assert.match(String(url.getFirstValue()), /^https?:\/\//);
}

test("an event's file with line breaks in every text holds one event, with only its own properties", async () => {
  const file = await calendar('/api/v1/events/evt-ics-inject.ics');
  const vevents = file.getAllSubcomponents('vevent');
  assert.equal(vevents.length, 1);
  assertOnlyOwnProperties(vevents[0]!);
  const event = new ICAL.Event(vevents[0]!);
  // TEXT has one line break, `\n`: the title comes back with its breaks as that, and otherwise exactly.
  assert.equal(event.summary, INJECTED_TITLE.replace(/\r\n|\r/g, '\n'));
  assert.equal(event.location, `地点${INJECTED}`.replace(/\r\n|\r/g, '\n'));
  assert.ok(event.description.includes(`说明${INJECTED}`.replace(/\r\n|\r/g, '\n')), event.description);
  assert.doesNotMatch(event.description, /Online: |javascript:alert/, 'no javascript: link as text either');
  assert.ok(!event.description.includes('\u0007') && !event.description.includes('\u001b'), 'no control characters');
  assert.equal(vevents[0]!.getFirstPropertyValue('url'), null, 'no javascript: link');
});

test('the feed on hostile data: only the properties the server writes, and never a javascript: link', async () => {
  const listed = ServiceEventPage.parse(
    (await app.app.inject({ method: 'GET', url: '/api/v1/events?region=440000&limit=500' })).json(),
  );
  const hostile = listed.items.filter((event) => JAVASCRIPT_URLS.includes(event.onlineUrl as never));
  assert.ok(hostile.length >= JAVASCRIPT_URLS.length, `${hostile.length} events with a javascript: link`);

  const vevents = (await calendar('/api/v1/events.ics?region=440000')).getAllSubcomponents('vevent');
  assert.ok(vevents.length >= hostile.length, `${vevents.length} events in the feed`);
  for (const vevent of vevents) assertOnlyOwnProperties(vevent);
  const withUrl = vevents.filter((vevent) => vevent.getFirstPropertyValue('url') !== null);
  const feedIds = new Set(vevents.map((vevent) => String(vevent.getFirstPropertyValue('uid')).split('@')[0]));
  for (const event of hostile.filter((item) => feedIds.has(item.id))) {
    assert.ok(!withUrl.some((vevent) => String(vevent.getFirstPropertyValue('uid')).startsWith(`${event.id}@`)));
  }
});

test('the rules: http(s) links only, as the URL parser writes them; TEXT without control characters', () => {
  assert.deepEqual(
    [...JAVASCRIPT_URLS, 'data:text/html,x', 'ftp://example.com/', '/relative', '', null].map(webUrl),
    Array(JAVASCRIPT_URLS.length + 5).fill(undefined),
  );
  assert.equal(webUrl('https://example.com/a b\r\nX:1'), 'https://example.com/a%20bX:1');
  assert.equal(webUrl('HTTP://Example.com'), 'http://example.com/');
  assert.equal(escapeText('a\u0000b\u0007c\td;e,f\\g\r\nh'), 'abc\td\\;e\\,f\\\\g\\nh');
});
