import type { ServiceProduct } from '@smec/schemas';

/**
 * Fired when a visitor opens a product (never when code sets a property). Bubbles out of the shadow root.
 *
 * @example
 * catalog.addEventListener('smec-select', (event) => console.log(event.productId));
 */
export class SmecSelectEvent extends Event {
  static readonly eventName = 'smec-select';

  /** The id of the product the visitor opened. */
  readonly productId: string;
  /** The product as listed (the detail, with the provider's contacts, loads afterwards). */
  readonly product: ServiceProduct;

  constructor(product: ServiceProduct) {
    super(SmecSelectEvent.eventName, { bubbles: true, composed: true });
    this.productId = product.id;
    this.product = product;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-select': SmecSelectEvent;
  }
}
