import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { Engagement, Voucher, VoucherBatch } from '@smec/schemas';
import type { TokenProvider } from '@smec/sdk/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SmecAuthRequiredEvent } from '../../events/auth-required-event.js';
import { SmecErrorEvent } from '../../events/error-event.js';
import { SmecVoucherClaimEvent } from '../../events/voucher-claim-event.js';
import { msg, resolveLocale, str } from '../../i18n/localization.js';
import { clientContext, OwnClientCache, type SmecClient } from '../../internal/client.js';
import { formatMoney } from '../../internal/format.js';
import { adoptViewStyles, Lazy } from '../../internal/lazy.js';
import { SmecElement } from '../../internal/smec-element.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderError } from '../catalog/status.js';
import { renderBatchList } from './batch-list.js';
import { hasToken, tokenSource } from './sign-in-state.js';
import type { UseFlow, UseFlowHost } from './use-flow.js';
import { renderVoucherCard } from './voucher-card.js';
import styles from './voucher-wallet.styles.js';
import { acceptDelivery, claim, loadBatches, loadWallet } from './wallet-api.js';
import { renderEngagementList } from './engagement-list.js';
import { describeActionError } from './wallet-texts.js';

// The dialogs are fetched when first opened: most visits only look at the vouchers.
const useFlowModule = new Lazy(() => import('./use-flow.js'));
const returnDialogModule = new Lazy(() => import('./return-dialog.js'));

/** The product the catalog's 「用券购买」 hands over. */
export interface VoucherProductRequest {
  productId: string;
  productName: string;
}

