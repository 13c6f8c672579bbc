import { SmecApiError } from './SmecApiError.js';

/** 401: The request needs a signed-in user (a missing, expired or invalid token). */
export class SmecUnauthorizedError extends SmecApiError {
  override name = 'SmecUnauthorizedError';
}
