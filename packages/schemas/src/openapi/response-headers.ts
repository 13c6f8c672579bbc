// The headers of the platform's answers that the document states: CORS on every answer, the rate limit's on the
// answers of a limited operation. The server sends each of them (packages/server/src/app.ts and http/rate-limit.ts).
import type { JsonObject } from './json-schema.js';

/**
 * The headers of an answer that a page on another site may read (`Access-Control-Expose-Headers`). The server's
 * CORS policy sends this list; widgets read the ETag, the rate limit and the request id from other sites' pages.
 */
export const CORS_EXPOSED_HEADERS = [
  'ETag',
  'Retry-After',
  'RateLimit',
  'RateLimit-Policy',
  'X-Request-Id',
  'Idempotent-Replayed',
  'Location',
] as const;

/** CORS as every answer carries it: any origin may read it (widgets run on each center's own site). */
export const CORS_HEADERS: Readonly<Record<string, JsonObject>> = {
  'Access-Control-Allow-Origin': {
    description: 'Any origin may read the answer: the widgets run on every center’s own site',
    schema: { type: 'string', const: '*' },
  },
  'Access-Control-Expose-Headers': {
    description: 'The headers of the answer that a script on another origin may read',
    schema: { type: 'string', const: CORS_EXPOSED_HEADERS.join(', ') },
  },
};

/** The rate limit's headers on every answer of a limited operation. */
export const RATE_LIMIT_HEADERS: Readonly<Record<string, JsonObject>> = {
  RateLimit: {
    description:
      'What is left of the client address’s limit (IETF RateLimit header fields): `"<policy>";r=<requests left>;' +
      't=<seconds until the window ends>`. Sent on every answer to a request the limit counted; a replayed ' +
      'submission and a body refused before it is read (not JSON, too large) are not counted.',
    schema: { type: 'string', pattern: '^"[a-z-]+";r=\\d+;t=\\d+$' },
  },
  'RateLimit-Policy': {
    description: 'The limit itself: `"<policy>";q=<requests>;w=<seconds of the window>`, per client address',
    schema: { type: 'string', pattern: '^"[a-z-]+";q=\\d+;w=\\d+$' },
  },
};

/** With a 429: when to try again. */
export const RETRY_AFTER_HEADER: Readonly<Record<string, JsonObject>> = {
  'Retry-After': {
    description: 'Seconds until the window ends and the limit allows requests again',
    schema: { type: 'string', pattern: '^[1-9]\\d*$' },
  },
};
