import type { z } from '@smec/schemas';
import { ResponseCache } from './cache.js';
import { createApiError } from './errors/create-api-error.js';
import { SmecApiError } from './errors/SmecApiError.js';
import type { SmecRequestInfo } from './errors/SmecError.js';
import { SmecNetworkError } from './errors/SmecNetworkError.js';
import { SmecResponseValidationError } from './errors/SmecResponseValidationError.js';
import { SmecTimeoutError } from './errors/SmecTimeoutError.js';
import { createIdempotencyKey } from './idempotency.js';
import type { responseSchemas } from './response-schemas.js';
import { toQueryString, type QueryParams } from './query.js';
import { backoffDelay, parseRetryAfter, retryPolicy, sleep, type RetryOptions, type RetryPolicy } from './retry.js';

/** A schema from `@smec/schemas` that a response is parsed with. */
export type ResponseSchema = z.ZodMiniType;

type ResponseSchemas = typeof responseSchemas;

/**
 * The name of a response schema of `@smec/schemas`, e.g. `'ProductPage'`. The SDK's resources name their response
 * schema rather than import it, so that a client built without a validator (`@smec/sdk/core`) bundles no zod.
 */
export type SchemaName = keyof ResponseSchemas;

/** The data the schema named `N` parses to. */
export type SchemaOutput<N extends SchemaName> = z.output<ResponseSchemas[N]>;

/** What a {@link ResponseValidator} concluded: the parsed data, or the schema's issues. */
export type ValidationResult =
  { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly issues: readonly z.core.$ZodIssue[] };

/**
 * Checks a successful response body against the schema named `schemaName`. `@smec/sdk` passes one that parses with
 * the shared schemas; `@smec/sdk/core` passes none, and responses are then returned as the platform sent them.
 */
export type ResponseValidator = (schemaName: SchemaName, data: unknown) => ValidationResult;

/** A language the platform answers in; sent as `Accept-Language`. */
export type SmecLocale = 'zh-CN' | 'en' | 'zh-HK';

/** Where the SDK gets the signed-in user's token from. */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

/** The options of {@link createClient}. */
export interface ClientOptions {
  /**
   * The platform API's base URL, up to and including the version. A path relative to the page (`/api/v1`) works in
   * browsers.
   * @example 'https://platform.example/api/v1'
   */
  baseUrl: string | URL;
  /**
   * Returns the signed-in user's token, sent as `Authorization: Bearer <token>`. Called before every attempt, so a
   * refreshed token is picked up; return nothing for anonymous calls.
   * @example () => session.accessToken
   */
  getToken?: TokenProvider;
  /**
   * The language of the platform's messages (problem titles and details).
   * @default the platform's default, zh-CN
   */
  locale?: SmecLocale;
  /**
   * The `fetch` to use, e.g. one that adds tracing.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * How long one attempt may take, response body included, in milliseconds; a slower attempt fails with
   * `SmecTimeoutError` (and is retried like a network error).
   * @default 10000
   */
  timeout?: number;
  /**
   * Retries of failed idempotent calls; a number is shorthand for `{ limit }`, `0` turns retries off.
   * @default { limit: 2, backoffLimit: 10000, statusCodes: [408, 429, 500, 502, 503, 504] }
   */
  retry?: RetryOptions | number;
  /**
   * Headers sent with every request.
   * @example { 'X-Center': 'foshan' }
   */
  headers?: Readonly<Record<string, string>>;
  /**
   * Revalidate repeated GETs with `If-None-Match` and reuse the cached body on `304 Not Modified`. The cache lives in
   * memory, per client, and keeps the most recently used responses; `false` turns it off.
   * @default { maxEntries: 64 }
   */
  cache?: boolean | { maxEntries?: number };
  /**
   * Checks every response whose schema is named. `@smec/sdk`'s `createClient` checks with the shared schemas unless
   * this is `false`; `@smec/sdk/core`'s checks only when given one.
   * @default the shared schemas with `@smec/sdk`, none with `@smec/sdk/core`
   */
  validate?: ResponseValidator | false;
}

/** Options every call takes. */
export interface CallOptions {
  /** Cancels the call: the request in flight and any wait before a retry. The call rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Headers for this call only; they override the client's. */
  headers?: Readonly<Record<string, string>>;
}

