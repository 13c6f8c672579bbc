// The supply side's whole path over real HTTP on loopback, as its people walk it: a firm applies with its licence,
// its county center asks for a change, the firm resubmits, the center approves, someone objects and the center
// dismisses it, the notice runs out, the platform admits the firm, its new account publishes a service, an enterprise
// orders it with a voucher, and the service is delivered, accepted, rated and followed up.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  Engagement,
  MyProduct,
  type ProductPage,
  type ProviderApplication,
  type ProviderPage,
  Rating,
  SubmittedProviderApplication,
  UploadedFile,
  Voucher,
  usccCheckCharacter,
  type ProviderApplicationInput,
} from '@smec/schemas';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import { startTestServer, testClock } from '../../../test-support/server.js';
import { insertBatch } from './voucher-helpers.js';
import { assertProblem, request, type JsonResponse } from './helpers.js';

const DAY_MS = 86_400_000;
const REVIEWER = 'usr-admin-440604';
const ENTERPRISE = 'usr-ent-01';
const BATCH = 'vbt-test-full-path';

let now = testClock.now();
const clock = { now: () => now };
let server: Awaited<ReturnType<typeof startTestServer>>;

before(async () => {
  server = await startTestServer({
    clock,
    prepare: (db) => insertBatch({ database: { db } } as Parameters<typeof insertBatch>[0], { id: BATCH }),
  });
});
after(() => server.close());

