import { Task, TaskStatus, initialState } from '@lit/task';
import type { ServiceProduct } from '@smec/schemas';
import type { ReactiveController, TemplateResult } from 'lit';
import type { ClientController } from '../../controllers/client-controller.js';
import { LoadTask, type LoadHost } from '../../controllers/load-task.js';
import { SmecDemandRequestEvent } from '../../events/demand-request-event.js';
import { SmecVoucherRequestEvent } from '../../events/voucher-request-event.js';
import type { SmecLocale } from '../../i18n/localization.js';
import { renderProductDetail } from './product-detail.js';
import type { ReferenceData } from './reference-data.js';
import { Products } from '@smec/sdk/core';
import { useResources } from '../../internal/client.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ products: Products });

/** What the catalog knows that its detail view needs; read at every update. */
export interface DetailInputs {
  product: string | undefined;
  /** The product as the result list has it, shown until the full detail arrives. */
  listed: ServiceProduct | undefined;
  reference: ReferenceData | undefined;
  locale: SmecLocale;
  demandForm: string | undefined;
  voucherWallet: string | undefined;
  onBack: () => void;
}

/**
 * The product detail of the catalog: the product's loading, its view, and what its buttons do. It travels in the
 * chunk the catalog imports when a product first opens, and reads what the catalog knows once per update.
 */
export class ProductDetail implements ReactiveController {
  private inputs: DetailInputs;
  private readonly detailTask;
  /** Whether a token is there, asked of the token provider only (no network call) when a detail opens. */
  private readonly signedInTask;

  constructor(
    private readonly host: LoadHost,
    api: ClientController,
    private readonly read: () => DetailInputs,
  ) {
    this.inputs = read();
    host.addController(this);
    this.detailTask = new LoadTask(host, {
      task: ([client, id], { signal }) => (id ? client.products.get(id, { signal }) : initialState),
      args: () => [api.client, this.inputs.product] as const,
      operation: 'products.get',
    });
    // The client changes when the visitor signs in or out (the root hands over another one).
    this.signedInTask = new Task(host, {
      task: ([product]) => !!product && api.signedIn(),
      args: () => [this.inputs.product, api.client] as const,
    });
  }

  hostUpdate(): void {
    this.inputs = this.read();
  }

  private handleConsult({ id, categoryId, regionCodes }: ServiceProduct): void {
    const detail = {
      productId: id,
      categoryId,
      regionCode: regionCodes.length === 1 ? (regionCodes[0] ?? null) : null,
    };
    const { demandForm } = this.inputs;
    if (!this.host.dispatchEvent(new SmecDemandRequestEvent(detail)) || !demandForm) return;
    // Looked up by id, not imported: the catalog's bundle does not carry the form.
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const form = root.getElementById(demandForm) as (HTMLElement & { prefill?(d: typeof detail): void }) | null;
    form?.prefill?.(detail);
  }

  private handleVoucher({ id, name }: ServiceProduct): void {
    const detail = { productId: id, productName: name };
    if (!this.host.dispatchEvent(new SmecVoucherRequestEvent(detail))) return;
    // Looked up, not imported: the catalog's bundle does not carry the wallet.
    const { voucherWallet } = this.inputs;
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const wallet = (voucherWallet ? root.getElementById(voucherWallet) : root.querySelector('smec-voucher-wallet')) as
      (HTMLElement & { useProduct?(d: typeof detail): Promise<void> }) | null;
    if (wallet?.useProduct) {
      wallet.scrollIntoView({ block: 'start' });
      void wallet.useProduct(detail);
    }
  }

  render(): TemplateResult {
    const { listed, reference, locale, onBack } = this.inputs;
    const task = this.detailTask;
    const detail = task.status === TaskStatus.COMPLETE ? task.value : undefined;
    return renderProductDetail({
      product: detail ?? listed,
      provider: detail?.providerDetail,
      loading: task.status === TaskStatus.PENDING,
      error: task.status === TaskStatus.ERROR ? task.error : undefined,
      reference,
      locale,
      onBack,
      onRetry: () => void task.run(),
      onConsult: (product) => this.handleConsult(product),
      signedIn: this.signedInTask.value === true,
      onVoucher: (product) => this.handleVoucher(product),
    });
  }
}
