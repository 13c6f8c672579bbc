// Ordering any service over HTTP: a paid order, a free one and one with a voucher each walk the whole way and count
// once on the scorecard; a demand's accepted proposal becomes an engagement whose acceptance closes the demand.
import { testYear } from '../../../test-support/server.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Demand,
  DemandStatusView,
  Engagement,
  EngagementPage,
  type RatingInput,
  type Scorecard,
  type Voucher,
} from '@smec/schemas';
import { openTestApp, validDemand, type TestApp } from './demand-helpers.js';
import { assertProblem } from './helpers.js';
import { bearer, insertBatch, insertEnterprises, type TestEnterprise } from './voucher-helpers.js';

let t: TestApp;
let provider: string; // usr-prv-01, of prv-00001 which sells prd-00002
let countyAdmin: string; // Foshan Chancheng (440604), the test enterprises' county
/** A published paid product and a published free one, of admitted providers; the paid one takes vouchers. */
const PAID = 'prd-00002';
let free: { id: string; providerId: string };
let freeProvider: string;

before(async () => {
  t = await openTestApp();
  await insertBatch(t, { id: 'vbt-test-orders', quota: 50 });
  provider = await t.tokenFor('usr-prv-01');
  countyAdmin = await t.tokenFor('usr-admin-440604');
  const row = await t.database.db
    .selectFrom('products as p')
    .innerJoin('providers as v', 'v.id', 'p.provider_id')
    .innerJoin('users as u', 'u.provider_id', 'v.id')
    .select(['p.id', 'p.provider_id', 'u.id as user_id'])
    .where('p.is_free', '=', 1)
    .where('p.status', '=', 'published')
    .where('p.listed', '=', 1)
    .where('v.admission', '=', 'admitted')
    .orderBy('p.seq')
    .executeTakeFirstOrThrow();
  free = { id: row.id, providerId: row.provider_id };
  freeProvider = await t.tokenFor(row.user_id);
});
after(() => t.close());

