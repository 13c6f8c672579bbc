// An S3-compatible bucket for the files' bytes (AWS S3, MinIO, Ceph, a cloud's object storage): one object per file,
// named by the file's random id, written before its row and read back checked against the row's SHA-256.
import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';

export interface S3Settings {
  /** The store's base URL, e.g. `https://oss.example.gov.cn` or `http://127.0.0.1:9000`. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The region the signature names; most S3-compatible stores take any. Default `us-east-1`. */
  readonly region?: string;
}

/** Thrown when the bucket cannot take or give bytes: the request fails as the server's fault (503), not the user's. */
export class FileStoreUnavailable extends Error {}

export class S3FileStore {
  readonly #client: AwsClient;
  readonly #base: string;

  constructor(settings: S3Settings) {
    // The signature carries the wall time the store checks it against, so it is not the platform's (pinnable) clock.
    this.#client = new AwsClient({
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      service: 's3',
      region: settings.region ?? 'us-east-1',
      retries: 2,
    });
    // Path-style addressing: it works with every S3-compatible store, where virtual hosts need DNS set up.
    this.#base = `${settings.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}/files/`;
  }

  async put(id: string, bytes: Buffer, mediaType: string): Promise<void> {
    const response = await this.#send(id, {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: {
        'content-type': mediaType,
        // The store refuses bytes that changed on the way.
        'content-md5': createHash('md5').update(bytes).digest('base64'),
      },
    });
    await response.arrayBuffer();
    if (!response.ok) throw new FileStoreUnavailable(`the file store answered ${response.status} to a write`);
  }

  /** The bytes of file `id`, refused unless their SHA-256 is the one recorded when they were written. */
  async get(id: string, sha256: string): Promise<Buffer> {
    const response = await this.#send(id, { method: 'GET' });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new FileStoreUnavailable(`the file store answered ${response.status} to a read`);
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new FileStoreUnavailable(`file ${id} in the store is not the file that was uploaded`);
    }
    return bytes;
  }

  async #send(id: string, init: RequestInit): Promise<Response> {
    try {
      return await this.#client.fetch(this.#base + encodeURIComponent(id), init);
    } catch (error) {
      throw new FileStoreUnavailable('the file store cannot be reached', { cause: error });
    }
  }
}
