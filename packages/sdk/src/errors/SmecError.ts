/** The request an error belongs to, safe to log: the `Authorization` header is redacted. */
export interface SmecRequestInfo {
  /** Upper-case HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The full URL, query string included. */
  readonly url: string;
  /** The request headers, lower-case names; `authorization` reads `Bearer [REDACTED]`. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The base class of every error the SDK throws. Test for it with {@link isSmecError}, which matches on `name` and
 * therefore also works across realms (iframes, several copies of the SDK), where `instanceof` does not.
 */
export class SmecError extends Error {
  override name = 'SmecError';
  /** The request that failed, when there was one. */
  readonly request: SmecRequestInfo | undefined;

  constructor(message: string, request?: SmecRequestInfo, options?: { cause?: unknown }) {
    super(message, options);
    this.request = request;
  }
}