async function call<T>(method: string, url: string, token: string | null, payload?: unknown, key?: string) {
  return t.inject<T>({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: { ...(token ? bearer(token) : {}), ...(key ? { 'idempotency-key': key } : {}) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
const move = (id: string, token: string, body: Record<string, unknown>) =>
  call<Engagement>('POST', `/engagements/${id}/transitions`, token, body);
const order = (token: string, body: Record<string, unknown>, key?: string) =>
  call<Engagement>('POST', '/engagements', token, body, key);

let enterpriseNo = 0;
async function newEnterprise(options: { legalRepresentative?: string; uscc?: string } = {}): Promise<TestEnterprise> {
  const [enterprise] = await insertEnterprises(t, 1, `ord${++enterpriseNo}`, options);
  assert.ok(enterprise);
  return enterprise;
}

/** The public scorecard's enterprise-services of the test enterprises' county, this year. */
async function services(): Promise<number> {
  const response = await call<Scorecard>('GET', `/stats/scorecard?region=440604&year=${testYear()}`, null);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.region.figures.enterpriseServices;
}

const RATING: RatingInput = {
  scores: {
    attitude: 9,
    expertise: 9,
    conduct: 9,
    fulfilment: 13,
    quality: 13,
    value: 12,
    usefulness: 8,
    afterSales: 12,
  },
  level: 'satisfied',
  solved: true,
  comment: '服务专业，交付及时。',
};

/** The provider confirms (optionally at another amount), starts and delivers; the enterprise accepts and rates. */
async function walk(engagement: Engagement, enterprise: TestEnterprise, providerToken: string, confirm = {}) {
  const confirmed = await move(engagement.id, providerToken, { action: 'confirm', ...confirm });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  assert.equal(confirmed.body.status, 'confirmed');
  assert.equal((await move(engagement.id, providerToken, { action: 'start' })).body.status, 'inProgress');
  assert.equal((await move(engagement.id, providerToken, { action: 'deliver' })).body.status, 'delivered');
  const accepted = await move(engagement.id, enterprise.token, { action: 'accept' });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  assert.ok(accepted.body.acceptedAt);
  const rated = await call<{ id: string }>('POST', `/engagements/${engagement.id}/rating`, enterprise.token, RATING);
  assert.equal(rated.status, 201, JSON.stringify(rated.body));
  const read = await call<Engagement>('GET', `/engagements/${engagement.id}`, enterprise.token);
  assert.equal(read.body.ratingId, rated.body.id);
  return { confirmed: confirmed.body, final: read.body };
}

describe('ordering a product', () => {
  test('a paid order at the product’s price, confirmed at the agreed amount, counts once', async () => {
    const before = await services();
    const enterprise = await newEnterprise();
    const price = await t.database.db
      .selectFrom('products')
      .select('price')
      .where('id', '=', PAID)
      .executeTakeFirstOrThrow();
    const ordered = await order(enterprise.token, { productId: PAID, note: '希望下周上门沟通' });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    assert.ok(Engagement.safeParse(ordered.body).success);
    assert.equal(ordered.headers.get('location'), `/api/v1/engagements/${ordered.body.id}`);
    assert.equal(ordered.body.paidBy, 'self');
    assert.equal(ordered.body.voucherId, null);
    assert.equal(ordered.body.contractAmount, price.price);
    assert.equal(ordered.body.selfPaid, price.price);
    assert.equal(ordered.body.voucherAmount, 0);
    assert.match(ordered.body.timeline[0]?.note ?? '', /企业自付；企业留言：希望下周上门沟通/);
    assert.equal(await services(), before + 1);
    // The database holds the rule too: a paid engagement is at least ¥1, whoever writes it.
    await assert.rejects(
      t.database.db
        .updateTable('engagements')
        .set({ contract_amount: 0, self_paid: 0 })
        .where('id', '=', ordered.body.id)
        .execute(),
    );

    const { confirmed } = await walk(ordered.body, enterprise, provider, { contractAmount: 1_800_000 });
    assert.equal(confirmed.contractAmount, 1_800_000);
    assert.equal(confirmed.selfPaid, 1_800_000);
    assert.match(confirmed.timeline.at(-1)?.note ?? '', /合同金额 ¥18,000\.00/);
    assert.equal(await services(), before + 1);
  });

  test('a free order is at 0, takes no amount and no voucher, and counts once', async () => {
    const before = await services();
    const enterprise = await newEnterprise();
    assertProblem(
      await order(enterprise.token, { productId: free.id, contractAmount: 10_000 }),
      400,
      'validation_failed',
    );
    const ordered = await order(enterprise.token, { productId: free.id });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    assert.equal(ordered.body.paidBy, 'free');
    assert.deepEqual([ordered.body.contractAmount, ordered.body.voucherAmount, ordered.body.selfPaid], [0, 0, 0]);
    assert.equal(await services(), before + 1);
    // A free service has no amount to agree.
    const agreed = await move(ordered.body.id, freeProvider, { action: 'confirm', contractAmount: 10_000 });
    assertProblem(agreed, 400, 'validation_failed');
    const { final } = await walk(ordered.body, enterprise, freeProvider);
    assert.equal(final.contractAmount, 0);
    assert.equal(await services(), before + 1);
    // The database holds the rule too: a free engagement with an amount is refused whoever writes it.
    await assert.rejects(
      t.database.db
        .updateTable('engagements')
        .set({ contract_amount: 100, self_paid: 100 })
        .where('id', '=', final.id)
        .execute(),
    );
  });

  test('an order with a voucher is the voucher’s use, recomputed when the provider agrees another amount', async () => {
    const before = await services();
    const enterprise = await newEnterprise();
    const voucher = await call<Voucher>('POST', '/voucher-batches/vbt-test-orders/claims', enterprise.token);
    assert.equal(voucher.status, 201);
    const ordered = await order(enterprise.token, {
      productId: PAID,
      contractAmount: 3_000_000,
      voucherId: voucher.body.id,
    });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    assert.equal(ordered.body.paidBy, 'voucher');
    assert.equal(ordered.body.voucherId, voucher.body.id);
    // Face ¥10,000, 50 % coverage: ¥10,000 of ¥30,000.
    assert.equal(ordered.body.voucherAmount, 1_000_000);
    assert.equal(ordered.body.selfPaid, 2_000_000);
    const used = await call<Voucher>('GET', `/vouchers/${voucher.body.id}`, enterprise.token);
    assert.equal(used.body.status, 'ordered');
    assert.equal(used.body.engagementId, ordered.body.id);
    assert.equal(await services(), before + 1);
    // A second order on the same voucher is refused as a second use is.
    assertProblem(
      await order(enterprise.token, { productId: PAID, voucherId: voucher.body.id }),
      409,
      'voucher_not_usable',
    );

    const { confirmed } = await walk(ordered.body, enterprise, provider, { contractAmount: 1_200_000 });
    // 50 % of ¥12,000 is less than the face value.
    assert.deepEqual(
      [confirmed.contractAmount, confirmed.voucherAmount, confirmed.selfPaid],
      [1_200_000, 600_000, 600_000],
    );
    assert.equal(
      (await call<Voucher>('GET', `/vouchers/${voucher.body.id}`, enterprise.token)).body.status,
      'delivered',
    );
    assert.equal(await services(), before + 1);
  });

  test('a voucher on a free product is refused', async () => {
    const enterprise = await newEnterprise();
    const voucher = await call<Voucher>('POST', '/voucher-batches/vbt-test-orders/claims', enterprise.token);
    const refused = await order(enterprise.token, { productId: free.id, voucherId: voucher.body.id });
    assertProblem(refused, 409, 'product_not_eligible');
  });

  test('a related party (same legal representative as the provider) cannot order', async () => {
    const legal = await t.database.db
      .selectFrom('providers')
      .select('legal_representative')
      .where('id', '=', 'prv-00001')
      .executeTakeFirstOrThrow();
    assert.ok(legal.legal_representative);
    const enterprise = await newEnterprise({ legalRepresentative: legal.legal_representative });
    const before = await services();
    const refused = await order(enterprise.token, { productId: PAID });
    assertProblem(refused, 409, 'related_party');
    assert.match(JSON.stringify(refused.body), /不能通过平台向其下单/);
    assert.equal(await services(), before);
  });

  test('an unpublished product is refused; only enterprises order', async () => {
    const enterprise = await newEnterprise();
    const hidden = await t.database.db
      .selectFrom('products')
      .select('id')
      .where('provider_id', '=', 'prv-00003')
      .where('is_free', '=', 0)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await t.database.db.updateTable('products').set({ listed: 0 }).where('id', '=', hidden.id).execute();
    assertProblem(await order(enterprise.token, { productId: hidden.id }), 409, 'product_not_orderable');
    assertProblem(await order(enterprise.token, { productId: 'prd-99999' }), 409, 'product_not_orderable');
    assertProblem(await order(provider, { productId: PAID }), 403, 'forbidden');
    assertProblem(await call('POST', '/engagements', null, { productId: PAID }), 401, 'unauthorized');
  });

  test('a retry with the same key returns the same engagement and orders nothing more', async () => {
    const enterprise = await newEnterprise();
    const before = await services();
    const first = await order(enterprise.token, { productId: PAID }, 'order-retry-1');
    const again = await order(enterprise.token, { productId: PAID }, 'order-retry-1');
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await services(), before + 1);
  });

  test('the lists hold every kind of engagement, filterable by what pays it', async () => {
    const enterprise = await newEnterprise();
    const voucher = await call<Voucher>('POST', '/voucher-batches/vbt-test-orders/claims', enterprise.token);
    const kinds = [
      (await order(enterprise.token, { productId: PAID })).body,
      (await order(enterprise.token, { productId: free.id })).body,
      (await order(enterprise.token, { productId: PAID, contractAmount: 500_000, voucherId: voucher.body.id })).body,
    ];
    const all = await call<EngagementPage>('GET', '/engagements', enterprise.token);
    assert.ok(EngagementPage.safeParse(all.body).success);
    assert.deepEqual(all.body.items.map((item) => item.id).sort(), kinds.map((item) => item.id).sort());
    for (const paidBy of ['self', 'free', 'voucher'] as const) {
      const page = await call<EngagementPage>('GET', `/engagements?paidBy=${paidBy}`, enterprise.token);
      assert.deepEqual(
        page.body.items.map((item) => item.id),
        kinds.filter((item) => item.paidBy === paidBy).map((item) => item.id),
      );
    }
    const mine = await call<EngagementPage>('GET', '/engagements?paidBy=self&limit=100', provider);
    assert.ok(mine.body.items.some((item) => item.id === kinds[0]?.id));
    assertProblem(await call('GET', '/engagements?paidBy=cash', enterprise.token), 400, 'validation_failed');
  });
});

describe('a demand served by an accepted proposal', () => {
  async function matchedDemand(uscc: string) {
    const input = validDemand({ enterprise: { uscc, name: '佛山市订单测试有限公司' } });
    const submitted = await call<Demand>('POST', '/demands', null, input, `demand-${uscc}`);
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const id = submitted.body.id;
    assert.equal((await call('POST', `/demands/${id}/transitions`, countyAdmin, { action: 'accept' })).status, 200);
    const proposed = await call<Demand>('POST', `/demands/${id}/proposals`, countyAdmin, {
      proposals: [{ providerId: 'prv-00001', productId: PAID }, { providerId: free.providerId }],
    });
    assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
    return { demand: proposed.body, input };
  }

  test('accepting a proposal orders the engagement; accepting that engagement closes the demand', async () => {
    const enterprise = await newEnterprise();
    const { uscc } = await t.database.db
      .selectFrom('enterprises')
      .select('uscc')
      .where('id', '=', enterprise.enterpriseId)
      .executeTakeFirstOrThrow();
    const { demand, input } = await matchedDemand(uscc);
    const [paidProposal, providerOnly] = demand.matches;
    assert.ok(paidProposal?.id && providerOnly?.id);
    const url = (proposalId: string) => `/demands/${demand.id}/proposals/${proposalId}/accept`;

    // Another enterprise does not see the demand; a proposal naming only a provider needs a product of it.
    const other = await newEnterprise();
    assertProblem(await call('POST', url(paidProposal.id), other.token, {}), 404, 'not_found');
    assertProblem(await call('POST', url(providerOnly.id), enterprise.token, {}), 400, 'validation_failed');
    assertProblem(
      await call('POST', url(providerOnly.id), enterprise.token, { productId: PAID }),
      400,
      'validation_failed',
    );

    const before = await services();
    const accepted = await call<Engagement>('POST', url(paidProposal.id), enterprise.token, {}, 'accept-1');
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const engagement = accepted.body;
    assert.equal(engagement.demandId, demand.id);
    assert.equal(engagement.productId, PAID);
    assert.equal(engagement.paidBy, 'self');
    assert.match(engagement.timeline[0]?.note ?? '', new RegExp(`来自需求 ${demand.trackingNo}（${demand.id}）`));
    assert.equal(await services(), before + 1);
    // The retry answers the same engagement; a second proposal is a conflict.
    const retried = await call<Engagement>('POST', url(paidProposal.id), enterprise.token, {}, 'accept-1');
    assert.equal(retried.body.id, engagement.id);
    assertProblem(await call('POST', url(providerOnly.id), enterprise.token, { productId: free.id }), 409, 'conflict');

    const lookup = async () =>
      (
        await call<DemandStatusView>(
          'GET',
          `/demands/lookup?trackingNo=${demand.trackingNo}&phone=${input.contact.phone}`,
          null,
        )
      ).body;
    const inService = await lookup();
    assert.ok(DemandStatusView.safeParse(inService).success);
    assert.equal(inService.status, 'inService');
    assert.equal(inService.engagementId, engagement.id);
    assert.equal(inService.timeline.at(-1)?.engagementId, engagement.id);
    const staffView = await call<Demand>('GET', `/demands/${demand.id}`, countyAdmin);
    assert.equal(staffView.body.engagementId, engagement.id);

    await walk(engagement, enterprise, provider);
    const closed = await lookup();
    assert.equal(closed.status, 'closed');
    assert.equal(closed.timeline.at(-1)?.status, 'closed');
    assert.equal(closed.timeline.at(-1)?.engagementId, engagement.id);
    assert.equal(await services(), before + 1);
  });

  test('a cancelled order gives the demand back to its proposals', async () => {
    const enterprise = await newEnterprise();
    const { uscc } = await t.database.db
      .selectFrom('enterprises')
      .select('uscc')
      .where('id', '=', enterprise.enterpriseId)
      .executeTakeFirstOrThrow();
    const { demand } = await matchedDemand(uscc);
    const [first, second] = demand.matches;
    assert.ok(first?.id && second?.id);
    const url = (proposalId: string) => `/demands/${demand.id}/proposals/${proposalId}/accept`;
    const ordered = await call<Engagement>('POST', url(first.id), enterprise.token, {});
    assert.equal(ordered.status, 201);
    assert.equal((await move(ordered.body.id, provider, { action: 'cancel' })).body.status, 'cancelled');
    const again = await call<Demand>('GET', `/demands/${demand.id}`, countyAdmin);
    assert.equal(again.body.status, 'matched');
    assert.equal(again.body.engagementId, null);
    assert.equal(again.body.timeline.at(-1)?.actor, 'provider');
    const next = await call<Engagement>('POST', url(second.id), enterprise.token, { productId: free.id });
    assert.equal(next.status, 201, JSON.stringify(next.body));
    assert.equal(next.body.paidBy, 'free');
  });
});

describe('the seed', () => {
  test('at least half of each year’s engagements are not voucher-paid; free ones are at 0', async () => {
    const rows = await t.database.db
      .selectFrom('engagements')
      .select((eb) => [
        eb.fn<string>('substr', ['created_at', eb.val(1), eb.val(4)]).as('year'),
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>('voucher_id').as('withVoucher'),
      ])
      .groupBy('year')
      .execute();
    assert.ok(rows.length >= 2, JSON.stringify(rows));
    for (const row of rows) assert.ok(Number(row.withVoucher) * 2 <= Number(row.n), JSON.stringify(row));
    const freeAtZero = await t.database.db
      .selectFrom('engagements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('price_kind', '=', 'free')
      .where('contract_amount', '=', 0)
      .executeTakeFirstOrThrow();
    assert.ok(Number(freeAtZero.n) > 0);
  });

  test('the seeded demands in service or closed are served by an engagement, named on both timelines', async () => {
    const served = await t.database.db
      .selectFrom('engagements as e')
      .innerJoin('demands as d', 'd.id', 'e.demand_id')
      .select(['e.id', 'e.status', 'd.status as demand_status', 'd.seq'])
      .where('e.id', 'like', 'eng-dmd-%')
      .execute();
    assert.ok(served.length > 0);
    for (const row of served) {
      assert.equal(row.status === 'closed', row.demand_status === 'closed', JSON.stringify(row));
      const step = await t.database.db
        .selectFrom('demand_timeline')
        .select('engagement_id')
        .where('demand_seq', '=', row.seq)
        .where('engagement_id', '=', row.id)
        .executeTakeFirst();
      assert.ok(step, `${row.id} on its demand's timeline`);
    }
  });
});
