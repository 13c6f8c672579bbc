// A center's staff accounts and its audit log over HTTP: administrators invite by subject or mobile, change levels
// and deactivate with If-Match, never losing the center's last administrator; the log lists every staff write of
// the reader's region, filtered and paged, to administrators only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AuditLogPage, StaffMember, StaffPage } from '@smec/schemas';
import { openTestApp, validDemand, type TestApp } from './demand-helpers.js';
import { assertProblem, type JsonResponse } from './helpers.js';

let t: TestApp;
const tokens: Record<string, string> = {};
before(async () => {
  t = await openTestApp();
  const users = {
    shantou: 'usr-admin-440500',
    shantouStaff: 'usr-staff-440500',
    shantouViewer: 'usr-viewer-440500',
    guangzhou: 'usr-admin-440100',
    guangzhouStaff: 'usr-staff-440100',
    province: 'usr-admin-440000',
  };
  for (const [name, id] of Object.entries(users)) tokens[name] = await t.tokenFor(id);
});
after(async () => {
  await t.close();
});

const auth = (who: string) => ({ authorization: `Bearer ${tokens[who] ?? who}` });
const get = <T>(url: string, who?: string) =>
  t.inject<T>({ method: 'GET', url: `/api/v1${url}`, headers: who ? auth(who) : {} });
const invite = (body: object, who = 'guangzhou', key?: string) =>
  t.inject<StaffMember>({
    method: 'POST',
    url: '/api/v1/staff',
    headers: { ...auth(who), ...(key ? { 'idempotency-key': key } : {}) },
    payload: body,
  });
