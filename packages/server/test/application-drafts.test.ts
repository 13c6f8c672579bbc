// The applicant's side over HTTP: a draft saved on one device and resumed on another with its resume key, kept 30
// days after its last save by the platform's clock, submitted under its number; the applicant's own application read
// with its key (and its files), and resubmitted after the reviewer asked for changes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  APPLICATION_NO_PATTERN,
  CreatedApplicationDraft,
  ProviderApplication,
  ProviderApplicationDraft,
  RESUME_KEY_PATTERN,
  SubmittedProviderApplication,
  UploadedFile,
  parseResumeFragment,
  resumeFragment,
  type ProviderApplicationRevision,
} from '@smec/schemas';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import { startServer, type RunningServer } from '@smec/server';
import { createTestDatabase, TEST_POSTGRES_URL, testClock, type TestDatabase } from '../../../test-support/server.js';
import { changesRequestedApplications, insertChangesRequested, usccOf } from './application-draft-helpers.js';
import { assertProblem, request } from './helpers.js';

process.env['SMEC_DEMAND_RATE_LIMIT'] = '1000/60';
process.env['SMEC_LOOKUP_RATE_LIMIT'] = '1000/60';

const DAY_MS = 86_400_000;
/** The server's clock, which the expiry test moves forward. */
let now = testClock.now();
const CHANGES = changesRequestedApplications('AP08', 4);

let database: TestDatabase;
let server: RunningServer;
before(async () => {
  database = await createTestDatabase();
  const opened = await database.open();
  try {
    await insertChangesRequested(opened.db, CHANGES);
  } finally {
    await opened.close();
  }
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    ...(TEST_POSTGRES_URL ? { databaseUrl: database.location } : { dataDir: database.location }),
    logger: false,
    demoAuth: false,
    checkProblemCodes: true,
    clock: { now: () => now },
  });
});
after(async () => {
  await server.close();
  await database.dispose();
});

