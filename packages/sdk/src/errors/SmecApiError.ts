import type { Problem, ProblemCode } from '@smec/schemas';
import { SmecError, type SmecRequestInfo } from './SmecError.js';

/** A code the SDK knows: one of the platform's (`ProblemCode`), or `http_error` for a body that was no problem. */
export type SmecKnownCode = ProblemCode | 'http_error';

/**
 * The `code` of an error: a known code, or any other string, which a platform newer than this SDK may send (it is
 * kept as sent, never refused). Editors still offer the known codes; compare with {@link hasProblemCode} to have a
 * misspelt code refused by the compiler.
 */
export type SmecErrorCode = SmecKnownCode | (string & {});

/** What the platform answered, as the error classes receive it. */
export interface SmecApiErrorInit {
  readonly problem: Problem;
  readonly request: SmecRequestInfo;
  /** The response headers (`Retry-After`, `RateLimit-*`, …). */
  readonly headers: Headers;
}

/**
 * The platform answered with an error status. `problem` is the RFC 9457 problem details body; when the body was not
 * one (a proxy's HTML error page, say), the SDK builds an equivalent problem with `code` `http_error`, so every
 * field here is always set. Subclasses name the common statuses: {@link SmecNotFoundError} and so on.
 *
 * @example
 * ```ts
 * try {
 *   await client.products.get('prd-99999');
 * } catch (error) {
 *   if (isSmecNotFoundError(error)) showNotFound();
 *   else if (isSmecApiError(error)) console.warn(error.status, error.code, error.requestId);
 *   else throw error;
 * }
 * ```
 */
export class SmecApiError extends SmecError {
  override name = 'SmecApiError';
  /** The HTTP status, 400–599. */
  readonly status: number;
  /** The machine-readable problem code, e.g. `not_found`, `validation_failed`; `http_error` for a non-problem body. */
  readonly code: SmecErrorCode;
  /** The platform's id of the request, to quote when reporting a problem. */
  readonly requestId: string | undefined;
  /** The parsed problem details. */
  readonly problem: Problem;
  /** The response headers. */
  readonly headers: Headers;
  declare readonly request: SmecRequestInfo;

  constructor(init: SmecApiErrorInit) {
    const { problem, request } = init;
    const detail = problem.detail ? `: ${problem.detail}` : '';
    super(`${problem.status} ${problem.title}${detail} (${problem.code}, ${request.method} ${request.url})`, request);
    this.status = problem.status;
    this.code = problem.code;
    this.requestId = problem.requestId ?? init.headers.get('x-request-id') ?? undefined;
    this.problem = problem;
    this.headers = init.headers;
  }
}
