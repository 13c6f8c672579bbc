import { createIdempotencyKey, isSmecValidationError } from '@smec/sdk/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SmecErrorEvent } from '../events/error-event.js';

/** One field's problem as the platform named it: its rule (`too_small` …) and its words. */
export interface FieldError {
  code: string;
  message: string;
}

/** What an action sends, kept until it succeeds: a retry of the same body sends the same Idempotency-Key. */
export interface PendingAction {
  /** The Idempotency-Key. */
  key: string;
  /** What was sent with it (usually its JSON); another body gets another key. */
  body: string;
}

export interface Action<T> {
  /** What the action is called in the `smec-error` its failure fires (`vouchers.claim`). */
  operation: string;
  /** What it sends: the same again is a retry (same Idempotency-Key); default: the operation. */
  body?: string;
  send(call: { signal: AbortSignal; idempotencyKey: string }): Promise<T>;
  /** After the platform accepted it (never after an abort). */
  done?(value: T): void;
  /** After it failed, once `error` and `fieldErrors` say why (never after an abort). */
  failed?(error: unknown): void;
}

/**
 * A user action (a submission, a claim, a registration): `busy` while it runs, one Idempotency-Key per action kept
 * across its retries (a double click, a retry after a network failure: never a second demand or claim), the fields the
 * platform refused mapped onto the widget's own (`fieldOf`), and a `smec-error` when it fails. A new action aborts
 * the one still running; so does the host leaving the page.
 */
export class ActionController<F extends string = string> implements ReactiveController {
  busy = false;
  /** Why the last action failed; undefined while one runs and after a success. */
  error: unknown;
  /** The fields the platform named in its last refusal, each with its first problem. */
  fieldErrors: Partial<Record<F, FieldError>> = {};
  /** The action sent last and not yet accepted (a draft may keep it across a reload). */
  pending: PendingAction | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly fieldOf?: (path: string) => F | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** The Idempotency-Key for `body`: the pending one when it is the same body, else a new one. */
  keyFor(body: string): string {
    if (this.pending?.body !== body) this.pending = { key: createIdempotencyKey(), body };
    return this.pending.key;
  }

  /** Stops the action that runs (its outcome is ignored). */
  abort(): void {
    this.controller?.abort();
    this.controller = undefined;
    if (this.busy) {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  async run<T>(action: Action<T>): Promise<void> {
    this.abort();
    const controller = (this.controller = new AbortController());
    const { signal } = controller;
    const idempotencyKey = this.keyFor(action.body ?? action.operation);
    this.busy = true;
    this.error = undefined;
    this.fieldErrors = {};
    this.host.requestUpdate();
    let value: T;
    try {
      value = await action.send({ signal, idempotencyKey });
    } catch (error) {
      if (signal.aborted) return;
      this.settle();
      this.error = error;
      this.fieldErrors = this.fieldsOf(error);
      this.host.dispatchEvent(new SmecErrorEvent(error, action.operation));
      action.failed?.(error);
      return;
    }
    if (signal.aborted) return;
    this.settle();
    this.pending = undefined;
    action.done?.(value);
  }

  private settle(): void {
    this.busy = false;
    this.controller = undefined;
    this.host.requestUpdate();
  }

  private fieldsOf(error: unknown): Partial<Record<F, FieldError>> {
    const fields: Partial<Record<F, FieldError>> = {};
    if (!this.fieldOf || !isSmecValidationError(error)) return fields;
    // On the fields the platform names, the first problem of each.
    for (const { path, code, message } of error.errors) {
      const field = this.fieldOf(path);
      if (field && !fields[field]) fields[field] = { code: code ?? 'invalid', message };
    }
    return fields;
  }
}
