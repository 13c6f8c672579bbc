import type { FileMediaType } from '@smec/schemas';

const SIGNATURES: readonly { readonly type: FileMediaType; readonly bytes: readonly number[] }[] = [
  // `%PDF-`
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // The JPEG start-of-image marker followed by another marker.
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/**
 * The type of a file told from its first bytes, or undefined when it is none the platform takes: a name or a declared
 * type says nothing (a renamed executable is still an executable).
 */
export function sniffMediaType(bytes: Uint8Array): FileMediaType | undefined {
  return SIGNATURES.find(({ bytes: signature }) => signature.every((byte, index) => bytes[index] === byte))?.type;
}