let organisations = 0;
const newUscc = () => usccOf('MD04', organisations++);

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return request(server.apiUrl, path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const withKey = (resumeKey: string) => ({ 'smec-resume-key': resumeKey });

async function uploadLicence(): Promise<UploadedFile> {
  const response = await request(server.apiUrl, '/files', {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: new Uint8Array(Buffer.from(PIXEL_PNG, 'base64')),
  });
  return UploadedFile.parse(response.body);
}

/** The example application for a new organisation, its licence named as `licence` (with or without its key). */
function wholeApplication(licence: { id: string; key?: string }): ProviderApplicationRevision {
  const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationRevision;
  return {
    ...example,
    organisation: { ...example.organisation, uscc: newUscc() },
    files: { licence, certificates: [] },
  };
}

async function newDraft(body: unknown) {
  const response = await call('POST', '/provider-application-drafts', body);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return CreatedApplicationDraft.parse(response.body);
}

/** The field errors of a 400, as [path, code]. */
function fieldErrors(body: unknown): [string, string][] {
  return (body as { errors: { path: string; code: string }[] }).errors.map((error) => [error.path, error.code]);
}

test('a draft saved on one device is read and saved again on another with its number and resume key', async () => {
  const licence = await uploadLicence();
  const draft = await newDraft({
    organisation: { name: '佛山市禅城区续填律师事务所', orgType: 'partnership' },
    files: { licence: { id: licence.id, key: licence.key, name: '营业执照.png' } },
  });
  assert.match(draft.applicationNo, APPLICATION_NO_PATTERN);
  assert.match(draft.resumeKey, RESUME_KEY_PATTERN);
  assert.deepEqual(draft.draft.files.licence, {
    id: licence.id,
    name: '营业执照.png',
    mediaType: 'image/png',
    size: 69,
  });
  assert.doesNotMatch(JSON.stringify(draft.draft), new RegExp(licence.key), 'the file key is not kept');
  assert.equal(Date.parse(draft.expiresAt) - Date.parse(draft.savedAt), 30 * DAY_MS);

  // The other device has the number and the resume key (the resume link), not the file's key.
  const path = `/provider-application-drafts/${draft.applicationNo}`;
  const read = await call('GET', path, undefined, withKey(draft.resumeKey));
  assert.equal(read.status, 200, JSON.stringify(read.body));
  assert.deepEqual(ProviderApplicationDraft.parse(read.body).draft, draft.draft);
  assert.equal(read.headers.get('cache-control'), 'no-store');

  const saved = await call(
    'PUT',
    path,
    {
      organisation: { name: '佛山市禅城区续填律师事务所', orgType: 'partnership', regionCode: '440604' },
      contact: { mobile: '13800138000' },
      files: { licence: { id: licence.id, name: '营业执照.png' } },
    },
    withKey(draft.resumeKey),
  );
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const again = ProviderApplicationDraft.parse(saved.body);
  assert.equal(again.draft.organisation?.regionCode, '440604');
  assert.equal(again.draft.contact?.mobile, '13800138000');
  assert.equal(again.draft.files.licence?.id, licence.id, 'a file the draft names needs no key again');
});

test('a wrong resume key and an unknown number are the same 404; no key at all is a 400', async () => {
  const draft = await newDraft({ contact: { name: '周女士' } });
  const other = await newDraft({ contact: { name: '吴先生' } });
  const wrongKey = await call(
    'GET',
    `/provider-application-drafts/${draft.applicationNo}`,
    undefined,
    withKey(other.resumeKey),
  );
  const unknown = await call(
    'GET',
    '/provider-application-drafts/RZ20990101ZZZZZZ',
    undefined,
    withKey(draft.resumeKey),
  );
  assertProblem(wrongKey, 404, 'not_found');
  assertProblem(unknown, 404, 'not_found');
  assert.equal((wrongKey.body as { detail: string }).detail, (unknown.body as { detail: string }).detail);
  const put = await call('PUT', `/provider-application-drafts/${draft.applicationNo}`, {}, withKey(other.resumeKey));
  assertProblem(put, 404, 'not_found');
  assertProblem(await call('GET', `/provider-application-drafts/${draft.applicationNo}`), 400, 'validation_failed');
});

test('each field of a draft keeps its rules, and its files must be the applicant’s', async () => {
  const response = await call(
    'POST',
    '/provider-application-drafts',
    {
      organisation: { uscc: '31440000MD0400001X', regionCode: '999999' },
      contact: { mobile: '12345' },
      files: { licence: { id: 'fil-demo-licence-sample', key: 'not-the-key' } },
    },
    { 'accept-language': 'en' },
  );
  assertProblem(response, 400, 'validation_failed');
  const paths = fieldErrors(response.body).map(([path]) => path);
  assert.ok(paths.includes('body.organisation.uscc'), JSON.stringify(paths));
  assert.ok(paths.includes('body.contact.mobile'), JSON.stringify(paths));

  const unknownRegion = await call('POST', '/provider-application-drafts', { organisation: { regionCode: '999999' } });
  assert.deepEqual(fieldErrors(unknownRegion.body), [['body.organisation.regionCode', 'region.unknown']]);
  const notTheirs = await call('POST', '/provider-application-drafts', {
    files: { licence: { id: 'fil-demo-licence-sample', key: 'not-the-key' } },
  });
  assert.deepEqual(fieldErrors(notTheirs.body), [['body.files.licence', 'application.licence']]);

  // A file named without its key must be the draft's already: another draft's file is refused.
  const licence = await uploadLicence();
  await newDraft({ files: { licence: { id: licence.id, key: licence.key } } });
  const mine = await newDraft({});
  const taken = await call(
    'PUT',
    `/provider-application-drafts/${mine.applicationNo}`,
    { files: { licence: { id: licence.id } } },
    withKey(mine.resumeKey),
  );
  assert.deepEqual(fieldErrors(taken.body), [['body.files.licence', 'application.licence']]);
});

test('a draft is kept 30 days after its last save by the platform’s clock, then it is gone', async () => {
  const start = now;
  try {
    const draft = await newDraft({ contact: { name: '郑女士' } });
    const path = `/provider-application-drafts/${draft.applicationNo}`;
    now = start + 20 * DAY_MS;
    assert.equal((await call('PUT', path, { contact: { name: '郑女士' } }, withKey(draft.resumeKey))).status, 200);
    now = start + 20 * DAY_MS + 30 * DAY_MS - 1;
    assert.equal((await call('GET', path, undefined, withKey(draft.resumeKey))).status, 200, '30 days after the save');
    now = start + 20 * DAY_MS + 30 * DAY_MS;
    assertProblem(await call('GET', path, undefined, withKey(draft.resumeKey)), 404, 'not_found');
  } finally {
    now = start;
  }
});

test('submitting a draft keeps its number, needs no key for its files, and the draft is gone', async () => {
  const licence = await uploadLicence();
  const draft = await newDraft({ files: { licence: { id: licence.id, key: licence.key } } });
  const input = wholeApplication({ id: licence.id });
  const submit = `/provider-application-drafts/${draft.applicationNo}/submit`;

  // A whole application is checked as a plain submission is: the draft stays when it is refused.
  const young = { ...input, organisation: { ...input.organisation, foundedOn: '2099-01-01' } };
  assertProblem(await call('POST', submit, young, withKey(draft.resumeKey)), 400, 'validation_failed');

  const response = await call('POST', submit, input, withKey(draft.resumeKey));
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const application = SubmittedProviderApplication.parse(response.body);
  assert.equal(application.applicationNo, draft.applicationNo);
  assert.equal(application.status, 'submitted');
  assert.deepEqual(application.application.files, { licence: { id: licence.id }, certificates: [] });
  assert.notEqual(application.resumeKey, draft.resumeKey, 'a new key for the application');

  const gone = await call(
    'GET',
    `/provider-application-drafts/${draft.applicationNo}`,
    undefined,
    withKey(draft.resumeKey),
  );
  assertProblem(gone, 404, 'not_found');
  assertProblem(await call('POST', submit, input, withKey(draft.resumeKey)), 404, 'not_found');
  const own = await call(
    'GET',
    `/provider-applications/${draft.applicationNo}`,
    undefined,
    withKey(application.resumeKey),
  );
  assert.equal(own.status, 200, JSON.stringify(own.body));
  const lookup = await call(
    'GET',
    `/provider-applications/lookup?applicationNo=${draft.applicationNo}&phone=${input.contact.mobile}`,
  );
  assert.equal(lookup.status, 200, 'the lookup by number and mobile finds it too');
});

test('two submissions of one draft at once: one application, one 404', async () => {
  const licence = await uploadLicence();
  const draft = await newDraft({ files: { licence: { id: licence.id, key: licence.key } } });
  const input = wholeApplication({ id: licence.id });
  const submit = `/provider-application-drafts/${draft.applicationNo}/submit`;
  const answers = await Promise.all([
    call('POST', submit, input, withKey(draft.resumeKey)),
    call('POST', submit, input, withKey(draft.resumeKey)),
  ]);
  assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 404]);
});

