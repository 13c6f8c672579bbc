import { SmecError } from './SmecError.js';

/**
 * No HTTP response arrived: DNS, connection refused or reset, CORS refusal, offline. It has no `status` (a network
 * failure is never reported as a 500); the underlying error is in `cause`.
 */
export class SmecNetworkError extends SmecError {
  override name = 'SmecNetworkError';
}
