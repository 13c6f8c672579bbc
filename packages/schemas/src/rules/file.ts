// The rules of the files the platform keeps for a process (a provider's business licence, a settlement's proof).

/** The types a file may have, told from its first bytes, never from its name or the type the client declared. */
export const FILE_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type FileMediaType = (typeof FILE_MEDIA_TYPES)[number];

/** The largest file: 5 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The header that carries a file's key: whoever uploaded it may read it back with it. */
export const FILE_KEY_HEADER = 'smec-file-key';
