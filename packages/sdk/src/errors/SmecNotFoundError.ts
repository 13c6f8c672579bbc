import { SmecApiError } from './SmecApiError.js';

/** 404: The resource does not exist (an unknown id, or one that is no longer published). */
export class SmecNotFoundError extends SmecApiError {
  override name = 'SmecNotFoundError';
}
