import { TaskStatus } from '@lit/task';
import type { Engagement, Rating, Voucher, VoucherBatch } from '@smec/schemas';
import { hasProblemCode, type TokenProvider } from '@smec/sdk/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ClientController } from '../../controllers/client-controller.js';
import { FocusController } from '../../controllers/focus-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { SmecAuthRequiredEvent } from '../../events/auth-required-event.js';
import { SmecErrorEvent } from '../../events/error-event.js';
import type { SmecRatingSubmitEvent } from '../../events/rating-submit-event.js';
import { SmecVoucherClaimEvent } from '../../events/voucher-claim-event.js';
import { msg, str } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { formatMoney } from '../../internal/format.js';
import { Lazy } from '../../internal/lazy.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { notificationHeadStyles, UnreadNotifications } from '../../notifications/unread-notifications.js';
import { SmecElement } from '../../internal/smec-element.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { loadingText } from '../../views/status-view.js';
import { renderSignIn } from '../../views/sign-in-view.js';
import styles from './voucher-wallet.styles.js';
import type { AcceptFlow } from './accept-flow.js';
import { claim, loadBatches, loadWallet } from './wallet-api.js';
import type { WalletDialogs } from './wallet-dialogs.js';
import { answeredBy, emptyOverlay, remembered, shown, type Overlay } from './wallet-overlay.js';
import { describeActionError } from './wallet-texts.js';
import { canRate } from './engagement-list.js';
import { renderWallet } from './wallet-view.js';

/** The product the catalog's 「用券购买」 hands over. */
export interface VoucherProductRequest {
  productId: string;
  productName: string;
  /** Its price in fen, when it has one (not free, not to be agreed): the contract amount starts from it. */
  price?: number;
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
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-voucher-claim - {SmecVoucherClaimEvent} The enterprise claimed a voucher.
 * @fires smec-voucher-use - {SmecVoucherUseEvent} The enterprise used a voucher: an engagement was ordered.
 * @fires smec-voucher-return - {SmecVoucherReturnEvent} The enterprise handed a voucher back.
 * @fires smec-auth-required - {SmecAuthRequiredEvent} A visitor who is not signed in pressed 「登录」.
 * @fires smec-error - {SmecErrorEvent} The wallet could not be loaded, or a claim, a use, a hand-back or an acceptance
 * failed (the widget shows it too).
 *
 * @slot sign-in - The host's own sign-in link, shown to visitors who are not signed in.
 *
 * @csspart notifications-button - 「消息 (N)」 with the count of unread notifications, for a signed-in enterprise or provider user.
 * @csspart notifications - The list of notifications that 「消息」 opens.
 * @csspart notification - One notification; `data-read` says whether it was read.
 * @csspart notification-link - 「查看」: what the notification is about, where the widget shows it.
 * @csspart notification-read-button - 「标为已读」.
 * @csspart notifications-more-button - 「加载更多」 under the notifications.
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
 * @csspart rating-panel - The rating form, the full width of the engagements, below them.
 * @csspart rated - 「已评价」 on a rated engagement, with the score and any follow-up's due date just after rating.
 * @csspart due - The date by which the provider must answer a bad rating.
 * @csspart use-dialog - The dialog to use a voucher.
 * @csspart product-picker - The product search and choice.
 * @csspart product-price - A product's price in the picker, as the catalog shows it.
 * @csspart field-error - The message next to a field.
 * @csspart preview - What the voucher pays and what the enterprise pays.
 * @csspart confirm-button - 「确认用券下单」.
 * @csspart return-dialog - The hand-back confirmation.
 * @csspart confirm-return-button - 「确认退回」.
 * @csspart confirm-dialog - The question before 验收.
 * @csspart confirm-accept-button - 「确认验收」.
 * @csspart dismiss-button - The confirmation's 「返回」.
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
// What only a few visits use arrives when first used: the use and hand-back dialogs with the first 使用 or 退回, the
// question before 验收 with the first 验收, the rating's panel and confirmation with the first 去评价.
const acceptModule = new Lazy(() => import('./accept-flow.js'));
const dialogsModule = new Lazy(() => import('./wallet-dialogs.js'));
const ratingViewModule = new Lazy(() => import('./rating-view.js'));

export class SmecVoucherWallet extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles, notificationHeadStyles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  /** The question before 验收, once its module has arrived. */
  private accepting: AcceptFlow | undefined;
  /** What a product request asked for before the vouchers had loaded. */
  private pendingRequest: VoucherProductRequest | undefined;

