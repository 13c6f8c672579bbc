import { TaskStatus } from '@lit/task';
import type { ProductSort, ServiceProduct } from '@smec/schemas';
import type { TokenProvider } from '@smec/sdk/core';
import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ClientController } from '../../controllers/client-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { SmecSelectEvent } from '../../events/select-event.js';
import { type SmecClient, useResources } from '../../internal/client.js';
import { Lazy } from '../../internal/lazy.js';
import { SmecElement } from '../../internal/smec-element.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderBrowse } from './browse-view.js';
import styles from './catalog.styles.js';
import {
  EMPTY_FILTERS,
  EMPTY_VIEW,
  toQuery,
  type CatalogFilters,
  type CatalogView,
  type PriceBandKey,
} from './catalog.state.js';
import type { ProductDetail } from './detail-controller.js';
import { loadReferenceData } from './reference-data.js';
import { UrlState } from './url-state.js';
import { Products } from '@smec/sdk/core';

// The SDK calls this module makes (see internal/client.ts).
useResources({ products: Products });

const SEARCH_DEBOUNCE_MS = 300;
/** Changing any of these starts again from the first page. */
const FILTER_KEYS = ['q', 'category', 'region', 'voucherEligible', 'free', 'price', 'sort', 'pageSize'];

type FocusTarget = { detail: true } | { card: string };

/** Most visits never open a product: its detail view loads when the first one opens. */
const detailView = new Lazy(() => import('./detail-controller.js'));

