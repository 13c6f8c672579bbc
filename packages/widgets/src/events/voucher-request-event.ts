/**
 * Fired when a signed-in visitor chooses 「用券购买」 in the catalog's product detail. Cancel it to handle the purchase
 * yourself; otherwise the catalog opens the use dialog of the `<smec-voucher-wallet>` its `voucher-wallet` attribute
 * names (or of the first wallet in the same document), with the product chosen.
 */
export class SmecVoucherRequestEvent extends CustomEvent<{ productId: string; productName: string }> {
  static readonly eventName = 'smec-voucher-request';

  constructor(detail: { productId: string; productName: string }) {
    super(SmecVoucherRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-voucher-request': SmecVoucherRequestEvent;
  }
}
