import { SmecApiError } from './SmecApiError.js';

/** 422: The request was understood but cannot be processed, e.g. an `Idempotency-Key` reused with another body. */
export class SmecUnprocessableError extends SmecApiError {
  override name = 'SmecUnprocessableError';
}