test('a plain submission answers a resume key that reads the application and its files, and nothing else', async () => {
  const licence = await uploadLicence();
  const input = wholeApplication({ id: licence.id, key: licence.key });
  const response = await call('POST', '/provider-applications', input);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const { applicationNo, resumeKey } = SubmittedProviderApplication.parse(response.body);
  assert.match(resumeKey, RESUME_KEY_PATTERN);

  const own = await call('GET', `/provider-applications/${applicationNo}`, undefined, withKey(resumeKey));
  assert.equal(own.status, 200, JSON.stringify(own.body));
  const application = ProviderApplication.parse(own.body);
  assert.equal(application.application.organisation.uscc, input.organisation.uscc);
  assert.deepEqual(
    application.timeline.map((step) => [step.status, step.actor]),
    [['submitted', 'applicant']],
  );
  assert.doesNotMatch(JSON.stringify(own.body), /resumeKey/, 'the key is said once');

  const other = CHANGES[3]!;
  const wrongKey = await call('GET', `/provider-applications/${applicationNo}`, undefined, withKey(other.resumeKey));
  const unknown = await call('GET', '/provider-applications/RZ20990101ZZZZZZ', undefined, withKey(resumeKey));
  assertProblem(wrongKey, 404, 'not_found');
  assertProblem(unknown, 404, 'not_found');
  assert.equal((wrongKey.body as { detail: string }).detail, (unknown.body as { detail: string }).detail);

  const file = (key: string) => call('GET', `/files/${licence.id}`, undefined, withKey(key));
  assert.equal((await file(resumeKey)).status, 200, 'the applicant reads its licence with the resume key');
  assertProblem(await file(other.resumeKey), 404, 'not_found');
});

