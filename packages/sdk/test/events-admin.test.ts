// client.events for the centers (create, update, transition, registrations, exportCsv, checkIn, ratings) and the
// attendee's rating, against the real reference server and its seeded demo events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_STAFF_EVENTS } from '@smec/schemas/openapi';
import {
  createClient,
  eventEtag,
  SmecApiError,
  SmecConflictError,
  SmecForbiddenError,
  SmecNotFoundError,
  SmecValidationError,
  type SmecClient,
} from '@smec/sdk';
import { startTestServer, testNow } from '../../../test-support/server.js';

const HOUR = 3_600_000;
const at = (ms: number) => `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;

let server: Awaited<ReturnType<typeof startTestServer>>;
let province: SmecClient;
let county: SmecClient;
let enterprise: SmecClient;
let other: SmecClient;

before(async () => {
  server = await startTestServer();
  const anonymous = createClient({ baseUrl: server.apiUrl });
  const client = async (userId: string) => {
    const { token } = await anonymous.demo.token(userId);
    return createClient({ baseUrl: server.apiUrl, getToken: () => token });
  };
  province = await client('usr-admin-440000');
  county = await client('usr-admin-440604');
  enterprise = await client('usr-ent-01');
  other = await client('usr-ent-07');
});
after(() => server?.close());

describe('client.events for the centers', () => {
  it('creates a draft, changes it with its version, publishes and cancels it', async () => {
    const starts = testNow() + 20 * 24 * HOUR;
    const input = {
      type: 'training',
      title: 'SDK 测试：财税实务培训',
      description: '讲解小微企业建账、发票管理和纳税申报的常见问题。',
      regionCode: '440604',
      venue: '禅城区季华五路1号',
      startsAt: at(starts),
      endsAt: at(starts + 3 * HOUR),
      registrationOpensAt: at(testNow() - HOUR),
      registrationClosesAt: at(starts - 24 * HOUR),
      capacity: 1,
      waitlistSize: 3,
    } as const;
    const draft = await county.events.create(input);
    assert.equal(draft.status, 'draft');
    assert.equal(eventEtag(draft), `"${draft.id}.r0"`);
    await assert.rejects(enterprise.events.get(draft.id), SmecNotFoundError);
    const changed = await county.events.update(draft, { capacity: 2 });
    assert.equal(changed.capacity, 2);
    assert.equal(changed.revision, 1);
    // The version read before the change is stale now.
    const stale = await county.events.update(draft, { capacity: 3 }).catch((error: unknown) => error);
    assert.ok(stale instanceof SmecApiError && stale.status === 412, String(stale));
    const published = await county.events.transition(draft.id, { action: 'publish' });
    assert.equal(published.status, 'scheduled');
    assert.equal((await enterprise.events.get(draft.id)).status, 'scheduled');
    const registration = await other.events.register(draft.id);
    assert.equal(registration.status, 'confirmed');
    const read = await county.events.getForStaff(draft.id);
    const none = await county.events.update(read, { capacity: 0 }).catch((error: unknown) => error);
    assert.ok(none instanceof SmecValidationError, 'a capacity of 0 is no capacity');
    await assert.rejects(county.events.transition(draft.id, { action: 'cancel', reason: '短' }), SmecValidationError);
    const cancelled = await county.events.transition(draft.id, { action: 'cancel', reason: '场地临时检修，活动取消' });
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancelReason, '场地临时检修，活动取消');
    await assert.rejects(county.events.transition(draft.id, { action: 'publish' }), SmecConflictError);
    await assert.rejects(enterprise.events.create(input), SmecForbiddenError);
  });

  it('lists the registrants page by page and exports them as CSV with a BOM', async () => {
    const page = await province.events.registrations(DEMO_STAFF_EVENTS.today, { limit: 2 });
    assert.equal(page.items.length, 2);
    const all = [];
    for await (const registrant of province.events.registrations(DEMO_STAFF_EVENTS.today, { limit: 2 })) {
      all.push(registrant);
    }
    assert.equal(all.length, page.total);
    assert.ok(all.some((registrant) => registrant.code === DEMO_STAFF_EVENTS.checkInCode));
    const file = await province.events.exportCsv(DEMO_STAFF_EVENTS.today);
    const bytes = new Uint8Array(await file.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    assert.match(text, /^报名编号,签到码,企业名称/);
    assert.equal(text.trimEnd().split('\r\n').length, page.total + 1);
    await assert.rejects(
      county.events.registrations(DEMO_STAFF_EVENTS.today).then((p) => p),
      SmecNotFoundError,
    );
  });

  it('checks in by the code, twice with the same answer; an unknown code is SmecNotFoundError', async () => {
    const first = await province.events.checkIn(DEMO_STAFF_EVENTS.today, DEMO_STAFF_EVENTS.checkInCode);
    assert.equal(first.id, DEMO_STAFF_EVENTS.todayRegistration);
    assert.equal(first.status, 'attended');
    const again = await province.events.checkIn(DEMO_STAFF_EVENTS.today, DEMO_STAFF_EVENTS.checkInCode.toLowerCase());
    assert.deepEqual(again, first);
    await assert.rejects(province.events.checkIn(DEMO_STAFF_EVENTS.today, 'ZZZZZZZZZZ'), SmecNotFoundError);
  });

  it('lets the attendee rate once, and the center read the results', async () => {
    const before = await province.events.ratings(DEMO_STAFF_EVENTS.past);
    const rating = await enterprise.events.rate(DEMO_STAFF_EVENTS.past, { score: 5, comment: '安排紧凑，收获很大。' });
    assert.equal(rating.registrationId, DEMO_STAFF_EVENTS.pastRegistration);
    const twice = await enterprise.events.rate(DEMO_STAFF_EVENTS.past, { score: 1 }).catch((error: unknown) => error);
    assert.ok(twice instanceof SmecConflictError);
    assert.equal(twice.code, 'already_rated');
    await assert.rejects(other.events.rate(DEMO_STAFF_EVENTS.past, { score: 3 }), SmecNotFoundError);
    const after = await province.events.ratings(DEMO_STAFF_EVENTS.past);
    assert.equal(after.count, before.count + 1);
    assert.equal(after.distribution[4], (before.distribution[4] ?? 0) + 1);
    assert.equal(after.comments[0]?.comment, '安排紧凑，收获很大。');
  });
});
