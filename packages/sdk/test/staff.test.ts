// client.staff and client.auditLog against the real reference server: an administrator invites, changes a level and
// deactivates, each write on the audit log; a staff member may do neither.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createClient,
  SmecApiError,
  SmecConflictError,
  SmecForbiddenError,
  staffEtag,
  type SmecClient,
} from '@smec/sdk';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: SmecClient;
let staff: SmecClient;

async function signedIn(userId: string): Promise<SmecClient> {
  const { token } = await createClient({ baseUrl: server.apiUrl }).demo.token(userId);
  return createClient({ baseUrl: server.apiUrl, getToken: () => token, locale: 'en' });
}

before(async () => {
  server = await startTestServer();
  admin = await signedIn('usr-admin-440100');
  staff = await signedIn('usr-staff-440100');
});
after(() => server?.close());

describe('client.staff', () => {
  it("lists the center's staff, invites, changes a level with the account's ETag and deactivates", async () => {
    const listed = await admin.staff.list({ regionCode: '440100', role: 'viewer' });
    assert.deepEqual(
      listed.items.map((member) => member.id),
      ['usr-viewer-440100'],
    );
    const all = [];
    for await (const member of admin.staff.iterate({ limit: 2 })) all.push(member.id);
    assert.ok(all.includes('usr-staff-440100') && all.includes('usr-admin-440100'));

    const invited = await admin.staff.invite({ subject: 'gdidp|SDK-0001', name: '周敏', role: 'viewer' });
    assert.deepEqual([invited.role, invited.regionCode, invited.active], ['viewer', '440100', true]);
    assert.equal(staffEtag(invited), `"${invited.id}.r0"`);
    await assert.rejects(
      admin.staff.invite({ subject: 'gdidp|SDK-0001', name: '周敏', role: 'viewer' }),
      SmecConflictError,
    );

    const promoted = await admin.staff.update(invited, { role: 'staff' });
    assert.deepEqual([promoted.role, promoted.revision], ['staff', 1]);
    await assert.rejects(admin.staff.update(invited, { active: false }), (error: unknown) => {
      assert.ok(error instanceof SmecApiError);
      assert.equal(error.status, 412);
      return true;
    });
    const off = await admin.staff.update(promoted, { active: false });
    assert.equal(off.active, false);
  });

  it('refuses a staff member', async () => {
    await assert.rejects(staff.staff.list(), SmecForbiddenError);
    await assert.rejects(
      staff.staff.invite({ subject: 'gdidp|SDK-0002', name: '林晓', role: 'viewer' }),
      SmecForbiddenError,
    );
  });
});

describe('client.auditLog', () => {
  it("lists the staff writes of the administrator's center, newest first, and iterates them", async () => {
    const invited = await admin.staff.invite({ subject: 'gdidp|SDK-0003', name: '何俊', role: 'viewer' });
    const page = await admin.auditLog.list({ entityType: 'staff', entityId: invited.id });
    assert.equal(page.items.length, 1);
    const [entry] = page.items;
    assert.deepEqual(
      [entry?.action, entry?.actor.userId, entry?.actor.role],
      ['staff.invite', 'usr-admin-440100', 'admin'],
    );
    const actions = [];
    for await (const item of admin.auditLog.iterate({ actor: 'usr-admin-440100', limit: 1 })) actions.push(item.action);
    assert.ok(actions.length >= 2, 'every invitation of this test, one page each');
    await assert.rejects(staff.auditLog.list(), SmecForbiddenError);
  });
});
