/**
 * Fired when a widget could not load what it needed, or when a visitor's action (a submission, a claim, a
 * registration …) failed; the widget shows the error itself, with a retry where one helps. Lets the host page log
 * it. Never fired for a request the widget cancelled on purpose.
 */
export class SmecErrorEvent extends Event {
  static readonly eventName = 'smec-error';

  /** What failed, usually one of the SDK's error classes (`SmecApiError`, `SmecNetworkError` …). */
  readonly error: unknown;
  /** What the widget was doing, e.g. `products.list` or `products.get`. */
  readonly operation: string;

  constructor(error: unknown, operation: string) {
    super(SmecErrorEvent.eventName, { bubbles: true, composed: true });
    this.error = error;
    this.operation = operation;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-error': SmecErrorEvent;
  }
}
