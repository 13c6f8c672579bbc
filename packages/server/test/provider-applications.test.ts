// Applications to join over HTTP: apply with an uploaded licence, follow it by number and mobile, and the refusals
// (an organisation already in, one under way, too young by the platform's clock, a licence not the applicant's).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  APPLICATION_NO_PATTERN,
  ProviderApplication,
  ProviderApplicationStatusView,
  UploadedFile,
  shanghaiDayOf,
  usccCheckCharacter,
  yearsBefore,
  type ProviderApplicationInput,
} from '@smec/schemas';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import type { RunningServer } from '@smec/server';
import { prepareTestDatabase, startTestServer, testClock } from '../../../test-support/server.js';
import { assertProblem, request } from './helpers.js';

process.env['SMEC_DEMAND_RATE_LIMIT'] = '1000/60';

let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.close();
});

let organisations = 0;
/** A law firm's USCC (31…) with its check character, new on each call. */
function newUscc(): string {
  const first17 = `31440000MD08${String(organisations++).padStart(5, '0')}`;
  return `${first17}${usccCheckCharacter(first17) ?? ''}`;
}

async function uploadLicence(): Promise<UploadedFile> {
  const response = await request(server.apiUrl, '/files', {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: new Uint8Array(Buffer.from(PIXEL_PNG, 'base64')),
  });
  return UploadedFile.parse(response.body);
}

async function applicationWith(
  change: (input: ProviderApplicationInput) => ProviderApplicationInput = (input) => input,
): Promise<ProviderApplicationInput> {
  const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationInput;
  const licence = await uploadLicence();
  return change({
    ...example,
    organisation: { ...example.organisation, uscc: newUscc() },
    files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
  });
}

function apply(input: unknown, headers: Record<string, string> = {}) {
  return request(server.apiUrl, '/provider-applications', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

function lookup(applicationNo: string, phone: string) {
  const query = new URLSearchParams({ applicationNo, phone });
  return request(server.apiUrl, `/provider-applications/lookup?${query}`);
}

/** The field errors of a 400, as [path, code]. */
function fieldErrors(body: unknown): [string, string][] {
  return (body as { errors: { path: string; code: string }[] }).errors.map((error) => [error.path, error.code]);
}

test('an organisation applies with its licence and follows the application by its number and mobile', async () => {
  const input = await applicationWith();
  const response = await apply(input);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const application = ProviderApplication.parse(response.body);
  assert.match(application.applicationNo, APPLICATION_NO_PATTERN);
  assert.equal(application.status, 'submitted');
  assert.equal(application.uscc, input.organisation.uscc);
  assert.deepEqual(application.application.files, { licence: { id: input.files.licence.id }, certificates: [] });
  assert.doesNotMatch(JSON.stringify(response.body), new RegExp(input.files.licence.key), 'the key is not kept');

  const found = await lookup(application.applicationNo, input.contact.mobile);
  assert.equal(found.status, 200);
  const view = ProviderApplicationStatusView.parse(found.body);
  assert.equal(view.status, 'submitted');
  assert.deepEqual(
    view.timeline.map((step) => [step.status, step.actor]),
    [['submitted', 'applicant']],
  );

  // A wrong mobile and an unknown number are the same 404.
  const wrongPhone = await lookup(application.applicationNo, '13900000000');
  const unknown = await lookup('RZ20990101ZZZZZZ', input.contact.mobile);
  assertProblem(wrongPhone, 404, 'not_found');
  assertProblem(unknown, 404, 'not_found');
  assert.equal((wrongPhone.body as { detail: string }).detail, (unknown.body as { detail: string }).detail);
});

test('an organisation with an application under way, or already a provider, is refused with 409', async () => {
  const input = await applicationWith();
  assert.equal((await apply(input)).status, 201);
  const again = await apply({ ...input, contact: { ...input.contact, name: '王先生' } });
  assertProblem(again, 409, 'conflict');

  const providers = await request<{ items: { uscc: string }[] }>(server.apiUrl, '/providers?limit=50');
  const provider = providers.body.items.find((item) => item.uscc.startsWith('91'));
  assert.ok(provider, 'the seed has a company provider');
  const existing = await applicationWith((application) => ({
    ...application,
    organisation: { ...application.organisation, uscc: provider.uscc, orgType: 'company' },
  }));
  assertProblem(await apply(existing), 409, 'conflict');
});

test('two submissions of one organisation at once: one application, one 409', async () => {
  const input = await applicationWith();
  const answers = await Promise.all([apply(input), apply({ ...input, contact: { ...input.contact, name: '赵女士' } })]);
  assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 409]);
});

