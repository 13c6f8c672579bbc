import type { z } from '@smec/schemas';
import { SmecError, type SmecRequestInfo } from './SmecError.js';

/**
 * A successful response did not match the shared schema (or was not JSON): the client and the platform disagree on
 * the contract. Not retried. `issues` lists what did not match.
 */
export class SmecResponseValidationError extends SmecError {
  override name = 'SmecResponseValidationError';
  /** The schema's issues, each with a `path` into the response body and a `message`. */
  readonly issues: readonly z.core.$ZodIssue[];
  declare readonly request: SmecRequestInfo;

  constructor(issues: readonly z.core.$ZodIssue[], request: SmecRequestInfo) {
    const summary = issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`)
      .join('; ');
    super(`Unexpected response from ${request.method} ${request.url}: ${summary}`, request);
    this.issues = issues;
  }
}
