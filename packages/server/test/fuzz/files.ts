// The smallest valid file of each type a file body may document: what the fuzzer sends as a valid upload, so that
// an upload operation is fuzzed around a body the document calls valid.

import { PIXEL_PNG } from '@smec/schemas/openapi';

const SAMPLES: Readonly<Record<string, () => Uint8Array<ArrayBuffer>>> = {
  'image/png': () => new Uint8Array(Buffer.from(PIXEL_PNG, 'base64')),
  'image/jpeg': () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]),
  'application/pdf': () => new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
};

/** A file body: the media types the document lists for it and its largest size. */
export interface FileBody {
  readonly mediaTypes: readonly string[];
  readonly maxBytes: number;
}

/** A sample of the first listed type that the fuzzer knows how to make, or undefined when it knows none. */
export function sampleFile(body: FileBody): { mediaType: string; bytes: Uint8Array<ArrayBuffer> } | undefined {
  const mediaType = body.mediaTypes.find((type) => type in SAMPLES);
  return mediaType ? { mediaType, bytes: SAMPLES[mediaType]!() } : undefined;
}
