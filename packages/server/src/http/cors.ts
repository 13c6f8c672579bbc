import type { FastifyCorsOptions } from '@fastify/cors';
import { CORS_EXPOSED_HEADERS } from '@smec/schemas/openapi';

export { CORS_EXPOSED_HEADERS };

export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-None-Match',
  // A provider's edits (`PATCH /me/products/{id}`, `/me/provider`) name the version they change.
  'If-Match',
  'Smec-File-Key',
  'Smec-Resume-Key',
];

/** Any origin may call the API: the widgets run on every center's own site. */
export const CORS_OPTIONS: FastifyCorsOptions = {
  origin: '*',
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: CORS_ALLOWED_HEADERS,
  exposedHeaders: [...CORS_EXPOSED_HEADERS],
  maxAge: 600,
};

/**
 * What the CORS plugin sends with an answer (not a preflight), for the answers it never sees: the router's refusals
 * come before any hook, and a page must be able to read them as it reads every other problem.
 */
export const CORS_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
};