/** A demo token, asked for again after the clock moved (tokens last eight hours). */
async function signIn(userId: string): Promise<string> {
  const issued = await request<{ token: string }>(server.apiUrl, '/demo/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  assert.equal(issued.status, 200, `${userId} signs in: ${JSON.stringify(issued.body)}`);
  return issued.body.token;
}

interface Call {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

function call<T>(method: string, path: string, { token, body, headers = {} }: Call = {}): Promise<JsonResponse<T>> {
  return request<T>(server.apiUrl, path, {
    method,
    headers: {
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function expectStatus<T>(response: JsonResponse<T>, status: number, step: string): T {
  assert.equal(response.status, status, `${step}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A credit code of a law firm (a partnership) that no other test uses. */
function freshUscc(): string {
  const first17 = `31440000MD99${String(process.pid % 100_000).padStart(5, '0')}`;
  return `${first17}${usccCheckCharacter(first17) ?? ''}`;
}

const FIRM = '佛山市禅城区正衡律师事务所';
const SERVICE = '劳动用工合规体检';

test('apply → changes → resubmit → approve → objection dismissed → admitted → publish → order → rated → followed up', async () => {
  // The applicant uploads the licence and applies, no account needed.
  const upload = await request(server.apiUrl, '/files', {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: Buffer.from(PIXEL_PNG, 'base64'),
  });
  const licence = UploadedFile.parse(expectStatus(upload, 201, 'licence uploaded'));
  const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationInput;
  const input: ProviderApplicationInput = {
    ...example,
    organisation: { ...example.organisation, name: FIRM, uscc: freshUscc() },
    files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
  };
  const submitted = SubmittedProviderApplication.parse(
    expectStatus(await call('POST', '/provider-applications', { body: input }), 201, 'applied'),
  );
  assert.equal(submitted.status, 'submitted');
  const own = { 'smec-resume-key': submitted.resumeKey };

  // The county center of 禅城区 asks for a change to the description, noted against that field.
  const reviewer = await signIn(REVIEWER);
  const review = (body: object) =>
    call<ProviderApplication>('POST', `/provider-applications/${submitted.id}/transitions`, { token: reviewer, body });
  const changes = expectStatus(
    await review({
      action: 'requestChanges',
      notes: [{ field: 'scope.description', note: '请写明服务过的企业数量和主要案例。' }],
    }),
    200,
    'changes requested',
  );
  assert.equal(changes.status, 'changesRequested');

  // The applicant reads the note with the resume key and resubmits.
  const mine = expectStatus(
    await call<{ application: unknown; changeNotes?: unknown }>(
      'GET',
      `/provider-applications/${submitted.applicationNo}`,
      {
        headers: own,
      },
    ),
    200,
    'own application read',
  );
  assert.match(JSON.stringify(mine), /请写明服务过的企业数量/);
  const revised = {
    ...input,
    scope: { ...input.scope, description: `${input.scope.description}近三年办结劳动争议案件一百二十件。` },
  };
  const resubmitted = expectStatus(
    await call<ProviderApplication>('PUT', `/provider-applications/${submitted.applicationNo}`, {
      headers: own,
      body: revised,
    }),
    200,
    'resubmitted',
  );
  assert.equal(resubmitted.status, 'submitted');

  // Approved: on public notice for 7 days; an objection is filed and dismissed.
  const approved = expectStatus(await review({ action: 'approve' }), 200, 'approved');
  assert.equal(approved.status, 'publicNotice');
  const notices = expectStatus(
    await call<{ items: { id: string }[] }>('GET', '/public-notices?limit=100'),
    200,
    'list',
  );
  assert.ok(
    notices.items.some((notice) => notice.id === submitted.id),
    'the firm is on the public notice',
  );
  const objection = expectStatus(
    await call<{ id: string; status: string }>('POST', `/public-notices/${submitted.id}/objections`, {
      body: { name: '赵先生', mobile: '13900139100', reason: '该所曾承诺胜诉后收费，败诉后仍要求支付全额律师费。' },
    }),
    201,
    'objection filed',
  );
  assert.equal(objection.status, 'open');
  const dismissed = expectStatus(
    await review({ action: 'dismissObjection', objectionId: objection.id, note: '经核查，异议缺乏事实依据。' }),
    200,
    'objection dismissed',
  );
  assert.equal(dismissed.status, 'publicNotice');

  // Not admitted a day before the end; admitted once the clock passes it.
  now += 6 * DAY_MS;
  const early = expectStatus(
    await call<ProviderPage>('GET', `/providers?q=${encodeURIComponent('正衡')}`),
    200,
    'providers before the end',
  );
  assert.equal(early.items.filter((item) => item.name === FIRM).length, 0, 'not admitted before the notice ends');
  now += DAY_MS + 60_000;
  expectStatus(await call('GET', '/public-notices'), 200, 'the notice read after its end');
  const found = expectStatus(
    await call<ProviderPage>('GET', `/providers?q=${encodeURIComponent('正衡')}`),
    200,
    'providers after the end',
  );
  const provider = found.items.find((item) => item.name === FIRM);
  assert.ok(provider, `the admitted firm is in the catalog's providers: ${JSON.stringify(found.items)}`);
  const lookup = await call<{ status: string }>(
    'GET',
    `/provider-applications/lookup?applicationNo=${submitted.applicationNo}&phone=${input.contact.mobile}`,
  );
  assert.equal(expectStatus(lookup, 200, 'lookup').status, 'admitted');

  // The firm's new account signs in and drafts a service; publishing names the missing public.
  const firm = await signIn(`usr-${provider.id}`);
  const draft = MyProduct.parse(
    expectStatus(
      await call('POST', '/me/products', { token: firm, body: { name: SERVICE, categoryId: 'legal' } }),
      201,
      'draft created',
    ),
  );
  const refused = await call('POST', `/me/products/${draft.id}/publish`, { token: firm });
  const problem = assertProblem(refused, 422, 'not_publishable');
  assert.ok(
    problem.errors?.some((error) => error.path === 'body.function' && error.code === 'product.function.required'),
    `the refusal names the missing 服务功能: ${JSON.stringify(problem.errors)}`,
  );

  // Completed with the five publics (with the ETag it read), published, and found by a catalog search at once.
  const read = await call('GET', `/me/products/${draft.id}`, { token: firm });
  const etag = read.headers.get('etag') ?? '';
  assert.ok(etag, 'the product read has an ETag');
  const complete = {
    summary: '为企业做一次劳动用工合规体检，出具风险清单和整改建议。',
    function: '审查劳动合同、规章制度和用工台账，识别劳动争议风险。',
    process: [
      { title: '资料收集', description: '企业提供劳动合同、规章制度和社保缴纳记录。' },
      { title: '合规审查', description: '律师逐项审查并访谈人事负责人。' },
      { title: '出具报告', description: '交付风险清单和整改建议，并当面讲解。' },
    ],
    standard: '出具书面体检报告，列明每项风险的法律依据和整改建议。',
    fee: { listPrice: 800_000, discountPrice: 600_000, isFree: false, note: '含一次现场访谈和书面报告。' },
    timeLimitDays: 10,
    suitableFor: '员工 20 至 300 人的制造业企业。',
    voucherEligible: true,
    regionCodes: ['440600'],
  };
  expectStatus(
    await call('PATCH', `/me/products/${draft.id}`, { token: firm, body: complete, headers: { 'if-match': etag } }),
    200,
    'completed',
  );
  expectStatus(await call('POST', `/me/products/${draft.id}/publish`, { token: firm }), 200, 'published');
  const publishedAt = performance.now();
  const search = expectStatus(
    await call<ProductPage>('GET', `/products?q=${encodeURIComponent('合规体检')}`),
    200,
    'catalog search',
  );
  const searchMs = performance.now() - publishedAt;
  assert.ok(
    search.items.some((item) => item.id === draft.id),
    'the published service is found by the catalog search',
  );
  assert.ok(searchMs < 1000, `found within a second of publishing (${Math.round(searchMs)} ms)`);

  // An enterprise claims a voucher and orders the service with it.
  const enterprise = await signIn(ENTERPRISE);
  const voucher = Voucher.parse(
    expectStatus(await call('POST', `/voucher-batches/${BATCH}/claims`, { token: enterprise }), 201, 'claimed'),
  );
  const ordered = Engagement.parse(
    expectStatus(
      await call('POST', `/vouchers/${voucher.id}/use`, {
        token: enterprise,
        body: { productId: draft.id, contractAmount: 600_000 },
      }),
      201,
      'ordered',
    ),
  );
  assert.equal(ordered.status, 'ordered');
  assert.equal(ordered.providerId, provider.id);
  assert.equal(ordered.orderedProduct?.name, SERVICE, 'the engagement keeps the product as ordered');
  assert.equal(ordered.orderedProduct?.price, 600_000);

  // The firm confirms, starts and delivers with a note; the enterprise accepts.
  const move = (token: string, action: string, note?: string) =>
    call<Engagement>('POST', `/engagements/${ordered.id}/transitions`, {
      token,
      body: note ? { action, note } : { action },
    });
  for (const [token, action, status, note] of [
    [firm, 'confirm', 'confirmed'],
    [firm, 'start', 'inProgress'],
    [firm, 'deliver', 'delivered', '已交付体检报告并当面讲解。'],
  ] as const) {
    const moved = Engagement.parse(expectStatus(await move(token, action, note), 200, action));
    assert.equal(moved.status, status);
  }
  // Acceptance is recorded on the delivered engagement; the voucher waits for its settlement.
  const accepted = Engagement.parse(expectStatus(await move(enterprise, 'accept'), 200, 'accept'));
  assert.equal(accepted.status, 'delivered');
  assert.ok(accepted.acceptedAt, 'the enterprise accepted it');

  // The enterprise rates it badly, which opens a follow-up; the firm answers it.
  const rating = Rating.parse(
    expectStatus(
      await call('POST', `/engagements/${ordered.id}/rating`, {
        token: enterprise,
        body: {
          scores: {
            attitude: 3,
            expertise: 4,
            conduct: 3,
            fulfilment: 5,
            quality: 5,
            value: 4,
            usefulness: 3,
            afterSales: 4,
          },
          level: 'dissatisfied',
          solved: false,
          comment: '报告只列了风险，没有给出可执行的整改步骤。',
        },
      }),
      201,
      'rated',
    ),
  );
  assert.equal(rating.followUp?.status, 'open');
  const answered = Rating.parse(
    expectStatus(
      await call('POST', `/ratings/${rating.id}/follow-up/answers`, {
        token: firm,
        body: { text: '已补充分步骤的整改方案，并约定两周后回访。' },
      }),
      200,
      'follow-up answered',
    ),
  );
  assert.equal(answered.followUp?.status, 'answered');
});
