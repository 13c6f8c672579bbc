/**
 * The typed client of Guangdong's SME public service platform API, for browsers and Node ≥ 20.
 *
 * @packageDocumentation
 */
// The same API as `@smec/sdk/core` (add exports there), except that `createClient` checks every response.
export * from './core.js';
export { createClient, validateWithSchemas } from './validate.js';
