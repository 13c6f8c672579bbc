// client.demands and client.demo against the real reference server (and, for the dropped connection, a proxy in
// front of it that loses the first answer: test-support/dropping-proxy.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createClient,
  SmecConflictError,
  SmecForbiddenError,
  SmecNotFoundError,
  SmecRateLimitError,
  SmecUnauthorizedError,
  SmecValidationError,
  type DemandInput,
  type SmecClient,
} from '@smec/sdk';
import { startDroppingProxy, type DroppingProxy } from '../../../test-support/dropping-proxy.js';
import { startTestServer } from '../../../test-support/server.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

function demandInput(overrides: Partial<DemandInput> = {}): DemandInput {
  return {
    enterprise: { uscc: '91440604MA51K8QX3Q', name: '佛山市禅城区示例科技有限公司' },
    contact: { name: '陈女士', phone: '13812345678' },
    regionCode: '440604',
    categoryId: 'legal',
    title: '审核外贸合同条款的需求',
    description: '我们与东南亚客户签订年度供货合同，希望律师审核付款和违约条款并给出修改建议。',
    budget: 300_000,
    consent: true,
    ...overrides,
  };
}

/** Starts the test server with some environment set for the duration of its start only. */
async function startWithEnv(env: Record<string, string>): Promise<TestServer> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await startTestServer();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

let server: TestServer;
let client: SmecClient;
let admin: SmecClient;

/** Every demand in the province, counted by the provincial administrator. */
async function countDemands(): Promise<number> {
  return (await admin.demands.list({ limit: 1 })).total;
}

before(async () => {
  server = await startWithEnv({ SMEC_DEMAND_RATE_LIMIT: '10000/600' });
  client = createClient({ baseUrl: server.apiUrl });
  const { token } = await client.demo.token('usr-admin-440000');
  admin = createClient({ baseUrl: server.apiUrl, getToken: () => token });
});
after(() => server?.close());

describe('client.demands.create', () => {
  it('submits a demand and gets its tracking number; the lookup then shows it with the phone masked', async () => {
    const demand = await client.demands.create(demandInput());
    assert.match(demand.trackingNo, /^XQ\d{8}[0-9A-Z]{6}$/);
    assert.equal(demand.contact.phone, '13812345678');
    const view = await client.demands.lookup({ trackingNo: demand.trackingNo, phone: '13812345678' });
    assert.equal(view.status, 'submitted');
    assert.equal(view.contactPhone, '138****5678');
  });

  it('invalid input is a SmecValidationError whose errors name the field, the message key and its text', async () => {
    const english = createClient({ baseUrl: server.apiUrl, locale: 'en' });
    const error = await english.demands
      .create(demandInput({ enterprise: { uscc: '91440604MA51K8QX3R', name: '佛山市示例' } }))
      .catch((e: unknown) => e);
    assert.ok(error instanceof SmecValidationError, String(error));
    assert.deepEqual(error.errors, [
      {
        path: 'body.enterprise.uscc',
        message: 'The unified social credit code is not valid: its check character does not match',
        code: 'uscc.checksum',
      },
    ]);
  });

  it('the same idempotencyKey twice gives the same demand, once', async () => {
    const before = await countDemands();
    const first = await client.demands.create(demandInput(), { idempotencyKey: 'sdk-key-1' });
    const second = await client.demands.create(demandInput(), { idempotencyKey: 'sdk-key-1' });
    assert.equal(second.id, first.id);
    assert.equal(await countDemands(), before + 1);
  });

  it('two quick submits of one logical call (a double click with one key) create one demand', async () => {
    const before = await countDemands();
    const [a, b] = await Promise.all([
      client.demands.create(demandInput(), { idempotencyKey: 'double-click' }),
      client.demands.create(demandInput(), { idempotencyKey: 'double-click' }),
    ]);
    assert.equal(a.trackingNo, b.trackingNo);
    assert.equal(await countDemands(), before + 1);
  });

  it('a key reused for another body is a 422 (SmecUnprocessableError)', async () => {
    await client.demands.create(demandInput(), { idempotencyKey: 'sdk-key-2' });
    await assert.rejects(
      client.demands.create(demandInput({ title: '换了内容的另一个需求' }), { idempotencyKey: 'sdk-key-2' }),
      (error: unknown) => (error as { status?: number }).status === 422,
    );
  });
});

