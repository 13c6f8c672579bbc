import type { CategoryId } from '@smec/schemas';

/**
 * Fired when a visitor asks for the services of a policy's category (「查看相关服务」) on a `<smec-policy-list>`
 * without a `catalog-url`; the host opens its catalog on that category. Bubbles out of the shadow root.
 *
 * @example
 * list.addEventListener('smec-policy-services', (event) => catalog.setAttribute('category', event.categoryId));
 */
export class SmecPolicyServicesEvent extends Event {
  static readonly eventName = 'smec-policy-services';

  /** The category whose services the visitor wants. */
  readonly categoryId: CategoryId;
  /** The policy the visitor was reading. */
  readonly policyId: string;

  constructor(detail: { categoryId: CategoryId; policyId: string }) {
    super(SmecPolicyServicesEvent.eventName, { bubbles: true, composed: true });
    this.categoryId = detail.categoryId;
    this.policyId = detail.policyId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-policy-services': SmecPolicyServicesEvent;
  }
}
