import { testNow } from '../../../test-support/server.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Engagement,
  Voucher,
  type VoucherBatch,
  VoucherBatchPage,
  VoucherPage,
  VoucherQuote,
} from '@smec/schemas';
import { SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEMO_ISSUER } from '../src/app.js';
import { loadDemoSigningKey } from '../src/auth/keys.js';
import { expireDue } from '../src/vouchers/expiry.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem, request, type JsonResponse } from './helpers.js';
import { bearer, insertBatch, insertEnterprises } from './voucher-helpers.js';

const DAY = 86_400_000;
let t: TestApp;
let base: string;

before(async () => {
  t = await openTestApp();
  // The concurrency tests go through real sockets, as clients would.
  base = `${await t.app.listen({ port: 0, host: '127.0.0.1' })}/api/v1`;
});
after(() => t.close());

function post<T>(path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  return request<T>(base, path, {
    method: 'POST',
    headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const get = <T>(path: string, token?: string) =>
  request<T>(base, path, token === undefined ? {} : { headers: bearer(token) });

async function vouchersOfBatch(batchId: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('vouchers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return row.n;
}

async function engagementsOfVoucher(voucherId: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('engagements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('voucher_id', '=', voucherId)
    .executeTakeFirstOrThrow();
  return row.n;
}

describe('claims under concurrency', () => {
  test('1,000 claims at once from 1,000 eligible enterprises on a quota of 100: exactly 100 vouchers', async () => {
    await insertBatch(t, { id: 'vbt-test-rush', quota: 100 });
    const enterprises = await insertEnterprises(t, 1000, 'rush');
    const responses = await Promise.all(
      enterprises.map((enterprise) => post<Voucher>('/voucher-batches/vbt-test-rush/claims', enterprise.token)),
    );
    const won = responses.filter((response) => response.status === 201);
    assert.equal(won.length, 100);
    for (const response of won) assert.ok(Voucher.safeParse(response.body).success);
    for (const response of responses.filter((r) => r.status !== 201)) assertProblem(response, 409, 'quota_exhausted');
    assert.equal(await vouchersOfBatch('vbt-test-rush'), 100);
    const batch = await get<VoucherBatch>('/voucher-batches/vbt-test-rush');
    assert.equal(batch.body.remaining, 0);
    assert.equal(batch.body.claimState, 'exhausted');
    // Every winner is a different enterprise and holds one history entry, `issued`.
    assert.equal(new Set(won.map((r) => (r.body as Voucher).enterpriseId)).size, 100);
    assert.ok(won.every((r) => (r.body as Voucher).history.map((h) => h.status).join() === 'issued'));
  });

  test('50 claims at once from one enterprise: one voucher, the rest already_claimed', async () => {
    await insertBatch(t, { id: 'vbt-test-same', quota: 100 });
    const [enterprise] = await insertEnterprises(t, 1, 'same');
    assert.ok(enterprise);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post('/voucher-batches/vbt-test-same/claims', enterprise.token)),
    );
    assert.equal(responses.filter((response) => response.status === 201).length, 1);
    for (const response of responses.filter((r) => r.status !== 201)) assertProblem(response, 409, 'already_claimed');
    assert.equal(await vouchersOfBatch('vbt-test-same'), 1);
    const batch = await t.database.db
      .selectFrom('voucher_batches')
      .select('remaining')
      .where('id', '=', 'vbt-test-same')
      .executeTakeFirstOrThrow();
    assert.equal(batch.remaining, 99);
  });

  test('20 uses at once of one voucher: exactly one engagement', async () => {
    await insertBatch(t, { id: 'vbt-test-use20' });
    const [enterprise] = await insertEnterprises(t, 1, 'use20');
    assert.ok(enterprise);
    const voucher = (await post<Voucher>('/voucher-batches/vbt-test-use20/claims', enterprise.token)).body;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(`/vouchers/${voucher.id}/use`, enterprise.token, { productId: 'prd-00002', contractAmount: 1_000_000 }),
      ),
    );
    assert.equal(responses.filter((response) => response.status === 201).length, 1);
    for (const response of responses.filter((r) => r.status !== 201))
      assertProblem(response, 409, 'voucher_not_usable');
    assert.equal(await engagementsOfVoucher(voucher.id), 1);
    const after = await get<Voucher>(`/vouchers/${voucher.id}`, enterprise.token);
    assert.equal(after.body.status, 'ordered');
    assert.deepEqual(
      after.body.history.map((entry) => entry.status),
      ['issued', 'ordered'],
    );
  });
});

describe('claim rules', () => {
  test('eligibility by size, recognitions and region is 403 not_eligible saying which', async () => {
    await insertBatch(t, { id: 'vbt-test-size', sizes: ['micro'] });
    await insertBatch(t, { id: 'vbt-test-tags', tags: ['specialized', 'littleGiant'] });
    await insertBatch(t, { id: 'vbt-test-gz', regionCodes: ['440100'] });
    await insertBatch(t, { id: 'vbt-test-fs', regionCodes: ['440600'], sizes: ['small'], tags: ['highTech'] });
    const [enterprise] = await insertEnterprises(t, 1, 'elig', { size: 'small', tags: ['highTech'] });
    assert.ok(enterprise);
    const en = { 'accept-language': 'en' };
    const size = assertProblem(
      await post('/voucher-batches/vbt-test-size/claims', enterprise.token, undefined, en),
      403,
      'not_eligible',
    );
    assert.match(size.detail ?? '', /micro/);
    const tags = assertProblem(
      await post('/voucher-batches/vbt-test-tags/claims', enterprise.token),
      403,
      'not_eligible',
    );
    assert.match(tags.detail ?? '', /专精特新/);
    const region = assertProblem(
      await post('/voucher-batches/vbt-test-gz/claims', enterprise.token),
      403,
      'not_eligible',
    );
    assert.match(region.detail ?? '', /广州/);
    // A county of Foshan lies within a Foshan batch.
    assert.equal((await post('/voucher-batches/vbt-test-fs/claims', enterprise.token)).status, 201);
  });

  test('outside the claim window is 409 claim_not_open; other roles are 403; signed out 401', async () => {
    await insertBatch(t, { id: 'vbt-test-soon', opensTs: testNow() + DAY, closesTs: testNow() + 9 * DAY });
    await insertBatch(t, { id: 'vbt-test-past', opensTs: testNow() - 9 * DAY, closesTs: testNow() - DAY });
    const [enterprise] = await insertEnterprises(t, 1, 'window');
    assert.ok(enterprise);
    assertProblem(await post('/voucher-batches/vbt-test-soon/claims', enterprise.token), 409, 'claim_not_open');
    assertProblem(await post('/voucher-batches/vbt-test-past/claims', enterprise.token), 409, 'claim_not_open');
    const soon = await get<VoucherBatch>('/voucher-batches/vbt-test-soon');
    assert.equal(soon.body.claimState, 'upcoming');
    assertProblem(
      await post('/voucher-batches/vbt-test-soon/claims', await t.tokenFor('usr-prv-01')),
      403,
      'forbidden',
    );
    assertProblem(
      await request(base, '/voucher-batches/vbt-test-soon/claims', { method: 'POST' }),
      401,
      'unauthorized',
    );
    assertProblem(await post('/voucher-batches/vbt-nope/claims', enterprise.token), 404, 'not_found');
  });

  test('an Idempotency-Key retry returns the first voucher', async () => {
    await insertBatch(t, { id: 'vbt-test-idem' });
    const [enterprise] = await insertEnterprises(t, 1, 'idem');
    assert.ok(enterprise);
    const key = { 'idempotency-key': 'claim-idem-1' };
    const first = await post<Voucher>('/voucher-batches/vbt-test-idem/claims', enterprise.token, undefined, key);
    const again = await post<Voucher>('/voucher-batches/vbt-test-idem/claims', enterprise.token, undefined, key);
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });

  test('a handed-back voucher returns its quota, which another enterprise (or the same) can claim', async () => {
    await insertBatch(t, { id: 'vbt-test-back', quota: 1 });
    const [a, b] = await insertEnterprises(t, 2, 'back');
    assert.ok(a && b);
    const claimed = await post<Voucher>('/voucher-batches/vbt-test-back/claims', a.token);
    assert.equal(claimed.status, 201);
    assertProblem(await post('/voucher-batches/vbt-test-back/claims', b.token), 409, 'quota_exhausted');
    const returned = await post<Voucher>(`/vouchers/${claimed.body.id}/return`, a.token);
    assert.equal(returned.status, 200);
    assert.equal(returned.body.status, 'withdrawn');
    assert.deepEqual(
      returned.body.history.map((entry) => [entry.status, entry.actor.role]),
      [
        ['issued', 'enterprise'],
        ['withdrawn', 'enterprise'],
      ],
    );
    assert.equal((await get<VoucherBatch>('/voucher-batches/vbt-test-back')).body.remaining, 1);
    assertProblem(await post(`/vouchers/${claimed.body.id}/return`, a.token), 409, 'voucher_not_returnable');
    const next = await post<Voucher>('/voucher-batches/vbt-test-back/claims', b.token);
    assert.equal(next.status, 201);
    assert.equal((await get<VoucherBatch>('/voucher-batches/vbt-test-back')).body.remaining, 0);
    // B's voucher cannot be handed back by A.
    assertProblem(await post(`/vouchers/${next.body.id}/return`, a.token), 404, 'not_found');
  });

  test('a hand-back retried with its Idempotency-Key gets the first answer, once; another body is 422', async () => {
    await insertBatch(t, { id: 'vbt-test-backidem', quota: 2 });
    const [a, b] = await insertEnterprises(t, 2, 'backidem');
    assert.ok(a && b);
    const claimed = await post<Voucher>('/voucher-batches/vbt-test-backidem/claims', a.token);
    assert.equal(claimed.status, 201);
    const key = { 'idempotency-key': 'return-idem-1' };
    const first = await post<Voucher>(`/vouchers/${claimed.body.id}/return`, a.token, undefined, key);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const again = await post<Voucher>(`/vouchers/${claimed.body.id}/return`, a.token, undefined, key);
    assert.equal(again.status, 200, 'not voucher_not_returnable: the retry is answered as the first attempt was');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    assert.deepEqual(
      again.body.history.map((entry) => entry.status),
      ['issued', 'withdrawn'],
    );
    assert.equal((await get<VoucherBatch>('/voucher-batches/vbt-test-backidem')).body.remaining, 2, 'returned once');
    assertProblem(
      await post(`/vouchers/${claimed.body.id}/return`, a.token, { note: 'another body' }, key),
      422,
      'idempotency_key_reused',
    );
    // Keys are the user's own: another enterprise sending the same key is not answered with A's voucher.
    assertProblem(await post(`/vouchers/${claimed.body.id}/return`, b.token, undefined, key), 404, 'not_found');
  });

  test('the yearly cap counts unused vouchers at face value: a claim at the cap is refused', async () => {
    await insertBatch(t, { id: 'vbt-test-cap1', faceValue: 2_000_000, annualCap: 3_000_000, year: 2029 });
    await insertBatch(t, { id: 'vbt-test-cap2', faceValue: 1_000_000, annualCap: 3_000_000, year: 2029 });
    await insertBatch(t, { id: 'vbt-test-cap3', faceValue: 1_000_000, annualCap: 3_000_000, year: 2029 });
    await insertBatch(t, { id: 'vbt-test-cap4', faceValue: 1_000_000, annualCap: 3_000_000, year: 2030 });
    const [enterprise] = await insertEnterprises(t, 1, 'capclaim');
    assert.ok(enterprise);
    assert.equal((await post('/voucher-batches/vbt-test-cap1/claims', enterprise.token)).status, 201);
    assert.equal((await post('/voucher-batches/vbt-test-cap2/claims', enterprise.token)).status, 201);
    assertProblem(await post('/voucher-batches/vbt-test-cap3/claims', enterprise.token), 409, 'annual_cap_reached');
    // Another year has a cap of its own.
    assert.equal((await post('/voucher-batches/vbt-test-cap4/claims', enterprise.token)).status, 201);
  });
});

describe('using a voucher', () => {
  /** Gives the enterprise vouchers of other batches of the same year already used for `amounts`. */
  async function usedBefore(enterpriseId: string, amounts: readonly number[]): Promise<void> {
    for (const [index, amount] of amounts.entries()) {
      const id = `vbt-test-used-${enterpriseId.slice(-8)}-${index}`;
      await insertBatch(t, { id, faceValue: amount, year: 2028 });
      const batch = await t.database.db
        .selectFrom('voucher_batches')
        .select('seq')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const now = testNow();
      const voucherId = `vch-used-${enterpriseId.slice(-8)}-${index}`;
      const engagementId = `eng-used-${enterpriseId.slice(-8)}-${index}`;
      await t.database.db
        .insertInto('vouchers')
        .values({
          id: voucherId,
          code: `USED-${voucherId}`,
          batch_seq: batch.seq,
          batch_id: id,
          enterprise_id: enterpriseId,
          face_value: amount,
          status: 'ordered',
          claimed_at: 'x',
          claimed_ts: now,
          use_by: 'x',
          use_by_ts: now + DAY,
          settle_by: 'x',
          engagement_id: engagementId,
          year: 2028,
          updated_at: 'x',
        })
        .execute();
      await t.database.db
        .insertInto('engagements')
        .values({
          id: engagementId,
          enterprise_id: enterpriseId,
          enterprise_name: 'x',
          enterprise_region_code: '440604',
          provider_id: 'prv-00001',
          provider_name: 'x',
          product_id: 'prd-00002',
          product_name: 'x',
          category_id: 'testing-certification',
          voucher_id: voucherId,
          contract_amount: amount * 4,
          voucher_amount: amount,
          self_paid: amount * 3,
          status: 'ordered',
          accepted_at: null,
          rating_id: null,
          created_at: 'x',
          created_ts: now,
          updated_at: 'x',
        })
        .execute();
    }
  }

  // Face value ¥10,000, coverage 50 %, yearly cap ¥30,000.
  const cases: {
    name: string;
    contract: number;
    usedBefore: number[];
    expect: { voucherAmount: number; limitedBy: string } | { code: string };
  }[] = [
    {
      name: 'contract below twice the face value',
      contract: 1_500_000,
      usedBefore: [],
      expect: { voucherAmount: 750_000, limitedBy: 'coverage' },
    },
    {
      name: 'contract at twice the face value',
      contract: 2_000_000,
      usedBefore: [],
      expect: { voucherAmount: 1_000_000, limitedBy: 'faceValue' },
    },
    {
      name: 'contract above twice the face value',
      contract: 9_000_000,
      usedBefore: [],
      expect: { voucherAmount: 1_000_000, limitedBy: 'faceValue' },
    },
    {
      name: 'an odd fen of coverage rounds down',
      contract: 100_001,
      usedBefore: [],
      expect: { voucherAmount: 50_000, limitedBy: 'coverage' },
    },
    {
      name: 'cap crossed by this voucher',
      contract: 9_000_000,
      usedBefore: [2_000_000, 700_000],
      expect: { voucherAmount: 300_000, limitedBy: 'annualCap' },
    },
    {
      name: 'cap reached',
      contract: 9_000_000,
      usedBefore: [2_000_000, 1_000_000],
      expect: { code: 'annual_cap_reached' },
    },
  ];
  cases.forEach((item, index) => {
    test(`cap and coverage: ${item.name}`, async () => {
      const prefix = `cov${index}`;
      await insertBatch(t, { id: `vbt-test-${prefix}`, year: 2028, remaining: 100 });
      const [enterprise] = await insertEnterprises(t, 1, prefix);
      assert.ok(enterprise);
      const voucher = (await post<Voucher>(`/voucher-batches/vbt-test-${prefix}/claims`, enterprise.token)).body;
      await usedBefore(enterprise.enterpriseId, item.usedBefore);
      const input = { productId: 'prd-00002', contractAmount: item.contract };
      const quote = await post<VoucherQuote>(`/vouchers/${voucher.id}/quote`, enterprise.token, input);
      if ('code' in item.expect) {
        assertProblem(quote, 409, item.expect.code);
        assertProblem(await post(`/vouchers/${voucher.id}/use`, enterprise.token, input), 409, item.expect.code);
        return;
      }
      assert.equal(quote.status, 200, JSON.stringify(quote.body));
      assert.ok(VoucherQuote.safeParse(quote.body).success);
      assert.equal(quote.body.voucherAmount, item.expect.voucherAmount);
      assert.equal(quote.body.limitedBy, item.expect.limitedBy);
      assert.equal(quote.body.selfPaid, item.contract - item.expect.voucherAmount);
      const used = await post<Engagement>(`/vouchers/${voucher.id}/use`, enterprise.token, input);
      assert.equal(used.status, 201);
      assert.equal(used.body.voucherAmount, item.expect.voucherAmount);
      assert.equal(used.body.selfPaid, item.contract - item.expect.voucherAmount);
      assert.equal(used.body.status, 'ordered');
      assert.equal(used.body.voucherId, voucher.id);
    });
  });

  test('an expired voucher cannot be used: it is marked expired by the platform', async () => {
    await insertBatch(t, { id: 'vbt-test-exp' });
    const [enterprise] = await insertEnterprises(t, 1, 'exp');
    assert.ok(enterprise);
    const voucher = (await post<Voucher>('/voucher-batches/vbt-test-exp/claims', enterprise.token)).body;
    await t.database.db
      .updateTable('vouchers')
      .set({ use_by_ts: testNow() - 1000, use_by: '2026-01-01T00:00:00+08:00' })
      .where('id', '=', voucher.id)
      .execute();
    const input = { productId: 'prd-00002', contractAmount: 1_000_000 };
    assertProblem(await post(`/vouchers/${voucher.id}/use`, enterprise.token, input), 409, 'voucher_expired');
    const after = (await get<Voucher>(`/vouchers/${voucher.id}`, enterprise.token)).body;
    assert.equal(after.status, 'expired');
    assert.deepEqual(after.history.at(-1)?.actor.role, 'system');
    assertProblem(await post(`/vouchers/${voucher.id}/use`, enterprise.token, input), 409, 'voucher_expired');
    assertProblem(await post(`/vouchers/${voucher.id}/return`, enterprise.token), 409, 'voucher_not_returnable');
    assert.equal(await engagementsOfVoucher(voucher.id), 0);
  });

  test('the sweep expires issued vouchers past their deadline and nothing else', async () => {
    await insertBatch(t, { id: 'vbt-test-sweep' });
    const [a, b] = await insertEnterprises(t, 2, 'sweep');
    assert.ok(a && b);
    const old = (await post<Voucher>('/voucher-batches/vbt-test-sweep/claims', a.token)).body;
    const fresh = (await post<Voucher>('/voucher-batches/vbt-test-sweep/claims', b.token)).body;
    await t.database.db
      .updateTable('vouchers')
      .set({ use_by_ts: testNow() - 1000 })
      .where('id', '=', old.id)
      .execute();
    assert.ok((await expireDue(t.database.db, testNow())) >= 1);
    assert.equal((await get<Voucher>(`/vouchers/${old.id}`, a.token)).body.status, 'expired');
    assert.equal((await get<Voucher>(`/vouchers/${fresh.id}`, b.token)).body.status, 'issued');
  });

  test('products: unpublished or not voucher-eligible or outside the categories; related parties', async () => {
    await insertBatch(t, { id: 'vbt-test-prod', categoryIds: ['technology-rd'] });
    await insertBatch(t, { id: 'vbt-test-rel' });
    const [enterprise] = await insertEnterprises(t, 1, 'prod');
    assert.ok(enterprise);
    const voucher = (await post<Voucher>('/voucher-batches/vbt-test-prod/claims', enterprise.token)).body;
    const use = (productId: string) =>
      post(`/vouchers/${voucher.id}/quote`, enterprise.token, { productId, contractAmount: 1_000_000 });
    assertProblem(await use('prd-00001'), 409, 'product_not_eligible'); // not voucher-eligible
    assertProblem(await use('prd-00002'), 409, 'product_not_eligible'); // testing-certification, not technology-rd
    assert.equal((await use('prd-00004')).status, 200); // technology-rd
    assertProblem(await use('prd-99999'), 409, 'product_not_eligible');

    const provider = await t.database.db
      .selectFrom('providers')
      .select(['uscc', 'legal_representative'])
      .where('id', '=', 'prv-00001')
      .executeTakeFirstOrThrow();
    assert.ok(provider.legal_representative, 'the seed names legal representatives');
    const [sameLegal] = await insertEnterprises(t, 1, 'rel1', { legalRepresentative: provider.legal_representative });
    const [sameUscc] = await insertEnterprises(t, 1, 'rel2', { uscc: provider.uscc });
    for (const related of [sameLegal, sameUscc]) {
      assert.ok(related);
      const mine = (await post<Voucher>('/voucher-batches/vbt-test-rel/claims', related.token)).body;
      const refused = assertProblem(
        await post(`/vouchers/${mine.id}/use`, related.token, { productId: 'prd-00002', contractAmount: 1_000_000 }),
        409,
        'related_party',
      );
      assert.match(refused.detail ?? '', /关联/);
    }
  });

  test('bad input is 400 with the field; the detail follows the language', async () => {
    await insertBatch(t, { id: 'vbt-test-bad' });
    const [enterprise] = await insertEnterprises(t, 1, 'bad');
    assert.ok(enterprise);
    const voucher = (await post<Voucher>('/voucher-batches/vbt-test-bad/claims', enterprise.token)).body;
    const bad = assertProblem(
      await post(`/vouchers/${voucher.id}/use`, enterprise.token, { productId: 'prd-00002', contractAmount: 5 }),
      400,
      'validation_failed',
    );
    assert.ok(bad.errors?.some((error) => error.path.includes('contractAmount')));
    const zh = assertProblem(
      await post('/vouchers/vch-nope/use', enterprise.token, { productId: 'prd-00002', contractAmount: 100_000 }),
      404,
      'not_found',
    );
    const en = assertProblem(
      await post(
        '/vouchers/vch-nope/use',
        enterprise.token,
        { productId: 'prd-00002', contractAmount: 100_000 },
        { 'accept-language': 'en' },
      ),
      404,
      'not_found',
    );
    assert.match(zh.detail ?? '', /未找到服务券/);
    assert.equal(en.detail, 'No voucher vch-nope.');
  });
});

describe('privacy and lists', () => {
  test("A asking for B's voucher or engagement gets the same 404 as for one that does not exist", async () => {
    const a = await t.tokenFor('usr-ent-02');
    const b = await t.tokenFor('usr-ent-01');
    const mine = (await get<VoucherPage>('/me/vouchers?limit=50', b)).body.items;
    const voucher = mine.find((item) => item.status === 'issued');
    assert.ok(voucher);
    const shape = (response: JsonResponse, id: string) => {
      const problem = assertProblem(response, 404, 'not_found');
      return { ...problem, requestId: '', detail: (problem.detail ?? '').replace(id, '{id}') };
    };
    const missingVoucher = 'vch-does-not-exist';
    assert.deepEqual(
      shape(await get(`/vouchers/${voucher.id}`, a), voucher.id),
      shape(await get(`/vouchers/${missingVoucher}`, a), missingVoucher),
    );
    const input = { productId: 'prd-00002', contractAmount: 1_000_000 };
    assert.deepEqual(
      shape(await post(`/vouchers/${voucher.id}/use`, a, input), voucher.id),
      shape(await post(`/vouchers/${missingVoucher}/use`, a, input), missingVoucher),
    );
    assert.deepEqual(
      shape(await get('/engagements/eng-demo-0001', a), 'eng-demo-0001'),
      shape(await get('/engagements/eng-nope', a), 'eng-nope'),
    );
    // B still has it, unchanged.
    assert.equal((await get<Voucher>(`/vouchers/${voucher.id}`, b)).body.status, 'issued');
  });

  test('my vouchers: every status with its history, newest first, paged with a cursor', async () => {
    const token = await t.tokenFor('usr-ent-03');
    const first = await get<VoucherPage>('/me/vouchers?limit=3', token);
    assert.equal(first.status, 200);
    assert.ok(VoucherPage.safeParse(first.body).success);
    assert.equal(first.body.items.length, 3);
    assert.ok(first.body.nextCursor);
    const rest = await get<VoucherPage>(
      `/me/vouchers?limit=50&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      token,
    );
    const all = [...first.body.items, ...rest.body.items];
    assert.equal(all.length, first.body.total);
    const statuses = new Set(all.map((voucher) => voucher.status));
    for (const status of ['issued', 'ordered', 'confirmed', 'delivered', 'settled', 'expired', 'withdrawn']) {
      assert.ok(statuses.has(status as Voucher['status']), status);
    }
    const claimed = all.map((voucher) => Date.parse(voucher.claimedAt));
    assert.deepEqual(
      claimed,
      [...claimed].sort((x, y) => y - x),
    );
    assert.ok(all.every((voucher) => voucher.history[0]?.status === 'issued'));
    const issued = await get<VoucherPage>('/me/vouchers?status=issued', token);
    assert.ok(issued.body.items.every((voucher) => voucher.status === 'issued'));
    assertProblem(await get('/me/vouchers', await t.tokenFor('usr-prv-01')), 403, 'forbidden');
  });

  test('batches: open ones for a county include its city and the province; states; paging', async () => {
    const open = await get<VoucherBatchPage>('/voucher-batches?region=440604&state=open&limit=100');
    assert.equal(open.status, 200);
    assert.ok(VoucherBatchPage.safeParse(open.body).success);
    const ids = open.body.items.map((batch) => batch.id);
    assert.ok(ids.includes('vbt-open-440600'));
    assert.ok(ids.includes('vbt-open-440000-a'));
    assert.ok(!ids.includes('vbt-exhausted-440100'), 'not a Guangzhou batch');
    assert.ok(open.body.items.every((batch) => batch.claimState === 'open' && batch.remaining > 0));
    const states = async (state: string) =>
      (await get<VoucherBatchPage>(`/voucher-batches?state=${state}&limit=100`)).body.items.map((batch) => batch.id);
    assert.ok((await states('upcoming')).includes('vbt-next-440000'));
    assert.ok((await states('exhausted')).includes('vbt-exhausted-440100'));
    assert.ok((await states('closed')).includes('vbt-old-440000'));
    const page = await get<VoucherBatchPage>('/voucher-batches?limit=2');
    assert.ok(page.body.nextCursor);
    const next = await get<VoucherBatchPage>(
      `/voucher-batches?limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`,
    );
    assert.notDeepEqual(
      next.body.items.map((batch) => batch.id),
      page.body.items.map((batch) => batch.id),
    );
    assertProblem(await get('/voucher-batches?region=999999'), 400, 'validation_failed');
    assertProblem(await get('/voucher-batches/vbt-nope'), 404, 'not_found');
  });
});

describe('bearer tokens on the voucher routes', () => {
  test('expired, wrong issuer, wrong audience, alg none, tampered signature: 401', async () => {
    const demo = await loadDemoSigningKey(t.database.db);
    const now = Math.floor(testNow() / 1000);
    const signed = (claims: { iss?: string; aud?: string; exp?: number }) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: demo.kid })
        .setIssuer(claims.iss ?? DEMO_ISSUER)
        .setAudience(claims.aud ?? DEFAULT_AUDIENCE)
        .setSubject('usr-ent-01')
        .setIssuedAt(now - 60)
        .setExpirationTime(claims.exp ?? now + 600)
        .sign(demo.privateKey);
    const good = await signed({});
    assert.equal((await get('/me/vouchers', good)).status, 200);
    const [header, payload, signature = ''] = good.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const cases: [string, string][] = [
      ['expired', await signed({ exp: now - 3600 })],
      ['wrong issuer', await signed({ iss: 'https://evil.example' })],
      ['wrong audience', await signed({ aud: 'another-api' })],
      ['alg none', `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`],
      ['tampered signature', `${header}.${payload}.${flipped}`],
    ];
    for (const [why, token] of cases) {
      const response = await get('/me/vouchers', token);
      assertProblem(response, 401, 'unauthorized');
      assert.equal(response.headers.get('www-authenticate'), 'Bearer', why);
    }
  });
});