/** A request made with {@link SmecClient.request}, the low-level escape hatch. */
export interface RequestOptions extends CallOptions {
  /**
   * The HTTP method.
   * @default 'GET'
   */
  method?: string;
  /**
   * The path under the base URL, with its leading slash.
   * @example '/products/prd-00001'
   */
  path: string;
  /** Query parameters; `undefined` values are left out. */
  query?: QueryParams;
  /** A body, sent as JSON; a `Blob` is sent as it is (a file), with its own type. */
  body?: unknown;
  /** Resolve to the body as a `Blob` (a file) instead of parsing JSON; errors are still problem+json. */
  responseType?: 'json' | 'blob';
  /**
   * The schema the response is parsed with, or the name of one of the SDK's response schemas, which the client's
   * validator checks (a client without one returns the JSON unchecked). Without either, the call resolves to the
   * unchecked JSON.
   */
  schema?: ResponseSchema | SchemaName;
  /**
   * The `Idempotency-Key` of a write. By default every `POST` and `DELETE` gets a new random key, reused by its
   * retries, so that a retry after a lost answer gets the first answer rather than a refusal of what it already did;
   * pass a key of your own to make a write safe to repeat across page loads, or `false` to send none (a `POST` is
   * then not retried).
   */
  idempotencyKey?: string | boolean;
}

/** The writes that get an `Idempotency-Key` by default: the platform replays the first answer to their retries. */
const KEYED_METHODS = ['POST', 'DELETE'];

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CACHE_ENTRIES = 64;

/** Stands for a body that is not JSON. */
const NOT_JSON = Symbol('not JSON');

/** Marks an attempt aborted by its own timer rather than by the caller. */
const TIMED_OUT = Symbol('timed out');

