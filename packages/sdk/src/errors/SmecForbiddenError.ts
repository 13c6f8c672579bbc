import { SmecApiError } from './SmecApiError.js';

/** 403: The signed-in user may not do this. */
export class SmecForbiddenError extends SmecApiError {
  override name = 'SmecForbiddenError';
}
