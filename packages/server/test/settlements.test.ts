// The settlement of voucher-paid services end to end, over the app: the center's queue lists the accepted
// voucher-paid engagements of its region with the provider's proofs; the provider attaches its contract and proofs
// (its own files, by their keys); the center refuses with a reason (the engagement stays delivered, the reason on its
// timeline and in the queue), the provider adds proof and it is queued again; the center settles it (closed, the
// voucher settled); the queue as CSV with a byte order mark; the proofs readable by the parties and the region's
// staff only; every staff write on the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_FILE, PIXEL_PNG } from '@smec/schemas/openapi';
import type { Engagement, SettlementPage, UploadedFile } from '@smec/schemas';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { bearer } from './voucher-helpers.js';

let t: TestApp;
let engagementId: string;
let providerUser: string;
let regionAdmin: string;
let otherAdmin: string;

async function call<T>(
  method: string,
  url: string,
  userId?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return t.inject<T>({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: {
      ...(userId ? bearer(await t.tokenFor(userId)) : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function upload(userId: string): Promise<UploadedFile> {
  const response = await t.inject<UploadedFile>({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...bearer(await t.tokenFor(userId)), 'content-type': 'image/png' },
    payload: Buffer.from(PIXEL_PNG, 'base64'),
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
}

before(async () => {
  t = await openTestApp();
  // The seed's usr-ent-01 has one delivered, accepted engagement paid with a voucher.
  const own = await call<{ items: Engagement[] }>('GET', '/engagements?limit=100', 'usr-ent-01');
  const paid = own.body.items.find((item) => item.voucherId !== null && item.status === 'delivered' && item.acceptedAt);
  assert.ok(paid, 'the seed has an accepted, voucher-paid engagement of usr-ent-01');
  engagementId = paid.id;
  const rows = await t.database.db
    .selectFrom('engagements as e')
    .innerJoin('users as u', 'u.provider_id', 'e.provider_id')
    .select(['u.id as user_id', 'e.enterprise_region_code'])
    .where('e.id', '=', engagementId)
    .where('u.role', '=', 'provider')
    .executeTakeFirstOrThrow();
  providerUser = rows.user_id;
  const city = rows.enterprise_region_code.slice(0, 4) + '00';
  regionAdmin = `usr-admin-${city}`;
  otherAdmin = city === '440100' ? 'usr-admin-440600' : 'usr-admin-440100';
});
after(() => t.close());

describe('the settlement queue', () => {
  test('lists the region’s accepted voucher-paid engagements, with the voucher, the batch and its settle-by date', async () => {
    const page = await call<SettlementPage>('GET', '/settlements?limit=100', regionAdmin);
    assert.equal(page.status, 200);
    const item = page.body.items.find((entry) => entry.engagementId === engagementId);
    assert.ok(item, 'the engagement is in its region’s queue');
    assert.equal(item.state, 'waiting');
    assert.match(item.voucherCode, /\S/);
    assert.equal(item.contractAmount, item.voucherAmount + item.selfPaid);
    assert.ok(page.body.total >= page.body.items.length);
    const other = await call<SettlementPage>('GET', '/settlements?limit=100', otherAdmin);
    assert.equal(other.status, 200);
    assert.equal(
      other.body.items.some((entry) => entry.engagementId === engagementId),
      false,
      'another city’s center does not see it',
    );
    assert.equal((await call('GET', '/settlements', 'usr-ent-01')).status, 403);
    assert.equal((await call('GET', '/settlements')).status, 401);
  });

  test('the provider attaches its own files only; another’s key is refused next to the file', async () => {
    const mine = await upload(providerUser);
    const refused = await call<{ errors: { path: string }[] }>(
      'POST',
      `/engagements/${engagementId}/proofs`,
      providerUser,
      {
        files: [{ id: DEMO_FILE.id, key: 'not-the-key', kind: 'proof' }],
      },
    );
    assert.equal(refused.status, 400);
    assert.deepEqual(
      refused.body.errors.map((error) => error.path),
      ['body.files.0.id'],
    );
    const byEnterprise = await call('POST', `/engagements/${engagementId}/proofs`, 'usr-ent-01', {
      files: [{ id: mine.id, key: mine.key, kind: 'contract' }],
    });
    assert.equal(byEnterprise.status, 403);
    const added = await call<Engagement>('POST', `/engagements/${engagementId}/proofs`, providerUser, {
      files: [
        { id: mine.id, key: mine.key, kind: 'contract' },
        { id: mine.id, key: mine.key, kind: 'contract' },
      ],
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual(
      added.body.proofs?.map((proof) => [proof.file.id, proof.kind]),
      [[mine.id, 'contract']],
    );
    assert.match(added.body.timeline.at(-1)?.note ?? '', /结算材料/);
    // The region's staff and the enterprise read the proof without its key; another city's center does not.
    assert.equal((await call('GET', `/files/${mine.id}`, regionAdmin)).status, 200);
    assert.equal((await call('GET', `/files/${mine.id}`, 'usr-ent-01')).status, 200);
    assert.equal((await call('GET', `/files/${mine.id}`, otherAdmin)).status, 404);
    const queued = await call<SettlementPage>('GET', '/settlements?limit=100', regionAdmin);
    assert.deepEqual(
      queued.body.items.find((entry) => entry.engagementId === engagementId)?.proofs.map((proof) => proof.file.id),
      [mine.id],
    );
  });

  test('refused with a reason it stays delivered and waits for proof; once proof comes it is queued again', async () => {
    const viewer = await call('POST', `/engagements/${engagementId}/transitions`, 'usr-viewer-440100', {
      action: 'refuseSettlement',
      reason: '缺少服务成果报告',
    });
    assert.ok([403, 404].includes(viewer.status), `a viewer may not refuse (${viewer.status})`);
    const blank = await call('POST', `/engagements/${engagementId}/transitions`, regionAdmin, {
      action: 'refuseSettlement',
      reason: ' ',
    });
    assert.equal(blank.status, 400);
    const refused = await call<Engagement>('POST', `/engagements/${engagementId}/transitions`, regionAdmin, {
      action: 'refuseSettlement',
      reason: '缺少服务成果报告',
    });
    assert.equal(refused.status, 200, JSON.stringify(refused.body));
    assert.equal(refused.body.status, 'delivered');
    assert.equal(refused.body.settlementRefusal, '缺少服务成果报告');
    assert.match(refused.body.timeline.at(-1)?.note ?? '', /缺少服务成果报告/);
    const told = await call<{ items: { kind: string; subject: { id: string }; body: string }[] }>(
      'GET',
      '/me/notifications',
      providerUser,
    );
    const notice = told.body.items.find((item) => item.kind === 'settlementRefused');
    assert.equal(notice?.subject.id, engagementId);
    assert.match(notice?.body ?? '', /缺少服务成果报告/);
    const again = await call('POST', `/engagements/${engagementId}/transitions`, regionAdmin, {
      action: 'refuseSettlement',
      reason: '仍缺少服务成果报告',
    });
    assert.equal(again.status, 409, 'refused once, it waits for the provider');
    const refusedList = await call<SettlementPage>('GET', '/settlements?state=refused&limit=100', regionAdmin);
    assert.equal(
      refusedList.body.items.find((entry) => entry.engagementId === engagementId)?.refusalReason,
      '缺少服务成果报告',
    );
    const waiting = await call<SettlementPage>('GET', '/settlements?state=waiting&limit=100', regionAdmin);
    assert.equal(
      waiting.body.items.some((entry) => entry.engagementId === engagementId),
      false,
    );

    const proof = await upload(providerUser);
    const added = await call<Engagement>('POST', `/engagements/${engagementId}/proofs`, providerUser, {
      files: [{ id: proof.id, key: proof.key, kind: 'proof' }],
    });
    assert.equal(added.status, 200);
    assert.equal(added.body.settlementRefusal, null);
    const requeued = await call<SettlementPage>('GET', '/settlements?state=waiting&limit=100', regionAdmin);
    assert.equal(requeued.body.items.find((entry) => entry.engagementId === engagementId)?.proofs.length, 2);
  });

  test('the queue as CSV: a byte order mark, the header in the request’s language, yuan with two decimals', async () => {
    const csv = await call<string>('GET', '/settlements', regionAdmin, undefined, { accept: 'text/csv' });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(csv.body.charCodeAt(0), 0xfeff);
    const [header, ...lines] = csv.body.slice(1).trimEnd().split('\r\n');
    assert.equal(header?.split(',')[0], '服务单号');
    const line = lines.find((entry) => entry.startsWith(`${engagementId},`));
    assert.ok(line, 'the engagement is a line of the file');
    assert.match(line, /,\d+\.\d{2},\d+\.\d{2},\d+\.\d{2},/);
    const english = await call<string>('GET', '/settlements', regionAdmin, undefined, {
      accept: 'text/csv',
      'accept-language': 'en',
    });
    assert.equal(english.body.slice(1).split(',')[0], 'Engagement');
  });

  test('settled: closed, its voucher settled, off the queue; the refusal and the settlement on the audit log', async () => {
    const settled = await call<Engagement>('POST', `/engagements/${engagementId}/transitions`, regionAdmin, {
      action: 'settle',
    });
    assert.equal(settled.status, 200);
    assert.equal(settled.body.status, 'closed');
    const voucher = await call<{ status: string }>('GET', `/vouchers/${settled.body.voucherId}`, 'usr-ent-01');
    assert.equal(voucher.body.status, 'settled');
    const page = await call<SettlementPage>('GET', '/settlements?limit=100', regionAdmin);
    assert.equal(
      page.body.items.some((entry) => entry.engagementId === engagementId),
      false,
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', engagementId)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((row) => row.action),
      ['engagement.refuseSettlement', 'engagement.settle'],
    );
  });
});
