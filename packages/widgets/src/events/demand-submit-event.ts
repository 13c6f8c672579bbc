/**
 * Fired when a visitor's demand has been accepted by the platform (never for a change made by code). Bubbles out of
 * the shadow root.
 *
 * @example
 * form.addEventListener('smec-demand-submit', (event) => console.log(event.detail.trackingNo));
 */
export class SmecDemandSubmitEvent extends CustomEvent<{ trackingNo: string; demandId: string }> {
  static readonly eventName = 'smec-demand-submit';

  constructor(detail: { trackingNo: string; demandId: string }) {
    super(SmecDemandSubmitEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-demand-submit': SmecDemandSubmitEvent;
  }
}
