import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal, StoredFile, UploadedFile } from '@smec/schemas';
import type { Kysely, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { applicantReads } from './applicant-access.js';
import { FileStoreUnavailable, type S3FileStore } from './s3-store.js';
import { sniffMediaType } from './sniff.js';

export interface FileContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly clock: Clock;
  /** Where new files' bytes go when not in the database: an S3-compatible bucket, when one is configured. */
  readonly bucket?: S3FileStore | undefined;
}

const TEXT = {
  notAccepted: {
    'zh-CN': '只能上传 PDF、JPEG 或 PNG 文件（按文件内容判断，与文件名无关）。',
    'zh-HK': '只能上載 PDF、JPEG 或 PNG 檔案（按檔案內容判斷，與檔案名稱無關）。',
    en: 'Only PDF, JPEG or PNG files are taken (told from the content, not the name).',
  },
  noFile: {
    'zh-CN': '未找到文件 {id}，或您无权查看。',
    'zh-HK': '找不到檔案 {id}，或您無權查看。',
    en: 'No file {id} that you may see.',
  },
  storeUnavailable: {
    'zh-CN': '文件存储暂时无法访问，请稍后重试。',
    'zh-HK': '檔案儲存暫時無法存取，請稍後再試。',
    en: 'The file store cannot be reached just now. Try again in a moment.',
  },
} as const satisfies Record<string, Localized>;

/** How a key is kept: only its hash, so that a copy of the database reads no file. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

function storedFileOf(row: {
  id: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_at: string;
}): StoredFile {
  return {
    id: row.id,
    mediaType: row.media_type as StoredFile['mediaType'],
    size: Number(row.size),
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}

/** A 415 unless the bytes are a PDF, a JPEG or a PNG. */
export function acceptedType(bytes: Uint8Array): StoredFile['mediaType'] {
  const type = sniffMediaType(bytes);
  if (!type) throw new ProblemError('unsupported_media_type', TEXT.notAccepted);
  return type;
}

/** Stores the bytes (already checked by {@link acceptedType}) and answers with the file and the uploader's key. */
export async function saveFile(
  context: FileContext,
  trx: Transaction<Database>,
  bytes: Buffer,
  mediaType: StoredFile['mediaType'],
): Promise<UploadedFile> {
  const now = context.clock.now();
  const id = `fil-${randomBytes(16).toString('hex')}`;
  const key = randomBytes(32).toString('base64url');
  const inBucket = context.bucket !== undefined;
  // The object is written before its row: a row never names bytes that are not there (a failed insert leaves an
  // object nothing names, which costs storage, not correctness).
  if (context.bucket) await fromBucket(() => context.bucket!.put(id, bytes, mediaType));
  const row = {
    id,
    media_type: mediaType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    store: inBucket ? ('s3' as const) : ('database' as const),
    content: inBucket ? null : bytes,
    key_hash: keyHash(key),
    uploaded_at: shanghaiDateTime(now),
    uploaded_ts: now,
  };
  await trx.insertInto('files').values(row).execute();
  return { ...storedFileOf(row), key };
}

/** The bucket's answer, or a 503 the client may retry when the bucket is unreachable or gives the wrong bytes. */
async function fromBucket<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof FileStoreUnavailable)) throw error;
    const problem = new ProblemError('service_unavailable', TEXT.storeUnavailable, { headers: { 'retry-after': '5' } });
    // The operator's log tells why (the store's status, a changed object); the client is told to retry.
    throw Object.assign(problem, { cause: error });
  }
}

/** Compares in constant time, so that a key cannot be guessed a character at a time. */
function keyMatches(key: string | undefined, hash: string | undefined): boolean {
  const given = Buffer.from(keyHash(key ?? ''));
  const expected = Buffer.from(hash ?? '');
  return key !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
}

