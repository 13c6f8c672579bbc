import type { FieldError, Problem } from '@smec/schemas';
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
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const problem: Problem =
    isProblem(body) && body.status === status
      ? body
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

type Fields = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checked by hand rather than with the `Problem` schema, so that a client without response validation has no zod. */
function isProblem(body: unknown): body is Problem {
  return (
    isObject(body) &&
    areStrings(body, ['type', 'title', 'code'], ['detail', 'instance', 'requestId']) &&
    isErrorStatus(body.status) &&
    (body.errors === undefined || (Array.isArray(body.errors) && body.errors.every(isFieldError)))
  );
}

function isFieldError(value: unknown): value is FieldError {
  return isObject(value) && areStrings(value, ['path', 'message'], ['code']);
}

function areStrings(value: Fields, required: readonly string[], optional: readonly string[]): boolean {
  return (
    required.every((name) => typeof value[name] === 'string') &&
    optional.every((name) => value[name] === undefined || typeof value[name] === 'string')
  );
}

function isErrorStatus(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 400 && (value as number) <= 599;
}
