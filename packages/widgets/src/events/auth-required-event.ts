/** What the visitor wanted to do when asked to sign in. */
export type AuthRequiredDetail =
  | { eventId: string }
  | { engagementId: string }
  | { widget: 'voucher-wallet' | 'provider-workbench' | 'center-workbench' };

/**
 * Fired when a visitor who is not signed in presses 「登录后报名」 (the event calendar, `eventId`) or 「登录后评价」 (the
 * feedback rating, `engagementId`) or 「登录」 (the voucher wallet, the provider workbench: `widget`): the host page signs them in (it knows how),
 * then hands the token to the widget's client. Bubbles out of the shadow root.
 */
export class SmecAuthRequiredEvent extends CustomEvent<AuthRequiredDetail> {
  static readonly eventName = 'smec-auth-required';

  constructor(detail: AuthRequiredDetail) {
    super(SmecAuthRequiredEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-auth-required': SmecAuthRequiredEvent;
  }
}
