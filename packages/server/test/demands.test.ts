import { testClock, testNow } from '../../../test-support/server.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Demand, DemandPage, DemandStatusView, type Problem, messageText } from '@smec/schemas';
import { SignJWT, generateKeyPair } from 'jose';
import { USCC_CASES } from '../../../test-support/uscc-cases.js';
import { loadDemoSigningKey } from '../src/auth/keys.js';
import { DEFAULT_AUDIENCE, DEMO_ISSUER } from '../src/app.js';
import { DEMO_DEMAND } from '../src/seed/demands.js';
import { openTestApp, validDemand, type TestApp } from './demand-helpers.js';
import { assertProblem } from './helpers.js';

const HIGH = { max: 100_000, windowMs: 60_000 };

function post(t: TestApp, payload: unknown, headers: Record<string, string> = {}) {
  return t.inject<unknown>({ method: 'POST', url: '/api/v1/demands', payload: payload as object, headers });
}

describe('POST /demands', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ rateLimits: { demandSubmit: HIGH, demandLookup: HIGH } });
  });
  after(() => t.close());

  test('answers 201 with the demand, its tracking number and the phone in full; the admin sees it', async () => {
    const before = await t.countDemands();
    const response = await post(t, validDemand());
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const demand = Demand.parse(response.body);
    assert.match(demand.trackingNo, /^XQ\d{8}[2-9A-HJ-NP-Z]{6}$/);
    assert.equal(demand.contact.phone, '13812345678');
    assert.equal(demand.status, 'submitted');
    assert.deepEqual(
      demand.timeline.map((entry) => [entry.status, entry.actor]),
      [['submitted', 'submitter']],
    );
    assert.equal(response.headers.get('location'), `/api/v1/demands/${demand.id}`);
    assert.equal(await t.countDemands(), before + 1);
  });

  for (const uscc of USCC_CASES) {
    test(`USCC ${JSON.stringify(uscc.code)} (${uscc.why}) → ${uscc.valid ? 201 : `400 ${uscc.message}`}`, async () => {
      const response = await post(t, validDemand({ enterprise: { uscc: uscc.code, name: '佛山市示例五金有限公司' } }));
      if (uscc.valid) {
        assert.equal(response.status, 201, JSON.stringify(response.body));
        return;
      }
      const problem = assertProblem(response, 400, 'validation_failed');
      const error = problem.errors?.find((item) => item.path === 'body.enterprise.uscc');
      assert.ok(error, JSON.stringify(problem.errors));
      assert.equal(error.code, uscc.message);
      assert.equal(error.message, messageText(uscc.message ?? 'invalid', 'zh-CN'));
    });
  }

  test('messages follow Accept-Language: en, zh-HK, and zh-CN by default', async () => {
    const bad = validDemand({ contact: { name: '陈女士', phone: '12345' } });
    for (const [header, locale] of [
      ['en-GB,en;q=0.9', 'en'],
      ['zh-HK', 'zh-HK'],
      ['fr', 'zh-CN'],
    ] as const) {
      const problem = assertProblem(await post(t, bad, { 'accept-language': header }), 400, 'validation_failed');
      assert.deepEqual(problem.errors, [
        { path: 'body.contact.phone', message: messageText('contact.phone', locale), code: 'contact.phone' },
      ]);
    }
  });

  test('a region that does not exist and a product that is not listed are 400s naming the field', async () => {
    const region = assertProblem(await post(t, validDemand({ regionCode: '440699' })), 400, 'validation_failed');
    assert.equal(region.errors?.[0]?.path, 'body.regionCode');
    assert.equal(region.errors?.[0]?.code, 'region.unknown');
    const product = assertProblem(await post(t, validDemand({ productId: 'prd-99999999' })), 400, 'validation_failed');
    assert.equal(product.errors?.[0]?.path, 'body.productId');
  });

  test('an expected date in the past, a missing consent and a bad budget are refused', async () => {
    const problem = assertProblem(
      await post(t, { ...validDemand(), expectedBy: '2020-01-01', consent: false, budget: 0 }),
      400,
      'validation_failed',
    );
    const codes = Object.fromEntries((problem.errors ?? []).map((error) => [error.path, error.code]));
    assert.equal(codes['body.expectedBy'], 'expectedBy.past');
    assert.equal(codes['body.consent'], 'consent');
    assert.equal(codes['body.budget'], 'budget');
  });
});

