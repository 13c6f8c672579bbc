import { MAX_CERTIFICATES, MAX_FILE_BYTES } from '@smec/schemas/rules';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Files } from '@smec/sdk/core';
import { useResources, type SmecClient } from '../../internal/client.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ files: Files });

/** One file the applicant chose: uploading, uploaded (with the id, and the key a new upload answered) or failed. */
export interface Upload {
  readonly localId: number;
  readonly name: string;
  readonly size: number;
  state: 'uploading' | 'done' | 'failed';
  /** Set once uploaded; a file a draft or the application already names has no key (none is needed again). */
  file?: { id: string; key?: string };
  /** Why it failed: `tooLarge` before sending, or the platform's error. */
  error?: unknown;
}

export interface Uploads {
  licence: Upload | undefined;
  certificates: Upload[];
}

export type UploadRole = keyof Uploads;

/** A file already named by a draft or an application: shown again, uploaded already. */
export interface KeptFile {
  id: string;
  name?: string | undefined;
  size?: number | undefined;
}

let nextId = 1;

/**
 * The application's files: each chosen file goes to `POST /files` at once (the platform tells the type from its
 * bytes), and the form names it by the id and key the upload answered. A file over 5 MB is refused before sending.
 */
export class UploadController implements ReactiveController {
  uploads: Uploads = { licence: undefined, certificates: [] };
  private readonly aborts = new Map<number, AbortController>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => SmecClient,
    /** After an upload settled: the form checks the field again, keeps the draft … */
    private readonly settled: (role: UploadRole) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const abort of this.aborts.values()) abort.abort();
    this.aborts.clear();
  }

  /** Uploads the files chosen for `role`: the licence replaces the one before, certificates add up to ten. */
  add(role: UploadRole, files: readonly File[]): void {
    const chosen =
      role === 'licence' ? files.slice(0, 1) : files.slice(0, MAX_CERTIFICATES - this.uploads.certificates.length);
    for (const file of chosen) {
      const upload: Upload = { localId: nextId++, name: file.name, size: file.size, state: 'uploading' };
      if (role === 'licence') {
        if (this.uploads.licence) this.remove('licence', this.uploads.licence.localId);
        this.uploads = { ...this.uploads, licence: upload };
      } else this.uploads = { ...this.uploads, certificates: [...this.uploads.certificates, upload] };
      void this.send(role, upload, file);
    }
    this.host.requestUpdate();
  }

  remove(role: UploadRole, localId: number): void {
    this.aborts.get(localId)?.abort();
    this.aborts.delete(localId);
    this.uploads =
      role === 'licence'
        ? { ...this.uploads, licence: this.uploads.licence?.localId === localId ? undefined : this.uploads.licence }
        : { ...this.uploads, certificates: this.uploads.certificates.filter((upload) => upload.localId !== localId) };
    this.host.requestUpdate();
  }

  /** The files a draft or an application names: uploaded already. */
  restore(licence: KeptFile | undefined, certificates: readonly KeptFile[]): void {
    const kept = (file: KeptFile): Upload => ({
      localId: nextId++,
      name: file.name ?? file.id,
      size: file.size ?? 0,
      state: 'done',
      file: { id: file.id },
    });
    this.uploads = { licence: licence && kept(licence), certificates: certificates.map(kept) };
    this.host.requestUpdate();
  }

  get busy(): boolean {
    const all = [this.uploads.licence, ...this.uploads.certificates];
    return all.some((upload) => upload?.state === 'uploading');
  }

  private async send(role: UploadRole, upload: Upload, file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      this.settle(role, upload, { state: 'failed', error: 'tooLarge' });
      return;
    }
    const abort = new AbortController();
    this.aborts.set(upload.localId, abort);
    try {
      const uploaded = await this.client().files.upload(file, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.settle(role, upload, { state: 'done', file: { id: uploaded.id, key: uploaded.key } });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.settle(role, upload, { state: 'failed', error });
    } finally {
      this.aborts.delete(upload.localId);
    }
  }

  private settle(role: UploadRole, upload: Upload, outcome: Partial<Upload>): void {
    const replace = (candidate: Upload) =>
      candidate.localId === upload.localId ? { ...candidate, ...outcome } : candidate;
    this.uploads = {
      licence: this.uploads.licence && replace(this.uploads.licence),
      certificates: this.uploads.certificates.map(replace),
    };
    this.host.requestUpdate();
    this.settled(role);
  }
}
