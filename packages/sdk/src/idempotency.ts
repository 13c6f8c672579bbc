/**
 * A new `Idempotency-Key`: a random UUID. Generate one per logical write and send it with every retry of that write,
 * so the platform applies it once. `crypto.randomUUID` exists only in secure contexts, and government sites are
 * sometimes served over plain HTTP, so this falls back to `crypto.getRandomValues`, which exists everywhere.
 */
export function createIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
