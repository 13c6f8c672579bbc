import { PROBLEM_STATUS, PROBLEM_TITLES, type FieldError, type Problem, type ProblemCode } from '@smec/schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestLocale } from './locale.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const PROBLEM_BASE = 'https://smec.gd.gov.cn/problems/';

/**
 * An error that becomes a problem+json response; thrown by handlers, rendered by the global error handler. Its code
 * is one of the platform's list (`PROBLEM_STATUS` in @smec/schemas), which also gives its status: a code means one
 * status wherever it is thrown.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** Extension members of the problem (RFC 9457 §3.2), e.g. the id of the registration a conflict is about. */
  readonly extensions: Record<string, string | number> | undefined;

  constructor(
    code: ProblemCode,
    detail: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, string | number>;
    } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = PROBLEM_STATUS[code];
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions;
  }
}

export function notFound(detail: string): ProblemError {
  return new ProblemError('not_found', detail);
}

export function validationFailed(errors: FieldError[]): ProblemError {
  const detail = errors.map((error) => `${error.path}: ${error.message}`).join('; ');
  return new ProblemError('validation_failed', detail || 'The request is not valid', { errors });
}

/** The problem+json body of `code`: its status from the list, its title in the request's language. */
export function problemBody(
  request: FastifyRequest,
  code: ProblemCode,
  detail: string,
  errors?: FieldError[],
): Problem {
  return {
    type: `${PROBLEM_BASE}${code}`,
    title: PROBLEM_TITLES[code][requestLocale(request)],
    status: PROBLEM_STATUS[code],
    detail,
    code,
    requestId: request.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
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
