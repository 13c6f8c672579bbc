// A center's voucher batch end to end, over HTTP: a draft is created (not public), changed with If-Match, opened;
// 1,000 claims at once on its quota of 100 give exactly 100 vouchers; its quota never drops below them nor its terms
// change; paused, a claim is a 409; a voucher is revoked with its history and its holder told; every staff write is
// on the audit log with its actor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Policy, VoucherBatch, type PolicyPage, type Problem, type Voucher } from '@smec/schemas';
import { testNow } from '../../../test-support/server.js';
import { assertProblem, request } from './helpers.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { bearer, insertEnterprises } from './voucher-helpers.js';

const DAY = 86_400_000;
const CITY_ADMIN = 'usr-admin-440600';
const OTHER_CITY_ADMIN = 'usr-admin-440100';
let t: TestApp;
let base: string;
let admin: string;
let otherAdmin: string;

before(async () => {
  t = await openTestApp();
  // The claims go through real sockets, as clients would.
  base = `${await t.app.listen({ port: 0, host: '127.0.0.1' })}/api/v1`;
  admin = await t.tokenFor(CITY_ADMIN);
  otherAdmin = await t.tokenFor(OTHER_CITY_ADMIN);
});
after(() => t.close());

function send<T>(method: string, path: string, token: string | undefined, body?: unknown, headers = {}) {
  return request<T>(base, path, {
    method,
    headers: {
      ...(token === undefined ? {} : bearer(token)),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Terms of a batch open from yesterday for 30 days, for Foshan's small enterprises. */
function termsOf(name: string, quota = 100) {
  const opens = testNow() - DAY;
  return {
    name,
    year: new Date(opens + 8 * 3_600_000).getUTCFullYear(),
    faceValue: 500_000,
    quota,
    annualCapPerEnterprise: 2_000_000,
    maxCoverage: 50,
    useWithinDays: 90,
    claimOpensAt: shanghai(opens),
    claimClosesAt: shanghai(opens + 30 * DAY),
    settleBy: shanghai(opens + 200 * DAY),
    eligibility: { sizes: ['micro', 'small'] },
  };
}

async function auditRows(entityId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'actor_role', 'center_region_code', 'entity_type', 'before', 'after'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

describe('a center’s voucher batch', () => {
  test('terms that break a rule are a 422 naming each field, in the request’s language', async () => {
    const terms = termsOf('规则有误的批次');
    const response = await send<Problem & { errors: { path: string; code: string; message: string }[] }>(
      'POST',
      '/voucher-batches',
      admin,
      {
        ...terms,
        annualCapPerEnterprise: 100_000,
        settleBy: terms.claimOpensAt,
        eligibility: { sizes: [], regionCodes: ['440100', '999999'] },
      },
      { 'accept-language': 'en' },
    );
    const problem = assertProblem(response, 422, 'rules_not_met');
    assert.deepEqual(
      response.body.errors.map((error) => [error.path, error.code]),
      [
        ['body.annualCapPerEnterprise', 'batch.cap.belowFace'],
        ['body.settleBy', 'batch.settleBy.afterWindow'],
        ['body.eligibility.sizes', 'batch.sizes.required'],
        ['body.eligibility.regionCodes.0', 'batch.regions.outside'],
        ['body.eligibility.regionCodes.1', 'batch.regions.unknown'],
      ],
    );
    assert.match(response.body.errors[0]?.message ?? '', /yearly cap/);
    assert.ok(problem.detail);
  });

  test('no one but center staff creates one', async () => {
    const [enterprise] = await insertEnterprises(t, 1, 'bnotstaff');
    assertProblem(await send('POST', '/voucher-batches', enterprise?.token, termsOf('企业建的批次')), 403, 'forbidden');
    assertProblem(await send('POST', '/voucher-batches', undefined, termsOf('匿名建的批次')), 401, 'unauthorized');
  });

  test('created, changed, opened, rushed, held to its quota and terms, paused, a voucher revoked', async () => {
    // A draft of the city's center, scoped to its whole region; not public.
    const created = await send<VoucherBatch>('POST', '/voucher-batches', admin, termsOf('佛山市测试服务券'));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const batch = VoucherBatch.parse(created.body);
    assert.equal(batch.status, 'draft');
    assert.deepEqual(batch.eligibility.regionCodes, ['440600']);
    assert.equal(batch.issuer.regionCode, '440600');
    assert.equal(created.headers.get('etag'), `"${batch.id}.r0"`);
    assertProblem(await send('GET', `/voucher-batches/${batch.id}`, undefined), 404, 'not_found');
    const list = await send<{ items: VoucherBatch[] }>('GET', '/voucher-batches?limit=100', undefined);
    assert.ok(!list.body.items.some((item) => item.id === batch.id), 'a draft is in no public list');
    const staffRead = await send<VoucherBatch>('GET', `/voucher-batches/${batch.id}`, admin);
    assert.equal(staffRead.status, 200);
    assert.equal(staffRead.body.status, 'draft');
    const [early] = await insertEnterprises(t, 1, 'bearly');
    assertProblem(await send('POST', `/voucher-batches/${batch.id}/claims`, early?.token), 404, 'not_found');

    // Changed with If-Match: none is 428, a stale one 412; another city's center does not see it.
    const path = `/voucher-batches/${batch.id}`;
    assertProblem(await send('PATCH', path, admin, { name: '佛山市服务券（第一批）' }), 428, 'precondition_required');
    assertProblem(
      await send('PATCH', path, admin, { name: '佛山市服务券（第一批）' }, { 'if-match': `"${batch.id}.r7"` }),
      412,
      'precondition_failed',
    );
    assertProblem(
      await send('PATCH', path, otherAdmin, { name: '别的城市改名' }, { 'if-match': '*' }),
      404,
      'not_found',
    );
    const renamed = await send<VoucherBatch>(
      'PATCH',
      path,
      admin,
      { name: '佛山市服务券（第一批）', maxCoverage: 60 },
      // The ETag of a read names the revision too.
      { 'if-match': staffRead.headers.get('etag') ?? '' },
    );
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.name, '佛山市服务券（第一批）');
    assert.equal(renamed.body.maxCoverage, 60);
    assert.equal(renamed.headers.get('etag'), `"${batch.id}.r1"`);

    // Opened: 1,000 eligible enterprises at once on a quota of 100.
    const opened = await send<VoucherBatch>('POST', `${path}/transitions`, admin, { action: 'open' });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    assert.equal(opened.body.status, 'open');
    assert.equal(opened.body.claimState, 'open');
    assertProblem(await send('POST', `${path}/transitions`, admin, { action: 'open' }), 409, 'conflict');
    const enterprises = await insertEnterprises(t, 1000, 'brush');
    const claims = await Promise.all(
      enterprises.map((enterprise) => send<Voucher>('POST', `${path}/claims`, enterprise.token)),
    );
    const won = claims.filter((response) => response.status === 201);
    assert.equal(won.length, 100);
    for (const response of claims.filter((r) => r.status !== 201)) assertProblem(response, 409, 'quota_exhausted');
    assert.equal(new Set(won.map((response) => (response.body as Voucher).enterpriseId)).size, 100);

    // The quota never drops below the vouchers issued; the terms a claimant relied on are frozen.
    const etag = opened.headers.get('etag') ?? '';
    const below = await send('PATCH', path, admin, { quota: 99 }, { 'if-match': etag });
    assertProblem(below, 409, 'quota_below_issued');
    assert.equal((below.body as { issued: number }).issued, 100);
    const frozen = await send('PATCH', path, admin, { faceValue: 800_000, name: '改面额' }, { 'if-match': etag });
    assertProblem(frozen, 409, 'batch_terms_frozen');
    assert.equal((frozen.body as { fields: string }).fields, 'faceValue');
    const raised = await send<VoucherBatch>('PATCH', path, admin, { quota: 150 }, { 'if-match': etag });
    assert.equal(raised.status, 200, JSON.stringify(raised.body));
    assert.deepEqual([raised.body.quota, raised.body.remaining], [150, 50]);

    // Paused: a claim is a 409, and the batch says it takes none.
    const paused = await send<VoucherBatch>('POST', `${path}/transitions`, admin, { action: 'pause', note: '核查' });
    assert.equal(paused.status, 200, JSON.stringify(paused.body));
    assert.deepEqual([paused.body.status, paused.body.claimState], ['paused', 'closed']);
    const late = enterprises.find(
      (enterprise) => !won.some((r) => (r.body as Voucher).enterpriseId === enterprise.enterpriseId),
    );
    const refused = await send('POST', `${path}/claims`, late?.token, undefined, { 'accept-language': 'en' });
    assertProblem(refused, 409, 'claim_not_open');
    assert.match((refused.body as Problem).detail ?? '', /paused/);

    // A voucher revoked for fraud: its history says why, its holder is told, and it is revoked once.
    const voucher = won[0]?.body as Voucher;
    assertProblem(
      await send('POST', `/vouchers/${voucher.id}/revoke`, otherAdmin, { reason: '冒用他人资料' }),
      404,
      'not_found',
    );
    const revoked = await send<Voucher>('POST', `/vouchers/${voucher.id}/revoke`, admin, {
      reason: '冒用他人资料领取',
    });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    assert.equal(revoked.body.status, 'revoked');
    assert.deepEqual(
      revoked.body.history.map((entry) => [entry.status, entry.actor.role]),
      [
        ['issued', 'enterprise'],
        ['revoked', 'admin'],
      ],
    );
    assert.match(revoked.body.history[1]?.note ?? '', /冒用他人资料领取/);
    assertProblem(
      await send('POST', `/vouchers/${voucher.id}/revoke`, admin, { reason: '再作废一次' }),
      409,
      'conflict',
    );
    const holder = enterprises.find((enterprise) => enterprise.enterpriseId === voucher.enterpriseId);
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'subject_id', 'data'])
      .where('user_id', '=', holder?.userId ?? '')
      .execute();
    assert.deepEqual(
      told.map((row) => [row.kind, row.subject_id, (JSON.parse(row.data) as { reason: string }).reason]),
      [['voucherRevoked', voucher.id, '冒用他人资料领取']],
    );
    const held = await send<Voucher>('GET', `/vouchers/${voucher.id}`, holder?.token);
    assert.equal(held.body.status, 'revoked');

    // Every staff write is on the record, with its actor; a refused one left nothing.
    const rows = await auditRows(batch.id);
    assert.deepEqual(
      rows.map((row) => [row.action, row.actor_user_id, row.center_region_code, row.entity_type]),
      [
        ['voucherBatch.create', CITY_ADMIN, '440600', 'voucherBatch'],
        ['voucherBatch.update', CITY_ADMIN, '440600', 'voucherBatch'],
        ['voucherBatch.open', CITY_ADMIN, '440600', 'voucherBatch'],
        ['voucherBatch.update', CITY_ADMIN, '440600', 'voucherBatch'],
        ['voucherBatch.pause', CITY_ADMIN, '440600', 'voucherBatch'],
      ],
    );
    assert.deepEqual(JSON.parse(rows[1]?.after ?? '{}'), { name: '佛山市服务券（第一批）', maxCoverage: 60 });
    assert.deepEqual(JSON.parse(rows[3]?.before ?? '{}'), { quota: 100 });
    const revokeRows = await auditRows(voucher.id);
    assert.deepEqual(
      revokeRows.map((row) => [row.action, row.actor_user_id, row.entity_type, row.after]),
      [['voucher.revoke', CITY_ADMIN, 'voucher', JSON.stringify({ status: 'revoked', reason: '冒用他人资料领取' })]],
    );
  });
});

describe('a center’s policy', () => {
  const input = {
    title: '佛山市鲵鳐企业扶持办法',
    issuer: '佛山市工业和信息化局',
    docNumber: '佛工信〔2027〕9号',
    effectiveFrom: '2027-01-01',
    regionCode: '440600',
    categoryIds: ['financing'],
    summary: '对鲵鳐类创新企业给予融资和服务券支持。',
    url: 'https://www.foshan.gov.cn/policies/9.html',
  };

  test('published, found by a one-character query, changed with If-Match, withdrawn; on the record', async () => {
    // 「鲵」 is in no seeded policy: the one-character query finds only this one.
    const before = await send<PolicyPage>('GET', `/policies?q=${encodeURIComponent('鲵')}`, undefined);
    assert.equal(before.body.total, 0);
    const created = await send<Policy>('POST', '/policies', admin, input);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const policy = Policy.parse(created.body);
    assert.equal(created.headers.get('etag'), `"${policy.id}.r0"`);
    assert.equal(policy.publishedAt.length, 10);
    const found = await send<PolicyPage>('GET', `/policies?q=${encodeURIComponent('鲵')}`, undefined);
    assert.deepEqual(
      found.body.items.map((item) => item.id),
      [policy.id],
    );

    // One document number per issuer; a region outside the center's is a 422.
    assertProblem(await send('POST', '/policies', admin, input), 409, 'doc_number_taken');
    const outside = await send<{ errors: { path: string }[] }>('POST', '/policies', admin, {
      ...input,
      docNumber: '佛工信〔2027〕10号',
      regionCode: '440100',
      effectiveUntil: '2026-12-31',
    });
    assertProblem(outside, 422, 'rules_not_met');
    assert.deepEqual(
      outside.body.errors.map((error) => error.path),
      ['body.regionCode', 'body.effectiveUntil'],
    );

    // Changed: the ETag of a read names its revision; the index follows the new title.
    const read = await send<Policy>('GET', `/policies/${policy.id}`, undefined);
    assertProblem(
      await send('PATCH', `/policies/${policy.id}`, admin, { title: '改个标题' }, { 'if-match': '"x.r0"' }),
      412,
      'precondition_failed',
    );
    assertProblem(
      await send('PATCH', `/policies/${policy.id}`, otherAdmin, { title: '别的城市改' }, { 'if-match': '*' }),
      404,
      'not_found',
    );
    const changed = await send<Policy>(
      'PATCH',
      `/policies/${policy.id}`,
      admin,
      { title: '佛山市鳐鱼企业扶持办法', summary: '对创新企业给予融资支持。' },
      { 'if-match': read.headers.get('etag') ?? '' },
    );
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.headers.get('etag'), `"${policy.id}.r1"`);
    assert.equal((await send<PolicyPage>('GET', `/policies?q=${encodeURIComponent('鲵')}`, undefined)).body.total, 0);
    assert.equal((await send<PolicyPage>('GET', `/policies?q=${encodeURIComponent('鳐')}`, undefined)).body.total, 1);

    // Withdrawn: out of the list and its search, and not found; withdrawn once.
    const withdrawn = await send<Policy>('POST', `/policies/${policy.id}/withdraw`, admin, {
      reason: '已被新文件替代',
    });
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
    assert.equal((await send<PolicyPage>('GET', `/policies?q=${encodeURIComponent('鳐')}`, undefined)).body.total, 0);
    assertProblem(await send('GET', `/policies/${policy.id}`, undefined), 404, 'not_found');
    assertProblem(
      await send('POST', `/policies/${policy.id}/withdraw`, admin, { reason: '再撤回一次' }),
      409,
      'conflict',
    );
    // Its document number stays taken.
    assertProblem(await send('POST', '/policies', admin, input), 409, 'doc_number_taken');

    const rows = await auditRows(policy.id);
    assert.deepEqual(
      rows.map((row) => [row.action, row.actor_user_id, row.actor_role, row.entity_type]),
      [
        ['policy.create', CITY_ADMIN, 'admin', 'policy'],
        ['policy.update', CITY_ADMIN, 'admin', 'policy'],
        ['policy.withdraw', CITY_ADMIN, 'admin', 'policy'],
      ],
    );
    assert.deepEqual(Object.keys(JSON.parse(rows[1]?.after ?? '{}')), ['title', 'summary']);
  });
});