  private readonly api = new ClientController(this);
  // The dialogs open before the focus moves into them.
  private readonly modal = new ModalController(this);
  private readonly focusing = new FocusController(this);
  /** Claims, hand-backs and acceptances: one at a time. */
  private readonly action = new ActionController(this);
  /** The use and hand-back dialogs, once their module has arrived. */
  private dialogs: WalletDialogs | undefined;

  @state() private version = 0;
  /** What the wallet announces, made when it renders: a click before the page's language has loaded is still announced in it. */
  @state() private message?: () => string;
  @state() private ratingOpen: string | undefined;
  /** The rating given last in this wallet, confirmed in its engagement's card. */
  @state() private rated: Rating | undefined;
  /**
   * What the last actions returned, shown until the reload each one starts has answered: the platform's answer then
   * says what is true, so nothing here can outlive it.
   */
  @state() private fresh: Overlay = emptyOverlay();

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

  private readonly walletTask = new LoadTask(this, {
    task: async ([client, version], { signal }) => {
      // Nobody can be signed in without a token: no need to hear a 401 say so.
      const wallet = (await this.api.signedIn()) ? await loadWallet(client, signal) : undefined;
      if (!signal.aborted) this.fresh = answeredBy(this.fresh, version);
      return wallet;
    },
    args: () => [this.api.client, this.version] as const,
    operation: 'vouchers.list',
  });

  /** 「消息 (N)」: asked once the wallet knows an enterprise is signed in. */
  private readonly unread = new UnreadNotifications(this, this.api, { ready: () => this.signedIn });

  private readonly batchesTask = new LoadTask(this, {
    task: ([client, region], { signal }) => loadBatches(client, region, signal),
    args: () => [this.api.client, this.region || undefined, this.version] as const,
  });

  /**
   * Reloads the vouchers, the batches and the engagements. What the last actions returned stays shown until this
   * load answers (which drops it): a reload asked right after an acceptance must not show it undone meanwhile.
   */
  refresh(): void {
    this.version += 1;
  }

  private get vouchers(): Voucher[] {
    return shown(this.walletTask.value?.vouchers, this.fresh.vouchers);
  }

