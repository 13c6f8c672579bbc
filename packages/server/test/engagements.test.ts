import { testNow } from '../../../test-support/server.js';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Engagement, EngagementPage, type Voucher } from '@smec/schemas';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem, type JsonResponse } from './helpers.js';
import { bearer, insertBatch, insertEnterprises, type TestEnterprise } from './voucher-helpers.js';

let t: TestApp;
let provider: string; // usr-prv-01, of prv-00001 which sells prd-00002
let otherProvider: string;
let provinceAdmin: string;
let foshanAdmin: string;
let guangzhouAdmin: string;

before(async () => {
  t = await openTestApp();
  await insertBatch(t, { id: 'vbt-test-flow', quota: 50 });
  provider = await t.tokenFor('usr-prv-01');
  otherProvider = await t.tokenFor('usr-prv-02');
  provinceAdmin = await t.tokenFor('usr-admin-440000');
  foshanAdmin = await t.tokenFor('usr-admin-440600');
  guangzhouAdmin = await t.tokenFor('usr-admin-440100');
});
after(() => t.close());

async function call<T>(method: string, url: string, token: string, payload?: unknown): Promise<JsonResponse<T>> {
  return t.inject<T>({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: bearer(token),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
const move = (id: string, token: string, action: string, note?: string) =>
  call<Engagement>('POST', `/engagements/${id}/transitions`, token, note ? { action, note } : { action });

let enterpriseNo = 0;
/** A fresh enterprise (in a Foshan county) with an engagement ordered on a voucher. */
async function ordered(): Promise<{ enterprise: TestEnterprise; engagement: Engagement; voucherId: string }> {
  const [enterprise] = await insertEnterprises(t, 1, `flow${++enterpriseNo}`);
  assert.ok(enterprise);
  const voucher = await call<Voucher>('POST', '/voucher-batches/vbt-test-flow/claims', enterprise.token);
  assert.equal(voucher.status, 201);
  const used = await call<Engagement>('POST', `/vouchers/${voucher.body.id}/use`, enterprise.token, {
    productId: 'prd-00002',
    contractAmount: 3_000_000,
  });
  assert.equal(used.status, 201, JSON.stringify(used.body));
  return { enterprise, engagement: used.body, voucherId: voucher.body.id };
}

async function voucherOf(id: string, token: string): Promise<Voucher> {
  return (await call<Voucher>('GET', `/vouchers/${id}`, token)).body;
}

test('the whole way: ordered → confirmed → inProgress → delivered → accepted → settled, voucher following', async () => {
  const { enterprise, engagement, voucherId } = await ordered();
  assert.equal(engagement.status, 'ordered');
  assert.equal(engagement.voucherAmount, 1_000_000);
  assert.equal(engagement.selfPaid, 2_000_000);

  // Roles: the enterprise cannot confirm (403), another provider cannot see it (404).
  assertProblem(await move(engagement.id, enterprise.token, 'confirm'), 403, 'forbidden');
  assertProblem(await move(engagement.id, otherProvider, 'confirm'), 404, 'not_found');
  assertProblem(await move(engagement.id, guangzhouAdmin, 'settle'), 404, 'not_found');

  const confirmed = await move(engagement.id, provider, 'confirm', '已确认，下周一上门服务');
  assert.equal(confirmed.status, 200);
  assert.ok(Engagement.safeParse(confirmed.body).success);
  assert.equal(confirmed.body.status, 'confirmed');
  assert.equal(confirmed.body.timeline.at(-1)?.note, '已确认，下周一上门服务');
  assert.equal((await voucherOf(voucherId, enterprise.token)).status, 'confirmed');
  assertProblem(await move(engagement.id, provider, 'confirm'), 409, 'conflict');
  assertProblem(await move(engagement.id, enterprise.token, 'cancel'), 409, 'conflict');

  assert.equal((await move(engagement.id, provider, 'start')).body.status, 'inProgress');
  assertProblem(await move(engagement.id, enterprise.token, 'accept'), 409, 'conflict');
  assert.equal((await move(engagement.id, provider, 'deliver')).body.status, 'delivered');
  assertProblem(await move(engagement.id, foshanAdmin, 'settle'), 409, 'conflict'); // not accepted yet
  assertProblem(await move(engagement.id, provider, 'accept'), 403, 'forbidden');

  const accepted = await move(engagement.id, enterprise.token, 'accept');
  assert.equal(accepted.body.status, 'delivered');
  assert.ok(accepted.body.acceptedAt);
  assert.equal((await voucherOf(voucherId, enterprise.token)).status, 'delivered');
  assertProblem(await move(engagement.id, enterprise.token, 'accept'), 409, 'conflict');

  const settled = await move(engagement.id, foshanAdmin, 'settle');
  assert.equal(settled.body.status, 'closed');
  const voucher = await voucherOf(voucherId, enterprise.token);
  assert.equal(voucher.status, 'settled');
  assert.deepEqual(
    voucher.history.map((entry) => [entry.status, entry.actor.role]),
    [
      ['issued', 'enterprise'],
      ['ordered', 'enterprise'],
      ['confirmed', 'provider'],
      ['delivered', 'enterprise'],
      ['settled', 'admin'],
    ],
  );
  assert.deepEqual(
    settled.body.timeline.map((entry) => entry.status),
    ['ordered', 'confirmed', 'inProgress', 'delivered', 'delivered', 'closed'],
  );
  // The provider and the administrator see the voucher too; another enterprise does not.
  assert.equal((await call('GET', `/vouchers/${voucherId}`, provider)).status, 200);
  assert.equal((await call('GET', `/vouchers/${voucherId}`, foshanAdmin)).status, 200);
  assertProblem(await call('GET', `/vouchers/${voucherId}`, otherProvider), 404, 'not_found');
});

test('cancel while ordered gives the voucher back; past its deadline it expires instead', async () => {
  const first = await ordered();
  const cancelled = await move(first.engagement.id, first.enterprise.token, 'cancel');
  assert.equal(cancelled.body.status, 'cancelled');
  const back = await voucherOf(first.voucherId, first.enterprise.token);
  assert.equal(back.status, 'issued');
  assert.equal(back.engagementId, null);
  assertProblem(await move(first.engagement.id, provider, 'confirm'), 409, 'conflict');
  // Usable again.
  const again = await call<Engagement>('POST', `/vouchers/${first.voucherId}/use`, first.enterprise.token, {
    productId: 'prd-00002',
    contractAmount: 500_000,
  });
  assert.equal(again.status, 201);

  const second = await ordered();
  await t.database.db
    .updateTable('vouchers')
    .set({ use_by_ts: testNow() - 1000 })
    .where('id', '=', second.voucherId)
    .execute();
  const declined = await move(second.engagement.id, provider, 'cancel', '档期已满，无法承接');
  assert.equal(declined.body.status, 'cancelled');
  const voucher = await voucherOf(second.voucherId, second.enterprise.token);
  assert.equal(voucher.status, 'expired');
  assert.equal(voucher.history.at(-1)?.actor.role, 'provider');
});

test('concurrent moves from one state: exactly one passes', async () => {
  const { engagement } = await ordered();
  const responses = await Promise.all(Array.from({ length: 10 }, () => move(engagement.id, provider, 'confirm')));
  assert.equal(responses.filter((response) => response.status === 200).length, 1);
  for (const response of responses.filter((r) => r.status !== 200)) assertProblem(response, 409, 'conflict');
});

test('lists: an enterprise its own, a provider its orders, an administrator its region', async () => {
  const own = await call<EngagementPage>('GET', '/engagements?limit=100', await t.tokenFor('usr-ent-01'));
  assert.ok(EngagementPage.safeParse(own.body).success);
  assert.ok(own.body.items.length >= 8);
  assert.ok(own.body.items.every((item) => item.enterpriseId === own.body.items[0]?.enterpriseId));
  const statuses = new Set(own.body.items.map((item) => item.status));
  for (const status of ['ordered', 'confirmed', 'inProgress', 'delivered', 'closed', 'cancelled']) {
    assert.ok(statuses.has(status as Engagement['status']), status);
  }
  const orders = await call<EngagementPage>('GET', '/engagements?status=ordered&limit=100', provider);
  assert.ok(orders.body.items.length > 0);
  assert.ok(orders.body.items.every((item) => item.providerId === 'prv-00001' && item.status === 'ordered'));
  const region = await call<EngagementPage>('GET', '/engagements?limit=100', foshanAdmin);
  assert.ok(region.body.items.length > 0);
  const codes = await t.database.db
    .selectFrom('regions')
    .select('code')
    .where((eb) => eb.or([eb('code', '=', '440600'), eb('parent_code', '=', '440600')]))
    .execute();
  const foshan = new Set(codes.map((row) => row.code));
  const ids = region.body.items.map((item) => item.id);
  const rows = await t.database.db
    .selectFrom('engagements')
    .select('enterprise_region_code as code')
    .where('id', 'in', ids)
    .execute();
  assert.ok(rows.every((row) => foshan.has(row.code)));
  const all = await call<EngagementPage>('GET', '/engagements?limit=1', provinceAdmin);
  assert.ok(all.body.total > region.body.total);
  const next = await call<EngagementPage>(
    'GET',
    `/engagements?limit=1&cursor=${encodeURIComponent(all.body.nextCursor ?? '')}`,
    provinceAdmin,
  );
  assert.notEqual(next.body.items[0]?.id, all.body.items[0]?.id);
  assertProblem(await call('GET', '/engagements', ''), 401, 'unauthorized');
});

test('bad moves are 400/422 problems, never 500', async () => {
  const { engagement, enterprise } = await ordered();
  assertProblem(await move(engagement.id, enterprise.token, 'teleport'), 400, 'validation_failed');
  const long = await call('POST', `/engagements/${engagement.id}/transitions`, enterprise.token, {
    action: 'cancel',
    note: 'x'.repeat(201),
  });
  assert.ok(long.status === 400 || long.status === 422, String(long.status));
});