describe('Idempotency-Key on POST /demands', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ rateLimits: { demandSubmit: HIGH, demandLookup: HIGH } });
  });
  after(() => t.close());

  test('two concurrent submits with one key create one demand; both get the same answer', async () => {
    const before = await t.countDemands();
    const headers = { 'idempotency-key': 'concurrent-1' };
    const [first, second] = await Promise.all([post(t, validDemand(), headers), post(t, validDemand(), headers)]);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(first.body, second.body);
    assert.deepEqual(
      [first.headers.get('idempotent-replayed'), second.headers.get('idempotent-replayed')].sort(),
      [null, 'true'].sort(),
    );
    assert.equal(await t.countDemands(), before + 1);
  });

  test('ten concurrent submits with one key still create one demand', async () => {
    const before = await t.countDemands();
    const headers = { 'idempotency-key': 'concurrent-10' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(t, validDemand(), headers)));
    assert.ok(responses.every((response) => response.status === 201));
    assert.equal(new Set(responses.map((response) => (response.body as Demand).id)).size, 1);
    assert.equal(await t.countDemands(), before + 1);
  });

  test('the same body in another key order is the same request', async () => {
    const before = await t.countDemands();
    const body = validDemand();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await post(t, body, { 'idempotency-key': 'order-1' });
    const second = await post(t, reordered, { 'idempotency-key': 'order-1' });
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(first.body, second.body);
    assert.equal(await t.countDemands(), before + 1);
  });

  test('the same key with another body is 422 idempotency_key_reused', async () => {
    await post(t, validDemand(), { 'idempotency-key': 'reuse-1' });
    const before = await t.countDemands();
    const response = await post(t, validDemand({ title: '另一个完全不同的需求标题' }), {
      'idempotency-key': 'reuse-1',
    });
    assertProblem(response, 422, 'idempotency_key_reused');
    assert.equal(await t.countDemands(), before);
  });

  test('a key whose first request is still pending is 409 request_in_progress with Retry-After', async () => {
    // What another instance sharing the database shows while its first request runs: a pending row.
    const { bodyHash } = await import('../src/http/idempotency.js');
    await t.database.db
      .insertInto('idempotency_keys')
      .values({
        scope: 'POST /demands',
        key: 'pending-1',
        body_hash: bodyHash(validDemand()),
        status: 'pending',
        response_status: null,
        response_body: null,
        created_ts: testNow(),
      })
      .execute();
    const before = await t.countDemands();
    const response = await post(t, validDemand(), { 'idempotency-key': 'pending-1' });
    assertProblem(response, 409, 'request_in_progress');
    assert.equal(response.headers.get('retry-after'), '1');
    assert.equal(await t.countDemands(), before);
  });

  test('an invalid body is not remembered: the corrected retry with the same key goes through', async () => {
    const bad = await post(t, validDemand({ title: '短' }), { 'idempotency-key': 'fix-1' });
    assertProblem(bad, 400, 'validation_failed');
    const good = await post(t, validDemand({ title: '改正后的需求标题内容' }), { 'idempotency-key': 'fix-1' });
    assert.equal(good.status, 201);
  });

  test('keys expire after 24 hours', async () => {
    const first = await post(t, validDemand(), { 'idempotency-key': 'old-1' });
    await t.database.db
      .updateTable('idempotency_keys')
      .set((eb) => ({ created_ts: eb('created_ts', '-', 90_000_000) }))
      .where('key', '=', 'old-1')
      .execute();
    const second = await post(t, validDemand(), { 'idempotency-key': 'old-1' });
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), null);
    assert.notEqual((first.body as Demand).id, (second.body as Demand).id);
  });

  test('a malformed key is a 400 naming the header', async () => {
    const problem = assertProblem(
      await post(t, validDemand(), { 'idempotency-key': 'x'.repeat(300) }),
      400,
      'validation_failed',
    );
    assert.equal(problem.errors?.[0]?.path, 'header.idempotency-key');
  });
});

