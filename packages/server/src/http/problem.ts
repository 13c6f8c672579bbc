import { PROBLEM_STATUS, PROBLEM_TITLES, type FieldError, type Problem, type ProblemCode } from '@smec/schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { inLocale, joinTexts, perLocale, type Localized, type ProblemText } from './localized.js';
import { requestLocale } from './locale.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const PROBLEM_BASE = 'https://smec.gd.gov.cn/problems/';

/** A field's error as thrown: its message in every language, chosen when the problem is rendered. */
export interface ProblemFieldError extends Omit<FieldError, 'message'> {
  readonly message: ProblemText;
}

/**
 * An error that becomes a problem+json response; thrown by handlers, rendered by the global error handler. Its code
 * is one of the platform's list (`PROBLEM_STATUS` in @smec/schemas), which also gives its status: a code means one
 * status wherever it is thrown.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  /** The detail in every language; `message` holds its English text, for logs. */
  readonly detail: ProblemText;
  readonly errors: readonly ProblemFieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** Extension members of the problem (RFC 9457 §3.2), e.g. the id of the registration a conflict is about. */
  readonly extensions: Record<string, string | number> | undefined;

  constructor(
    code: ProblemCode,
    detail: ProblemText,
    options: {
      errors?: readonly ProblemFieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, string | number>;
    } = {},
  ) {
    super(inLocale(detail, 'en'));
    this.name = 'ProblemError';
    this.detail = detail;
    this.status = PROBLEM_STATUS[code];
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions;
  }
}

export function notFound(detail: ProblemText): ProblemError {
  return new ProblemError('not_found', detail);
}

const NOT_VALID: Localized = { 'zh-CN': '请求无效。', 'zh-HK': '請求無效。', en: 'The request is not valid.' };

/** A 400 whose detail lists each field's error (`query.limit: 不能大于 100`), in the request's language. */
export function validationFailed(errors: readonly ProblemFieldError[]): ProblemError {
  const lines = errors.map((error): Localized => {
    const message = perLocale(error.message);
    return {
      'zh-CN': `${error.path}：${message['zh-CN']}`,
      'zh-HK': `${error.path}：${message['zh-HK']}`,
      en: `${error.path}: ${message.en}`,
    };
  });
  return new ProblemError('validation_failed', lines.length > 0 ? joinTexts(lines) : NOT_VALID, { errors });
}

/** The problem+json body of `code`: its status from the list, its title, detail and field errors in the request's language. */
export function problemBody(
  request: FastifyRequest,
  code: ProblemCode,
  detail: ProblemText,
  errors?: readonly ProblemFieldError[],
): Problem {
  const locale = requestLocale(request);
  return {
    type: `${PROBLEM_BASE}${code}`,
    title: PROBLEM_TITLES[code][locale],
    status: PROBLEM_STATUS[code],
    detail: inLocale(detail, locale),
    code,
    requestId: request.id,
    ...(errors && errors.length > 0
      ? { errors: errors.map((error) => ({ ...error, message: inLocale(error.message, locale) })) }
      : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): FastifyReply {
  return reply
    .code(problem.status)
    .headers(headers)
    .header('cache-control', 'no-store')
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}