const patch = (id: string, body: object, ifMatch: string | undefined, who = 'guangzhou') =>
  t.inject<StaffMember>({
    method: 'PATCH',
    url: `/api/v1/staff/${id}`,
    headers: { ...auth(who), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    payload: body,
  });

/** A demand of Shantou's 金平区, accepted by Shantou's staff member: one audit entry. */
async function acceptedDemand(): Promise<string> {
  const created = await t.inject<{ id: string }>({
    method: 'POST',
    url: '/api/v1/demands',
    payload: validDemand({ regionCode: '440513' }),
  });
  assert.equal(created.status, 201);
  const moved = await t.inject({
    method: 'POST',
    url: `/api/v1/demands/${created.body.id}/transitions`,
    headers: auth('shantouStaff'),
    payload: { action: 'accept' },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  return created.body.id;
}

const ids = (response: JsonResponse<unknown>) => AuditLogPage.parse(response.body).items.map((item) => item.entityId);

describe('the audit log', () => {
  test('is for administrators: anonymous 401, a staff member and a viewer 403', async () => {
    assertProblem(await get('/audit-log'), 401, 'unauthorized');
    assertProblem(await get('/audit-log', 'shantouStaff'), 403, 'forbidden');
    assertProblem(await get('/audit-log', 'shantouViewer'), 403, 'forbidden');
    assert.equal((await get('/audit-log', 'shantou')).status, 200);
  });

  test("lists a write to its center's administrators and the province, not to another city's", async () => {
    const id = await acceptedDemand();
    const mine = await get(`/audit-log?entityType=demand&entityId=${id}`, 'shantou');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const [entry, ...more] = AuditLogPage.parse(mine.body).items;
    assert.equal(more.length, 0);
    assert.deepEqual(entry?.actor, { userId: 'usr-staff-440500', name: entry?.actor.name, role: 'staff' });
    assert.equal(entry?.action, 'demand.accept');
    assert.equal(entry?.centerRegionCode, '440500');
    assert.deepEqual([entry?.before, entry?.after], [{ status: 'submitted' }, { status: 'accepted' }]);
    assert.ok(entry?.requestId);
    assert.deepEqual(ids(await get(`/audit-log?entityId=${id}`, 'province')), [id]);
    assert.deepEqual(ids(await get(`/audit-log?entityId=${id}`, 'guangzhou')), []);
    assertProblem(await get('/audit-log?regionCode=440500', 'guangzhou'), 403, 'forbidden');
  });

  test('filters by actor, action and days; newest first, paged by a cursor that cannot be forged', async () => {
    const older = await acceptedDemand();
    const newer = await acceptedDemand();
    const byActor = await get('/audit-log?actor=usr-staff-440500&action=demand.accept&limit=1', 'shantou');
    const first = AuditLogPage.parse(byActor.body);
    assert.equal(first.items[0]?.entityId, newer);
    assert.ok(first.total >= 2 && first.nextCursor);
    const second = AuditLogPage.parse(
      (
        await get(
          `/audit-log?actor=usr-staff-440500&action=demand.accept&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`,
          'shantou',
        )
      ).body,
    );
    assert.equal(second.items[0]?.entityId, older);
    assertProblem(
      await get(`/audit-log?actor=usr-admin-440500&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`, 'shantou'),
      400,
      'invalid_cursor',
    );
    const today = first.items[0]?.at.slice(0, 10) ?? '';
    assert.ok(ids(await get(`/audit-log?from=${today}&to=${today}&limit=100`, 'shantou')).includes(newer));
    assert.deepEqual(ids(await get('/audit-log?to=2020-01-01', 'shantou')), []);
    assert.deepEqual(ids(await get('/audit-log?actor=usr-admin-440500&action=demand.accept', 'shantou')), []);
  });

  test('no operation changes or deletes an entry', async () => {
    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST'] as const) {
      const response = await t.inject({ method, url: '/api/v1/audit-log', headers: auth('province'), payload: {} });
      assert.ok(response.status === 404 || response.status === 405, `${method}: ${response.status}`);
    }
  });
});

describe('staff accounts', () => {
  test("list the center's staff and those of the centers below it, to administrators only", async () => {
    assertProblem(await get('/staff', 'guangzhouStaff'), 403, 'forbidden');
    const page = StaffPage.parse((await get('/staff?limit=100', 'guangzhou')).body);
    const byId = new Map(page.items.map((item) => [item.id, item]));
    assert.equal(byId.get('usr-viewer-440100')?.role, 'viewer');
    assert.equal(byId.get('usr-staff-440100')?.role, 'staff');
    assert.equal(byId.get('usr-admin-440100')?.role, 'admin');
    assert.ok(page.items.every((item) => item.regionCode.startsWith('4401')));
    assert.ok(
      page.items.some((item) => item.regionCode !== '440100'),
      'a county center of Guangzhou is listed',
    );
    assertProblem(await get('/staff?regionCode=440500', 'guangzhou'), 403, 'forbidden');
    const viewers = StaffPage.parse((await get('/staff?role=viewer&regionCode=440100', 'guangzhou')).body);
    assert.deepEqual(
      viewers.items.map((item) => item.id),
      ['usr-viewer-440100'],
    );
  });

  test('an invitation by subject makes an account at its level, once; it is on the audit log', async () => {
    const body = { subject: 'gdidp|STAFF-0001', name: '周敏', role: 'staff' };
    const created = await invite(body, 'guangzhou', 'invite-0001');
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const member = StaffMember.parse(created.body);
    assert.deepEqual([member.role, member.regionCode, member.active, member.revision], ['staff', '440100', true, 0]);
    assert.equal(created.headers.get('etag'), `"${member.id}.r0"`);
    const replayed = await invite(body, 'guangzhou', 'invite-0001');
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assertProblem(await invite(body, 'guangzhou', 'invite-0002'), 409, 'conflict');
    assertProblem(await invite({ ...body, regionCode: '440300' }), 403, 'forbidden');
    const log = AuditLogPage.parse((await get(`/audit-log?entityType=staff&entityId=${member.id}`, 'guangzhou')).body);
    assert.equal(log.items.length, 1);
    assert.equal(log.items[0]?.action, 'staff.invite');
    assert.equal(log.items[0]?.actor.userId, 'usr-admin-440100');
    assert.equal(log.items[0]?.before, null);
    assert.equal((log.items[0]?.after as Record<string, unknown>)['role'], 'staff');
    // The invited person works the queues at once, and keeps no staff.
    const token = await t.tokenFor(member.id);
    assert.equal((await get('/demands', token)).status, 200);
    assertProblem(await get('/staff', token), 403, 'forbidden');
  });

  test('an invitation by mobile shows it masked, for a center below the inviter', async () => {
    const created = await invite({ mobile: '13912345678', name: '林晓', role: 'viewer', regionCode: '440106' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.mobile, created.body.regionCode], ['139****5678', '440106']);
    assert.doesNotMatch(created.body.id, /13912345678/);
    assertProblem(await invite({ mobile: '13912345678', name: '林晓', role: 'viewer' }), 409, 'conflict');
  });

  test('a level changes with If-Match, and is recorded; a stale or missing ETag is refused', async () => {
    const member = StaffMember.parse(
      (await invite({ subject: 'gdidp|STAFF-0002', name: '何俊', role: 'viewer' })).body,
    );
    assertProblem(await patch(member.id, { role: 'staff' }, undefined), 428, 'precondition_required');
    const changed = await patch(member.id, { role: 'staff' }, `"${member.id}.r0"`);
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual([changed.body.role, changed.body.revision], ['staff', 1]);
    assert.equal(changed.headers.get('etag'), `"${member.id}.r1"`);
    assertProblem(await patch(member.id, { role: 'admin' }, `"${member.id}.r0"`), 412, 'precondition_failed');
    const log = AuditLogPage.parse(
      (await get(`/audit-log?action=staff.update&entityId=${member.id}`, 'guangzhou')).body,
    );
    assert.deepEqual([log.items[0]?.before, log.items[0]?.after], [{ role: 'viewer' }, { role: 'staff' }]);
  });

  test("a deactivated account's token is refused; another region's account does not exist", async () => {
    const member = StaffMember.parse((await invite({ subject: 'gdidp|STAFF-0003', name: '吴磊', role: 'staff' })).body);
    const token = await t.tokenFor(member.id);
    assert.equal((await get('/demands', token)).status, 200);
    const off = await patch(member.id, { active: false }, `"${member.id}.r0"`);
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.equal(off.body.active, false);
    assertProblem(await get('/demands', token), 403, 'forbidden');
    assertProblem(await patch('usr-admin-440500', { role: 'staff' }, '*'), 404, 'not_found');
  });

  test("the center's last active administrator cannot be demoted or deactivated", async () => {
    assertProblem(await patch('usr-admin-440500', { role: 'viewer' }, '*', 'shantou'), 409, 'conflict');
    assertProblem(await patch('usr-admin-440500', { active: false }, '*', 'province'), 409, 'conflict');
    // With a second administrator, the first may step down.
    const second = await patch('usr-staff-440500', { role: 'admin' }, '"usr-staff-440500.r0"', 'shantou');
    assert.equal(second.status, 200, JSON.stringify(second.body));
    const down = await patch('usr-admin-440500', { role: 'staff' }, '"usr-admin-440500.r0"', 'shantou');
    assert.equal(down.status, 200, JSON.stringify(down.body));
    assertProblem(await patch('usr-staff-440500', { role: 'viewer' }, '*', 'shantouStaff'), 409, 'conflict');
  });
});