/**
 * @summary The signed-in enterprise's service vouchers (中小微企业服务券): claim from open batches, use one on a
 * voucher-eligible product, hand one back, follow and accept the engagements it paid for.
 *
 * Signing in is the host page's business: give `<smec-root>` (or this element) a `getToken`. Visitors who are not
 * signed in see a sign-in prompt, the `sign-in` slot and a button that fires `smec-auth-required`.
 *
 * To let the catalog's 「用券购买」 open this wallet's use dialog, put both on one page (the catalog finds the wallet by
 * its `voucher-wallet` attribute or, without one, takes the first wallet of the page), or call
 * `wallet.useProduct({ productId, productName })` yourself.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 *
 * @fires smec-voucher-claim - {SmecVoucherClaimEvent} The enterprise claimed a voucher.
 * @fires smec-voucher-use - {SmecVoucherUseEvent} The enterprise used a voucher: an engagement was ordered.
 * @fires smec-voucher-return - {SmecVoucherReturnEvent} The enterprise handed a voucher back.
 * @fires smec-auth-required - {SmecAuthRequiredEvent} A visitor who is not signed in pressed 「登录」.
 * @fires smec-error - {SmecErrorEvent} The wallet could not be loaded (the widget shows the error too).
 *
 * @slot sign-in - The host's own sign-in link, shown to visitors who are not signed in.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region that announces loading and the outcome of every action.
 * @csspart sign-in - The sign-in prompt.
 * @csspart vouchers - The section with the enterprise's vouchers.
 * @csspart voucher - One voucher.
 * @csspart badge - A status badge.
 * @csspart face-value - A voucher's face value.
 * @csspart deadline - A voucher's deadline and countdown; also `deadline-near` when 7 days or fewer are left.
 * @csspart timeline - A voucher's history or an engagement's progress (an ordered list).
 * @csspart use-button - 「使用」.
 * @csspart return-button - 「退回」.
 * @csspart batches - The section with the batches open for claims.
 * @csspart batch - One batch.
 * @csspart quota - A batch's quota left.
 * @csspart claim-button - 「领取」, or the countdown before the claim window opens.
 * @csspart engagements - The section with the enterprise's engagements.
 * @csspart engagement - One engagement.
 * @csspart accept-button - 「验收」.
 * @csspart rate-button - 「去评价」.
 * @csspart use-dialog - The dialog to use a voucher.
 * @csspart product-picker - The product search and choice.
 * @csspart field-error - The message next to a field.
 * @csspart preview - What the voucher pays and what the enterprise pays.
 * @csspart confirm-button - 「确认用券下单」.
 * @csspart return-dialog - The hand-back confirmation.
 * @csspart confirm-return-button - 「确认退回」.
 * @csspart error - An error message box.
 * @csspart retry-button - The error box's retry button.
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-subtle - Background of cards.
 * @cssproperty --smec-color-border - Borders of cards, fields and buttons.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-color-warning - Deadlines that are near.
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecVoucherWallet extends SmecElement {
  static override styles = [themeStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly ownClients = new OwnClientCache();
  private actionController: AbortController | undefined;
  /** The open use dialog, once its module has arrived. */
  private useFlow: UseFlow | undefined;
  private returnFocus: HTMLElement | undefined;
  private pendingFocus: string | undefined;
  /** What a product request asked for before the vouchers had loaded. */
  private pendingRequest: VoucherProductRequest | undefined;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private rootClient?: SmecClient;

  @state() private version = 0;
  @state() private busy = false;
  @state() private message = '';
  @state() private actionError = '';
  /** The use dialog asked for, until its module has arrived. */
  @state() private opening: { voucher: Voucher; product?: { id: string; name: string } } | undefined;
  @state() private returning: { voucher: Voucher; error: string } | undefined;
  @state() private ratingOpen: string | undefined;
  /** What the last actions returned, ahead of a reload. */
  @state() private fresh: { vouchers: Map<string, Voucher>; engagements: Map<string, Engagement> } = {
    vouchers: new Map(),
    engagements: new Map(),
  };

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** Region (GB/T 2260 code) whose batches are offered; by default every batch. */
  @property() region?: string;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private readonly walletTask = new Task(this, {
    task: async ([client], { signal }) => {
      // Nobody can be signed in without a token: no need to hear a 401 say so.
      if (!(await hasToken(tokenSource(this, this)))) return undefined;
      try {
        return await loadWallet(client, signal);
      } catch (error) {
        if (!signal.aborted) this.dispatchEvent(new SmecErrorEvent(error, 'vouchers.list'));
        throw error;
      }
    },
    args: () => [this.activeClient, this.version] as const,
  });

  private readonly batchesTask = new Task(this, {
    task: ([client, region], { signal }) => loadBatches(client, region, signal),
    args: () => [this.activeClient, this.region || undefined, this.version] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.actionController?.abort();
    this.useFlow?.dispose();
  }

  /** The client in use: the `client` property, else the enclosing root's, else one built from `api-base`. */
  private get activeClient(): SmecClient {
    if (this.client) return this.client;
    if (this.rootClient) return this.rootClient;
    return this.ownClients.get({ apiBase: this.apiBase, locale: resolveLocale(this), getToken: this.getToken });
  }

  /** Reloads the vouchers, the batches and the engagements. */
  refresh(): void {
    this.fresh = { vouchers: new Map(), engagements: new Map() };
    this.version += 1;
  }

  private get vouchers(): Voucher[] {
    const loaded = this.walletTask.value?.vouchers ?? [];
    const merged = loaded.map((v) => this.fresh.vouchers.get(v.id) ?? v);
    const added = [...this.fresh.vouchers.values()].filter((v) => !loaded.some((l) => l.id === v.id));
    return [...added, ...merged];
  }

  private get engagements(): Engagement[] {
    const loaded = this.walletTask.value?.engagements ?? [];
    const merged = loaded.map((e) => this.fresh.engagements.get(e.id) ?? e);
    const added = [...this.fresh.engagements.values()].filter((e) => !loaded.some((l) => l.id === e.id));
    return [...added, ...merged];
  }

  /** Unused vouchers, the soonest to expire first: the one a product request picks. */
  private get usable(): Voucher[] {
    return this.vouchers.filter((v) => v.status === 'issued').sort((a, b) => Date.parse(a.useBy) - Date.parse(b.useBy));
  }

  private get signedIn(): boolean {
    // The last answer stays on screen while a reload runs, so the focus never falls out of the page.
    return this.walletTask.value !== undefined;
  }

  /**
   * Opens the use dialog with a product chosen, as the catalog's 「用券购买」 does. Asks for sign-in when nobody is
   * signed in; says so when no voucher is left to use.
   */
  async useProduct(request: VoucherProductRequest): Promise<void> {
    if (this.walletTask.status !== TaskStatus.COMPLETE) {
      this.pendingRequest = request;
      await this.walletTask.taskComplete.catch(() => undefined);
      if (this.pendingRequest !== request) return;
      this.pendingRequest = undefined;
    }
    if (!this.signedIn) {
      this.dispatchEvent(new SmecAuthRequiredEvent({ widget: 'voucher-wallet' }));
      return;
    }
    const [voucher] = this.usable;
    if (!voucher) {
      this.message = msg('您没有可用的服务券，请先领取。', { id: 'wallet.noUsable' });
      this.pendingFocus = '#smec-batches-title';
      return;
    }
    this.openUse(voucher, { id: request.productId, name: request.productName });
  }

  private openUse(voucher: Voucher, product?: { id: string; name: string }): void {
    this.returnFocus = this.activeElement();
    this.useFlow?.dispose();
    this.useFlow = undefined;
    this.opening = { voucher, product };
  }

  /** What the use dialog needs of the wallet. */
  private readonly useFlowHost: UseFlowHost = {
    requestUpdate: () => this.requestUpdate(),
    client: () => this.activeClient,
    vouchers: () => this.vouchers,
    usable: () => this.usable,
    engagements: () => this.engagements,
    focus: (selector) => {
      this.pendingFocus = selector;
      this.requestUpdate();
    },
    ordered: (engagement, message, event) => this.ordered(engagement, message, event),
    close: () => this.closeUse(),
    idempotency: undefined,
  };

  private ordered(engagement: Engagement, message: string, event: Event): void {
    this.useFlow?.dispose();
    this.useFlow = undefined;
    const engagements = new Map(this.fresh.engagements).set(engagement.id, engagement);
    this.fresh = { ...this.fresh, engagements };
    this.message = message;
    this.pendingFocus = `#smec-engagement-${engagement.id}`;
    this.dispatchEvent(event);
    this.version += 1;
  }

  private closeUse(): void {
    if (!this.useFlow && !this.opening) return;
    this.useFlow?.dispose();
    this.useFlow = undefined;
    this.opening = undefined;
    this.requestUpdate();
    this.restoreFocus();
  }

  private restoreFocus(): void {
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) requestAnimationFrame(() => target.focus());
  }

  private async runAction(work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.actionController?.abort();
    const controller = (this.actionController = new AbortController());
    this.busy = true;
    this.actionError = '';
    this.message = '';
    try {
      await work(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.actionError = describeActionError(error);
      this.pendingFocus = '#smec-action-error';
    } finally {
      if (!controller.signal.aborted) this.busy = false;
    }
  }

  private handleClaim(batch: VoucherBatch): void {
    void this.runAction(async (signal) => {
      const voucher = await claim(this.activeClient, batch.id, signal);
      this.fresh = { ...this.fresh, vouchers: new Map(this.fresh.vouchers).set(voucher.id, voucher) };
      const value = formatMoney(voucher.faceValue);
      this.message = msg(str`已领取 ${batch.name}（${value}），券号 ${voucher.code}。`, { id: 'wallet.done.claimed' });
      this.pendingFocus = `#smec-voucher-${voucher.id}`;
      this.dispatchEvent(new SmecVoucherClaimEvent({ batchId: batch.id, voucherId: voucher.id, code: voucher.code }));
      this.version += 1;
    });
  }

  private handleReturn(voucher: Voucher): void {
    this.returnFocus = this.activeElement();
    this.returning = { voucher, error: '' };
    this.pendingFocus = '#smec-return-title';
  }

  private confirmReturn(): void {
    const returning = this.returning;
    const module = returnDialogModule.get(this);
    if (!returning || !module || this.busy) return;
    const { voucher } = returning;
    this.actionController?.abort();
    const controller = (this.actionController = new AbortController());
    this.busy = true;
    module.handBack(this.activeClient, voucher, controller.signal).then(
      (done) => {
        if (controller.signal.aborted) return;
        this.busy = false;
        this.returning = undefined;
        this.returnFocus = undefined;
        this.fresh = { ...this.fresh, vouchers: new Map(this.fresh.vouchers).set(done.voucher.id, done.voucher) };
        this.message = done.message;
        this.pendingFocus = `#smec-voucher-${done.voucher.id}`;
        this.dispatchEvent(done.event);
        this.version += 1;
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.busy = false;
        this.returning = { voucher, error: describeActionError(error) };
      },
    );
  }

  private closeReturn(): void {
    if (!this.returning) return;
    this.returning = undefined;
    this.restoreFocus();
  }

  private handleAccept(engagement: Engagement): void {
    void this.runAction(async (signal) => {
      const accepted = await acceptDelivery(this.activeClient, engagement.id, signal);
      this.fresh = { ...this.fresh, engagements: new Map(this.fresh.engagements).set(accepted.id, accepted) };
      this.message = msg(str`已验收：${accepted.productName}。`, { id: 'wallet.done.accepted' });
      this.pendingFocus = `#smec-engagement-${accepted.id}`;
      this.version += 1;
    });
  }

  private handleRate(engagement: Engagement): void {
    // The rating form is a widget of its own, fetched the first time someone rates: most visits never need it.
    import('../../define/smec-feedback-rating.js').catch((error: unknown) =>
      this.dispatchEvent(new SmecErrorEvent(error, 'feedback-rating.load')),
    );
    this.ratingOpen = engagement.id;
    this.pendingFocus = `[data-engagement-id="${engagement.id}"] smec-feedback-rating`;
  }

  private readonly handleRatingSubmit = () => {
    const id = this.ratingOpen;
    this.ratingOpen = undefined;
    this.message = msg('感谢您的评价。', { id: 'wallet.done.rated' });
    if (id) this.pendingFocus = `#smec-engagement-${id}`;
    this.refresh();
  };

  private handleSignIn(): void {
    this.dispatchEvent(new SmecAuthRequiredEvent({ widget: 'voucher-wallet' }));
  }

  private activeElement(): HTMLElement | undefined {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return active instanceof HTMLElement ? active : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('smec-rating-submit', this.handleRatingSubmit);
  }

  override willUpdate(): void {
    const opening = this.opening;
    const module = opening && useFlowModule.get(this);
    if (opening && module) {
      adoptViewStyles(this, module.dialogStyles);
      this.opening = undefined;
      this.useFlow = new module.UseFlow(this.useFlowHost, opening.voucher, opening.product);
    }
  }

  override updated(): void {
    for (const selector of ['dialog.use-dialog', 'dialog.return-dialog']) {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>(selector);
      if (dialog && !dialog.open) dialog.showModal();
    }
    const focus = this.pendingFocus;
    if (!focus) return;
    const target = this.renderRoot.querySelector<HTMLElement>(focus);
    if (target) {
      this.pendingFocus = undefined;
      target.focus();
    }
  }

  private statusText(): string {
    if (this.message) return this.message;
    const status = this.walletTask.status;
    if (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) {
      return msg('正在加载…', { id: 'status.loading' });
    }
    return '';
  }

  private renderSignIn() {
    return html`<section part="sign-in" class="sign-in" aria-labelledby="smec-sign-in-title">
      <h3 id="smec-sign-in-title">${msg('登录后查看您的服务券', { id: 'wallet.signIn.title' })}</h3>
      <p>${msg('服务券须以企业账号领取和使用。请先登录。', { id: 'wallet.signIn.hint' })}</p>
      <div class="actions">
        <button type="button" part="sign-in-button" class="button button-primary" @click=${this.handleSignIn}>
          ${msg('登录', { id: 'wallet.signIn' })}
        </button>
        <slot name="sign-in"></slot>
      </div>
    </section>`;
  }

  private renderWallet() {
    const vouchers = this.vouchers;
    const batches = this.batchesTask.value ?? [];
    const claimed = new Set(vouchers.filter((v) => v.status !== 'withdrawn').map((v) => v.batchId));
    return html`<section part="vouchers" class="section" aria-labelledby="smec-vouchers-title">
        <h3 id="smec-vouchers-title" tabindex="-1">${msg('我的服务券', { id: 'wallet.vouchers' })}</h3>
        ${
          vouchers.length === 0
            ? html`<p class="empty">${msg('您还没有服务券，可在下方领取。', { id: 'wallet.vouchers.empty' })}</p>`
            : html`<ul class="cards">
                ${vouchers.map((voucher) =>
                  renderVoucherCard({
                    voucher,
                    locale: this.locale,
                    busy: this.busy,
                    onUse: (v) => this.openUse(v),
                    onReturn: (v) => this.handleReturn(v),
                  }),
                )}
              </ul>`
        }
      </section>
      <section part="batches" class="section" aria-labelledby="smec-batches-title">
        <h3 id="smec-batches-title" tabindex="-1">${msg('可领取的服务券', { id: 'wallet.batches' })}</h3>
        ${
          this.batchesTask.status === TaskStatus.ERROR
            ? html`<div role="alert">${renderError(this.batchesTask.error, () => void this.batchesTask.run())}</div>`
            : this.batchesTask.status === TaskStatus.COMPLETE
              ? renderBatchList({
                  batches,
                  claimed,
                  locale: this.locale,
                  busy: this.busy,
                  onClaim: (b) => this.handleClaim(b),
                })
              : html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>`
        }
      </section>
      <section part="engagements" class="section" aria-labelledby="smec-engagements-title">
        <h3 id="smec-engagements-title">${msg('我的服务项目', { id: 'wallet.engagements' })}</h3>
        ${renderEngagementList({
          engagements: this.engagements,
          locale: this.locale,
          busy: this.busy,
          ratingOpen: this.ratingOpen,
          client: this.activeClient,
          onAccept: (e) => this.handleAccept(e),
          onRate: (e) => this.handleRate(e),
        })}
      </section>`;
  }

  private renderDialogs() {
    const returning = this.returning;
    return html`${this.useFlow ? this.useFlow.render() : this.opening ? useFlowModule.render(this, () => nothing) : nothing}
    ${
      returning
        ? returnDialogModule.render(this, ({ renderReturnDialog, dialogStyles }) => {
            adoptViewStyles(this, dialogStyles);
            return renderReturnDialog({
              voucher: returning.voucher,
              busy: this.busy,
              error: returning.error,
              onConfirm: () => this.confirmReturn(),
              onClose: () => this.closeReturn(),
            });
          })
        : nothing
    }`;
  }

  override render() {
    const status = this.walletTask.status;
    const failed = status === TaskStatus.ERROR;
    const signedOut = status === TaskStatus.COMPLETE && this.walletTask.value === undefined;
    return html`<div part="base" class="base" lang=${this.locale}>
      <h2 class="title">${msg('服务券', { id: 'wallet.title' })}</h2>
      <p part="status" class="status" role="status" aria-live="polite">${this.statusText()}</p>
      <div role="alert" id="smec-action-error" tabindex="-1" class="action-error">
        ${this.actionError ? html`<p part="error" class="error">${this.actionError}</p>` : nothing}
      </div>
      <div role="alert">${failed ? renderError(this.walletTask.error, () => this.refresh()) : nothing}</div>
      ${signedOut ? this.renderSignIn() : nothing} ${this.signedIn ? this.renderWallet() : nothing}
      ${this.signedIn ? this.renderDialogs() : nothing}
    </div>`;
  }
}
