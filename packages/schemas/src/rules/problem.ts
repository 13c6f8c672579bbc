// The platform's problem codes: every `code` a problem+json response can carry, with its HTTP status and a title in
// each language. Zod-free. Widgets import the `ProblemCode` type (free) and the few codes they act on; the titles are
// in a module of their own so that a widget bundle pays for them only where it shows them.

/** Each code's HTTP status. A code has one status wherever it is sent. */
export const PROBLEM_STATUS = {
  // The request
  validation_failed: 400,
  invalid_cursor: 400,
  unauthorized: 401,
  forbidden: 403,
  not_eligible: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_reused: 422,
  request_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  // The platform's own refusals: `detail` says why in the request's language.
  already_claimed: 409,
  already_registered: 409,
  already_rated: 409,
  already_reopened: 409,
  annual_cap_reached: 409,
  claim_not_open: 409,
  event_full: 409,
  registration_closed: 409,
  not_delivered: 409,
  product_not_eligible: 409,
  product_not_orderable: 409,
  quota_exhausted: 409,
  related_party: 409,
  voucher_expired: 409,
  voucher_not_returnable: 409,
  voucher_not_usable: 409,
  follow_up_not_open: 409,
  follow_up_not_answered: 409,
  precondition_failed: 412,
  precondition_required: 428,
  not_publishable: 422,
  provider_not_active: 409,
  invalid_reference: 422,
  rules_not_met: 422,
  quota_below_issued: 409,
  batch_terms_frozen: 409,
  doc_number_taken: 409,
  // The platform
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

export const PROBLEM_CODES = Object.keys(PROBLEM_STATUS) as readonly ProblemCode[];

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.hasOwn(PROBLEM_STATUS, code);
}
