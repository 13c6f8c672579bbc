// The three staff levels over HTTP: a viewer reads the center's queues and changes nothing, a staff member works
// them, and every one of those writes leaves its row on the audit log with the actor and the changed fields. A
// deactivated account is refused, whatever its token.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ProviderApplication,
  UploadedFile,
  usccCheckCharacter,
  type EngagementPage,
  type ProviderApplicationInput,
} from '@smec/schemas';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import type { JWTPayload } from 'jose';
import { accountClaimsOf, ClaimRejected, DEFAULT_CLAIM_NAMES } from '../src/auth/claims.js';
import { reachesLevel } from '../src/auth/principal.js';
import { openTestApp, validDemand, type TestApp } from './demand-helpers.js';
import { assertProblem } from './helpers.js';

const HIGH = { max: 1000, windowMs: 60_000 };
/** Shantou, the city of the examples' enterprise (usr-ent-01, in 440513) and of the example provider to suspend. */
const CITY = '440500';

let t: TestApp;
const tokens: Record<string, string> = {};
before(async () => {
  t = await openTestApp({ rateLimits: { demandSubmit: HIGH, demandLookup: HIGH, objectionSubmit: HIGH } });
  const users = {
    admin: `usr-admin-${CITY}`,
    staff: `usr-staff-${CITY}`,
    viewer: `usr-viewer-${CITY}`,
    guangzhouViewer: 'usr-viewer-440100',
    enterprise: 'usr-ent-01',
  };
  for (const [name, id] of Object.entries(users)) tokens[name] = await t.tokenFor(id);
});
after(async () => {
  await t.close();
});

const as = (name: string) => ({ authorization: `Bearer ${tokens[name]}` });

