// Zod-free list of the platform's problem codes.

export const PROBLEM_CODES = [
  'validation_failed',
  'invalid_cursor',
  'not_found',
  'unauthorized',
  'forbidden',
  'conflict',
  'idempotency_key_reused',
  'request_in_progress',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
  'service_unavailable',
  'internal_error',
] as const;