describe('a retry after a dropped connection', () => {
  let proxy: DroppingProxy;

  before(async () => {
    // Loses the answer of the first POST: the demand is stored and the client only sees its connection die.
    proxy = await startDroppingProxy(server, (request) => request.method === 'POST');
  });
  after(() => proxy.close());

  it('creates exactly one demand: the SDK retries with the same Idempotency-Key and gets the stored answer', async () => {
    const before = await countDemands();
    const viaProxy = createClient({ baseUrl: proxy.apiUrl, retry: { limit: 2, backoffLimit: 200 } });
    const demand = await viaProxy.demands.create(demandInput({ title: '断网重试的那一个需求' }));
    const posts = proxy.seen.filter((request) => request.method === 'POST');
    assert.equal(posts.length, 2, 'the first attempt was lost, the retry answered');
    assert.equal(posts[0]?.dropped, true);
    assert.ok(posts[0]?.idempotencyKey, 'the SDK sent an Idempotency-Key');
    assert.equal(posts[1]?.idempotencyKey, posts[0]?.idempotencyKey, 'the retry repeated the key');
    assert.equal(posts[1]?.replayed, true, 'the retry was answered from the stored answer');
    assert.equal(await countDemands(), before + 1);
    const stored = await admin.demands.get(demand.id);
    assert.equal(stored.trackingNo, demand.trackingNo);
  });
});

describe('rate limit', () => {
  let limited: TestServer;
  before(async () => {
    limited = await startWithEnv({ SMEC_DEMAND_RATE_LIMIT: '2/600' });
  });
  after(() => limited?.close());

  it('the 3rd submit is a SmecRateLimitError with retryAfter, thrown at once (no retry of a long wait)', async () => {
    const limitedClient = createClient({ baseUrl: limited.apiUrl });
    await limitedClient.demands.create(demandInput());
    await limitedClient.demands.create(demandInput());
    const started = performance.now();
    const error = await limitedClient.demands.create(demandInput()).catch((e: unknown) => e);
    assert.ok(error instanceof SmecRateLimitError, String(error));
    assert.equal(error.code, 'rate_limited');
    assert.ok(
      error.retryAfter !== undefined && error.retryAfter > 500 && error.retryAfter <= 600,
      String(error.retryAfter),
    );
    assert.ok(performance.now() - started < 2000, 'not retried');
  });
});

describe('administrators through the SDK', () => {
  it('demo users and tokens; list, get and transition with the token', async () => {
    const { items } = await client.demo.users({ role: 'admin' });
    const foshanAdmin = items.find((user) => user.regionCode === '440600');
    assert.ok(foshanAdmin);
    const { token } = await client.demo.token(foshanAdmin.id);
    const foshan = createClient({ baseUrl: server.apiUrl, getToken: () => token });

    const created = await client.demands.create(demandInput());
    const page = await foshan.demands.list({ status: 'submitted', limit: 50 });
    assert.ok(page.items.every((demand) => demand.regionCode.startsWith('4406') && demand.status === 'submitted'));
    assert.ok(page.items.some((demand) => demand.id === created.id));
    assert.equal(page.items.find((demand) => demand.id === created.id)?.contact.phone, '138****5678');

    let all = 0;
    for await (const demand of foshan.demands.list({ limit: 25 })) {
      assert.ok(demand.regionCode.startsWith('4406'));
      all++;
    }
    assert.equal(all, (await foshan.demands.list({ limit: 1 })).total);

    const accepted = await foshan.demands.transition(created.id, { action: 'accept', note: '已受理' });
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.timeline.length, 2);
    await assert.rejects(foshan.demands.transition(created.id, { action: 'startService' }), SmecConflictError);
    assert.equal((await foshan.demands.get(created.id)).contact.phone, '13812345678');
  });

  it('anonymous is SmecUnauthorizedError, an enterprise SmecForbiddenError, another city SmecNotFoundError', async () => {
    await assert.rejects(client.demands.list(), SmecUnauthorizedError);
    const { token: enterpriseToken } = await client.demo.token('usr-ent-01');
    const enterprise = createClient({ baseUrl: server.apiUrl, getToken: () => enterpriseToken });
    await assert.rejects(enterprise.demands.list(), SmecForbiddenError);
    const { token: guangzhouToken } = await client.demo.token('usr-admin-440100');
    const guangzhou = createClient({ baseUrl: server.apiUrl, getToken: () => guangzhouToken });
    const created = await client.demands.create(demandInput());
    await assert.rejects(guangzhou.demands.get(created.id), SmecNotFoundError);
  });

  it('a wrong lookup pair is SmecNotFoundError', async () => {
    await assert.rejects(
      client.demands.lookup({ trackingNo: 'XQ20261101DEMO01', phone: '13900000000' }),
      SmecNotFoundError,
    );
  });
});

