/**
 * Fired when a visitor asks to consult about a product (「我要咨询」 in the catalog's detail). Cancel it to open a
 * form of your own; otherwise the catalog fills in the `<smec-demand-form>` its `demand-form` attribute names, or
 * without one follows its `demand-url`, or else opens a demand form in a dialog.
 */
export class SmecDemandRequestEvent extends CustomEvent<{
  productId: string;
  categoryId: string;
  regionCode: string | null;
}> {
  static readonly eventName = 'smec-demand-request';

  constructor(detail: { productId: string; categoryId: string; regionCode: string | null }) {
    super(SmecDemandRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-demand-request': SmecDemandRequestEvent;
  }
}
