// Files kept in an S3-compatible bucket (s3rver, a real S3 server on loopback): the bytes go to the bucket and come
// back from it checked against the recorded SHA-256; a bucket that is down, refuses the signature or holds other
// bytes is a 503 to retry, never the wrong file.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AwsClient } from 'aws4fetch';
import S3rver from 's3rver';
import { FILE_KEY_HEADER, UploadedFile } from '@smec/schemas';
import { DEMO_FILE, PIXEL_PNG } from '@smec/schemas/openapi';
import type { RunningServer, S3Settings } from '@smec/server';
import { s3SettingsFrom } from '../src/config.js';
import { startTestServer } from '../../../test-support/server.js';
import { assertProblem, request } from './helpers.js';

const PNG = Buffer.from(PIXEL_PNG, 'base64');
const BUCKET = 'smec-files';

let directory: string;
let bucketServer: S3rver;
let settings: S3Settings;
let server: RunningServer;

before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'smec-s3-'));
  bucketServer = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const listening = (await bucketServer.run()) as { port: number } | Server;
  const port = 'port' in listening ? listening.port : (listening.address() as { port: number }).port;
  // s3rver's own account.
  settings = { endpoint: `http://127.0.0.1:${port}`, bucket: BUCKET, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  server = await startTestServer({ fileStore: settings });
});
after(async () => {
  await server?.close();
  // The last test has closed it already.
  await bucketServer?.close().catch(() => undefined);
  await rm(directory, { recursive: true, force: true });
});

async function upload(api: string, bytes: Buffer) {
  return request<unknown>(api, '/files', {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: new Uint8Array(bytes),
  });
}

const objectUrl = (id: string) => `${settings.endpoint}/${BUCKET}/files/${id}`;
const bucketClient = () => new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', service: 's3' });

test('an upload goes to the bucket under its id and is read back from it byte for byte', async () => {
  const response = await upload(server.apiUrl, PNG);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const file = UploadedFile.parse(response.body);

  const stored = await bucketClient().fetch(objectUrl(file.id));
  assert.equal(stored.status, 200);
  assert.equal(stored.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await stored.arrayBuffer()), PNG);

  const read = await fetch(`${server.apiUrl}/files/${file.id}`, { headers: { [FILE_KEY_HEADER]: file.key } });
  assert.equal(read.status, 200);
  assert.deepEqual(Buffer.from(await read.arrayBuffer()), PNG);
  // The key still decides: the bucket does not make a file public.
  const withoutKey = await request<unknown>(server.apiUrl, `/files/${file.id}`);
  assertProblem(withoutKey, 404, 'not_found');
});

test('bytes changed in the bucket are refused with a 503, not served as the file', async () => {
  const file = UploadedFile.parse((await upload(server.apiUrl, PNG)).body);
  const tampered = Buffer.concat([PNG, Buffer.from('x')]);
  const put = await bucketClient().fetch(objectUrl(file.id), { method: 'PUT', body: tampered });
  assert.equal(put.status, 200);
  const read = await request<unknown>(server.apiUrl, `/files/${file.id}`, {
    headers: { [FILE_KEY_HEADER]: file.key, 'accept-language': 'en' },
  });
  assertProblem(read, 503, 'service_unavailable');
  assert.equal(read.headers.get('retry-after'), '5');
  assert.match(JSON.stringify(read.body), /file store/);
});

test('a bucket that refuses the credentials is a 503 to retry', async () => {
  const refused = await startTestServer({ fileStore: { ...settings, accessKeyId: 'NOT-AN-ACCOUNT' } });
  after(() => refused.close());
  const response = await upload(refused.apiUrl, PNG);
  assertProblem(response, 503, 'service_unavailable');
  assert.match(JSON.stringify(response.body), /文件存储暂时无法访问/);
});

test('with the bucket unreachable, uploads are 503 and the files the database keeps are still served', async () => {
  const unreachable = await startTestServer({ fileStore: { ...settings, endpoint: 'http://127.0.0.1:9' } });
  after(() => unreachable.close());
  assertProblem(await upload(unreachable.apiUrl, PNG), 503, 'service_unavailable');
  // The seeded sample licence was kept in the database before any bucket was configured.
  const sample = await fetch(`${unreachable.apiUrl}/files/${DEMO_FILE.id}`, {
    headers: { [FILE_KEY_HEADER]: DEMO_FILE.key },
  });
  assert.equal(sample.status, 200);
  assert.deepEqual(Buffer.from(await sample.arrayBuffer()), PNG);
});

// Last: it stops the bucket.
test('a file kept in a bucket that has gone down is a 503 to retry', async () => {
  const file = UploadedFile.parse((await upload(server.apiUrl, PNG)).body);
  await bucketServer.close();
  const read = await request<unknown>(server.apiUrl, `/files/${file.id}`, { headers: { [FILE_KEY_HEADER]: file.key } });
  assertProblem(read, 503, 'service_unavailable');
});

test('the bucket is configured by all four SMEC_S3_* variables or none; a partial setting names what is missing', () => {
  assert.equal(s3SettingsFrom({}), undefined);
  const all = {
    SMEC_S3_ENDPOINT: 'http://127.0.0.1:9000',
    SMEC_S3_BUCKET: 'smec',
    SMEC_S3_ACCESS_KEY_ID: 'id',
    SMEC_S3_SECRET_ACCESS_KEY: 'secret',
  };
  assert.deepEqual(s3SettingsFrom({ ...all, SMEC_S3_REGION: 'cn-south-1' }), {
    endpoint: 'http://127.0.0.1:9000',
    bucket: 'smec',
    accessKeyId: 'id',
    secretAccessKey: 'secret',
    region: 'cn-south-1',
  });
  assert.throws(() => s3SettingsFrom({ ...all, SMEC_S3_BUCKET: ' ' }), /needs SMEC_S3_BUCKET as well/);
  assert.throws(() => s3SettingsFrom({ ...all, SMEC_S3_ENDPOINT: 'oss.example' }), /http:\/\/ or https:\/\//);
});