interface AuditRow {
  readonly actor_user_id: string;
  readonly actor_role: string;
  readonly center_region_code: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The audit rows of one entity, oldest first, their before and after parsed. */
async function auditOf(entityType: string, entityId: string): Promise<AuditRow[]> {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}

async function newDemand(): Promise<string> {
  const response = await t.inject<{ id: string }>({
    method: 'POST',
    url: '/api/v1/demands',
    payload: validDemand({ regionCode: '440513' }),
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.id;
}

let organisations = 0;
/** A new application in Shantou's 金平区 (440513), as its applicant sends it. */
async function newApplication(): Promise<ProviderApplication> {
  const upload = await t.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { 'content-type': 'image/png' },
    payload: Buffer.from(PIXEL_PNG, 'base64'),
  });
  const licence = UploadedFile.parse(upload.body);
  const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationInput;
  const first17 = `31440000MD20${String(organisations++).padStart(5, '0')}`;
  const input = {
    ...example,
    organisation: { ...example.organisation, regionCode: '440513', uscc: `${first17}${usccCheckCharacter(first17)}` },
    files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
  };
  const response = await t.inject({ method: 'POST', url: '/api/v1/provider-applications', payload: input });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return ProviderApplication.parse(response.body);
}

describe('staff levels', () => {
  test('the levels rank viewer below staff below admin', () => {
    assert.equal(reachesLevel('viewer', 'viewer'), true);
    assert.equal(reachesLevel('viewer', 'staff'), false);
    assert.equal(reachesLevel('staff', 'staff'), true);
    assert.equal(reachesLevel('staff', 'admin'), false);
    assert.equal(reachesLevel('admin', 'staff'), true);
  });

  test('a viewer reads the demands and the applications, and may not move one', async () => {
    const id = await newDemand();
    const list = await t.inject({ method: 'GET', url: '/api/v1/demands?status=submitted', headers: as('viewer') });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const one = await t.inject({ method: 'GET', url: `/api/v1/demands/${id}`, headers: as('viewer') });
    assert.equal(one.status, 200);
    const applications = await t.inject({ method: 'GET', url: '/api/v1/provider-applications', headers: as('viewer') });
    assert.equal(applications.status, 200);
    const move = await t.inject({
      method: 'POST',
      url: `/api/v1/demands/${id}/transitions`,
      headers: as('viewer'),
      payload: { action: 'accept' },
    });
    assertProblem(move, 403, 'forbidden');
    assert.deepEqual(await auditOf('demand', id), []);
  });

  test('a viewer may not settle, suspend, review or add an expert', async () => {
    const calls = [
      { url: `/api/v1/providers/${operations.transitionProvider.example.params.id}/transitions`, method: 'POST' },
      { url: `/api/v1/provider-applications/${(await newApplication()).id}/transitions`, method: 'POST' },
      { url: '/api/v1/engagements/eng-00001/transitions', method: 'POST' },
      { url: '/api/v1/me/experts', method: 'POST' },
    ] as const;
    for (const call of calls) {
      const response = await t.inject({ ...call, headers: as('viewer'), payload: { action: 'approve' } });
      assertProblem(response, 403, 'forbidden');
    }
  });

  test('a deactivated account is refused, even where its level would do', async () => {
    const before = await t.inject({ method: 'GET', url: '/api/v1/demands', headers: as('guangzhouViewer') });
    assert.equal(before.status, 200);
    await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', 'usr-viewer-440100').execute();
    const after = await t.inject({ method: 'GET', url: '/api/v1/demands', headers: as('guangzhouViewer') });
    const problem = assertProblem(after, 403, 'forbidden');
    assert.match(problem.detail ?? '', /停用|deactivated/);
  });
});

describe('the staff-role claim', () => {
  const isRegion = (code: string) => code === CITY;
  const admin = { smec_role: 'admin', name: '陈主任', smec_region: CITY } satisfies JWTPayload;

  test('names the level; without it the account keeps its own (an administrator when new)', () => {
    assert.deepEqual(accountClaimsOf({ ...admin, smec_staff_role: 'viewer' }, DEFAULT_CLAIM_NAMES, isRegion), {
      role: 'admin',
      name: '陈主任',
      regionCode: CITY,
      staffRole: 'viewer',
    });
    assert.equal(accountClaimsOf(admin, DEFAULT_CLAIM_NAMES, isRegion)?.role, 'admin');
    assert.equal(
      (accountClaimsOf(admin, DEFAULT_CLAIM_NAMES, isRegion) as { staffRole?: string }).staffRole,
      undefined,
    );
  });

  test('a level that is not one is refused with the claim named', () => {
    assert.throws(
      () => accountClaimsOf({ ...admin, smec_staff_role: 'boss' }, DEFAULT_CLAIM_NAMES, isRegion),
      (error: unknown) => error instanceof ClaimRejected && error.claim === 'smec_staff_role',
    );
  });
});

describe('every staff write is on the audit log', () => {
  const move = (url: string, payload: object, who = 'staff') =>
    t.inject({ method: 'POST', url, headers: as(who), payload });

  test('a demand accepted by a staff member', async () => {
    const id = await newDemand();
    const response = await move(`/api/v1/demands/${id}/transitions`, { action: 'accept' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const [row, ...more] = await auditOf('demand', id);
    assert.equal(more.length, 0);
    assert.equal(row?.actor_user_id, `usr-staff-${CITY}`);
    assert.equal(row?.actor_role, 'staff');
    assert.equal(row?.center_region_code, CITY);
    assert.equal(row?.action, 'demand.accept');
    assert.deepEqual(row?.before, { status: 'submitted' });
    assert.deepEqual(row?.after, { status: 'accepted' });
  });

  test('a refused move leaves no row', async () => {
    const id = await newDemand();
    const response = await move(`/api/v1/demands/${id}/transitions`, { action: 'startService' });
    assertProblem(response, 409, 'conflict');
    assert.deepEqual(await auditOf('demand', id), []);
  });

  test('an application approved, and an objection to it upheld', async () => {
    const application = await newApplication();
    const approved = await move(`/api/v1/provider-applications/${application.id}/transitions`, { action: 'approve' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const objection = await t.inject<{ id: string }>({
      method: 'POST',
      url: `/api/v1/public-notices/${application.id}/objections`,
      payload: operations.createPublicNoticeObjection.example.body,
    });
    assert.equal(objection.status, 201, JSON.stringify(objection.body));
    const upheld = await move(
      `/api/v1/provider-applications/${application.id}/transitions`,
      { action: 'upholdObjection', objectionId: objection.body.id, note: '经核实异议属实，不予入驻。' },
      'admin',
    );
    assert.equal(upheld.status, 200, JSON.stringify(upheld.body));
    const [approve, uphold] = await auditOf('providerApplication', application.id);
    assert.equal(approve?.action, 'providerApplication.approve');
    assert.equal(approve?.actor_user_id, `usr-staff-${CITY}`);
    assert.deepEqual((approve?.before as Record<string, unknown>)['status'], 'submitted');
    assert.deepEqual((approve?.after as Record<string, unknown>)['status'], 'publicNotice');
    assert.equal(uphold?.action, 'providerApplication.upholdObjection');
    assert.equal(uphold?.actor_user_id, `usr-admin-${CITY}`);
    assert.equal(uphold?.actor_role, 'admin');
    assert.deepEqual((uphold?.before as Record<string, unknown>)['objectionStatus'], 'open');
    assert.deepEqual((uphold?.after as Record<string, unknown>)['objectionStatus'], 'upheld');
    assert.deepEqual((uphold?.after as Record<string, unknown>)['status'], 'rejected');
  });

  test('a provider suspended', async () => {
    const { params, body } = operations.transitionProvider.example;
    const response = await move(`/api/v1/providers/${params.id}/transitions`, body);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const [row] = await auditOf('provider', params.id);
    assert.equal(row?.action, 'provider.suspend');
    assert.equal(row?.actor_user_id, `usr-staff-${CITY}`);
    assert.deepEqual(row?.before, { admission: 'admitted', listed: true });
    assert.deepEqual(row?.after, { admission: 'suspended', listed: false });
  });

  test('an engagement settled', async () => {
    const delivered = await t.inject<EngagementPage>({
      method: 'GET',
      url: '/api/v1/engagements?status=delivered&limit=100',
      headers: as('enterprise'),
    });
    const examples = new Set<string>([operations.rateEngagement.example.params.id]);
    const engagement = delivered.body.items.find(
      (item) => item.acceptedAt !== null && item.voucherId !== null && !examples.has(item.id),
    );
    assert.ok(engagement, 'the enterprise has an accepted engagement paid with a voucher');
    const response = await move(`/api/v1/engagements/${engagement.id}/transitions`, { action: 'settle' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const [row] = await auditOf('engagement', engagement.id);
    assert.equal(row?.action, 'engagement.settle');
    assert.equal(row?.actor_user_id, `usr-staff-${CITY}`);
    assert.deepEqual(row?.before, { status: 'delivered', voucherStatus: 'delivered' });
    assert.deepEqual(row?.after, { status: 'closed', voucherStatus: 'settled' });
  });

  test("an expert added and edited by the center; a provider's own are not staff writes", async () => {
    const { productIds: _products, ...body } = operations.createMyExpert.example.body;
    const created = await move('/api/v1/me/experts', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = (created.body as { id: string }).id;
    const edited = await t.inject({
      method: 'PATCH',
      url: `/api/v1/me/experts/${id}`,
      headers: as('staff'),
      payload: { years: 10 },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const [create, update] = await auditOf('expert', id);
    assert.equal(create?.action, 'expert.create');
    assert.equal(create?.before, null);
    assert.equal((create?.after as Record<string, unknown>)['name'], body.name);
    assert.equal(update?.action, 'expert.update');
    assert.deepEqual(update?.before, { years: 9 });
    assert.deepEqual(update?.after, { years: 10 });

    const byProvider = await t.inject<{ id: string }>({
      method: 'POST',
      url: '/api/v1/me/experts',
      headers: { authorization: `Bearer ${await t.tokenFor('usr-prv-01')}` },
      payload: operations.createMyExpert.example.body,
    });
    assert.equal(byProvider.status, 201, JSON.stringify(byProvider.body));
    assert.deepEqual(await auditOf('expert', byProvider.body.id), []);
  });
});
