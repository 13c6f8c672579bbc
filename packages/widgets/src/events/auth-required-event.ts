/**
 * Fired when a visitor who is not signed in presses 「登录后报名」: the host page signs them in (it knows how), then
 * hands the token to the widget's client. Bubbles out of the shadow root.
 */
export class SmecAuthRequiredEvent extends CustomEvent<{ eventId: string }> {
  static readonly eventName = 'smec-auth-required';

  constructor(detail: { eventId: string }) {
    super(SmecAuthRequiredEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-auth-required': SmecAuthRequiredEvent;
  }
}
