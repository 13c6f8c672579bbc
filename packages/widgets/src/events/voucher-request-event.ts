/** The product asked for; `price` (in fen) when the product has one, which the use dialog takes as the contract amount. */
export interface VoucherRequestDetail {
  productId: string;
  productName: string;
  price?: number;
}

/**
 * Fired when a signed-in visitor chooses 「用券购买」 in the catalog's product detail. Cancel it to handle the purchase
 * yourself; otherwise the catalog opens the use dialog of the `<smec-voucher-wallet>` its `voucher-wallet` attribute
 * names (or of the first wallet in the same document), with the product chosen.
 */
export class SmecVoucherRequestEvent extends CustomEvent<VoucherRequestDetail> {
  static readonly eventName = 'smec-voucher-request';

  constructor(detail: VoucherRequestDetail) {
    super(SmecVoucherRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-voucher-request': SmecVoucherRequestEvent;
  }
}
