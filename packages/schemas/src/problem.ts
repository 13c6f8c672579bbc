import * as z from './zod.js';

/** One field that failed validation: `path` is dotted (`query.limit`, `body.contact.phone`). */
export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
});
export type FieldError = z.infer<typeof FieldError>;

/**
 * An RFC 9457 problem details body, `application/problem+json`. It may carry extension members (RFC 9457 §3.2), such
 * as the `registrationId` of an `already_registered` conflict.
 */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.minimum(400), z.maximum(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.string(),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;
