import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface SecurityHeaderOptions {
  /**
   * `Strict-Transport-Security: max-age=<seconds>` on responses to HTTPS requests (directly, or as the trusted proxy
   * says with `X-Forwarded-Proto`). Off (0) by default: the server itself speaks plain HTTP, and only the operator
   * knows that every name it is reached under has a certificate.
   */
  readonly hstsMaxAge?: number;
}

/**
 * Responses that are not pages (JSON, problems, calendars, scripts) may load nothing and be framed by nobody. A
 * handler that serves a page sets its own policy (the demo pages do), which this default does not override.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The headers every response carries. The API and the CDN build are read by widgets on other sites (each center's
 * own), so they are `Cross-Origin-Resource-Policy: cross-origin`; CORS stays as it is.
 */
export function securityHeadersOf(
  request: FastifyRequest,
  options: SecurityHeaderOptions = {},
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'content-security-policy': API_CSP,
  };
  if (request.url.startsWith('/api/') || request.url.startsWith('/cdn/')) {
    headers['cross-origin-resource-policy'] = 'cross-origin';
  }
  const maxAge = Math.floor(options.hstsMaxAge ?? 0);
  if (maxAge > 0 && request.protocol === 'https') headers['strict-transport-security'] = `max-age=${maxAge}`;
  return headers;
}

/** Sets {@link securityHeadersOf} before the handler runs, so that a handler may still choose its own (a page's CSP). */
export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions = {}): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeadersOf(request, options));
  });
}
