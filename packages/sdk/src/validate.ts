import type { SmecClient } from './client.js';
import { createClient as createUncheckedClient } from './create-client.js';
import type { ClientOptions, ResponseValidator } from './http.js';
import { responseSchemas } from './response-schemas.js';

/**
 * Checks a response with the shared schema of that name, the one the platform validates with. `@smec/sdk`'s
 * `createClient` uses it by default; pass it to `@smec/sdk/core`'s to check there too.
 *
 * @example
 * ```ts
 * import { createClient } from '@smec/sdk/core';
 * import { validateWithSchemas } from '@smec/sdk';
 *
 * const client = createClient({ baseUrl, validate: validateWithSchemas });
 * ```
 */
export const validateWithSchemas: ResponseValidator = (schemaName, data) => {
  const result = responseSchemas[schemaName].safeParse(data);
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: result.error.issues };
};

/**
 * Creates a client of the smec platform API. Every response is checked against the shared schemas (a mismatch throws
 * `SmecResponseValidationError`; `validate: false` turns the check off); failures throw `SmecError` subclasses;
 * idempotent calls are retried; every method takes `{ signal }`. `@smec/sdk/core` has the same client without zod.
 *
 * @example
 * ```ts
 * import { createClient } from '@smec/sdk';
 *
 * const client = createClient({
 *   baseUrl: 'https://platform.example/api/v1',
 *   locale: 'zh-CN',
 *   getToken: () => sessionStorage.getItem('token'),
 * });
 * const page = await client.products.list({ q: '财税', voucherEligible: true });
 * ```
 */
export function createClient(options: ClientOptions): SmecClient {
  return createUncheckedClient({ ...options, validate: options.validate ?? validateWithSchemas });
}
