import { SmecApiError } from './SmecApiError.js';

/** 5xx: The platform failed (a 5xx status). Idempotent calls were already retried before this was thrown. */
export class SmecServerError extends SmecApiError {
  override name = 'SmecServerError';
}