test('founded less than two years before the platform’s day, the application is refused at the founding date', async () => {
  const today = shanghaiDayOf(testClock.now());
  const tooRecent = yearsBefore(today, 1);
  const input = await applicationWith((application) => ({
    ...application,
    organisation: { ...application.organisation, foundedOn: tooRecent },
  }));
  const response = await apply(input, { 'accept-language': 'en' });
  assertProblem(response, 400, 'validation_failed');
  assert.deepEqual(fieldErrors(response.body), [['body.organisation.foundedOn', 'application.foundedOn.tooRecent']]);
  assert.match(JSON.stringify(response.body), /operated for two years/);

  const justOld = await applicationWith((application) => ({
    ...application,
    organisation: { ...application.organisation, foundedOn: yearsBefore(today, 2) },
  }));
  assert.equal((await apply(justOld)).status, 201, 'two years to the day is enough');
});

test('a licence that is not the applicant’s, an unknown region and an individual business are refused at their fields', async () => {
  const input = await applicationWith();
  const wrongKey = { ...input, files: { ...input.files, licence: { id: input.files.licence.id, key: 'not-the-key' } } };
  const response = await apply(wrongKey);
  assertProblem(response, 400, 'validation_failed');
  assert.deepEqual(fieldErrors(response.body), [['body.files.licence', 'application.licence']]);

  const nowhere = { ...input, organisation: { ...input.organisation, regionCode: '449999' } };
  assert.deepEqual(fieldErrors((await apply(nowhere)).body), [['body.organisation.regionCode', 'region.unknown']]);

  const first17 = '92440604MA5123456';
  const individual = {
    ...input,
    organisation: { ...input.organisation, uscc: `${first17}${usccCheckCharacter(first17) ?? ''}`, orgType: 'company' },
  };
  const refused = await apply(individual, { 'accept-language': 'zh-CN' });
  assert.deepEqual(fieldErrors(refused.body), [['body.organisation.uscc', 'application.uscc.individual']]);
  assert.match(JSON.stringify(refused.body), /个体工商户/);
});

test('a retry with the same Idempotency-Key answers the same application', async () => {
  const input = await applicationWith();
  const key = `apply-${randomBytes(6).toString('hex')}`;
  const first = await apply(input, { 'idempotency-key': key });
  const retry = await apply(input, { 'idempotency-key': key });
  assert.equal(first.status, 201);
  assert.equal(retry.status, 201);
  assert.equal(retry.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(retry.body, first.body);
});

test('the database keeps one application under way per organisation and refuses an unknown status', async () => {
  const database = await prepareTestDatabase();
  after(() => database.dispose());
  const { db } = database;
  const row = {
    id: 'pap-check-0001',
    application_no: 'RZ20260101CHECK1',
    uscc: '31440000MD0654321P',
    name: '佛山市禅城区明德律师事务所',
    region_code: '440604',
    phone_hash: 'x',
    status: 'submitted',
    input: '{}',
    submitted_at: '2026-01-01T00:00:00+08:00',
    submitted_ts: 0,
    updated_at: '2026-01-01T00:00:00+08:00',
  };
  // The seed's demo application of this organisation is under way.
  await assert.rejects(db.insertInto('provider_applications').values(row).execute());
  await assert.rejects(
    db
      .insertInto('provider_applications')
      .values({ ...row, uscc: newUscc(), status: 'pending' })
      .execute(),
  );
  await db
    .insertInto('provider_applications')
    .values({ ...row, status: 'rejected' })
    .execute();
});
