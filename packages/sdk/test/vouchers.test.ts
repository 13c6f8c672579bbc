// client.vouchers and client.engagements against the real reference server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createClient,
  SmecConflictError,
  SmecForbiddenError,
  SmecNotFoundError,
  SmecUnauthorizedError,
  SmecValidationError,
  type SmecClient,
} from '@smec/sdk';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let anonymous: SmecClient;
let enterprise: SmecClient; // usr-ent-04
let other: SmecClient; // usr-ent-05
let provider: SmecClient;
let admin: SmecClient;

before(async () => {
  server = await startTestServer();
  anonymous = createClient({ baseUrl: server.apiUrl });
  const signedIn = async (userId: string) => {
    const { token } = await anonymous.demo.token(userId);
    return createClient({ baseUrl: server.apiUrl, locale: 'en', getToken: () => token });
  };
  enterprise = await signedIn('usr-ent-04');
  other = await signedIn('usr-ent-05');
  provider = await signedIn('usr-prv-01');
  admin = await signedIn('usr-admin-440000');
});
after(() => server?.close());

describe('client.vouchers', () => {
  it('lists open batches of a region, page by page, and gets one', async () => {
    const page = await anonymous.vouchers.listBatches({ region: '440103', state: 'open', limit: 2 });
    assert.ok(page.items.length > 0);
    const ids: string[] = [];
    for await (const batch of anonymous.vouchers.listBatches({ region: '440103', state: 'open', limit: 2 })) {
      assert.equal(batch.claimState, 'open');
      ids.push(batch.id);
    }
    assert.equal(ids.length, page.total);
    assert.ok(!ids.includes('vbt-open-440600'), 'a Guangzhou county does not see Foshan');
    const batch = await anonymous.vouchers.getBatch('vbt-open-440000-c');
    assert.deepEqual(batch.categoryIds, ['digitalization']);
    await assert.rejects(anonymous.vouchers.getBatch('vbt-nope'), SmecNotFoundError);
    await assert.rejects(anonymous.vouchers.listBatches({ region: '12' }), SmecValidationError);
  });

  it('claims once (a retry with the same key returns the same voucher), then already_claimed', async () => {
    const voucher = await enterprise.vouchers.claim('vbt-open-440000-c', { idempotencyKey: 'sdk-claim-1' });
    assert.equal(voucher.status, 'issued');
    assert.equal(
      (await enterprise.vouchers.claim('vbt-open-440000-c', { idempotencyKey: 'sdk-claim-1' })).id,
      voucher.id,
    );
    await assert.rejects(enterprise.vouchers.claim('vbt-open-440000-c'), (error: unknown) => {
      assert.ok(error instanceof SmecConflictError);
      assert.equal(error.code, 'already_claimed');
      return true;
    });
    await assert.rejects(anonymous.vouchers.claim('vbt-open-440000-c'), SmecUnauthorizedError);
    await assert.rejects(provider.vouchers.claim('vbt-open-440000-c'), SmecForbiddenError);
    await assert.rejects(enterprise.vouchers.claim('vbt-next-440000'), (error: unknown) => {
      assert.ok(error instanceof SmecConflictError);
      assert.equal(error.code, 'claim_not_open');
      return true;
    });
  });

  it('lists my vouchers, quotes and uses one, hands another back; others see 404', async () => {
    const issued = [];
    for await (const voucher of enterprise.vouchers.list({ status: 'issued', limit: 2 })) {
      // The digitalisation voucher claimed above takes digitalisation products only.
      if (voucher.batch.categoryIds.length === 0) issued.push(voucher);
    }
    assert.ok(issued.length >= 2);
    const [toUse, toReturn] = issued;
    assert.ok(toUse && toReturn);
    const input = { productId: 'prd-00002', contractAmount: 600_000 };
    const quote = await enterprise.vouchers.quote(toUse.id, input);
    assert.equal(quote.voucherAmount + quote.selfPaid, 600_000);
    const engagement = await enterprise.vouchers.use(toUse.id, input);
    assert.equal(engagement.voucherAmount, quote.voucherAmount);
    assert.equal(engagement.status, 'ordered');
    assert.equal((await enterprise.vouchers.get(toUse.id)).status, 'ordered');
    await assert.rejects(other.vouchers.get(toUse.id), SmecNotFoundError);
    await assert.rejects(other.engagements.get(engagement.id), SmecNotFoundError);

    const withdrawn = await enterprise.vouchers.handBack(toReturn.id);
    assert.equal(withdrawn.status, 'withdrawn');
    await assert.rejects(enterprise.vouchers.handBack(toReturn.id), (error: unknown) => {
      assert.ok(error instanceof SmecConflictError);
      assert.equal(error.code, 'voucher_not_returnable');
      return true;
    });
    await assert.rejects(enterprise.vouchers.use(toReturn.id, input), SmecConflictError);
  });
});

describe('client.engagements', () => {
  it('walks an engagement to closed with the shorthands, each by its role', async () => {
    const [voucher] = (await other.vouchers.list({ status: 'issued', limit: 1 })).items;
    assert.ok(voucher);
    const ordered = await other.vouchers.use(voucher.id, { productId: 'prd-00003', contractAmount: 800_000 });
    await assert.rejects(other.engagements.confirm(ordered.id), SmecForbiddenError);
    assert.equal((await provider.engagements.confirm(ordered.id, { note: '已确认' })).status, 'confirmed');
    await assert.rejects(provider.engagements.confirm(ordered.id), SmecConflictError);
    assert.equal((await provider.engagements.start(ordered.id)).status, 'inProgress');
    assert.equal((await provider.engagements.deliver(ordered.id)).status, 'delivered');
    assert.ok((await other.engagements.accept(ordered.id)).acceptedAt);
    const closed = await admin.engagements.settle(ordered.id);
    assert.equal(closed.status, 'closed');
    assert.equal((await other.vouchers.get(voucher.id)).status, 'settled');
    const mine = await other.engagements.list({ limit: 100 });
    assert.ok(mine.items.some((item) => item.id === ordered.id));
    const orders = await provider.engagements.list({ status: 'ordered' });
    assert.ok(orders.items.every((item) => item.providerId === 'prv-00001'));
  });
});
