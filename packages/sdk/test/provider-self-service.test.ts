// client.me.products, client.me.provider, client.providers.transition and listAccounts against the real reference server: the
// SDK sends the version read as If-Match, and the platform's refusals arrive as the SDK's errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createClient,
  SmecApiError,
  SmecConflictError,
  SmecNotFoundError,
  SmecUnprocessableError,
  type SmecClient,
} from '@smec/sdk';
import { DEMO_DRAFTS } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let provider: SmecClient;
let otherProvider: SmecClient;
let center: SmecClient;

async function signedIn(userId: string): Promise<SmecClient> {
  const { token } = await createClient({ baseUrl: server.apiUrl }).demo.token(userId);
  return createClient({ baseUrl: server.apiUrl, getToken: () => token, locale: 'en' });
}

before(async () => {
  server = await startTestServer();
  provider = await signedIn('usr-prv-01');
  otherProvider = await signedIn('usr-prv-02');
  center = await signedIn('usr-admin-441600');
});
after(() => server?.close());

describe('client.me.products', () => {
  it('creates a draft, changes it with the version read, publishes and withdraws it', async () => {
    const draft = await provider.me.products.create({
      name: '软件著作权登记代办',
      categoryId: 'intellectual-property',
    });
    assert.equal(draft.status, 'draft');
    const listed = await provider.me.products.list({ status: 'draft' });
    assert.ok(listed.items.some((item) => item.id === draft.id));

    const changed = await provider.me.products.update(draft, {
      summary: '代办软件著作权登记，从材料准备到领取证书。',
      function: '整理源代码和说明书，填写申请表并提交，跟进补正直至登记完成。',
      process: [
        { title: '材料准备', description: '整理源代码和操作说明书。' },
        { title: '提交与跟进', description: '提交申请并跟进补正。' },
      ],
      standard: '取得计算机软件著作权登记证书。',
      fee: { listPrice: 150_000, isFree: false, note: '含官费以外的全部代办服务。' },
      timeLimitDays: 30,
      regionCodes: ['441600'],
    });
    assert.equal(changed.revision, draft.revision + 1);
    assert.deepEqual(changed.missing, []);

    const stale = await provider.me.products.update(draft, { summary: '旧版本上的修改' }).catch((e: unknown) => e);
    assert.ok(stale instanceof SmecApiError);
    assert.equal(stale.status, 412);
    assert.equal(stale.problem?.code, 'precondition_failed');

    const published = await provider.me.products.publish(draft.id);
    assert.equal(published.status, 'published');
    const found = await provider.products.list({ q: '软件著作权登记代办' });
    assert.ok(found.items.some((item) => item.id === draft.id));
    const withdrawn = await provider.me.products.withdraw(draft.id);
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal((await provider.me.products.get(draft.id)).status, 'withdrawn');
  });

  it('a refused publication is a SmecUnprocessableError naming each missing field', async () => {
    const error = await provider.me.products.publish(DEMO_DRAFTS.incomplete).catch((e: unknown) => e);
    assert.ok(error instanceof SmecUnprocessableError);
    assert.ok(error.problem?.errors?.some((entry) => entry.path === 'body.function'));
  });

  it("another provider's product is a SmecNotFoundError", async () => {
    await assert.rejects(otherProvider.me.products.get(DEMO_DRAFTS.incomplete), SmecNotFoundError);
  });
});

describe('client.me.provider and client.providers.transition', () => {
  it('changes the account with the version read; a new name waits for the center, which approves it', async () => {
    const account = await provider.me.provider.get();
    const changed = await provider.me.provider.update(account, {
      website: 'https://www.zhuosi.example.cn',
      name: '河源市卓思认证技术服务有限公司',
    });
    assert.equal(changed.profile.website, 'https://www.zhuosi.example.cn');
    assert.equal(changed.pendingChange?.fields.name, '河源市卓思认证技术服务有限公司');
    const stale = await provider.me.provider.update(account, { phone: '0762-1111111' }).catch((e: unknown) => e);
    assert.ok(stale instanceof SmecApiError);
    assert.equal(stale.status, 412);

    const approved = await center.providers.transition(account.profile.id, { action: 'approveChange' });
    assert.equal(approved.profile.name, '河源市卓思认证技术服务有限公司');
    assert.equal(approved.pendingChange, null);
  });

  it('a center suspends and reinstates; a move the state does not allow is a SmecConflictError', async () => {
    const suspended = await center.providers.transition('prv-00001', {
      action: 'suspend',
      reason: '限期整改服务质量问题',
    });
    assert.equal(suspended.profile.admission, 'suspended');
    await assert.rejects(
      center.providers.transition('prv-00001', { action: 'suspend', reason: '再次暂停不允许' }),
      SmecConflictError,
    );
    const account = await provider.me.provider.get();
    assert.equal(account.timeline.at(-1)?.action, 'suspend');
    const reinstated = await center.providers.transition('prv-00001', {
      action: 'reinstate',
      reason: '整改完成恢复服务',
    });
    assert.equal(reinstated.profile.admission, 'admitted');
  });
});

describe('client.providers.listAccounts', () => {
  it('lists the center’s providers with their timelines, page after page; a provider is refused', async () => {
    const suspended = await center.providers.listAccounts({ admission: 'suspended', limit: 2 });
    assert.ok(suspended.items.length > 0);
    assert.ok(suspended.items.every((each) => each.profile.admission === 'suspended'));
    assert.ok(suspended.items.every((each) => each.profile.regionCode.startsWith('4416')));
    const seen: string[] = [];
    for await (const account of center.providers.listAccounts({ limit: 5 })) seen.push(account.profile.id);
    assert.equal(seen.length, (await center.providers.listAccounts({ limit: 1 })).total);
    assert.ok(seen.includes('prv-00001'));
    await assert.rejects(provider.providers.listAccounts(), (error: unknown) => {
      assert.ok(error instanceof SmecApiError);
      assert.equal(error.status, 403);
      return true;
    });
  });
});
