import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { PublicRating } from '@smec/schemas';
import type { TokenProvider } from '@smec/sdk/core';
import { isSmecUnauthorizedError } from '@smec/sdk/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SmecErrorEvent } from '../../events/error-event.js';
import { msg, resolveLocale } from '../../i18n/localization.js';
import { clientContext, OwnClientCache, type SmecClient } from '../../internal/client.js';
import { Lazy } from '../../internal/lazy.js';
import { SmecElement } from '../../internal/smec-element.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderError } from '../catalog/status.js';
import styles from './feedback-rating.styles.js';
import type { RateHost, RateMode } from './rate-mode.js';
import { loadEngagement, loadPublicRatings, loadRating, type RateLoaded, type RatingsOf } from './rating-api.js';
import { renderRatings } from './show-view.js';

// Rate mode is fetched only by an element with an `engagement-id`, while the engagement loads.
const rateModule = new Lazy(() => import('./rate-mode.js'));

/**
 * @summary The rating of a delivered service by the enterprise that received it, or the public ratings of a
 * provider or a product.
 *
 * **Rate mode** (`engagement-id`, signed in): the eight scored items as radio groups drawn as stars (one radio per
 * point, the arrow keys move through them), the five-level satisfaction, whether the problem was solved, a comment
 * of at most 200 characters, the running score and grade, and the confirmation once the platform accepted it (with
 * the date by which the provider must answer when the rating opened a follow-up). An engagement rated before shows
 * its rating read-only. Visitors who are not signed in get a sign-in prompt.
 *
 * **Show mode** (`provider-id` or `product-id`, no sign-in): the average score, the number of ratings, the
 * satisfaction rate, the distribution over the five levels and the latest ratings with the provider's answers,
 * page by page.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 *
 * @fires smec-rating-submit - {SmecRatingSubmitEvent} The platform accepted the enterprise's rating.
 * @fires smec-auth-required - {SmecAuthRequiredEvent} A visitor who is not signed in pressed 「登录后评价」.
 * @fires smec-error - {SmecErrorEvent} Something could not be loaded or sent (the widget shows it too).
 *
 * @slot sign-in - The host's own sign-in link, shown to visitors who are not signed in (rate mode).
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The heading.
 * @csspart status - The live region with the loading state.
 * @csspart item - One scored item (a fieldset of radios).
 * @csspart level - The satisfaction group.
 * @csspart solved - The solved yes/no group.
 * @csspart field - The comment field.
 * @csspart field-error - The message next to a field in error.
 * @csspart counter - The comment's 「还可输入 N 字」.
 * @csspart running-score - The live score and grade before sending.
 * @csspart submit-button - 提交评价 / 登录后评价.
 * @csspart submit-error - A refused or failed submission.
 * @csspart confirmation - The rating after sending, or the earlier rating read-only.
 * @csspart score - Its score and grade.
 * @csspart follow-up - The follow-up of a bad rating.
 * @csspart due - The date by which the provider must answer.
 * @csspart summary - Show mode: the figures and the distribution.
 * @csspart average - The average score.
 * @csspart count - The number of ratings.
 * @csspart satisfaction - The share of satisfied ratings.
 * @csspart distribution - The list of the five levels with their numbers.
 * @csspart list - The latest ratings.
 * @csspart rating - One rating in the list.
 * @csspart answer - A provider's answer.
 * @csspart more-button - Loads the next page of ratings.
 * @csspart empty - 「暂无评价」.
 * @csspart error - An error message box.
 * @csspart retry-button - The error box's retry button.
 *
 * @cssproperty --smec-color-primary - Buttons, selected choices and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-subtle - Background of the summary and answers.
 * @cssproperty --smec-color-border - Borders of fields and buttons.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-color-star - Filled stars and bars.
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecFeedbackRating extends SmecElement {
  static override styles = [themeStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly ownClients = new OwnClientCache();
  private moreController: AbortController | undefined;
  /** Rate mode's form, once its module has arrived. */
  private rate: RateMode | undefined;
  private focusAfterUpdate: string | undefined;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private rootClient?: SmecClient;

  @state() private more: { items: PublicRating[]; nextCursor: string | null; key: string } | undefined;
  @state() private loadingMore = false;
  @state() private moreError: unknown;

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** Rate mode: the engagement (服务项目) the signed-in enterprise rates. */
  @property({ attribute: 'engagement-id' }) engagementId?: string;

  /** Show mode: the provider whose public ratings are shown. */
  @property({ attribute: 'provider-id' }) providerId?: string;

  /** Show mode: the product whose public ratings are shown (when no `provider-id` is given). */
  @property({ attribute: 'product-id' }) productId?: string;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private readonly rateTask = new Task(this, {
    task: async ([client, id, signedOut], { signal }): Promise<RateLoaded | undefined> => {
      if (!id) return undefined;
      if (signedOut) return { signedIn: false };
      try {
        const engagement = await loadEngagement(client, id, signal);
        const rating = engagement.ratingId ? await loadRating(client, id, signal) : undefined;
        return { signedIn: true, engagement, rating };
      } catch (error) {
        if (isSmecUnauthorizedError(error)) return { signedIn: false };
        if (!signal.aborted) this.dispatchEvent(new SmecErrorEvent(error, 'engagements.get'));
        throw error;
      }
    },
    args: () => [this.activeClient, this.engagementId?.trim() || undefined, this.obviouslySignedOut] as const,
  });

  private readonly showTask = new Task(this, {
    task: async ([client, kind, id], { signal }) => {
      if (!kind || !id) return undefined;
      const of: RatingsOf = { kind, id };
      try {
        return await loadPublicRatings(client, of, undefined, signal);
      } catch (error) {
        if (!signal.aborted) this.dispatchEvent(new SmecErrorEvent(error, 'ratings.list'));
        throw error;
      }
    },
    // Strings, not the object: a new object on each render would restart the load on each render.
    args: () => [this.activeClient, this.ratingsOf?.kind, this.ratingsOf?.id] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.rate?.dispose();
    this.moreController?.abort();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Another engagement is another form: nothing typed for the last one may be sent for this one.
    if (changed.has('engagementId') && changed.get('engagementId') !== undefined) this.rate?.reset();
    if (this.mode === 'rate' && !this.rate) {
      const module = rateModule.get(this);
      if (module) this.rate = new module.RateMode(this.rateHost);
    }
  }

  private readonly rateHost: RateHost = {
    requestUpdate: () => this.requestUpdate(),
    dispatchEvent: (event) => this.dispatchEvent(event),
    locale: () => this.locale,
    client: () => this.activeClient,
    engagementId: () => this.engagementId?.trim() || undefined,
    focusAfterUpdate: (selector) => {
      this.focusAfterUpdate = selector;
    },
    refresh: () => this.refresh(),
  };

  override updated(): void {
    const selector = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    if (selector) this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * Moves the focus to the widget's heading (or the confirmation), so that a host that opens the form (the voucher
   * wallet's 「去评价」) can hand the focus over with `element.focus()`.
   */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('#smec-fr-result-title, #smec-fr-heading');
    if (target) target.focus(options);
    else this.focusAfterUpdate = '#smec-fr-heading';
  }

  /** Loads again what the widget shows (the retry buttons do this). */
  refresh(): void {
    if (this.mode === 'rate') void this.rateTask.run();
    else {
      this.more = undefined;
      void this.showTask.run();
    }
  }

  /** `rate` with an `engagement-id`, else `show`. */
  private get mode(): 'rate' | 'show' {
    return this.engagementId?.trim() ? 'rate' : 'show';
  }

  private get ratingsOf(): RatingsOf | undefined {
    if (this.engagementId?.trim()) return undefined;
    const provider = this.providerId?.trim();
    if (provider) return { kind: 'provider', id: provider };
    const product = this.productId?.trim();
    return product ? { kind: 'product', id: product } : undefined;
  }

  /** A client this element built without a token provider has nobody signed in: no need to hear a 401 say so. */
  private get obviouslySignedOut(): boolean {
    return !this.client && !this.rootClient && !this.getToken;
  }

  /** The client in use: the `client` property, else the enclosing root's, else one built from `api-base`. */
  private get activeClient(): SmecClient {
    if (this.client) return this.client;
    if (this.rootClient) return this.rootClient;
    return this.ownClients.get({ apiBase: this.apiBase, locale: resolveLocale(this), getToken: this.getToken });
  }

  // Show mode.

  private async loadMore(): Promise<void> {
    const of = this.ratingsOf;
    const first = this.showTask.value;
    if (!of || !first) return;
    const key = `${of.kind}:${of.id}`;
    const shown = this.more?.key === key ? this.more : { items: first.items, nextCursor: first.nextCursor, key };
    if (!shown.nextCursor) return;
    this.moreController?.abort();
    const controller = (this.moreController = new AbortController());
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await loadPublicRatings(this.activeClient, of, shown.nextCursor, controller.signal);
      this.more = { items: [...shown.items, ...page.items], nextCursor: page.nextCursor, key };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.moreError = error;
      this.dispatchEvent(new SmecErrorEvent(error, 'ratings.list'));
    } finally {
      if (!controller.signal.aborted) this.loadingMore = false;
    }
  }

  private renderShow(): TemplateResult {
    const task = this.showTask;
    const of = this.ratingsOf;
    const heading = this.renderHeading();
    const loading = task.status === TaskStatus.PENDING || (task.status === TaskStatus.INITIAL && !!of);
    const status = html`<p part="status" class="status" role="status">
      ${loading ? msg('正在加载…', { id: 'status.loading' }) : ''}
    </p>`;
    if (task.status === TaskStatus.ERROR) {
      return html`${heading}${status}
        <div role="alert">${renderError(task.error, () => this.refresh())}</div>`;
    }
    const first = task.value;
    if (loading || !first || !of) return html`${heading}${status}`;
    const key = `${of.kind}:${of.id}`;
    const shown = this.more?.key === key ? this.more : { items: first.items, nextCursor: first.nextCursor };
    return html`${heading}${status}
    ${renderRatings({
      summary: first.summary,
      items: shown.items,
      hasMore: !!shown.nextCursor,
      loadingMore: this.loadingMore,
      moreError: this.moreError,
      locale: this.locale,
      onMore: () => void this.loadMore(),
    })}`;
  }

  private renderHeading(): TemplateResult {
    return html`<h2 id="smec-fr-heading" part="heading" tabindex="-1">
      ${msg('服务评价', { id: 'feedback.heading' })}
    </h2>`;
  }

  private renderRate(): TemplateResult {
    if (this.rate) return this.rate.render(this.rateTask, this.renderHeading());
    return html`${this.renderHeading()}${rateModule.render(this, () => nothing)}`;
  }

  override render() {
    return html`<div part="base" class="base" lang=${this.locale}>
      ${this.mode === 'rate' ? this.renderRate() : this.renderShow()}
    </div>`;
  }
}
