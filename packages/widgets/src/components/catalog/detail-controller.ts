import { Task, TaskStatus, initialState } from '@lit/task';
import type { ServiceProduct } from '@smec/schemas';
import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { ClientController } from '../../controllers/client-controller.js';
import { LoadTask, type LoadHost } from '../../controllers/load-task.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { SmecDemandRequestEvent } from '../../events/demand-request-event.js';
import { demandLink, type DemandRequest } from '../../internal/demand-link.js';
import { priceToPay } from '../../internal/price.js';
import { SmecVoucherRequestEvent } from '../../events/voucher-request-event.js';
import type { SmecLocale } from '../../i18n/localization.js';
import { prefillDialogForm, renderConsultDialog } from './consult-dialog.js';
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
  demandUrl: string | undefined;
  theme: 'light' | 'dark' | undefined;
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
  /** What the dialog's demand form is for, while it is open (no demand form on the page, no `demand-url`). */
  private consulting: DemandRequest | undefined;
  /** The dialog's form has been filled in. */
  private prefilled = false;
  /** The dialog has closed: 「我要咨询」 gets the focus back. */
  private refocus = false;

  constructor(
    private readonly host: LoadHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly api: ClientController,
    private readonly read: () => DetailInputs,
  ) {
    this.inputs = read();
    host.addController(this);
    new ModalController(host);
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
    // Another product, or none: the dialog of the last one goes.
    if (this.consulting && this.consulting.productId !== this.inputs.product) this.consulting = undefined;
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    if (this.consulting && !this.prefilled) this.prefilled = prefillDialogForm(root, this.consulting);
    if (this.refocus) {
      this.refocus = false;
      root.querySelector<HTMLElement>('[part~="consult-button"]')?.focus();
    }
  }

  /**
   * 「我要咨询」: the host's own form when it cancels the event, else the page's demand form, else the demand page
   * (`demand-url`, a link that `event` follows), else a demand form in a dialog.
   */
  private handleConsult(request: DemandRequest, event: Event): void {
    const { demandForm, demandUrl } = this.inputs;
    if (!this.host.dispatchEvent(new SmecDemandRequestEvent(request))) {
      event.preventDefault();
      return;
    }
    // Looked up by id, not imported: the catalog's bundle does not carry the form.
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const form = demandForm
      ? (root.getElementById(demandForm) as (HTMLElement & { prefill?(d: DemandRequest): void }) | null)
      : null;
    if (form?.prefill) {
      event.preventDefault();
      form.prefill(request);
      return;
    }
    if (demandUrl && demandLink(demandUrl, request)) return;
    this.consulting = request;
    this.prefilled = false;
    this.host.requestUpdate();
  }

  private closeConsult(): void {
    if (!this.consulting) return;
    this.consulting = undefined;
    this.refocus = true;
    this.host.requestUpdate();
  }

  private handleVoucher({ id, name, fee }: ServiceProduct): void {
    const price = priceToPay(fee);
    const detail = { productId: id, productName: name, ...(price === undefined ? {} : { price }) };
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
    const product = detail ?? listed;
    const request = product && requestOf(product);
    return renderProductDetail({
      product,
      provider: detail?.providerDetail,
      loading: task.status === TaskStatus.PENDING,
      error: task.status === TaskStatus.ERROR ? task.error : undefined,
      reference,
      locale,
      onBack,
      onRetry: () => void task.run(),
      consultHref: request && this.inputs.demandUrl ? demandLink(this.inputs.demandUrl, request) : undefined,
      onConsult: (event) => request && this.handleConsult(request, event),
      consultDialog:
        product && this.consulting
          ? renderConsultDialog({
              host: this.host,
              productName: product.name,
              client: this.api.client,
              theme: this.inputs.theme,
              onClose: () => this.closeConsult(),
            })
          : nothing,
      signedIn: this.signedInTask.value === true,
      onVoucher: (product) => this.handleVoucher(product),
    });
  }
}

function requestOf({ id, categoryId, regionCodes }: ServiceProduct): DemandRequest {
  return { productId: id, categoryId, regionCode: regionCodes.length === 1 ? (regionCodes[0] ?? null) : null };
}
