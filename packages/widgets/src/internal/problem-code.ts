import type { ProblemCode } from '@smec/schemas/rules';
import { isSmecApiError } from '@smec/sdk/core';

/**
 * The platform's problem code of a failure (`quota_exhausted` …), typed by the list in `@smec/schemas/rules`: a
 * `case` or a comparison with a code that is not in the list does not compile. The list costs nothing at run time:
 * only its type is imported. A code the list does not know (the SDK's `http_error` for a body that was not a problem)
 * matches no case.
 */
export function problemCode(error: unknown): ProblemCode | undefined {
  return isSmecApiError(error) ? (error.code as ProblemCode) : undefined;
}
