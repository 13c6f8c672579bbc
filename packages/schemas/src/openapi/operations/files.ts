import { FILE_MEDIA_TYPES, IdParams, UploadedFile } from '../../index.js';
import * as z from '../../zod.js';
import type { Operation } from '../operation.js';

/** A one-pixel PNG in base64: what the upload's example sends, and the demo's sample licence. */
export const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPYLiMDAAJ9APDxWM6bAAAAAElFTkSuQmCC';

/** The demo seed's sample licence and its key (seed/files.ts): public on purpose, for the example. */
export const DEMO_FILE = { id: 'fil-demo-licence-sample', key: 'demo-sample-licence-key-readable-by-anyone0' } as const;

export const fileOperations = {
  uploadFile: {
    operationId: 'uploadFile',
    method: 'post',
    path: '/files',
    tag: 'files',
    summary: 'Upload a file (a PDF, JPEG or PNG of at most 5 MB, no sign-in); answers with its id and key',
    description:
      'Send the bytes themselves as the body, with `Content-Type` one of the three types or ' +
      '`application/octet-stream`: the type is told from the bytes, never from a name or the declared type (so a ' +
      'file declared as anything else is judged by its bytes too), and a ' +
      'renamed executable is 415. Over 5 MB is 413. The answer holds the file’s `key`, said only here: send it as ' +
      '`Smec-File-Key` to read the file back, and with what the file belongs to (an application to join). ' +
      'Limited per client address (429 with `Retry-After`). Send an `Idempotency-Key` to retry safely.',
    headers: [
      {
        name: 'Idempotency-Key',
        description: 'One random key per logical upload, repeated by its retries',
        required: false,
      },
    ],
    bodyMediaTypes: [...FILE_MEDIA_TYPES, 'application/octet-stream'],
    response: UploadedFile,
    successStatus: 201,
    problems: ['rate_limited'],
    cacheable: false,
    example: { bytes: { mediaType: 'image/png', base64: PIXEL_PNG } },
  },
  getFile: {
    operationId: 'getFile',
    method: 'get',
    path: '/files/{id}',
    tag: 'files',
    summary:
      'A file’s bytes, to the holder of its key and the centers that review it; to anyone else it does not exist (404)',
    description:
      'Answers the bytes with their type, `Content-Disposition: inline` and a sandboxing `Content-Security-Policy`. ' +
      'Without the key, a center administrator signed in reads the files of the applications to join of its region ' +
      'and the regions below it (the reviewing center and the levels above). ' +
      'The metadata (type, size, SHA-256) are those the upload answered.',
    params: IdParams,
    headers: [{ name: 'Smec-File-Key', description: 'The key the upload answered', required: false }],
    response: z.string(),
    responseBinaryTypes: FILE_MEDIA_TYPES,
    security: 'optional',
    problems: ['not_found'],
    cacheable: false,
    example: { params: { id: DEMO_FILE.id }, headers: { 'smec-file-key': DEMO_FILE.key } },
  },
} as const satisfies Record<string, Operation>;
