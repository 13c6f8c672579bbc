import type { FieldError } from '@smec/schemas';
import { SmecApiError, type SmecApiErrorInit } from './SmecApiError.js';

/** 400: the platform rejected the request's parameters or body; `errors` says which field and why. */
export class SmecValidationError extends SmecApiError {
  override name = 'SmecValidationError';
  /** One entry per invalid field: a dotted `path` such as `query.limit`, and a `message`. */
  readonly errors: readonly FieldError[];

  constructor(init: SmecApiErrorInit) {
    super(init);
    this.errors = init.problem.errors ?? [];
  }
}
