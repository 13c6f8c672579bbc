// What an upload of a file answers and what a reader of it sees; the rules are in rules/file.ts.
import { DateTime, Id } from './common.js';
import { FILE_MEDIA_TYPES, MAX_FILE_BYTES } from './rules/file.js';
import * as z from './zod.js';

/** A stored file, as a reader sees it. */
export const StoredFile = z.object({
  id: Id,
  mediaType: z.enum(FILE_MEDIA_TYPES),
  size: z.int().check(z.minimum(1), z.maximum(MAX_FILE_BYTES)),
  /** The SHA-256 of the bytes, hexadecimal. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  uploadedAt: DateTime,
});
export type StoredFile = z.infer<typeof StoredFile>;

/**
 * The answer to an upload: the file and its key. The key is said once; the uploader (an applicant without an
 * account, say) keeps it to read the file back and to attach it to what it belongs to.
 */
export const UploadedFile = z.object({ ...StoredFile.shape, key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)) });
export type UploadedFile = z.infer<typeof UploadedFile>;
