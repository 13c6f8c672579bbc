/**
 * When and how a failed call is tried again.
 *
 * Only idempotent methods are retried, and a `POST` or `PATCH` only when it carries an `Idempotency-Key` (the SDK
 * adds one to every `POST` and `DELETE` and reuses it across the retries, so the platform applies the write once and
 * answers a retry as it answered the first attempt). A 4xx other than 408 and 429 is never retried.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, retry: { limit: 4, backoffLimit: 5_000 } });
 * createClient({ baseUrl, retry: 0 }); // never retry
 * ```
 */
export interface RetryOptions {
  /**
   * How many times to retry after the first attempt.
   * @default 2
   */
  limit?: number;
  /**
   * The longest wait between two attempts, in milliseconds. Waits grow exponentially from 300 ms with full jitter,
   * or follow `Retry-After`; when the platform asks to wait longer than this, the call fails at once instead (with
   * {@link SmecRateLimitError.retryAfter} telling how long), rather than retrying earlier than asked.
   * @default 10000
   */
  backoffLimit?: number;
  /**
   * The methods retried without an `Idempotency-Key`.
   * @default ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']
   */
  methods?: readonly string[];
  /**
   * The response statuses retried. 4xx statuses other than 408 and 429 are ignored here: they never succeed on a retry.
   * @default [408, 429, 500, 502, 503, 504]
   */
  statusCodes?: readonly number[];
}

/** Retry options with every default filled in. */
export interface RetryPolicy {
  readonly limit: number;
  readonly backoffLimit: number;
  readonly methods: readonly string[];
  readonly statusCodes: readonly number[];
}

const BACKOFF_BASE_MS = 300;

/** Fills in the defaults; a number is shorthand for `{ limit }`. */
export function retryPolicy(options: RetryOptions | number | undefined): RetryPolicy {
  const {
    limit = 2,
    backoffLimit = 10_000,
    methods,
    statusCodes,
  } = typeof options === 'number' ? { limit: options } : (options ?? {});
  return {
    limit,
    backoffLimit,
    methods: (methods ?? ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']).map((method) => method.toUpperCase()),
    statusCodes: (statusCodes ?? [408, 429, 500, 502, 503, 504]).filter(
      (status) => status >= 500 || status === 408 || status === 429,
    ),
  };
}

/** Exponential backoff with full jitter: a uniformly random wait below the attempt's ceiling. */
export function backoffDelay(attempt: number, backoffLimit: number): number {
  return Math.random() * Math.min(backoffLimit, BACKOFF_BASE_MS * 2 ** attempt);
}

/** A `Retry-After` value (delta-seconds or an HTTP date) in milliseconds from now, or undefined if absent or invalid. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
