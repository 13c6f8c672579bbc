// Files over HTTP: the type told from the bytes, the 5 MB limit, the SHA-256, the key that alone reads a file back,
// retries with an Idempotency-Key, and the database's own checks on what a file row may hold.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { FILE_KEY_HEADER, MAX_FILE_BYTES, UploadedFile } from '@smec/schemas';
import { usccCheckCharacter } from '@smec/schemas/rules';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import type { RunningServer } from '@smec/server';
import { prepareTestDatabase, startTestServer } from '../../../test-support/server.js';
import { assertProblem, request } from './helpers.js';

const PNG = Buffer.from(PIXEL_PNG, 'base64');

/** A PDF of exactly `size` bytes: the header, then padding inside a comment. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n%');
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
}

let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.close();
});

async function upload(bytes: Buffer, contentType: string, headers: Record<string, string> = {}) {
  return request<unknown>(server.apiUrl, '/files', {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body: new Uint8Array(bytes),
  });
}

async function fetchFile(id: string, key?: string) {
  return fetch(`${server.apiUrl}/files/${id}`, { headers: key === undefined ? {} : { [FILE_KEY_HEADER]: key } });
}

test('an upload is typed from its bytes, hashed, and read back byte for byte with its key', async () => {
  // Declared as octet-stream: the platform tells the PNG from its signature.
  const response = await upload(PNG, 'application/octet-stream');
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const file = UploadedFile.parse(response.body);
  assert.equal(file.mediaType, 'image/png');
  assert.equal(file.size, PNG.length);
  assert.equal(file.sha256, createHash('sha256').update(PNG).digest('hex'));
  assert.equal(response.headers.get('location'), `/api/v1/files/${file.id}`);
  assert.equal(response.headers.get('cache-control'), 'no-store');

  const read = await fetchFile(file.id, file.key);
  assert.equal(read.status, 200);
  assert.equal(read.headers.get('content-type'), 'image/png');
  assert.match(read.headers.get('content-security-policy') ?? '', /sandbox/);
  assert.match(read.headers.get('content-disposition') ?? '', new RegExp(`^inline; filename="${file.id}\\.png"$`));
  assert.deepEqual(Buffer.from(await read.arrayBuffer()), PNG);
});

test('without its key, with another file’s key or for an unknown id, a file does not exist: the same 404', async () => {
  const first = UploadedFile.parse((await upload(PNG, 'image/png')).body);
  const second = UploadedFile.parse((await upload(pdfOf(200), 'application/pdf')).body);
  const answers = [
    await fetchFile(first.id),
    await fetchFile(first.id, second.key),
    await fetchFile(first.id, `${first.key.slice(0, -1)}${first.key.endsWith('A') ? 'B' : 'A'}`),
    await fetchFile('fil-00000000000000000000000000000000', first.key),
  ];
  for (const answer of answers) {
    assert.equal(answer.status, 404);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = (await answer.json()) as { code: string };
    assert.equal(problem.code, 'not_found');
  }
  assert.equal((await fetchFile(second.id, second.key)).status, 200, 'each key reads its own file');
});

test('a key no upload can have answered is a 400 naming the header', async () => {
  const answer = await fetchFile('fil-demo-licence-sample', 'k'.repeat(256));
  assert.equal(answer.status, 400);
  const problem = (await answer.json()) as { errors: { path: string }[] };
  assert.deepEqual(
    problem.errors.map((error) => error.path),
    [`header.${FILE_KEY_HEADER}`],
  );
});

test('5 MB is taken, 5 MB and one byte is a 413 problem in the request’s language', async () => {
  const largest = await upload(pdfOf(MAX_FILE_BYTES), 'application/pdf');
  assert.equal(largest.status, 201, JSON.stringify(largest.body).slice(0, 300));
  assert.equal(UploadedFile.parse(largest.body).size, MAX_FILE_BYTES);

  const over = await upload(pdfOf(MAX_FILE_BYTES + 1), 'application/pdf', { 'accept-language': 'en' });
  const problem = assertProblem(over, 413, 'payload_too_large');
  assert.match(problem.title, /too large/i);
});

test('a renamed executable, an HTML page, a GIF and an empty body are 415 problems, whatever type they claim', async () => {
  // A Windows executable (MZ) and a Linux one (ELF) sent as a PDF and as a PNG.
  const windowsExe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), randomBytes(256)]);
  const linuxExe = Buffer.concat([Buffer.from('\x7fELF', 'latin1'), randomBytes(256)]);
  const page = Buffer.from('<!doctype html><script>alert(1)</script>');
  for (const [bytes, type] of [
    [windowsExe, 'application/pdf'],
    [linuxExe, 'image/png'],
    [page, 'image/jpeg'],
    // A GIF is an image, but not one the platform takes, and says so itself.
    [Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image/gif'],
    [Buffer.alloc(0), 'application/octet-stream'],
  ] as const) {
    const problem = assertProblem(
      await upload(bytes, type, { 'accept-language': 'zh-CN' }),
      415,
      'unsupported_media_type',
    );
    assert.match(problem.detail ?? '', /PDF、JPEG 或 PNG/);
  }
  // JSON is not a file either.
  const json = await upload(Buffer.from('{"a":1}'), 'application/json');
  assertProblem(json, 415, 'unsupported_media_type');
});

test('a retry with the same Idempotency-Key stores one file; the key with other bytes is a 422', async () => {
  const key = `files-${randomBytes(8).toString('hex')}`;
  const first = await upload(PNG, 'image/png', { 'idempotency-key': key });
  const retry = await upload(PNG, 'image/png', { 'idempotency-key': key });
  assert.equal(first.status, 201);
  assert.equal(retry.status, 201);
  assert.equal(retry.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(retry.body, first.body, 'the same file, with the same key to read it');
  const other = await upload(pdfOf(100), 'application/pdf', { 'idempotency-key': key });
  assertProblem(other, 422, 'idempotency_key_reused');

  const { id } = UploadedFile.parse(first.body);
  assert.equal((await fetchFile(id, UploadedFile.parse(retry.body).key)).status, 200);
});

test('the database refuses a file row whose size is not its length, of another type, empty, or not where it says', async () => {
  const database = await prepareTestDatabase();
  after(() => database.dispose());
  const { db } = database;
  const row = {
    id: 'fil-check-0001',
    media_type: 'image/png',
    size: PNG.length,
    sha256: createHash('sha256').update(PNG).digest('hex'),
    content: PNG,
    key_hash: 'x',
    uploaded_at: '2026-01-01T00:00:00+08:00',
    uploaded_ts: 0,
  };
  await assert.rejects(
    db
      .insertInto('files')
      .values({ ...row, size: PNG.length + 1 })
      .execute(),
  );
  await assert.rejects(
    db
      .insertInto('files')
      .values({ ...row, media_type: 'text/html' })
      .execute(),
  );
  await assert.rejects(
    db
      .insertInto('files')
      .values({ ...row, content: Buffer.alloc(0), size: 0 })
      .execute(),
  );
  // Bytes in the row of a file said to be in the bucket, and a file said to be in the database without them.
  await assert.rejects(
    db
      .insertInto('files')
      .values({ ...row, store: 's3' })
      .execute(),
  );
  await assert.rejects(
    db
      .insertInto('files')
      .values({ ...row, content: null })
      .execute(),
  );
  await db
    .insertInto('files')
    .values({ ...row, id: 'fil-check-0002', store: 's3', content: null })
    .execute();
  await db.insertInto('files').values(row).execute();
  await db.deleteFrom('files').where('id', 'in', [row.id, 'fil-check-0002']).execute();
});

test('an application’s licence is read without its key by the centers of its region and above, by no one else', async () => {
  const licence = UploadedFile.parse((await upload(PNG, 'image/png')).body);
  const example = structuredClone(operations.createProviderApplication.example.body) as Record<string, unknown> & {
    organisation: Record<string, unknown>;
  };
  const first17 = '31440000MD0500001';
  const applied = await request(server.apiUrl, '/provider-applications', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...example,
      organisation: { ...example.organisation, regionCode: '440604', uscc: `${first17}${usccCheckCharacter(first17)}` },
      files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
    }),
  });
  assert.equal(applied.status, 201, JSON.stringify(applied.body));

  const users = await request<{ items: { id: string; role: string; regionCode: string | null }[] }>(
    server.apiUrl,
    '/demo/users',
  );
  const userIn = (role: string, regionCode: string) => {
    const user = users.body.items.find((item) => item.role === role && item.regionCode === regionCode);
    assert.ok(user, `a seeded ${role} of ${regionCode}`);
    return user.id;
  };
  const enterprise = users.body.items.find((item) => item.role === 'enterprise');
  assert.ok(enterprise);
  const readAs = async (userId: string) => {
    const token = await request<{ token: string }>(server.apiUrl, '/demo/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    const answer = await fetch(`${server.apiUrl}/files/${licence.id}`, {
      headers: { authorization: `Bearer ${token.body.token}` },
    });
    await answer.arrayBuffer();
    return answer.status;
  };
  assert.equal(await readAs(userIn('admin', '440000')), 200, 'the province');
  assert.equal(await readAs(userIn('admin', '440600')), 200, 'the city of the application (Foshan)');
  assert.equal(await readAs(userIn('admin', '440500')), 404, 'another city (Shantou)');
  assert.equal(await readAs(enterprise.id), 404, 'an enterprise');
  assert.equal((await fetchFile(licence.id)).status, 404, 'anyone without a token or the key');
});
