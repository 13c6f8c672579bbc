// client.engagements.order and client.demands.acceptProposal against the real reference server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, SmecConflictError, SmecForbiddenError, SmecValidationError, type SmecClient } from '@smec/sdk';
import { DEMO_ORDER_DEMAND } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let anonymous: SmecClient;
let demo: SmecClient; // usr-ent-01, whose matched demand the seed holds
let enterprise: SmecClient; // usr-ent-06
let provider: SmecClient; // usr-prv-01, of prv-00001 which sells prd-00002

before(async () => {
  server = await startTestServer();
  anonymous = createClient({ baseUrl: server.apiUrl });
  const signedIn = async (userId: string) => {
    const { token } = await anonymous.demo.token(userId);
    return createClient({ baseUrl: server.apiUrl, locale: 'en', getToken: () => token });
  };
  demo = await signedIn('usr-ent-01');
  enterprise = await signedIn('usr-ent-06');
  provider = await signedIn('usr-prv-01');
});
after(() => server?.close());

describe('client.engagements.order', () => {
  it('orders a paid product at its price, once per key; the provider confirms the agreed amount', async () => {
    const first = await enterprise.engagements.order({ productId: 'prd-00002' }, { idempotencyKey: 'sdk-order-1' });
    assert.equal(first.paidBy, 'self');
    assert.ok(first.contractAmount >= 100);
    const again = await enterprise.engagements.order({ productId: 'prd-00002' }, { idempotencyKey: 'sdk-order-1' });
    assert.equal(again.id, first.id);
    const confirmed = await provider.engagements.confirm(first.id, { contractAmount: 1_800_000, note: '已确认' });
    assert.equal(confirmed.contractAmount, 1_800_000);
    assert.equal(confirmed.status, 'confirmed');
    const mine = await enterprise.engagements.list({ paidBy: 'self' });
    assert.ok(mine.items.some((item) => item.id === first.id));
    assert.ok(mine.items.every((item) => item.paidBy === 'self'));
  });

  it('refuses what the rules refuse', async () => {
    await assert.rejects(
      enterprise.engagements.order({ productId: 'prd-00002', contractAmount: 5 }),
      SmecValidationError,
    );
    await assert.rejects(provider.engagements.order({ productId: 'prd-00002' }), SmecForbiddenError);
  });
});

describe('client.demands.acceptProposal', () => {
  it('accepts the demo demand’s proposal found by the lookup; a second is a conflict', async () => {
    const view = await anonymous.demands.lookup({
      trackingNo: DEMO_ORDER_DEMAND.trackingNo,
      phone: DEMO_ORDER_DEMAND.phone,
    });
    assert.equal(view.id, DEMO_ORDER_DEMAND.id);
    const [proposal, other] = view.matches;
    assert.ok(proposal?.id && other?.id);
    const engagement = await demo.demands.acceptProposal(DEMO_ORDER_DEMAND.id, proposal.id, { note: '请尽快联系我们' });
    assert.equal(engagement.demandId, DEMO_ORDER_DEMAND.id);
    const after = await anonymous.demands.lookup({
      trackingNo: DEMO_ORDER_DEMAND.trackingNo,
      phone: DEMO_ORDER_DEMAND.phone,
    });
    assert.equal(after.status, 'inService');
    assert.equal(after.engagementId, engagement.id);
    await assert.rejects(
      demo.demands.acceptProposal(DEMO_ORDER_DEMAND.id, other.id, { productId: 'prd-00002' }),
      SmecConflictError,
    );
  });
});
