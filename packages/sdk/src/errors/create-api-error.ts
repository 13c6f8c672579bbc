import { Problem } from '@smec/schemas';
import { SmecApiError, type SmecApiErrorInit } from './SmecApiError.js';
import { SmecConflictError } from './SmecConflictError.js';
import type { SmecRequestInfo } from './SmecError.js';
import { SmecForbiddenError } from './SmecForbiddenError.js';
import { SmecNotFoundError } from './SmecNotFoundError.js';
import { SmecRateLimitError } from './SmecRateLimitError.js';
import { SmecServerError } from './SmecServerError.js';
import { SmecUnauthorizedError } from './SmecUnauthorizedError.js';
import { SmecUnprocessableError } from './SmecUnprocessableError.js';
import { SmecValidationError } from './SmecValidationError.js';

type ApiErrorClass = new (init: SmecApiErrorInit) => SmecApiError;

// The one place that maps a status to its error class.
const BY_STATUS: Record<number, ApiErrorClass> = {
  400: SmecValidationError,
  401: SmecUnauthorizedError,
  403: SmecForbiddenError,
  404: SmecNotFoundError,
  409: SmecConflictError,
  422: SmecUnprocessableError,
  429: SmecRateLimitError,
};

/**
 * Builds the error for an error response. A body that is not a problem (a proxy's HTML page, an empty body) still
 * gives a complete problem, so callers can always read `code`, `title` and `status`.
 */
export function createApiError(
  status: number,
  statusText: string,
  body: unknown,
  headers: Headers,
  request: SmecRequestInfo,
): SmecApiError {
  const parsed = Problem.safeParse(body);
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const problem: Problem =
    parsed.success && parsed.data.status === status
      ? parsed.data
      : {
          type: 'about:blank',
          title: statusText || `HTTP ${status}`,
          status,
          code: 'http_error',
          ...(text ? { detail: text.slice(0, 200) } : {}),
        };
  const ErrorClass = BY_STATUS[status] ?? (status >= 500 ? SmecServerError : SmecApiError);
  return new ErrorClass({ problem, request, headers });
}
