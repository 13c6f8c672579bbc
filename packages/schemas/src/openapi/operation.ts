import type { ProblemCode } from '../rules/problem.js';
import type * as z from '../zod.js';

type Schema = z.ZodMiniType;

/**
 * One operation of the platform API. The server validates with `query`/`params`, the OpenAPI document is built
 * from the same entries, and `example` must succeed against a freshly seeded demo database.
 */
export interface Operation {
  readonly operationId: string;
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template under the base path, e.g. `/products/{id}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly query?: Schema;
  readonly params?: Schema;
  /** The JSON request body. */
  readonly body?: Schema;
  /** The body may be left out (one caller sends it, another nothing): the document marks it not required. */
  readonly bodyOptional?: boolean;
  /** A body of raw bytes, in one of these media types (instead of a JSON `body`). */
  readonly bodyMediaTypes?: readonly string[];
  readonly response: Schema;
  /** The media type of success when it is not JSON (then `response` checks the text). */
  readonly responseMediaType?: 'text/calendar';
  /** Success is raw bytes in one of these media types (then `response` checks nothing of them). */
  readonly responseBinaryTypes?: readonly string[];
  /** The status of success. Default 200. */
  readonly successStatus?: 200 | 201;
  /** `bearer`: needs `Authorization: Bearer <token>` (the examples use a demo administrator's token). */
  readonly security?: 'bearer' | 'optional';
  /** The seeded demo user whose token the example uses, when not an administrator (e.g. an enterprise). */
  readonly exampleUserId?: string;
  /** Headers the operation reads, documented as parameters. */
  readonly headers?: readonly { readonly name: string; readonly description: string; readonly required: boolean }[];
  /**
   * The problem codes of this operation's own refusals. Those of the layers below every route are added by
   * {@link problemCodesOf}, not repeated here.
   */
  readonly problems: readonly ProblemCode[];
  readonly cacheable: boolean;
  /**
   * Other representations of success, chosen by `Accept` (the JSON `response` stays the default): a media type and
   * the schema of its text, e.g. a CSV export of a list.
   */
  readonly alsoServes?: readonly { readonly mediaType: 'text/csv'; readonly schema: Schema }[];
  readonly example?: {
    readonly query?: Record<string, string>;
    readonly params?: Record<string, string>;
    readonly body?: unknown;
    /** A raw body for `bodyMediaTypes`: its media type and its bytes in base64. */
    readonly bytes?: { readonly mediaType: string; readonly base64: string };
    /** Headers the example sends (documented in `headers`). */
    readonly headers?: Record<string, string>;
  };
}

/** True when the operation reads `Idempotency-Key`: a retry with the key is answered from the first request. */
function isIdempotent(operation: Operation): boolean {
  return (operation.headers ?? []).some((header) => header.name.toLowerCase() === 'idempotency-key');
}

/**
 * Every problem code the operation can answer with: its own, and those of the layers below every route. Any
 * operation may fail (500) or find the database busy or out of reach (503); one that reads input (a query, a path, a
 * header or a body: any method but GET has a body parsed) may find it malformed (400). A body is parsed before a
 * route sees it: 413 past 64 KB (5 MB of a file), 415 when it is not JSON (nor a file of its types). A bearer operation refuses a missing or bad token (401);
 * an idempotent one a key reused with another body (422) or a retry while the first still runs (409).
 */
export function problemCodesOf(operation: Operation): ProblemCode[] {
  const codes = new Set<ProblemCode>(operation.problems);
  const hasBody = operation.method !== 'get';
  if (hasBody || operation.query || operation.params || operation.headers) codes.add('validation_failed');
  if (hasBody) {
    codes.add('payload_too_large');
    codes.add('unsupported_media_type');
  }
  if (operation.security !== undefined) codes.add('unauthorized');
  if (isIdempotent(operation)) {
    codes.add('idempotency_key_reused');
    codes.add('request_in_progress');
  }
  codes.add('internal_error');
  codes.add('service_unavailable');
  return [...codes];
}