  private get engagements(): Engagement[] {
    return shown(this.walletTask.value?.engagements, this.fresh.engagements);
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
      this.handleSignIn();
      return;
    }
    const [voucher] = this.usable;
    if (!voucher) {
      this.message = () => msg('您没有可用的服务券，请先领取。', { id: 'wallet.noUsable' });
      this.focusing.later('#smec-batches-title', true);
      return;
    }
    const product = { id: request.productId, name: request.productName, price: request.price };
    this.withDialogs((dialogs) => dialogs.openUse(voucher, product));
  }

  /** Shows what a voucher or an engagement is now, ahead of the reload. */
  private remember(kind: 'vouchers' | 'engagements', value: Voucher | Engagement): void {
    // Remembered at this version, so the reload of the next version, which starts after the action, replaces it.
    this.fresh = remembered(this.fresh, kind, value, this.version);
  }

  /** An action succeeded: the wallet says so, moves the focus to what changed, fires `event` and reloads. */
  private done(message: () => string, focus: string, event?: Event): void {
    this.message = message;
    this.focusing.later(focus, true);
    if (event) this.dispatchEvent(event);
    this.version += 1;
  }

  private run<T>(
    operation: string,
    body: string,
    send: (signal: AbortSignal, key: string) => Promise<T>,
    done: (value: T) => void,
  ): void {
    this.message = undefined;
    void this.action.run({
      operation,
      body,
      send: ({ signal, idempotencyKey }) => send(signal, idempotencyKey),
      done,
      failed: () => this.focusing.later('#smec-action-error', true),
    });
  }

  private handleClaim(batch: VoucherBatch): void {
    const client = this.api.client;
    this.run(
      'vouchers.claim',
      `claim ${batch.id}`,
      (signal, idempotencyKey) => claim(client, batch.id, signal, idempotencyKey),
      (voucher) => {
        this.remember('vouchers', voucher);
        this.done(
          () =>
            msg(str`已领取 ${batch.name}（${formatMoney(voucher.faceValue)}），券号 ${voucher.code}。`, {
              id: 'wallet.done.claimed',
            }),
          `#smec-voucher-${voucher.id}`,
          new SmecVoucherClaimEvent({ batchId: batch.id, voucherId: voucher.id, code: voucher.code }),
        );
      },
    );
  }

  /** Runs `act` on the dialogs, once their module has arrived (the first time, a moment later). */
  private withDialogs(act: (dialogs: WalletDialogs) => void): void {
    dialogsModule.load().then(
      ({ WalletDialogs }) => {
        this.dialogs ??= new WalletDialogs(this, {
          client: () => this.api.client,
          vouchers: () => this.vouchers,
          usable: () => this.usable,
          engagements: () => this.engagements,
          action: this.action,
          focus: (selector) => this.focusing.later(selector, true),
          remember: (kind, value) => this.remember(kind, value),
          done: (message, focus, event) => this.done(message, focus, event),
        });
        act(this.dialogs);
      },
      (error: unknown) => this.dispatchEvent(new SmecErrorEvent(error, 'voucher-wallet.dialogs.load')),
    );
  }

  /** 验收, asked first; its module arrives the first time. */
  private askAccept(engagement: Engagement): void {
    acceptModule.load().then(
      ({ AcceptFlow }) => {
        this.accepting ??= new AcceptFlow(this, {
          client: () => this.api.client,
          run: (operation, body, send, done) => this.run(operation, body, send, done),
          remember: (kind, value) => this.remember(kind, value),
          done: (message, focus) => this.done(message, focus),
        });
        this.accepting.ask(engagement);
      },
      (error: unknown) => this.dispatchEvent(new SmecErrorEvent(error, 'voucher-wallet.accept.load')),
    );
  }

  private handleRate(engagement: Engagement): void {
    // The rating form is a widget of its own, fetched the first time someone rates: most visits never need it.
    import('../../define/smec-feedback-rating.js').catch((error: unknown) =>
      this.dispatchEvent(new SmecErrorEvent(error, 'feedback-rating.load')),
    );
    this.ratingOpen = engagement.id;
    this.focusing.later('#smec-rating-panel smec-feedback-rating', true);
  }

  /** The rating form below the engagements while one is open (its module arrives with the first 去评价). */
  private renderRatingPanel(): unknown {
    const engagement = this.engagements.find((e) => e.id === this.ratingOpen);
    if (!engagement || !canRate(engagement)) return nothing;
    return ratingViewModule.render(this, ({ renderRatingPanel, ratingStyles }) => {
      adoptViewStyles(this, ratingStyles);
      return renderRatingPanel({ engagement, client: this.api.client, onClose: () => this.closeRating() });
    });
  }

  /** The confirmation of the rating given last, in its engagement's card. */
  private renderRated(engagement: Engagement): unknown {
    const rated = this.rated;
    if (rated?.engagementId !== engagement.id) return undefined;
    return ratingViewModule.get(this)?.renderRated(engagement, rated, this.locale);
  }

  private closeRating(): void {
    const id = this.ratingOpen;
    this.ratingOpen = undefined;
    if (id) this.focusing.later(`[data-engagement-id="${id}"] [part~="rate-button"]`);
  }

  private readonly handleRatingSubmit = (event: SmecRatingSubmitEvent) => {
    const { engagementId, rating } = event.detail;
    const engagement = this.engagements.find((e) => e.id === engagementId);
    this.ratingOpen = undefined;
    this.rated = rating;
    // Rated now, not when the reload answers: 去评价 goes at once.
    if (engagement) this.remember('engagements', { ...engagement, ratingId: rating.id });
    // The rating form came with this module, so it is here.
    const view = ratingViewModule.get(this);
    this.done(() => view?.ratedMessage(rating, this.locale) ?? '', `#smec-rated-${engagementId}`);
  };
  private handleSignIn(): void {
    this.dispatchEvent(new SmecAuthRequiredEvent({ widget: 'voucher-wallet' }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('smec-rating-submit', this.handleRatingSubmit);
  }

  private statusText(): string {
    const message = this.message?.();
    if (message) return message;
    const status = this.walletTask.status;
    return status === TaskStatus.PENDING || status === TaskStatus.INITIAL ? loadingText() : '';
  }

  override render() {
    const status = this.walletTask.status;
    const failed = status === TaskStatus.ERROR;
    // A provider's or a center's account is refused the wallet: a retry cannot help, so none is offered.
    const wrongAccount = failed && hasProblemCode(this.walletTask.error, 'forbidden');
    const signedOut = status === TaskStatus.COMPLETE && this.walletTask.value === undefined;
    // A refused hand-back is shown in its dialog, every other refusal here.
    const actionError = this.dialogs?.returning ? undefined : this.action.error;
    const batches = this.batchesTask;
    // Signed out, the first load ends before the first frame: only a signed-in visitor sees the skeleton.
    const firstLoad = !this.signedIn && (status === TaskStatus.PENDING || status === TaskStatus.INITIAL);
    return html`<div part="base" class="base" lang=${this.locale}>
      <div class="head">
        <h2 class="title">${msg('服务券', { id: 'wallet.title' })}</h2>
        ${this.unread.renderButton()}
      </div>
      ${this.unread.renderPanel()}
      <p part="status" class="status" role="status" aria-live="polite">${this.statusText()}</p>
      <div role="alert" id="smec-action-error" tabindex="-1" class="action-error">
        ${actionError ? html`<p part="error" class="error">${describeActionError(actionError)}</p>` : nothing}
      </div>
      <div role="alert">
        ${
          failed && !wrongAccount
            ? renderError(this.walletTask.error, () => this.refresh(), describeActionError)
            : nothing
        }
      </div>
      ${
        wrongAccount
          ? html`<section part="wrong-account" class="sign-in" aria-labelledby="smec-wrong-account-title">
              <h3 id="smec-wrong-account-title">
                ${msg('服务券仅供企业账号使用', { id: 'wallet.wrongAccount.title' })}
              </h3>
              <p>
                ${msg('您当前登录的账号不是企业账号。服务券须以企业账号领取和使用，请以企业账号登录后再试。', {
                  id: 'wallet.wrongAccount.hint',
                })}
              </p>
            </section>`
          : nothing
      }
      ${firstLoad ? renderSkeleton() : nothing}
      ${
        signedOut
          ? renderSignIn({
              title: msg('登录后查看您的服务券', { id: 'wallet.signIn.title' }),
              hint: msg('服务券须以企业账号领取和使用。请先登录。', { id: 'wallet.signIn.hint' }),
              label: msg('登录', { id: 'wallet.signIn' }),
              part: 'sign-in-button',
              onSignIn: () => this.handleSignIn(),
            })
          : nothing
      }
      ${
        this.signedIn
          ? html`${renderWallet({
              vouchers: this.vouchers,
              engagements: this.engagements,
              batches: {
                status: batches.status,
                value: batches.value,
                error: batches.error,
                retry: () => void batches.run(),
              },
              locale: this.locale,
              busy: this.action.busy,
              ratingOpen: this.ratingOpen,
              ratingPanel: this.renderRatingPanel(),
              ratedNote: (engagement) => this.renderRated(engagement),
              onUse: (v) => this.withDialogs((dialogs) => dialogs.openUse(v)),
              onReturn: (v) => this.withDialogs((dialogs) => dialogs.openReturn(v)),
              onClaim: (b) => this.handleClaim(b),
              onAccept: (e) => this.askAccept(e),
              onRate: (e) => this.handleRate(e),
            })}
            ${this.dialogs?.render()} ${this.accepting?.render()}`
          : nothing
      }
    </div>`;
  }
}