/** The ids of the files whose key is right, of those named: what an applicant may attach. */
export async function filesWithKeys(
  db: Kysely<Database> | Transaction<Database>,
  files: readonly { readonly id: string; readonly key: string }[],
): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const rows = await db
    .selectFrom('files')
    .select(['id', 'key_hash'])
    .where(
      'id',
      'in',
      files.map((file) => file.id),
    )
    .execute();
  const hashes = new Map(rows.map((row) => [row.id, row.key_hash]));
  return new Set(files.filter((file) => keyMatches(file.key, hashes.get(file.id))).map((file) => file.id));
}

/**
 * True when the principal is an administrator of the region of an application that names the file, or of a region
 * above it: the reviewing center and the levels above it (DOMAIN.md).
 */
async function reviews(context: FileContext, id: string, principal: Principal | null): Promise<boolean> {
  const own = principal?.role === 'admin' ? principal.regionCode : null;
  if (!own) return false;
  const regions = await context.db
    .selectFrom('provider_application_files as f')
    .innerJoin('provider_applications as a', 'a.seq', 'f.application_seq')
    .select('a.region_code')
    .where('f.file_id', '=', id)
    .execute();
  return regions.some((row) => context.regions.isWithin(row.region_code, own));
}

/**
 * True when the file is a proof attached to an engagement the principal may see: its enterprise, its provider, and
 * the staff of the enterprise's region and above (who settle it).
 */
async function engagementReads(context: FileContext, id: string, principal: Principal | null): Promise<boolean> {
  if (!principal) return false;
  const rows = await context.db
    .selectFrom('engagement_proofs as p')
    .innerJoin('engagements as e', 'e.seq', 'p.engagement_seq')
    .select(['e.enterprise_id', 'e.provider_id', 'e.enterprise_region_code'])
    .where('p.file_id', '=', id)
    .execute();
  return rows.some((row) =>
    principal.role === 'enterprise'
      ? principal.enterpriseId === row.enterprise_id
      : principal.role === 'provider'
        ? principal.providerId === row.provider_id
        : principal.regionCode !== null && context.regions.isWithin(row.enterprise_region_code, principal.regionCode),
  );
}

/**
 * The file and its bytes, to the holder of its key, to the applicant of an application or draft naming it (its
 * resume key), to the centers that review an application naming it, and to those who may see an engagement it
 * proves; to anyone else it does not exist (a 404, the same as an unknown id, so that ids cannot be probed).
 */
export async function readFile(
  context: FileContext,
  id: string,
  key: string | undefined,
  principal: Principal | null = null,
  resumeKey?: string,
): Promise<StoredFile & { readonly content: Buffer }> {
  const row = await context.db
    .selectFrom('files')
    .select(['id', 'media_type', 'size', 'sha256', 'uploaded_at', 'key_hash', 'store'])
    .where('id', '=', id)
    .executeTakeFirst();
  const allowed =
    row !== undefined &&
    (keyMatches(key, row.key_hash) ||
      (await reviews(context, id, principal)) ||
      (await engagementReads(context, id, principal)) ||
      (resumeKey !== undefined && (await applicantReads(context.db, id, keyHash(resumeKey), context.clock.now()))));
  if (!row || !allowed) {
    throw notFound(fill(TEXT.noFile, { id }));
  }
  return { ...storedFileOf(row), content: await bytesOf(context, row) };
}

/** The bytes (up to 5 MB), read only once the reader may have them: a refused probe costs one small row. */
async function bytesOf(context: FileContext, row: { id: string; sha256: string; store: string }): Promise<Buffer> {
  if (row.store === 's3') {
    // A file written to a bucket is read from it, even by a server since set up without one: it says so.
    return fromBucket(async () => {
      if (!context.bucket) throw new FileStoreUnavailable(`file ${row.id} is in a bucket and none is configured`);
      return context.bucket.get(row.id, row.sha256);
    });
  }
  const { content } = await context.db
    .selectFrom('files')
    .select('content')
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  if (content === null) throw new Error(`file ${row.id} has no bytes in the database`);
  return Buffer.from(content);
}
