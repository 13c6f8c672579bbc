import type { ProblemCode } from '@smec/schemas';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CORS_ANSWER_HEADERS } from './cors.js';
import { databaseErrorCode, databaseTrouble, serviceUnavailable } from './database-errors.js';
import { requestLocale } from './locale.js';
import { ProblemError, problemBody, sendProblem } from './problem.js';
import { securityHeadersOf, type SecurityHeaderOptions } from './security-headers.js';

interface FrameworkProblem {
  readonly code: ProblemCode;
  readonly detail: string;
  /** The field error's path, for a refusal of the request's form (`body`, `params`, `request`). */
  readonly path?: string;
}

/** The problem of an error Fastify (or a plugin) raised rather than a handler's ProblemError. */
function problemFor(error: FastifyError): FrameworkProblem {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', detail: 'Send JSON with Content-Type: application/json.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', detail: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'validation_failed', detail: 'The request body is not valid JSON.', path: 'body' };
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // The router's refusals: a path that is not percent-encoded UTF-8, or a segment longer than any identifier.
      return { code: 'validation_failed', detail: 'The path is not valid.', path: 'params' };
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return { code: 'rate_limited', detail: 'Too many requests; retry later.' };
  if (status === 404) return { code: 'not_found', detail: 'Not found.' };
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx messages (bad URL encoding, bad header) are safe to show; they carry no internals. Each of
    // them is a request the client must change, so they share validation_failed and its 400.
    return { code: 'validation_failed', detail: error.message, path: 'request' };
  }
  return { code: 'internal_error', detail: 'An unexpected error occurred; quote the request id when reporting it.' };
}

function sendFrameworkProblem(request: FastifyRequest, reply: FastifyReply, problem: FrameworkProblem): FastifyReply {
  const errors = problem.path ? [{ path: problem.path, message: problem.detail }] : undefined;
  return sendProblem(reply, problemBody(request, problem.code, problem.detail, errors));
}

/**
 * Fastify's `frameworkErrors`: errors the router raises before any hook runs would otherwise be Fastify's own JSON,
 * without a request id, the security headers or CORS.
 */
export function frameworkErrorHandler(security: SecurityHeaderOptions) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-request-id', request.id).headers(securityHeadersOf(request, security)).headers(CORS_ANSWER_HEADERS);
    return sendFrameworkProblem(request, reply, problemFor(error));
  };
}

/** Every error a route throws, and every request no route takes, answered as a problem. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) {
      return sendProblem(
        reply,
        // Extensions never override the standard members.
        { ...error.extensions, ...problemBody(request, error.code, error.message, error.errors) },
        error.headers,
      );
    }
    const trouble = databaseTrouble(error);
    if (trouble) {
      // Busy, locked or unreachable: the same request succeeds in a moment, so the client is told to retry.
      request.log.warn({ code: databaseErrorCode(error), trouble }, 'database unavailable: answered 503');
      const unavailable = serviceUnavailable(requestLocale(request), trouble);
      return sendProblem(reply, problemBody(request, unavailable.code, unavailable.message), unavailable.headers);
    }
    const problem = problemFor(error);
    if (problem.code === 'internal_error') request.log.error({ err: error, requestId: request.id }, 'unexpected error');
    return sendFrameworkProblem(request, reply, problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' && request.method !== 'HEAD' && app.findRoute({ method: 'GET', url: path })) {
      return sendProblem(
        reply,
        problemBody(request, 'method_not_allowed', `${request.method} is not allowed on ${path}.`),
        { allow: 'GET, HEAD' },
      );
    }
    return sendProblem(reply, problemBody(request, 'not_found', `No resource at ${request.method} ${path}.`));
  });
}
