/**
 * Fired when the signed-in enterprise has claimed a voucher of a batch (never for a change made by code). Bubbles
 * out of the shadow root.
 *
 * @example
 * wallet.addEventListener('smec-voucher-claim', (event) => console.log(event.detail.voucherId));
 */
export class SmecVoucherClaimEvent extends CustomEvent<{ batchId: string; voucherId: string; code: string }> {
  static readonly eventName = 'smec-voucher-claim';

  constructor(detail: { batchId: string; voucherId: string; code: string }) {
    super(SmecVoucherClaimEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-voucher-claim': SmecVoucherClaimEvent;
  }
}
