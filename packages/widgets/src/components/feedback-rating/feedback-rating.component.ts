import { TaskStatus } from '@lit/task';
import type { PublicRating } from '@smec/schemas';
import type { TokenProvider } from '@smec/sdk/core';
import { isSmecUnauthorizedError } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientController } from '../../controllers/client-controller.js';
import { FocusController } from '../../controllers/focus-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { msg } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { Lazy } from '../../internal/lazy.js';
import { SmecElement } from '../../internal/smec-element.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { loadingText } from '../../views/status-view.js';
import styles from './feedback-rating.styles.js';
import type { RateMode } from './rate-mode.js';
import { loadEngagement, loadPublicRatings, loadRating, type RateLoaded, type RatingsOf } from './rating-api.js';
import { describeShowError } from './rating-texts.js';
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
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
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
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly api = new ClientController(this);
  private readonly focusing = new FocusController(this);
  private readonly more = new MoreController<PublicRating>(this, 'ratings.list');
  /** Rate mode's form, once its module has arrived. */
  private rate: RateMode | undefined;

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

  private readonly rateTask = new LoadTask(this, {
    task: async ([client, id], { signal }): Promise<RateLoaded | undefined> => {
      if (!id) return undefined;
      // Nobody can be signed in without a token: no need to hear a 401 say so.
      if (!(await this.api.signedIn())) return { signedIn: false };
      try {
        const engagement = await loadEngagement(client, id, signal);
        const rating = engagement.ratingId ? await loadRating(client, id, signal) : undefined;
        return { signedIn: true, engagement, rating };
      } catch (error) {
        if (isSmecUnauthorizedError(error)) return { signedIn: false };
        throw error;
      }
    },
    args: () => [this.api.client, this.engagementId?.trim() || undefined] as const,
    operation: 'engagements.get',
  });

  private readonly showTask = new LoadTask(this, {
    task: ([client, kind, id], { signal }) =>
      kind && id ? loadPublicRatings(client, { kind, id }, undefined, signal) : undefined,
    // Strings, not the object: a new object on each render would restart the load on each render.
    args: () => [this.api.client, this.ratingsOf?.kind, this.ratingsOf?.id] as const,
    operation: 'ratings.list',
  });

  override willUpdate(): void {
    if (this.mode === 'rate' && !this.rate) {
      const module = rateModule.get(this);
      if (module) {
        this.rate = new module.RateMode(this, {
          locale: () => this.locale,
          client: () => this.api.client,
          engagementId: () => this.engagementId?.trim() || undefined,
          focus: (selector) => this.focusing.later(selector),
          refresh: () => this.refresh(),
        });
      }
    }
  }

  /**
   * Moves the focus to the widget's heading (or the confirmation), so that a host that opens the form (the voucher
   * wallet's 「去评价」) can hand the focus over with `element.focus()`.
   */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('#smec-fr-result-title, #smec-fr-heading');
    if (target) target.focus(options);
    else this.focusing.later('#smec-fr-heading');
  }

  /** Loads again what the widget shows (the retry buttons do this). */
  refresh(): void {
    if (this.mode === 'rate') void this.rateTask.run();
    else {
      this.more.reset();
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

  // Show mode.

  private loadMore(): void {
    const of = this.ratingsOf;
    const first = this.showTask.value;
    if (!of || !first) return;
    void this.more.more(`${of.kind}:${of.id}`, first, (cursor, signal) =>
      loadPublicRatings(this.api.client, of, cursor, signal),
    );
  }

  private renderShow(): TemplateResult {
    const task = this.showTask;
    const of = this.ratingsOf;
    const heading = this.renderHeading();
    const loading = task.status === TaskStatus.PENDING || (task.status === TaskStatus.INITIAL && !!of);
    const status = html`<p part="status" class="status" role="status">${loading ? loadingText() : ''}</p>`;
    if (task.status === TaskStatus.ERROR) {
      return html`${heading}${status}
        <div role="alert">${renderError(task.error, () => this.refresh(), describeShowError)}</div>`;
    }
    const first = task.value;
    if (loading || !first || !of) return html`${heading}${status}${loading ? renderSkeleton() : nothing}`;
    const shown = this.more.shown(`${of.kind}:${of.id}`, first);
    return html`${heading}${status}
    ${renderRatings({
      summary: first.summary,
      items: shown.items,
      hasMore: !!shown.nextCursor,
      loadingMore: this.more.loading,
      moreError: this.more.error,
      locale: this.locale,
      onMore: () => this.loadMore(),
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
