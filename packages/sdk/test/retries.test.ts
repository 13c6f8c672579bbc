// Every write of the SDK, its first answer lost: a proxy in front of the real reference server lets the write go
// through and then drops the connection (test-support/dropping-proxy.ts). The SDK retries with the same
// Idempotency-Key and must get the first answer back, as a fresh read shows it, with the write done once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, type SmecClient } from '@smec/sdk';
import { startDroppingProxy, type ProxiedRequest, type SeenRequest } from '../../../test-support/dropping-proxy.js';
import { startTestServer } from '../../../test-support/server.js';
import { GOOD_RATING } from './helpers/good-rating.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let anonymous: SmecClient;
const tokens = new Map<string, string>();

before(async () => {
  server = await startTestServer();
  anonymous = createClient({ baseUrl: server.apiUrl });
  const users = ['usr-ent-01', 'usr-ent-02', 'usr-ent-04', 'usr-ent-05', 'usr-prv-01', 'usr-admin-440600'];
  for (const userId of users) tokens.set(userId, (await anonymous.demo.token(userId)).token);
});
after(() => server?.close());

/** The user's client, straight to the server: for setting up and for the fresh reads. */
function direct(userId: string): SmecClient {
  const token = tokens.get(userId);
  return createClient({ baseUrl: server.apiUrl, getToken: () => token });
}

/** A request of `method` to a path ending in `suffix`. */
const isWrite = (method: string, suffix: string) => (request: ProxiedRequest) =>
  request.method === method && new URL(request.path, 'http://proxy').pathname.endsWith(suffix);

/**
 * Runs `write` with the user's client through a proxy that loses the answer of the first request `drop` matches,
 * checks that the SDK retried it once with the same key and got the stored answer, and returns the call's result.
 */
async function withLostAnswer<T>(
  userId: string,
  drop: (request: ProxiedRequest) => boolean,
  write: (client: SmecClient) => Promise<T>,
): Promise<T> {
  const proxy = await startDroppingProxy(server, drop);
  try {
    const token = tokens.get(userId);
    const client = createClient({ baseUrl: proxy.apiUrl, getToken: () => token, retry: { backoffLimit: 50 } });
    const result = await write(client);
    const [first, retry, ...more] = proxy.matched as [SeenRequest?, SeenRequest?, ...SeenRequest[]];
    assert.ok(first && retry, `the write was sent, lost and retried: ${JSON.stringify(proxy.matched)}`);
    assert.deepEqual(more, [], 'one retry was enough');
    assert.equal(first.dropped, true);
    assert.ok(first.status >= 200 && first.status < 300, `the first attempt went through: ${first.status}`);
    assert.ok(first.idempotencyKey, 'the SDK sent an Idempotency-Key');
    assert.equal(retry.idempotencyKey, first.idempotencyKey, 'the retry repeated the key');
    assert.equal(retry.status, first.status, 'the retry got the status of the first attempt');
    assert.equal(retry.replayed, true, 'the retry was answered from the stored answer, not done again');
    return result;
  } finally {
    await proxy.close();
  }
}

