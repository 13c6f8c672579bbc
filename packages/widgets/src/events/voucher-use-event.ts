/**
 * Fired when the signed-in enterprise has used a voucher on a product: the platform ordered an engagement. Amounts
 * are fen. Bubbles out of the shadow root.
 *
 * @example
 * wallet.addEventListener('smec-voucher-use', (event) => console.log(event.detail.engagementId));
 */
export class SmecVoucherUseEvent extends CustomEvent<{
  voucherId: string;
  engagementId: string;
  productId: string;
  contractAmount: number;
  voucherAmount: number;
  selfPaid: number;
}> {
  static readonly eventName = 'smec-voucher-use';

  constructor(detail: {
    voucherId: string;
    engagementId: string;
    productId: string;
    contractAmount: number;
    voucherAmount: number;
    selfPaid: number;
  }) {
    super(SmecVoucherUseEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-voucher-use': SmecVoucherUseEvent;
  }
}
