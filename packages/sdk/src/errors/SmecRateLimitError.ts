import { parseRetryAfter } from '../retry.js';
import { SmecApiError, type SmecApiErrorInit } from './SmecApiError.js';

/** 429: too many requests. Thrown after the retries, or at once when the platform asks to wait longer than `backoffLimit`. */
export class SmecRateLimitError extends SmecApiError {
  override name = 'SmecRateLimitError';
  /** Seconds to wait before trying again, from the `Retry-After` header; undefined when the platform did not say. */
  readonly retryAfter: number | undefined;

  constructor(init: SmecApiErrorInit) {
    super(init);
    const ms = parseRetryAfter(init.headers.get('retry-after'));
    this.retryAfter = ms === undefined ? undefined : Math.ceil(ms / 1000);
  }
}
