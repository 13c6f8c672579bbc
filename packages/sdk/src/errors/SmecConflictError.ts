import { SmecApiError } from './SmecApiError.js';

/** 409: The request conflicts with the current state, e.g. a write with the same `Idempotency-Key` is still running. */
export class SmecConflictError extends SmecApiError {
  override name = 'SmecConflictError';
}