test('a draft’s files are read with its resume key while it is kept', async () => {
  const licence = await uploadLicence();
  const draft = await newDraft({ files: { licence: { id: licence.id, key: licence.key } } });
  const other = await newDraft({});
  const file = (key: string) => call('GET', `/files/${licence.id}`, undefined, withKey(key));
  assert.equal((await file(draft.resumeKey)).status, 200);
  assertProblem(await file(other.resumeKey), 404, 'not_found');
});

test('resubmitted after changes were requested: back to review, a timeline step, and only once', async () => {
  const application = CHANGES[0]!;
  const path = `/provider-applications/${application.applicationNo}`;
  const read = await call('GET', path, undefined, withKey(application.resumeKey));
  assert.equal(ProviderApplication.parse(read.body).status, 'changesRequested');
  assert.equal(ProviderApplication.parse(read.body).timeline.at(-1)?.note, '请补充资质证书', 'the reviewer’s note');

  const revised = {
    ...application.input,
    scope: { ...application.input.scope, professionalStaff: 20 },
  };
  const response = await call('PUT', path, revised, withKey(application.resumeKey));
  assert.equal(response.status, 200, JSON.stringify(response.body));
  const resubmitted = ProviderApplication.parse(response.body);
  assert.equal(resubmitted.status, 'submitted');
  assert.equal(resubmitted.application.scope.professionalStaff, 20);
  assert.deepEqual(resubmitted.timeline.at(-1), {
    status: 'submitted',
    at: resubmitted.updatedAt,
    actor: 'applicant',
    note: '重新提交',
  });

  const twice = await call('PUT', path, revised, withKey(application.resumeKey));
  const problem = assertProblem(twice, 409, 'conflict');
  assert.match(problem.detail ?? '', /需修改/);
  const english = await call('PUT', path, revised, { ...withKey(application.resumeKey), 'accept-language': 'en' });
  assert.match((english.body as { detail: string }).detail, /asked to change/);
});

test('a resubmission is refused while the application is under review, and two at once make one', async () => {
  const licence = await uploadLicence();
  const submitted = SubmittedProviderApplication.parse(
    (await call('POST', '/provider-applications', wholeApplication({ id: licence.id, key: licence.key }))).body,
  );
  const input = wholeApplication({ id: licence.id });
  const underReview = await call(
    'PUT',
    `/provider-applications/${submitted.applicationNo}`,
    { ...input, organisation: { ...input.organisation, uscc: submitted.uscc } },
    withKey(submitted.resumeKey),
  );
  assertProblem(underReview, 409, 'conflict');

  const application = CHANGES[1]!;
  const path = `/provider-applications/${application.applicationNo}`;
  const answers = await Promise.all([
    call('PUT', path, application.input, withKey(application.resumeKey)),
    call('PUT', path, application.input, withKey(application.resumeKey)),
  ]);
  assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 409]);
});

test('a resubmission naming a file that is not the application’s, without its key, is refused at the field', async () => {
  const application = CHANGES[2]!;
  const stranger = await uploadLicence();
  const response = await call(
    'PUT',
    `/provider-applications/${application.applicationNo}`,
    { ...application.input, files: { licence: { id: stranger.id }, certificates: [] } },
    withKey(application.resumeKey),
  );
  assertProblem(response, 400, 'validation_failed');
  assert.deepEqual(fieldErrors(response.body), [['body.files.licence', 'application.licence']]);
});

test('the resume link’s fragment carries the number and the key, and nothing else parses', () => {
  const credentials = { applicationNo: 'RZ20261101APPLY2', resumeKey: 'demo-draft-resume-key-shown-in-the-README00' };
  const fragment = resumeFragment(credentials);
  assert.equal(fragment, 'smec-resume=RZ20261101APPLY2.demo-draft-resume-key-shown-in-the-README00');
  assert.deepEqual(parseResumeFragment(`#${fragment}`), credentials);
  assert.equal(parseResumeFragment('#smec-resume=RZ20261101APPLY2'), undefined);
  assert.equal(
    parseResumeFragment('#smec-resume=XQ20261101APPLY2.demo-draft-resume-key-shown-in-the-README00'),
    undefined,
  );
  assert.equal(parseResumeFragment('#other=1'), undefined);
});
