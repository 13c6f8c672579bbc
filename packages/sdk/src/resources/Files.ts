import type { UploadedFile } from '@smec/schemas';
import { FILE_KEY_HEADER, RESUME_KEY_HEADER } from '@smec/schemas/rules';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** Options of {@link Files.upload}. */
export interface UploadFileOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this upload. By default a new random key is made for the call and repeated by its
   * retries; pass your own to make a repeated upload of the same file safe across page loads.
   */
  idempotencyKey?: string;
}

/** What {@link Files.get} needs: the file's id, and the key its upload answered unless a reviewing center asks. */
export interface FileParams {
  id: string;
  key?: string;
  /** The resume key of an application or draft that names the file: its applicant reads it on any device. */
  resumeKey?: string;
}

/** Files of the platform's processes (a provider's business licence, a settlement's proof): `client.files`. */
export class Files extends Resource {
  /**
   * Uploads a PDF, JPEG or PNG of at most 5 MB; no sign-in needed. The platform tells the type from the bytes, so a
   * renamed executable is refused (`SmecApiError` with status 415) whatever the file's name or type; over 5 MB is 413.
   * Resolves to the file's id, type, size and SHA-256, and its `key`: keep it to read the file back and to attach the
   * file to what it belongs to. It is said only here.
   *
   * @example
   * ```ts
   * const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
   * const licence = await client.files.upload(input.files![0]!);
   * console.log(licence.id, licence.sha256);
   * ```
   */
  upload(file: Blob | Uint8Array<ArrayBuffer>, options: UploadFileOptions = {}): Promise<UploadedFile> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: '/files',
      // Bytes without a type go as octet-stream: the platform tells the type from their content anyway.
      body: file instanceof Blob && file.type ? file : new Blob([file], { type: 'application/octet-stream' }),
      idempotencyKey: idempotencyKey ?? true,
      schema: 'UploadedFile',
    });
  }

  /**
   * A file's bytes as a `Blob` of its type, read with the key its upload answered; a center administrator signed in
   * (the client's `getToken`) reads the files of the applications of its region and below without one. To anyone
   * else the file does not exist: `SmecNotFoundError`, as for an unknown id.
   *
   * @example
   * ```ts
   * const blob = await client.files.get({ id: licence.id, key: licence.key });
   * preview.src = URL.createObjectURL(blob);
   * ```
   */
  get(params: FileParams, options: CallOptions = {}): Promise<Blob> {
    return this.http.request({
      ...options,
      path: `/files/${encodeURIComponent(params.id)}`,
      headers: {
        ...options.headers,
        ...(params.key === undefined ? {} : { [FILE_KEY_HEADER]: params.key }),
        ...(params.resumeKey === undefined ? {} : { [RESUME_KEY_HEADER]: params.resumeKey }),
      },
      responseType: 'blob',
    }) as Promise<Blob>;
  }
}