describe('a center routing demands through the SDK', () => {
  const signedIn = async (userId: string) => {
    const { token } = await client.demo.token(userId);
    return createClient({ baseUrl: server.apiUrl, getToken: () => token });
  };

  it('proposes, transfers and reads the deadlines; the provider lists its proposals', async () => {
    const foshan = await signedIn('usr-admin-440600');
    const created = await client.demands.create(demandInput({ regionCode: '440604' }));
    assert.ok(created.acceptBy > created.submittedAt && created.firstMatchBy > created.acceptBy);
    await foshan.demands.transition(created.id, { action: 'accept' });
    const providers = await client.providers.list({ limit: 7 });
    // The demo provider (usr-prv-01's) first, so that its list shows the proposal.
    const ids = ['prv-00001', ...providers.items.map((provider) => provider.id).filter((id) => id !== 'prv-00001')];
    const matched = await foshan.demands.propose(created.id, {
      proposals: ids.slice(0, 5).map((providerId) => ({ providerId })),
      note: '已推荐',
    });
    assert.equal(matched.status, 'matched');
    assert.equal(matched.matches.length, 5);
    await assert.rejects(
      foshan.demands.propose(created.id, { proposals: [{ providerId: ids[5] ?? 'prv-00006' }] }),
      SmecConflictError,
    );
    await assert.rejects(
      foshan.demands.transfer(created.id, { toRegion: '440100', reason: '转交测试' }),
      SmecValidationError,
    );
    const moved = await foshan.demands.transfer(created.id, { toRegion: '440000', reason: '需省级统筹' });
    assert.equal(moved.regionCode, '440000');
    await assert.rejects(foshan.demands.get(created.id), SmecNotFoundError);

    const shantou = await signedIn('usr-admin-440500');
    const current = await shantou.demands.deadlines('440507');
    assert.equal(current.setIn, null);
    const set = await shantou.demands.setDeadlines('440500', { acceptDays: 4, firstMatchDays: 9 });
    assert.equal(set.setIn, '440500');
    const county = await shantou.demands.deadlines('440507');
    assert.deepEqual([county.acceptDays, county.firstMatchDays, county.setIn], [4, 9, '440500']);
    await assert.rejects(
      shantou.demands.setDeadlines('440500', { acceptDays: 3, firstMatchDays: 7 }, { revision: 0 }),
      (error: unknown) => (error as { status?: number }).status === 412,
    );
    await shantou.demands.setDeadlines('440500', { acceptDays: 3, firstMatchDays: 7 }, { revision: set.revision });

    const provider = await signedIn('usr-prv-01');
    const page = await provider.me.demandProposals({ limit: 50 });
    assert.ok(page.items.some((item) => item.demandId === created.id));
    assert.ok(page.total >= page.items.length);
    await assert.rejects(foshan.me.demandProposals(), SmecForbiddenError);
  });
});
