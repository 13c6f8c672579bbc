import type { ProblemCode } from '@smec/schemas';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CORS_ANSWER_HEADERS } from './cors.js';
import { databaseErrorCode, databaseTrouble, serviceUnavailable } from './database-errors.js';
import { fill, type Localized, type ProblemText } from './localized.js';
import { ProblemError, problemBody, sendProblem } from './problem.js';
import { securityHeadersOf, type SecurityHeaderOptions } from './security-headers.js';

interface FrameworkProblem {
  readonly code: ProblemCode;
  readonly detail: ProblemText;
  /** The field error's path, for a refusal of the request's form (`body`, `params`, `request`). */
  readonly path?: string;
}

const TEXT = {
  mediaType: {
    'zh-CN': '请以 JSON 格式发送，并设置 Content-Type: application/json。',
    'zh-HK': '請以 JSON 格式發送，並設定 Content-Type: application/json。',
    en: 'Send JSON with Content-Type: application/json.',
  },
  tooLarge: { 'zh-CN': '请求正文过大。', 'zh-HK': '請求內容過大。', en: 'The request body is too large.' },
  badJson: {
    'zh-CN': '请求正文不是有效的 JSON。',
    'zh-HK': '請求內容不是有效的 JSON。',
    en: 'The request body is not valid JSON.',
  },
  badPath: { 'zh-CN': '请求路径无效。', 'zh-HK': '請求路徑無效。', en: 'The path is not valid.' },
  tooMany: {
    'zh-CN': '请求过于频繁，请稍后重试。',
    'zh-HK': '請求過於頻繁，請稍後重試。',
    en: 'Too many requests; retry later.',
  },
  notFound: { 'zh-CN': '未找到。', 'zh-HK': '找不到。', en: 'Not found.' },
  badRequest: {
    'zh-CN': '请求无效：{reason}',
    'zh-HK': '請求無效：{reason}',
    en: 'The request is not valid: {reason}',
  },
  internal: {
    'zh-CN': '发生意外错误；报告问题时请提供请求编号。',
    'zh-HK': '發生意外錯誤；報告問題時請提供請求編號。',
    en: 'An unexpected error occurred; quote the request id when reporting it.',
  },
  methodNotAllowed: {
    'zh-CN': '{path} 不支持 {method} 请求。',
    'zh-HK': '{path} 不支援 {method} 請求。',
    en: '{method} is not allowed on {path}.',
  },
  noRoute: {
    'zh-CN': '不存在资源 {method} {path}。',
    'zh-HK': '不存在資源 {method} {path}。',
    en: 'No resource at {method} {path}.',
  },
} as const satisfies Record<string, Localized>;

/** The problem of an error Fastify (or a plugin) raised rather than a handler's ProblemError. */
function problemFor(error: FastifyError): FrameworkProblem {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', detail: TEXT.mediaType };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', detail: TEXT.tooLarge };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'validation_failed', detail: TEXT.badJson, path: 'body' };
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // The router's refusals: a path that is not percent-encoded UTF-8, or a segment longer than any identifier.
      return { code: 'validation_failed', detail: TEXT.badPath, path: 'params' };
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return { code: 'rate_limited', detail: TEXT.tooMany };
  if (status === 404) return { code: 'not_found', detail: TEXT.notFound };
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx messages (bad URL encoding, bad header) are safe to show; they carry no internals. Each of
    // them is a request the client must change, so they share validation_failed and its 400.
    return { code: 'validation_failed', detail: fill(TEXT.badRequest, { reason: error.message }), path: 'request' };
  }
  return { code: 'internal_error', detail: TEXT.internal };
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
      if (error.status >= 500)
        request.log.warn({ err: error.cause ?? error, code: error.code }, 'answered a 5xx problem');
      return sendProblem(
        reply,
        // Extensions never override the standard members.
        { ...error.extensions, ...problemBody(request, error.code, error.detail, error.errors) },
        error.headers,
      );
    }
    const trouble = databaseTrouble(error);
    if (trouble) {
      // Busy, locked or unreachable: the same request succeeds in a moment, so the client is told to retry.
      request.log.warn({ code: databaseErrorCode(error), trouble }, 'database unavailable: answered 503');
      const unavailable = serviceUnavailable(trouble);
      return sendProblem(reply, problemBody(request, unavailable.code, unavailable.detail), unavailable.headers);
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
        problemBody(request, 'method_not_allowed', fill(TEXT.methodNotAllowed, { method: request.method, path })),
        { allow: 'GET, HEAD' },
      );
    }
    return sendProblem(reply, problemBody(request, 'not_found', fill(TEXT.noRoute, { method: request.method, path })));
  });
}
