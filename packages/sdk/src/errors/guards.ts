import type { SmecApiError, SmecKnownCode } from './SmecApiError.js';
import type { SmecConflictError } from './SmecConflictError.js';
import type { SmecError } from './SmecError.js';
import type { SmecForbiddenError } from './SmecForbiddenError.js';
import type { SmecNetworkError } from './SmecNetworkError.js';
import type { SmecNotFoundError } from './SmecNotFoundError.js';
import type { SmecRateLimitError } from './SmecRateLimitError.js';
import type { SmecResponseValidationError } from './SmecResponseValidationError.js';
import type { SmecServerError } from './SmecServerError.js';
import type { SmecTimeoutError } from './SmecTimeoutError.js';
import type { SmecUnauthorizedError } from './SmecUnauthorizedError.js';
import type { SmecUnprocessableError } from './SmecUnprocessableError.js';
import type { SmecValidationError } from './SmecValidationError.js';

// Guards compare `name`, not the prototype chain, so they hold across realms and across duplicate copies of the SDK.
const API_ERROR_NAMES = [
  'SmecApiError',
  'SmecValidationError',
  'SmecUnauthorizedError',
  'SmecForbiddenError',
  'SmecNotFoundError',
  'SmecConflictError',
  'SmecUnprocessableError',
  'SmecRateLimitError',
  'SmecServerError',
];
const OTHER_ERROR_NAMES = ['SmecError', 'SmecNetworkError', 'SmecTimeoutError', 'SmecResponseValidationError'];

function nameOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
}

function guard<T>(name: string) {
  return (error: unknown): error is T => nameOf(error) === name;
}

/** True for any error thrown by the SDK. */
export function isSmecError(error: unknown): error is SmecError {
  const name = nameOf(error) as string;
  return API_ERROR_NAMES.includes(name) || OTHER_ERROR_NAMES.includes(name);
}

/** True when the platform answered with an error status (any {@link SmecApiError} subclass). */
export function isSmecApiError(error: unknown): error is SmecApiError {
  return API_ERROR_NAMES.includes(nameOf(error) as string);
}

/**
 * True when the platform answered with one of `codes`; the compiler refuses a code the platform does not list.
 *
 * @example
 * ```ts
 * if (hasProblemCode(error, 'quota_exhausted', 'claim_not_open')) showBatchClosed(error.problem.detail);
 * ```
 */
export function hasProblemCode<C extends SmecKnownCode>(
  error: unknown,
  ...codes: readonly C[]
): error is SmecApiError & { readonly code: C } {
  return isSmecApiError(error) && (codes as readonly string[]).includes(error.code);
}

/** True for a 400 {@link SmecValidationError}. */
export const isSmecValidationError = guard<SmecValidationError>('SmecValidationError');
/** True for a 401 {@link SmecUnauthorizedError}. */
export const isSmecUnauthorizedError = guard<SmecUnauthorizedError>('SmecUnauthorizedError');
/** True for a 403 {@link SmecForbiddenError}. */
export const isSmecForbiddenError = guard<SmecForbiddenError>('SmecForbiddenError');
/** True for a 404 {@link SmecNotFoundError}. */
export const isSmecNotFoundError = guard<SmecNotFoundError>('SmecNotFoundError');
/** True for a 409 {@link SmecConflictError}. */
export const isSmecConflictError = guard<SmecConflictError>('SmecConflictError');
/** True for a 422 {@link SmecUnprocessableError}. */
export const isSmecUnprocessableError = guard<SmecUnprocessableError>('SmecUnprocessableError');
/** True for a 429 {@link SmecRateLimitError}. */
export const isSmecRateLimitError = guard<SmecRateLimitError>('SmecRateLimitError');
/** True for a 5xx {@link SmecServerError}. */
export const isSmecServerError = guard<SmecServerError>('SmecServerError');
/** True for a {@link SmecNetworkError}: no response arrived. */
export const isSmecNetworkError = guard<SmecNetworkError>('SmecNetworkError');
/** True for a {@link SmecTimeoutError}. */
export const isSmecTimeoutError = guard<SmecTimeoutError>('SmecTimeoutError');
/** True for a {@link SmecResponseValidationError}: the response did not match the schema. */
export const isSmecResponseValidationError = guard<SmecResponseValidationError>('SmecResponseValidationError');

/**
 * True when a call was cancelled through its `signal`. The SDK does not wrap cancellation: it rejects with the
 * signal's `reason`, which is a `DOMException` named `AbortError` unless you passed your own reason to `abort()`.
 */
export function isAbortError(error: unknown): boolean {
  return nameOf(error) === 'AbortError';
}