/**
 * @summary The province's service products, searchable and filterable, for a service center's website.
 *
 * A search box (debounced; Enter searches at once), facets with counts (category, city then county, voucher-eligible,
 * free services, price), sorting, product cards, a detail view with the five publics (五公开) and the provider's
 * contacts, and pagination. The filters and the page are kept in the page's URL (`smec_*` parameters) so that a
 * filtered view can be shared: the URL overrides only the attributes it names, and opening a product or changing
 * filters or the page is a history entry, so the browser's Back and Forward move through them.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-select - {SmecSelectEvent} The visitor opened a product (never fired when code sets `product`).
 * @fires smec-demand-request - {SmecDemandRequestEvent} The visitor chose 「我要咨询」 in a product's detail (cancel it
 * to open a form of your own).
 * @fires smec-voucher-request - {SmecVoucherRequestEvent} A signed-in visitor chose 「用券购买」 in the detail of a
 * voucher-eligible product (offered inside a `<smec-root>` whose `getToken` gives a token).
 * @fires smec-error - {SmecErrorEvent} A search or a product could not be loaded (the widget shows the error too).
 *
 * @csspart base - The wrapper of everything.
 * @csspart search - The search form.
 * @csspart facets - The filter panel.
 * @csspart clear-button - The button that clears the filters.
 * @csspart results - The result area: count, sort, cards and pagination.
 * @csspart status - The live region with the number of results or the loading state.
 * @csspart card - One product card.
 * @csspart card-title - The button with a product's name that opens its detail.
 * @csspart price - A card's price.
 * @csspart pagination - The previous / next navigation.
 * @csspart detail - The product detail panel.
 * @csspart back-button - The detail's button back to the list.
 * @csspart consult-button - The detail's 「我要咨询」 button (a link when it goes to `demand-url`).
 * @csspart consult-dialog - The dialog with a demand form that 「我要咨询」 opens on a page without one.
 * @csspart consult-close-button - That dialog's close button.
 * @csspart voucher-button - The detail's 「用券购买」 button.
 * @csspart error - The error message box.
 * @csspart retry-button - The error box's retry button.
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text (keep a 4.5:1 contrast with the surface).
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-border - Borders of cards and fields.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-radius - Corner radius of cards, fields and buttons.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecCatalog extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** `cursors[i]` opens page i + 1; holes are pages reached from a shared link. */
  private cursors: (string | undefined)[] = [undefined];
  private pendingFocus: FocusTarget | undefined;
  /** What the attributes set at the start: the URL overrides only what it names. */
  private defaults: CatalogView = EMPTY_VIEW;

  private readonly api = new ClientController(this);

  private readonly url = new UrlState(this, {
    enabled: () => !this.noUrlState,
    view: () => this.view,
    defaults: () => this.defaults,
    apply: (view) => this.restoreView(view),
  });

  private readonly referenceTask = new LoadTask(this, {
    task: ([client], { signal }) => loadReferenceData(client, signal),
    args: () => [this.api.client] as const,
  });

  private readonly listTask = new LoadTask(this, {
    task: async ([client, q, category, region, voucherEligible, free, price, sort, cursor, pageSize], { signal }) =>
      await client.products.list(
        toQuery({ q, category, region, voucherEligible, free, price, sort }, cursor, pageSize),
        { signal },
      ),
    args: () =>
      [
        this.api.client,
        this.q,
        this.category,
        this.region,
        this.voucherEligible,
        this.free,
        this.price,
        this.sort,
        this.cursor,
        Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 12)),
      ] as const,
    operation: 'products.list',
  });

  /** Made when the first product opens and its view has arrived. */
  private detail: ProductDetail | undefined;

  @query('#smec-q') private searchInput?: HTMLInputElement;

  /** What is in the search box; becomes the query after the debounce. */
  @state() private searchText = '';
  @state() private q = '';
  @state() private free = false;
  @state() private price: PriceBandKey | undefined;
  @state() private sort: ProductSort = 'relevance';
  @state() private page = 1;
  @state() private cursor: string | undefined;
  @state() private filtersOpen = false;

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** Region filter (GB/T 2260 code of a city or county, e.g. `440600`); the initial one when set as an attribute. */
  @property() region?: string;

  /** Category filter (e.g. `legal`); the initial one when set as an attribute. */
  @property() category?: string;

  /**
   * Only products a service voucher pays for (the voucher-eligible facet ticked); the initial filter when set as an
   * attribute, as on a page that offers the visitor's vouchers above the catalog.
   */
  @property({ attribute: 'voucher-eligible', type: Boolean }) voucherEligible = false;

  /** Products per page, 1–100. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 12;

  /** Do not read or write the filters in the page's URL (for several catalogs on one page, or an app's own routing). */
  @property({ attribute: 'no-url-state', type: Boolean }) noUrlState = false;

  /** After how many milliseconds of loading the widget says that loading is slow. */
  @property({ attribute: 'stalled-after', type: Number }) stalledAfter = 3000;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * The id of a `<smec-demand-form>` that 「我要咨询」 fills in (unless the `smec-demand-request` is cancelled). Without
   * one on the page, 「我要咨询」 goes to `demand-url`, or else opens a demand form in a dialog.
   */
  @property({ attribute: 'demand-form' }) demandForm?: string;

  /**
   * The address of the site's demand page, which 「我要咨询」 links to when no `demand-form` is on the page, with
   * `smec_demand_product`, `smec_demand_category` and `smec_demand_region` (which `<smec-demand-form>` reads). Without
   * it, and without a form on the page, 「我要咨询」 opens a demand form in a dialog.
   */
  @property({ attribute: 'demand-url' }) demandUrl?: string;

  /** The id of a `<smec-voucher-wallet>` that 「用券购买」 opens (default: the first wallet of the page). */
  @property({ attribute: 'voucher-wallet' }) voucherWallet?: string;

  /** The id of the product whose detail is open; set it to open one (no `smec-select` is fired), clear it to close. */
  @property() product?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  override willUpdate(changed: PropertyValues): void {
    this.prepareDetail();
    if (!this.hasUpdated) {
      this.defaults = {
        ...EMPTY_VIEW,
        category: this.category,
        region: this.region,
        voucherEligible: this.voucherEligible,
      };
      const shared = this.url.read();
      if (shared) this.applyView(shared);
      return;
    }
    // A new search starts on its first page; moving between pages changes the cursor and keeps the rest.
    if (FILTER_KEYS.some((key) => changed.has(key)) && !changed.has('cursor')) {
      this.page = 1;
      this.cursor = undefined;
      this.cursors = [undefined];
    }
  }

  override updated(): void {
    this.restoreFocus();
  }

  /** Fetches the detail view when a product is open, and sets it up once it is there (its tasks run in this update). */
  private prepareDetail(): void {
    if (this.detail || !this.product) return;
    const module = detailView.get(this);
    if (!module) return;
    this.detail = new module.ProductDetail(this, this.api, () => ({
      product: this.product,
      listed: this.listTask.value?.items.find((item) => item.id === this.product),
      reference: this.referenceTask.value,
      locale: this.locale,
      demandForm: this.demandForm,
      demandUrl: this.demandUrl,
      theme: this.theme,
      voucherWallet: this.voucherWallet,
      onBack: () => this.handleBack(),
    }));
  }

  private get filters(): CatalogFilters {
    const { q, category, region, voucherEligible, free, price, sort } = this;
    return { q, category, region, voucherEligible, free, price, sort };
  }

  private get view(): CatalogView {
    return { ...this.filters, page: this.page, cursor: this.cursor, product: this.product };
  }

  private handleSearchInput(text: string): void {
    this.searchText = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.q = this.searchText), SEARCH_DEBOUNCE_MS);
  }

  private handleSearchSubmit(): void {
    clearTimeout(this.searchTimer);
    this.q = this.searchText;
  }

  private handleClearFilters(): void {
    this.url.push();
    const { q, sort } = this;
    Object.assign(this, { ...EMPTY_FILTERS, q, sort });
  }

  private handleClearAll(): void {
    clearTimeout(this.searchTimer);
    this.handleClearFilters();
    this.q = this.searchText = '';
    this.searchInput?.focus();
  }

  private handlePrevious(): void {
    const target = this.page - 1;
    const cursor = this.cursors[target - 1];
    if (target > 1 && cursor === undefined) {
      this.goToPage(1, undefined);
    } else {
      this.goToPage(target, cursor);
    }
  }

  private handleNext(): void {
    const next = this.listTask.value?.nextCursor;
    if (!next) return;
    this.cursors[this.page] = next;
    this.goToPage(this.page + 1, next);
  }

  private handleOpen(product: ServiceProduct): void {
    this.url.push();
    this.product = product.id;
    this.pendingFocus = { detail: true };
    this.dispatchEvent(new SmecSelectEvent(product));
  }

  private handleBack(): void {
    this.url.push();
    if (this.product) this.pendingFocus = { card: this.product };
    this.product = undefined;
  }

  /** Searches again with the current filters (the retry button does this). */
  refresh(): void {
    void this.listTask.run();
  }

  private goToPage(page: number, cursor: string | undefined): void {
    this.url.push();
    this.page = page;
    this.cursor = cursor;
  }

  private applyView(view: CatalogView): void {
    clearTimeout(this.searchTimer);
    this.searchText = this.q = view.q;
    this.category = view.category;
    this.region = view.region;
    this.voucherEligible = view.voucherEligible;
    this.free = view.free;
    this.price = view.price;
    this.sort = view.sort;
    this.page = view.page;
    this.cursor = view.cursor;
    this.cursors = [undefined];
    if (view.cursor) this.cursors[view.page - 1] = view.cursor;
    this.product = view.product;
  }

  /** Back or Forward: the view of that history entry, and the focus where that move leaves the visitor. */
  private restoreView(view: CatalogView): void {
    const open = this.product;
    if (view.product && view.product !== open) this.pendingFocus = { detail: true };
    else if (open && !view.product) this.pendingFocus = { card: open };
    this.applyView(view);
  }

  private restoreFocus(): void {
    const target = this.pendingFocus;
    if (!target) return;
    if ('detail' in target) {
      // The detail view may still be on its way: the focus moves when its heading is there.
      const title = this.renderRoot.querySelector<HTMLElement>('#smec-detail-title');
      if (title || !this.product) this.pendingFocus = undefined;
      title?.focus();
      return;
    }
    const card = this.renderRoot.querySelector<HTMLElement>(`[data-product-id="${CSS.escape(target.card)}"]`);
    if (card) {
      card.focus();
      this.pendingFocus = undefined;
    } else if (this.listTask.status !== TaskStatus.PENDING) {
      // The product is not on this page (it was opened from a shared link): start from the search box.
      this.searchInput?.focus();
      this.pendingFocus = undefined;
    }
  }

  override render() {
    const list = this.listTask;
    return html`<div part="base" class="base" lang=${this.locale}>
      ${
        this.product
          ? detailView.render(this, () => this.detail?.render())
          : renderBrowse({
              list: { status: list.status, value: list.value, error: list.error, stalled: list.stalled },
              filters: this.filters,
              searchText: this.searchText,
              reference: this.referenceTask.value,
              locale: this.locale,
              filtersOpen: this.filtersOpen,
              page: this.page,
              pageSize: this.pageSize,
              previousKnown: this.page <= 2 || this.cursors[this.page - 2] !== undefined,
              onSearchInput: (text) => this.handleSearchInput(text),
              onSearchSubmit: () => this.handleSearchSubmit(),
              onFilters: (patch) => {
                this.url.push();
                Object.assign(this, patch);
              },
              onClearFilters: () => this.handleClearFilters(),
              onClearAll: () => this.handleClearAll(),
              onToggleFilters: () => (this.filtersOpen = !this.filtersOpen),
              onSort: (sort) => {
                this.url.push();
                this.sort = sort;
              },
              onRetry: () => this.refresh(),
              onPrevious: () => this.handlePrevious(),
              onNext: () => this.handleNext(),
              onOpen: (product) => this.handleOpen(product),
            })
      }
    </div>`;
  }
}