describe('rate limits', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({
      rateLimits: { demandSubmit: { max: 3, windowMs: 60_000 }, demandLookup: { max: 2, windowMs: 60_000 } },
    });
  });
  after(() => t.close());

  test('the 4th submit from one address in the window is 429 with Retry-After and RateLimit headers', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await post(t, validDemand(), { 'idempotency-key': `rl-${i}` });
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('ratelimit-policy'), '"demand-submit";q=3;w=60');
    }
    const before = await t.countDemands();
    const refused = await post(t, validDemand({ title: '第四个需求的标题' }), { 'idempotency-key': 'rl-3' });
    assertProblem(refused, 429, 'rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.match(refused.headers.get('ratelimit') ?? '', /^"demand-submit";r=0;t=\d+$/);
    assert.equal(refused.headers.get('ratelimit-policy'), '"demand-submit";q=3;w=60');
    assert.equal(await t.countDemands(), before);
  });

  test('a replay of an earlier submit is still answered when the limit is reached', async () => {
    const replay = await post(t, validDemand(), { 'idempotency-key': 'rl-0' });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  });

  test('another address has its own allowance', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/demands',
      payload: validDemand(),
      remoteAddress: '10.0.0.9',
    });
    assert.equal(response.status, 201);
  });

  test('lookups are limited too', async () => {
    const url = `/api/v1/demands/lookup?trackingNo=${DEMO_DEMAND.trackingNo}&phone=${DEMO_DEMAND.phone}`;
    assert.equal((await t.inject({ method: 'GET', url })).status, 200);
    assert.equal((await t.inject({ method: 'GET', url })).status, 200);
    assertProblem(await t.inject({ method: 'GET', url }), 429, 'rate_limited');
  });
});

describe('GET /demands/lookup', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ rateLimits: { demandSubmit: HIGH, demandLookup: HIGH } });
  });
  after(() => t.close());
  const lookup = (trackingNo: string, phone: string) =>
    t.inject({ method: 'GET', url: `/api/v1/demands/lookup?trackingNo=${trackingNo}&phone=${phone}` });

  test('the right pair shows the status and timeline with the phone masked', async () => {
    const response = await lookup(DEMO_DEMAND.trackingNo, DEMO_DEMAND.phone);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const view = DemandStatusView.parse(response.body);
    assert.equal(view.contactPhone, '138****8000');
    assert.equal(view.status, 'matched');
    assert.ok(view.timeline.length >= 3);
    assert.doesNotMatch(JSON.stringify(response.body), /13800138000/);
  });

  test('a new demand can be looked up with the phone given on submission', async () => {
    const created = (await post(t, validDemand())).body as Demand;
    const view = DemandStatusView.parse((await lookup(created.trackingNo, '13812345678')).body);
    assert.equal(view.trackingNo, created.trackingNo);
    assert.equal(view.contactPhone, '138****5678');
  });

  test('a wrong phone and a wrong tracking number give the same 404', async () => {
    const wrongPhone = await lookup(DEMO_DEMAND.trackingNo, '13900139000');
    const wrongNumber = await lookup('XQ20261101ZZZZZZ', DEMO_DEMAND.phone);
    const a = assertProblem(wrongPhone, 404, 'not_found');
    const b = assertProblem(wrongNumber, 404, 'not_found');
    const strip = (problem: Problem) => ({ ...problem, requestId: undefined, instance: undefined });
    assert.deepEqual(strip(a), strip(b));
    assert.deepEqual(
      [...wrongPhone.headers.keys()].filter((name) => !['date', 'x-request-id'].includes(name)).sort(),
      [...wrongNumber.headers.keys()].filter((name) => !['date', 'x-request-id'].includes(name)).sort(),
    );
  });

  test('a malformed tracking number or phone is a 400 naming the parameter', async () => {
    assert.equal(
      assertProblem(await lookup('XQ1', DEMO_DEMAND.phone), 400, 'validation_failed').errors?.[0]?.path,
      'query.trackingNo',
    );
    assert.equal(
      assertProblem(await lookup(DEMO_DEMAND.trackingNo, '123'), 400, 'validation_failed').errors?.[0]?.path,
      'query.phone',
    );
  });
});