/** The HTTP core shared by the resources: headers, timeouts, retries, caching, errors and response validation. */
export class HttpClient {
  readonly #baseUrl: string;
  readonly #options: ClientOptions;
  readonly #retry: RetryPolicy;
  readonly #cache: ResponseCache | undefined;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#baseUrl = String(options.baseUrl).replace(/\/+$/, '');
    this.#retry = retryPolicy(options.retry);
    const { cache = true } = options;
    this.#cache = cache
      ? new ResponseCache((typeof cache === 'object' && cache.maxEntries) || DEFAULT_CACHE_ENTRIES)
      : undefined;
  }

  /** The base URL of the API, without a trailing slash, for links the caller follows itself (e.g. `.ics` files). */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /** Sends a request, retrying as the policy allows, and returns the body parsed with `schema`. */
  request<S extends ResponseSchema>(options: RequestOptions & { schema: S }): Promise<z.output<S>>;
  /** Sends a request, retrying as the policy allows, and returns the body checked by the client's validator. */
  request<N extends SchemaName>(options: RequestOptions & { schema: N }): Promise<SchemaOutput<N>>;
  /** Sends a request, retrying as the policy allows, and returns the unchecked JSON body. */
  request(options: RequestOptions): Promise<unknown>;
  async request(options: RequestOptions): Promise<unknown> {
    const { signal, body, schema } = options;
    const method = (options.method ?? 'GET').toUpperCase();
    const url = `${this.#baseUrl}${options.path}${toQueryString(options.query)}`;
    // One key per logical call, created before the first attempt so that every retry repeats it.
    const key =
      typeof options.idempotencyKey === 'string'
        ? options.idempotencyKey
        : (options.idempotencyKey ?? KEYED_METHODS.includes(method))
          ? createIdempotencyKey()
          : undefined;
    const retryable = this.#retry.methods.includes(method) || key !== undefined;

    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const headers = await this.#headers(body, key, options.headers);
      try {
        return await this.#attempt(method, url, headers, body, schema, signal, options.responseType === 'blob');
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const delay = retryable && attempt < this.#retry.limit ? this.#retryDelay(error, attempt) : undefined;
        if (delay === undefined) throw error;
        await sleep(delay, signal);
      }
    }
  }

  /** The wait before retrying after `error`, or undefined when it must not be retried. */
  #retryDelay(error: unknown, attempt: number): number | undefined {
    const { backoffLimit, statusCodes } = this.#retry;
    if (error instanceof SmecApiError) {
      if (!statusCodes.includes(error.status)) return undefined;
      const retryAfter = parseRetryAfter(error.headers.get('retry-after'));
      if (retryAfter !== undefined) return retryAfter <= backoffLimit ? retryAfter : undefined;
    } else if (!(error instanceof SmecNetworkError || error instanceof SmecTimeoutError)) {
      return undefined;
    }
    return backoffDelay(attempt, backoffLimit);
  }

  async #headers(
    body: unknown,
    key: string | undefined,
    callHeaders: Readonly<Record<string, string>> | undefined,
  ): Promise<Headers> {
    const { getToken, locale } = this.#options;
    const headers = new Headers({ accept: 'application/json, application/problem+json' });
    if (locale) headers.set('accept-language', locale);
    // A Blob is sent with its own type by fetch itself.
    if (body !== undefined && !(body instanceof Blob)) headers.set('content-type', 'application/json');
    if (key !== undefined) headers.set('idempotency-key', key);
    const token = await getToken?.();
    if (token) headers.set('authorization', `Bearer ${token}`);
    for (const extra of [this.#options.headers, callHeaders]) {
      for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
    }
    return headers;
  }

  /** One attempt: fetch under the timeout, then turn the response into data or an error. */
  async #attempt(
    method: string,
    url: string,
    headers: Headers,
    body: unknown,
    schema: ResponseSchema | SchemaName | undefined,
    signal: AbortSignal | undefined,
    blob: boolean,
  ): Promise<unknown> {
    signal?.throwIfAborted();
    // A Blob's answer is never cached, so no ETag of one is ever sent here.
    const cached = method === 'GET' ? this.#cache?.get(url) : undefined;
    if (cached && !headers.has('if-none-match')) headers.set('if-none-match', cached.etag);
    const request = describeRequest(method, url, headers);
    const timeout = this.#options.timeout ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
    // Called as a plain function: a browser's fetch throws "Illegal invocation" when called as a method of another object.
    const fetchImpl = this.#options.fetch ?? globalThis.fetch;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        body: body === undefined || body instanceof Blob ? body : JSON.stringify(body),
        signal: controller.signal,
      });
      if (blob && response.ok) return await response.blob();
      text = method === 'HEAD' ? '' : await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (controller.signal.reason === TIMED_OUT) throw new SmecTimeoutError(timeout, request, { cause: error });
      throw new SmecNetworkError(`Network error (${method} ${url})`, request, { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    const { status } = response;
    const reused = status === 304 && cached !== undefined;
    // The cache keeps the text: every reuse parses objects of its own, which no other caller holds.
    const data = parseJson(reused ? cached.text : text);
    if (!reused && (status < 200 || status > 299)) {
      throw createApiError(status, response.statusText, data === NOT_JSON ? text : data, response.headers, request);
    }
    if (data === NOT_JSON) {
      const issue: z.core.$ZodIssue = {
        code: 'custom',
        path: [],
        message: 'The response body is not JSON',
        input: text,
      };
      throw new SmecResponseValidationError([issue], request);
    }
    if (!reused && method === 'GET') {
      const etag = response.headers.get('etag');
      if (etag) this.#cache?.set(url, { etag, text });
      else this.#cache?.delete(url);
    }

    const result = this.#validate(schema, data);
    if (result.ok) return result.data;
    throw new SmecResponseValidationError(result.issues, request);
  }

  #validate(schema: ResponseSchema | SchemaName | undefined, data: unknown): ValidationResult {
    if (schema === undefined) return { ok: true, data };
    if (typeof schema === 'string') {
      const { validate } = this.#options;
      return validate ? validate(schema, data) : { ok: true, data };
    }
    const result = schema.safeParse(data);
    return result.success ? { ok: true, data: result.data } : { ok: false, issues: result.error.issues };
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** The request as errors report it, with the credentials redacted (`Bearer [REDACTED]`). */
function describeRequest(method: string, url: string, headers: Headers): SmecRequestInfo {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] =
      name === 'authorization' ? value.replace(/^(\S+\s+)?[\s\S]*$/, (_, scheme = '') => `${scheme}[REDACTED]`) : value;
  });
  return { method, url, headers: record };
}
