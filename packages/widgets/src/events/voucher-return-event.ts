/**
 * Fired when the signed-in enterprise has handed an unused voucher back (its quota returns to the batch). Bubbles
 * out of the shadow root.
 */
export class SmecVoucherReturnEvent extends CustomEvent<{ voucherId: string; batchId: string }> {
  static readonly eventName = 'smec-voucher-return';

  constructor(detail: { voucherId: string; batchId: string }) {
    super(SmecVoucherReturnEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-voucher-return': SmecVoucherReturnEvent;
  }
}
