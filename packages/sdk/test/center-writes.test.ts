// client.voucherBatches, client.vouchers.revoke and client.policies' writes against the real reference server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createClient,
  SmecApiError,
  SmecConflictError,
  SmecForbiddenError,
  SmecNotFoundError,
  type SmecClient,
} from '@smec/sdk';
import type { PolicyInput, VoucherBatchInput } from '@smec/schemas';
import { DEMO_BATCH_EXAMPLES, DEMO_BATCH_INPUT, DEMO_POLICY_INPUT } from '@smec/schemas/openapi';
import { startTestServer, testNow } from '../../../test-support/server.js';

const DAY = 86_400_000;
const at = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/** The documented example's terms, as a mutable input. */
const batchInput = () => structuredClone(DEMO_BATCH_INPUT) as unknown as VoucherBatchInput;

const policyInput = () => structuredClone(DEMO_POLICY_INPUT) as unknown as PolicyInput;

let server: Awaited<ReturnType<typeof startTestServer>>;
let anonymous: SmecClient;
let admin: SmecClient; // the province
let enterprise: SmecClient; // usr-ent-06

before(async () => {
  server = await startTestServer();
  anonymous = createClient({ baseUrl: server.apiUrl });
  const signedIn = async (userId: string) => {
    const { token } = await anonymous.demo.token(userId);
    return createClient({ baseUrl: server.apiUrl, locale: 'en', getToken: () => token });
  };
  admin = await signedIn('usr-admin-440000');
  enterprise = await signedIn('usr-ent-06');
});
after(() => server?.close());

describe('client.voucherBatches', () => {
  it('creates a draft, changes it with its revision, opens, pauses and closes it', async () => {
    const opens = testNow() - DAY;
    const draft = await admin.voucherBatches.create({
      ...batchInput(),
      eligibility: { sizes: ['small'] },
      categoryIds: [],
      // Above what the demo enterprise's other vouchers of the year commit.
      annualCapPerEnterprise: 100_000_000,
      year: new Date(opens + 8 * 3_600_000).getUTCFullYear(),
      claimOpensAt: at(opens),
      claimClosesAt: at(opens + 30 * DAY),
      settleBy: at(opens + 200 * DAY),
    });
    assert.deepEqual([draft.status, draft.revision, draft.issuer.regionCode], ['draft', 0, '440000']);
    await assert.rejects(anonymous.vouchers.getBatch(draft.id), SmecNotFoundError);
    const read = await admin.vouchers.getBatch(draft.id);
    const renamed = await admin.voucherBatches.update(read, { name: 'SDK 测试服务券' });
    assert.deepEqual([renamed.name, renamed.revision], ['SDK 测试服务券', 1]);
    await assert.rejects(admin.voucherBatches.update(read, { quota: 300 }), (error: unknown) => {
      assert.ok(error instanceof SmecApiError);
      assert.equal(error.status, 412);
      return true;
    });
    const opened = await admin.voucherBatches.transition(draft.id, 'open');
    assert.equal(opened.status, 'open');
    const claimed = await enterprise.vouchers.claim(draft.id);
    assert.equal(claimed.status, 'issued');
    await assert.rejects(admin.voucherBatches.update(opened, { faceValue: 1_000 }), SmecConflictError);
    const paused = await admin.voucherBatches.transition(draft.id, 'pause', 'SDK 测试');
    assert.deepEqual([paused.status, paused.claimState], ['paused', 'closed']);
    await assert.rejects(admin.voucherBatches.transition(draft.id, 'pause'), SmecConflictError);
    assert.equal((await admin.voucherBatches.transition(draft.id, 'close')).status, 'closed');
  });

  it('refuses terms that break a rule (422, an error per field) and anyone but center staff', async () => {
    await assert.rejects(
      admin.voucherBatches.create({ ...batchInput(), settleBy: DEMO_BATCH_INPUT.claimOpensAt }),
      (error: unknown) => {
        assert.ok(error instanceof SmecApiError);
        assert.deepEqual([error.status, error.code], [422, 'rules_not_met']);
        return true;
      },
    );
    await assert.rejects(enterprise.voucherBatches.create(batchInput()), SmecForbiddenError);
  });
});

describe('client.vouchers.revoke', () => {
  it('revokes an unused voucher with the reason on its history, once', async () => {
    const revoked = await admin.vouchers.revoke(DEMO_BATCH_EXAMPLES.revocable, '同一法人重复领取');
    assert.equal(revoked.status, 'revoked');
    assert.match(revoked.history.at(-1)?.note ?? '', /同一法人重复领取/);
    await assert.rejects(admin.vouchers.revoke(DEMO_BATCH_EXAMPLES.revocable, '再一次'), SmecConflictError);
  });
});

describe('client.policies writes', () => {
  it('publishes, finds, changes with its revision and withdraws a policy', async () => {
    const policy = await admin.policies.create({ ...policyInput(), title: '广东省鲲鹏企业服务办法' });
    const found = await anonymous.policies.list({ q: '鲲' });
    assert.deepEqual(
      found.items.map((item) => item.id),
      [policy.id],
    );
    await assert.rejects(admin.policies.create(policyInput()), SmecConflictError);
    const changed = await admin.policies.update(await anonymous.policies.get(policy.id), { summary: '新的摘要内容' });
    assert.deepEqual([changed.summary, changed.revision], ['新的摘要内容', 1]);
    await admin.policies.withdraw(policy.id, '已被新文件替代');
    await assert.rejects(anonymous.policies.get(policy.id), SmecNotFoundError);
  });
});
