import { SmecError, type SmecRequestInfo } from './SmecError.js';

/** An attempt took longer than the client's `timeout` (and the retries, if any, did too). */
export class SmecTimeoutError extends SmecError {
  override name = 'SmecTimeoutError';
  /** The timeout that expired, in milliseconds. */
  readonly timeout: number;

  constructor(timeout: number, request: SmecRequestInfo, options?: { cause?: unknown }) {
    super(`Timed out after ${timeout} ms (${request.method} ${request.url})`, request, options);
    this.timeout = timeout;
  }
}
