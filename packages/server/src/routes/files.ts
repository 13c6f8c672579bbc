import { createHash } from 'node:crypto';
import { FILE_KEY_HEADER, IdParams, MAX_FILE_BYTES, type UploadedFile } from '@smec/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { optionalResumeKeyOf } from '../applications/resume-key.js';
import { acceptedType, readFile, saveFile, type FileContext } from '../files/store.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import type { Localized } from '../http/localized.js';
import { validationFailed } from '../http/problem.js';
import { limitedRoute, type RateLimitRule } from '../http/rate-limit.js';
import { parseInput } from '../http/validate.js';

const UPLOAD_SCOPE = 'POST /files';
/** The extension a saved copy gets, so that the reader's system opens it with the right program. */
const EXTENSIONS = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;

const BAD_KEY = {
  'zh-CN': 'Smec-File-Key 应为上传文件时返回的密钥（不超过 255 个字符）。',
  'zh-HK': 'Smec-File-Key 應為上載檔案時返回的密鑰（不超過 255 個字元）。',
  en: 'Smec-File-Key must be the key the upload answered (at most 255 characters).',
} as const satisfies Localized;

/** The key a reader sends, or undefined without one; a key no upload can have answered is a 400, not a lookup. */
function fileKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[FILE_KEY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 255) {
    throw validationFailed([{ path: `header.${FILE_KEY_HEADER}`, message: BAD_KEY, code: 'invalid' }]);
  }
  return value;
}

export interface FileRouteOptions {
  readonly uploadLimit: RateLimitRule;
}

/**
 * Uploads and reads of files. Registered in a plugin of its own: only these routes take a body that is not JSON,
 * sent as the bytes themselves (whatever `Content-Type` says: the type is told from the bytes), up to 5 MB.
 */
export async function fileRoutes(app: FastifyInstance, context: FileContext, options: FileRouteOptions) {
  const idempotency = new IdempotencyStore(context.db, context.clock);
  // Every declared type is read as bytes (a GIF or an executable as well), so that what is refused is refused for
  // what the bytes are, with the files' own message, not as a body that should have been JSON.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/files',
    { bodyLimit: MAX_FILE_BYTES, ...limitedRoute('file-upload', options.uploadLimit) },
    async (request, reply) => {
      const key = idempotencyKeyOf(request);
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const mediaType = acceptedType(bytes);
      // A retry with the key sends the same bytes: their hash stands for the body.
      const digest = createHash('sha256').update(bytes).digest('hex');
      const result = await idempotency.run(UPLOAD_SCOPE, key, digest, async (trx) => ({
        status: 201,
        body: await saveFile(context, trx, bytes, mediaType),
      }));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      const file = result.body as UploadedFile;
      return reply
        .code(result.status)
        .header('cache-control', 'no-store')
        .header('location', `/api/v1/files/${file.id}`)
        .send(file);
    },
  );

  app.get('/files/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const file = await readFile(
      context,
      id,
      fileKeyOf(request),
      await request.principal(),
      optionalResumeKeyOf(request),
    );
    return (
      reply
        .type(file.mediaType)
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="${file.id}.${EXTENSIONS[file.mediaType]}"`)
        // A PDF opened from here runs no script and loads nothing.
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.content)
    );
  });
}
