import type { FieldError, Problem } from '@smec/schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const PROBLEM_BASE = 'https://smec.gd.gov.cn/problems/';

const TITLES: Record<string, string> = {
  validation_failed: 'The request is not valid',
  invalid_cursor: 'The cursor is not valid for this query',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  unsupported_media_type: 'Unsupported media type',
  payload_too_large: 'Payload too large',
  bad_request: 'Bad request',
  rate_limited: 'Too many requests',
  unauthorized: 'Sign-in required',
  forbidden: 'Not allowed',
  conflict: 'Conflict',
  idempotency_key_reused: 'Idempotency key reused with another request',
  request_in_progress: 'The first request with this idempotency key is still running',
  service_unavailable: 'Service unavailable',
  // The platform's own refusals; `detail` says why in the request's language.
  already_claimed: 'Already claimed',
  already_registered: 'Already registered',
  already_rated: 'Already rated',
  already_reopened: 'Already reopened once',
  annual_cap_reached: 'Yearly voucher cap reached',
  claim_not_open: 'Claiming is not open',
  event_full: 'The event is full',
  registration_closed: 'Registration is closed',
  not_eligible: 'Not eligible',
  not_delivered: 'Not delivered and accepted yet',
  product_not_eligible: 'The product does not accept this voucher',
  quota_exhausted: 'The batch is used up',
  related_party: 'Related party',
  voucher_expired: 'The voucher has expired',
  voucher_not_returnable: 'The voucher cannot be handed back',
  voucher_not_usable: 'The voucher cannot be used',
  follow_up_not_open: 'The follow-up is not open',
  follow_up_not_answered: 'The follow-up has no answer yet',
  internal_error: 'Internal error',
};

/** An error that becomes a problem+json response; thrown by handlers, rendered by the global error handler. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** Extension members of the problem (RFC 9457 §3.2), e.g. the id of the registration a conflict is about. */
  readonly extensions: Record<string, string | number> | undefined;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, string | number>;
    } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions;
  }
}

export function notFound(detail: string): ProblemError {
  return new ProblemError(404, 'not_found', detail);
}

export function validationFailed(errors: FieldError[]): ProblemError {
  const detail = errors.map((error) => `${error.path}: ${error.message}`).join('; ');
  return new ProblemError(400, 'validation_failed', detail || 'The request is not valid', { errors });
}

export function problemBody(
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): Problem {
  return {
    type: `${PROBLEM_BASE}${code}`,
    title: TITLES[code] ?? 'Error',
    status,
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