describe('administrators', () => {
  let t: TestApp;
  let province: string;
  let foshan: string;
  let guangzhou: string;
  let enterprise: string;
  before(async () => {
    t = await openTestApp({ rateLimits: { demandSubmit: HIGH, demandLookup: HIGH } });
    province = await t.tokenFor('usr-admin-440000');
    foshan = await t.tokenFor('usr-admin-440600');
    guangzhou = await t.tokenFor('usr-admin-440100');
    enterprise = await t.tokenFor('usr-ent-01');
  });
  after(() => t.close());
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (url: string, token?: string) =>
    t.inject({ method: 'GET', url: `/api/v1${url}`, headers: token ? as(token) : {} });
  const move = (id: string, body: unknown, token: string) =>
    t.inject({ method: 'POST', url: `/api/v1/demands/${id}/transitions`, payload: body as object, headers: as(token) });

  test('a city administrator lists only the demands of the city, phones masked, page after page', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let total = 0;
    do {
      const response = await get(`/demands?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, foshan);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const page = DemandPage.parse(response.body);
      total = page.total;
      for (const demand of page.items) {
        assert.ok(demand.regionCode.startsWith('4406'), demand.regionCode);
        assert.match(demand.contact.phone, /^1\d\d\*{4}\d{4}$/);
        seen.add(demand.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(total > 0);
    assert.equal(seen.size, total);
    const all = DemandPage.parse((await get('/demands?limit=100', province)).body);
    assert.ok(all.total > total, 'the province sees more');
  });

  test('filters by status and by a county of their city; a region outside theirs is 403', async () => {
    const submitted = DemandPage.parse((await get('/demands?status=submitted&limit=100', foshan)).body);
    assert.ok(submitted.items.every((demand) => demand.status === 'submitted'));
    const county = DemandPage.parse((await get('/demands?region=440604&limit=100', foshan)).body);
    assert.ok(county.items.every((demand) => demand.regionCode === '440604'));
    assertProblem(await get('/demands?region=440100', foshan), 403, 'forbidden');
  });

  test('anonymous is 401, an enterprise is 403, a bad token is 401', async () => {
    const anonymous = await get('/demands');
    assertProblem(anonymous, 401, 'unauthorized');
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
    assertProblem(await get('/demands', enterprise), 403, 'forbidden');
    assertProblem(await get('/demands', 'not.a.token'), 401, 'unauthorized');
    assertProblem(
      await t.inject({ method: 'GET', url: '/api/v1/demands', headers: { authorization: 'Basic eDp5' } }),
      401,
      'unauthorized',
    );
  });

  test('a public endpoint ignores a stale token', async () => {
    const response = await get(
      `/demands/lookup?trackingNo=${DEMO_DEMAND.trackingNo}&phone=${DEMO_DEMAND.phone}`,
      'stale.token.here',
    );
    assert.equal(response.status, 200);
  });

  test('a demand moves through its states; each move lands in the timeline; other moves are 409', async () => {
    const created = (await post(t, validDemand())).body as Demand;
    const full = Demand.parse((await get(`/demands/${created.id}`, foshan)).body);
    assert.equal(full.contact.phone, '13812345678', 'the center sees the phone in full to call back');

    assertProblem(await move(created.id, { action: 'startService' }, foshan), 409, 'conflict');
    const accepted = Demand.parse((await move(created.id, { action: 'accept', note: '已受理' }, foshan)).body);
    assert.equal(accepted.status, 'accepted');
    assertProblem(await move(created.id, { action: 'accept' }, foshan), 409, 'conflict');

    const badMatch = await move(created.id, { action: 'match', matches: [{ providerId: 'prv-99999' }] }, foshan);
    assert.equal(assertProblem(badMatch, 400, 'validation_failed').errors?.[0]?.path, 'body.matches.0.providerId');
    const productRow = await t.database.db
      .selectFrom('products')
      .select(['id', 'provider_id'])
      .where('listed', '=', 1)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    const matched = Demand.parse(
      (
        await move(
          created.id,
          { action: 'match', matches: [{ providerId: productRow.provider_id, productId: productRow.id }] },
          foshan,
        )
      ).body,
    );
    assert.equal(matched.status, 'matched');
    assert.equal(matched.matches[0]?.productId, productRow.id);
    assert.ok(matched.matches[0]?.providerName);

    const inService = Demand.parse((await move(created.id, { action: 'startService' }, foshan)).body);
    const closed = Demand.parse((await move(created.id, { action: 'close', note: '服务完成' }, foshan)).body);
    assert.equal(inService.status, 'inService');
    assert.deepEqual(
      closed.timeline.map((entry) => [entry.status, entry.actor]),
      [
        ['submitted', 'submitter'],
        ['accepted', 'center'],
        ['matched', 'center'],
        ['inService', 'center'],
        ['closed', 'center'],
      ],
    );
    assertProblem(await move(created.id, { action: 'reject', reason: '不受理原因' }, foshan), 409, 'conflict');

    const view = DemandStatusView.parse(
      (await get(`/demands/lookup?trackingNo=${created.trackingNo}&phone=13812345678`)).body,
    );
    assert.equal(view.timeline.length, 5, 'the submitter sees every move');
  });

  test('a reject needs a reason, which the submitter sees', async () => {
    const created = (await post(t, validDemand())).body as Demand;
    const noReason = assertProblem(await move(created.id, { action: 'reject' }, foshan), 400, 'validation_failed');
    assert.equal(noReason.errors?.[0]?.path, 'body.reason');
    assert.equal(noReason.errors?.[0]?.code, 'required');
    const short = assertProblem(
      await move(created.id, { action: 'reject', reason: '否' }, foshan),
      400,
      'validation_failed',
    );
    assert.equal(short.errors?.[0]?.code, 'reason.required');
    const rejected = Demand.parse(
      (await move(created.id, { action: 'reject', reason: '不属于平台服务范围' }, foshan)).body,
    );
    assert.equal(rejected.rejectReason, '不属于平台服务范围');
  });

  test('two administrators moving one demand at once: exactly one wins', async () => {
    const created = (await post(t, validDemand())).body as Demand;
    const results = await Promise.all([
      move(created.id, { action: 'accept' }, foshan),
      move(created.id, { action: 'accept', note: '省中心受理' }, province),
    ]);
    assert.deepEqual(results.map((result) => result.status).sort(), [200, 409]);
    const final = Demand.parse((await get(`/demands/${created.id}`, foshan)).body);
    assert.equal(final.timeline.length, 2);
  });

  test('a transition retried with its Idempotency-Key is replayed, not refused as a conflict', async () => {
    const created = (await post(t, validDemand())).body as Demand;
    const send = () =>
      t.inject({
        method: 'POST',
        url: `/api/v1/demands/${created.id}/transitions`,
        payload: { action: 'accept' },
        headers: { ...as(foshan), 'idempotency-key': 'accept-once' },
      });
    const first = await send();
    const retry = await send();
    assert.equal(first.status, 200);
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(retry.body, first.body);
    assert.equal(Demand.parse((await get(`/demands/${created.id}`, foshan)).body).timeline.length, 2);
  });

  test("another city's administrator gets 404 for the demand and cannot move it", async () => {
    const created = (await post(t, validDemand())).body as Demand;
    assertProblem(await get(`/demands/${created.id}`, guangzhou), 404, 'not_found');
    assertProblem(await move(created.id, { action: 'accept' }, guangzhou), 404, 'not_found');
    assert.equal(Demand.parse((await get(`/demands/${created.id}`, province)).body).status, 'submitted');
  });
});

describe('bearer tokens', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  const listWith = (token: string) =>
    t.inject({ method: 'GET', url: '/api/v1/demands', headers: { authorization: `Bearer ${token}` } });

  async function signed(
    claims: { iss?: string; aud?: string; exp?: number; sub?: string },
    key?: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'],
  ) {
    const demo = await loadDemoSigningKey(t.database.db);
    const now = Math.floor(testNow() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: demo.kid })
      .setIssuer(claims.iss ?? DEMO_ISSUER)
      .setAudience(claims.aud ?? DEFAULT_AUDIENCE)
      .setSubject(claims.sub ?? 'usr-admin-440000')
      .setIssuedAt(now - 60)
      .setExpirationTime(claims.exp ?? now + 600)
      .sign(key ?? demo.privateKey);
  }

  test('a well-formed token of the demo issuer is accepted', async () => {
    assert.equal((await listWith(await signed({}))).status, 200);
  });

  test('refused: expired, wrong issuer, wrong audience, unknown user, foreign key, alg none, tampered', async () => {
    const now = Math.floor(testNow() / 1000);
    const foreign = await generateKeyPair('ES256');
    const good = await signed({});
    const [header, payload] = good.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const tamperedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: 'usr-admin-440100' }),
    ).toString('base64url');
    const cases: [string, string][] = [
      ['expired', await signed({ exp: now - 3600 })],
      ['wrong issuer', await signed({ iss: 'https://evil.example' })],
      ['wrong audience', await signed({ aud: 'another-api' })],
      ['unknown user', await signed({ sub: 'usr-nobody' })],
      ['foreign key', await signed({}, foreign.privateKey)],
      ['alg none', unsigned],
      ['tampered payload', `${header}.${tamperedPayload}.${good.split('.')[2]}`],
    ];
    for (const [why, token] of cases) {
      const response = await listWith(token);
      assertProblem(response, 401, 'unauthorized');
      assert.doesNotMatch(JSON.stringify(response.body), /evil|another-api|usr-nobody/, why);
    }
  });

  test('demo tokens last eight hours and the JWKS serves the public key only', async () => {
    const issued = await t.inject<{ token: string; expiresAt: string }>({
      method: 'POST',
      url: '/api/v1/demo/token',
      payload: { userId: 'usr-admin-440600' },
    });
    const hours = (Date.parse(issued.body.expiresAt) - testNow()) / 3_600_000;
    assert.ok(hours > 7.9 && hours <= 8, String(hours));
    const jwks = await t.inject<{ keys: Record<string, unknown>[] }>({ method: 'GET', url: '/api/v1/demo/jwks.json' });
    assert.equal(jwks.body.keys.length, 1);
    assert.equal(jwks.body.keys[0]?.['d'], undefined, 'no private part');
    assertProblem(
      await t.inject({ method: 'POST', url: '/api/v1/demo/token', payload: { userId: 'usr-nobody' } }),
      404,
      'not_found',
    );
  });

  test('without demo sign-in the demo endpoints are 404 and no token is accepted', async () => {
    const closed = await openTestApp({ demoAuth: false });
    try {
      assertProblem(await closed.inject({ method: 'GET', url: '/api/v1/demo/users' }), 404, 'not_found');
      assertProblem(
        await closed.inject({ method: 'POST', url: '/api/v1/demo/token', payload: { userId: 'usr-admin-440000' } }),
        404,
        'not_found',
      );
      const token = await signed({});
      assertProblem(
        await closed.inject({ method: 'GET', url: '/api/v1/demands', headers: { authorization: `Bearer ${token}` } }),
        401,
        'unauthorized',
      );
    } finally {
      await closed.close();
    }
  });

  test('the demo users list filters by role', async () => {
    const admins = await t.inject<{ items: { role: string; name: string; regionCode: string }[] }>({
      method: 'GET',
      url: '/api/v1/demo/users?role=admin',
    });
    assert.ok(admins.body.items.length >= 22);
    assert.ok(admins.body.items.every((user) => user.role === 'admin'));
    assert.ok(
      admins.body.items.some((user) => user.name === '佛山市中小企业服务中心 管理员' && user.regionCode === '440600'),
    );
    const all = await t.inject<{ items: { id: string; role: string }[] }>({ method: 'GET', url: '/api/v1/demo/users' });
    assert.equal(all.body.items.filter((user) => user.role === 'enterprise').length, 20);
    const providers = all.body.items.filter((user) => user.role === 'provider');
    assert.equal(providers.filter((user) => /^usr-prv-\d{2}$/.test(user.id)).length, 10);
    // And the account the admission of the seed's admitted applicant made (seed/public-notices.ts).
    assert.equal(providers.length, 11);
  });
});

describe('instances sharing a database', () => {
  test('share the demo signing key: a token from one is accepted by the other', async () => {
    const first = await openTestApp();
    try {
      const second = await (
        await import('../src/index.js')
      ).buildApp({ checkProblemCodes: true, clock: testClock, database: first.database, demoAuth: true });
      try {
        const token = await first.tokenFor('usr-admin-440600');
        const response = await second.inject({
          method: 'GET',
          url: '/api/v1/demands?limit=1',
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(response.statusCode, 200, response.body);
        const jwks = [first.app, second].map(async (app) => (await app.inject({ url: '/api/v1/demo/jwks.json' })).body);
        const [a, b] = await Promise.all(jwks);
        assert.equal(a, b);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});

describe('behind a trusted proxy', () => {
  test('the rate limit counts the forwarded client address, not the proxy', async () => {
    const t = await openTestApp({ trustProxy: 1, rateLimits: { demandSubmit: { max: 1, windowMs: 60_000 } } });
    try {
      const from = (address: string) =>
        t.inject({
          method: 'POST',
          url: '/api/v1/demands',
          payload: validDemand(),
          headers: { 'x-forwarded-for': address },
        });
      assert.equal((await from('203.0.113.1')).status, 201);
      assert.equal((await from('203.0.113.2')).status, 201);
      assertProblem(await from('203.0.113.1'), 429, 'rate_limited');
    } finally {
      await t.close();
    }
  });
});