describe('a write whose answer is lost is retried and answered as it was the first time, done once', () => {
  it('handing a voucher back', async () => {
    const enterprise = direct('usr-ent-04');
    const [voucher] = (await enterprise.vouchers.list({ status: 'issued', limit: 1 })).items;
    assert.ok(voucher);
    const returned = await withLostAnswer('usr-ent-04', isWrite('POST', '/return'), (client) =>
      client.vouchers.handBack(voucher.id),
    );
    assert.equal(returned.status, 'withdrawn');
    const fresh = await enterprise.vouchers.get(voucher.id);
    assert.deepEqual(returned, fresh);
    assert.equal(fresh.history.filter((entry) => entry.status === 'withdrawn').length, 1, 'handed back once');
  });

  it("the provider's answer to a follow-up", async () => {
    const provider = direct('usr-prv-01');
    const text = '已安排项目经理回访，并免费补充交付剩余材料。';
    const answered = await withLostAnswer('usr-prv-01', isWrite('POST', '/follow-up/answers'), (client) =>
      client.ratings.answer('rat-demo-0001', text),
    );
    assert.equal(answered.followUp?.status, 'answered');
    const fresh = await provider.ratings.forEngagement(answered.engagementId);
    assert.deepEqual(answered, fresh);
    assert.deepEqual(
      fresh.followUp?.answers.map((answer) => answer.text),
      [text],
      'one answer',
    );
  });

  it('reopening a follow-up', async () => {
    const enterprise = direct('usr-ent-01');
    const reopened = await withLostAnswer('usr-ent-01', isWrite('POST', '/follow-up/reopen'), (client) =>
      client.ratings.reopen('rat-demo-0002', '补充材料仍未收到。'),
    );
    assert.equal(reopened.followUp?.status, 'reopened');
    assert.equal(reopened.followUp?.canReopen, false);
    assert.deepEqual(reopened, await enterprise.ratings.forEngagement(reopened.engagementId));
  });

  it('closing a follow-up', async () => {
    const enterprise = direct('usr-ent-01');
    const closed = await withLostAnswer('usr-ent-01', isWrite('POST', '/follow-up/close'), (client) =>
      client.ratings.close('rat-demo-0003'),
    );
    assert.equal(closed.followUp?.status, 'closed');
    assert.deepEqual(closed, await enterprise.ratings.forEngagement(closed.engagementId));
  });

  it('cancelling a registration', async () => {
    const enterprise = direct('usr-ent-02');
    const seatsBefore = (await anonymous.events.get('evt-annual-policy')).seatsLeft;
    const registration = await enterprise.events.register('evt-annual-policy', { attendeeName: '李经理' });
    assert.equal(registration.status, 'confirmed');
    const cancelled = await withLostAnswer(
      'usr-ent-02',
      isWrite('DELETE', `/registrations/${registration.id}`),
      (client) => client.events.cancelRegistration('evt-annual-policy', registration.id),
    );
    assert.equal(cancelled.status, 'cancelled');
    const listed = (await enterprise.me.registrations({ status: 'cancelled' })).items.find(
      (item) => item.id === registration.id,
    );
    assert.ok(listed);
    const { event: _event, ...fresh } = listed;
    assert.deepEqual(cancelled, fresh);
    assert.equal((await anonymous.events.get('evt-annual-policy')).seatsLeft, seatsBefore, 'the seat freed once');
  });

  it('claiming a voucher', async () => {
    const enterprise = direct('usr-ent-04');
    const remaining = (await anonymous.vouchers.getBatch('vbt-open-440000-c')).remaining;
    const voucher = await withLostAnswer('usr-ent-04', isWrite('POST', '/claims'), (client) =>
      client.vouchers.claim('vbt-open-440000-c'),
    );
    assert.deepEqual(voucher, await enterprise.vouchers.get(voucher.id));
    assert.equal((await anonymous.vouchers.getBatch('vbt-open-440000-c')).remaining, remaining - 1, 'claimed once');
  });

  it('using a voucher', async () => {
    const enterprise = direct('usr-ent-05');
    const [voucher] = (await enterprise.vouchers.list({ status: 'issued', limit: 1 })).items;
    assert.ok(voucher);
    const engagement = await withLostAnswer('usr-ent-05', isWrite('POST', '/use'), (client) =>
      client.vouchers.use(voucher.id, { productId: 'prd-00003', contractAmount: 800_000 }),
    );
    assert.deepEqual(engagement, await enterprise.engagements.get(engagement.id));
    const ordered = (await enterprise.engagements.list({ limit: 100 })).items.filter(
      (item) => item.voucherId === voucher.id,
    );
    assert.deepEqual(
      ordered.map((item) => item.id),
      [engagement.id],
      'one engagement ordered with the voucher',
    );
  });

  it('rating an engagement', async () => {
    const enterprise = direct('usr-ent-01');
    const rating = await withLostAnswer('usr-ent-01', isWrite('POST', '/rating'), (client) =>
      client.ratings.rate('eng-demo-0003', GOOD_RATING),
    );
    assert.equal(rating.score, 90);
    assert.deepEqual(rating, await enterprise.ratings.forEngagement('eng-demo-0003'));
  });

  it('registering for an event', async () => {
    const enterprise = direct('usr-ent-01');
    const seatsBefore = (await anonymous.events.get('evt-annual-policy')).seatsLeft;
    const registration = await withLostAnswer('usr-ent-01', isWrite('POST', '/registrations'), (client) =>
      client.events.register('evt-annual-policy', { attendeeName: '陈经理' }),
    );
    assert.equal(registration.status, 'confirmed');
    const listed = (await enterprise.me.registrations()).items.filter((item) => item.event.id === 'evt-annual-policy');
    assert.deepEqual(
      listed.map((item) => item.id),
      [registration.id],
      'registered once',
    );
    const { event: _event, ...fresh } = listed[0] ?? { event: undefined };
    assert.deepEqual(registration, fresh);
    assert.equal((await anonymous.events.get('evt-annual-policy')).seatsLeft, seatsBefore - 1, 'one seat taken');
  });

  it("moving a demand on (an administrator's transition)", async () => {
    const admin = direct('usr-admin-440600');
    const demand = await anonymous.demands.create({
      enterprise: { uscc: '91440604MA51K8QX3Q', name: '佛山市禅城区示例科技有限公司' },
      contact: { name: '陈女士', phone: '13812345678' },
      regionCode: '440604',
      categoryId: 'legal',
      title: '断网重试时受理的需求',
      description: '我们与东南亚客户签订年度供货合同，希望律师审核付款和违约条款并给出修改建议。',
      budget: 300_000,
      consent: true,
    });
    const accepted = await withLostAnswer('usr-admin-440600', isWrite('POST', '/transitions'), (client) =>
      client.demands.transition(demand.id, { action: 'accept', note: '已受理' }),
    );
    assert.equal(accepted.status, 'accepted');
    const fresh = await admin.demands.get(demand.id);
    assert.deepEqual(accepted, fresh);
    assert.deepEqual(
      fresh.timeline.map((entry) => entry.status),
      ['submitted', 'accepted'],
      'accepted once',
    );
  });

  it("moving an engagement on (the provider's confirmation)", async () => {
    const provider = direct('usr-prv-01');
    const confirmed = await withLostAnswer('usr-prv-01', isWrite('POST', '/transitions'), (client) =>
      client.engagements.confirm('eng-demo-0002', { note: '已确认，下周一上门服务' }),
    );
    assert.equal(confirmed.status, 'confirmed');
    const fresh = await provider.engagements.get('eng-demo-0002');
    assert.deepEqual(confirmed, fresh);
    assert.equal(fresh.timeline.filter((entry) => entry.status === 'confirmed').length, 1, 'confirmed once');
  });
});
