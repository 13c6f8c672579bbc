// Files the platform keeps for a process (a provider's business licence, a settlement's proof): the types it takes,
// the largest size, and what an upload answers.
import { DateTime, Id } from './common.js';
import * as z from './zod.js';

/** The types a file may have, told from its first bytes, never from its name or the type the client declared. */
export const FILE_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type FileMediaType = (typeof FILE_MEDIA_TYPES)[number];

/** The largest file: 5 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The header that carries a file's key: whoever uploaded it may read it back with it. */
export const FILE_KEY_HEADER = 'smec-file-key';

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
export const UploadedFile = z.extend(StoredFile, { key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)) });
export type UploadedFile = z.infer<typeof UploadedFile>;
