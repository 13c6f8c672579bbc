// client.ratings against the real reference server and its seeded ratings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, SmecConflictError, SmecNotFoundError, SmecValidationError, type SmecClient } from '@smec/sdk';
import { startTestServer } from '../../../test-support/server.js';
import { GOOD_RATING } from './helpers/good-rating.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let anonymous: SmecClient;
let enterprise: SmecClient;
let stranger: SmecClient;
let provider: SmecClient;

before(async () => {
  server = await startTestServer();
  anonymous = createClient({ baseUrl: server.apiUrl });
  const tokens = await Promise.all(['usr-ent-01', 'usr-ent-02', 'usr-prv-01'].map((id) => anonymous.demo.token(id)));
  [enterprise, stranger, provider] = tokens.map(({ token }) =>
    createClient({ baseUrl: server.apiUrl, getToken: () => token }),
  ) as [SmecClient, SmecClient, SmecClient];
});
after(() => server?.close());

describe('client.ratings', () => {
  it('rates a delivered engagement once, and the catalog shows the new figures at once', async () => {
    await assert.rejects(stranger.ratings.rate('eng-demo-0003', GOOD_RATING), SmecNotFoundError);
    await assert.rejects(
      enterprise.ratings.rate('eng-demo-0003', { ...GOOD_RATING, comment: '好'.repeat(201) }),
      SmecValidationError,
    );
    const rating = await enterprise.ratings.rate('eng-demo-0003', GOOD_RATING);
    assert.equal(rating.score, 90);
    assert.equal(rating.grade, 'A');
    await assert.rejects(enterprise.ratings.rate('eng-demo-0003', GOOD_RATING), (error: unknown) => {
      assert.ok(error instanceof SmecConflictError);
      assert.equal(error.code, 'already_rated');
      return true;
    });
    assert.deepEqual(await enterprise.ratings.forEngagement('eng-demo-0003'), rating);

    const product = await anonymous.products.get(rating.productId);
    const page = await anonymous.ratings.forProduct(rating.productId, { limit: 1 });
    assert.equal(page.items[0]?.id, rating.id, 'newest first');
    assert.equal(product.rating.count, page.summary.count);
    assert.equal(product.rating.averageScore, page.summary.averageScore);
  });

  it("pages a provider's public ratings with their summary", async () => {
    const first = await anonymous.ratings.forProvider('prv-00001', { limit: 2 });
    assert.ok(first.summary.count >= 3);
    assert.equal(
      Object.values(first.summary.levels).reduce((sum, n) => sum + n, 0),
      first.summary.count,
    );
    const ids: string[] = [];
    for await (const rating of anonymous.ratings.forProvider('prv-00001', { limit: 2 })) {
      assert.match(rating.enterpriseLabel, /某/);
      ids.push(rating.id);
    }
    assert.equal(ids.length, first.summary.count);
    assert.equal(new Set(ids).size, ids.length);
    await assert.rejects(anonymous.ratings.forProvider('prv-99999'), SmecNotFoundError);
  });

  it('follows a bad rating up: answer, reopen once, close', async () => {
    const open = await provider.ratings.list({ followUp: 'open' });
    assert.ok(open.items.some((rating) => rating.id === 'rat-demo-0001'));
    const answered = await provider.ratings.answer('rat-demo-0001', '已安排项目经理回访，并免费补充交付剩余材料。');
    assert.equal(answered.followUp?.status, 'answered');
    await assert.rejects(stranger.ratings.reopen('rat-demo-0002', '不是我的'), SmecNotFoundError);

    const reopened = await enterprise.ratings.reopen('rat-demo-0002', '补充材料仍未收到。');
    assert.equal(reopened.followUp?.status, 'reopened');
    assert.equal(reopened.followUp?.canReopen, false);
    assert.equal((await provider.ratings.answer('rat-demo-0002', '材料已寄出。')).followUp?.status, 'answered');
    await assert.rejects(enterprise.ratings.reopen('rat-demo-0002', '还是没收到。'), SmecConflictError);

    const closed = await enterprise.ratings.close('rat-demo-0003');
    assert.equal(closed.followUp?.status, 'closed');
    const mine = await enterprise.ratings.list({ followUp: 'closed' });
    assert.ok(mine.items.some((rating) => rating.id === 'rat-demo-0003'));
  });
});
