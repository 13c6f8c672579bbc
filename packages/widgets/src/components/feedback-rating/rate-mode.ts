import { TaskStatus } from '@lit/task';
import type { Engagement, Rating, RatingItem } from '@smec/schemas';
import { RATING_ITEMS } from '@smec/schemas/rules';
import { createIdempotencyKey, isSmecApiError, isSmecValidationError } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { SmecAuthRequiredEvent } from '../../events/auth-required-event.js';
import { SmecErrorEvent } from '../../events/error-event.js';
import { SmecRatingSubmitEvent } from '../../events/rating-submit-event.js';
import { msg, str, type SmecLocale } from '../../i18n/localization.js';
import { validationMessage } from '../../i18n/validation-messages.js';
import type { SmecClient } from '../../internal/client.js';
import { formatNumber } from '../../internal/format.js';
import { fieldId, renderComment, renderItem, renderLevel, renderSolved } from './rate-fields.js';
import { sendRating, type RateLoaded } from './rating-api.js';
import {
  EMPTY_RATING,
  checkRating,
  commentProblem,
  fieldOfPath,
  runningScore,
  toRatingInput,
  type RatingField,
  type RatingFormValues,
  type RatingProblems,
} from './rating-form.js';
import { renderRatingResult } from './rating-result.js';
import { describeRateError, scoreText } from './rating-texts.js';

// Rate mode is the rare case (an enterprise rating a service it received; show mode is on every product page): the
// widget fetches this module only when it has an `engagement-id`, while the engagement loads.

type Phase = 'editing' | 'sending' | 'failed' | 'sent';

const FIELD_ORDER: readonly RatingField[] = [...RATING_ITEMS.map(([item]) => item), 'level', 'solved', 'comment'];

/** What rate mode needs of the element. */
export interface RateHost {
  requestUpdate(): void;
  dispatchEvent(event: Event): boolean;
  locale(): SmecLocale;
  client(): SmecClient;
  engagementId(): string | undefined;
  /** Moves the focus to `selector` once the element has rendered. */
  focusAfterUpdate(selector: string): void;
  /** Loads the engagement again. */
  refresh(): void;
}

/** Where the element's load of the engagement (and its rating) stands. */
export interface RateTaskState {
  status: TaskStatus;
  error: unknown;
  value: RateLoaded | undefined;
}

/** The rating form: what the visitor entered, its problems, the sending, and the confirmation. */
export class RateMode {
  private values: RatingFormValues = EMPTY_RATING;
  private problems: RatingProblems = {};
  private phase: Phase = 'editing';
  private failure: unknown;
  private sent: Rating | undefined;
  /** The Idempotency-Key of the body last sent: a retry of the same rating repeats it. */
  private pending: { key: string; body: string } | undefined;
  private sendController: AbortController | undefined;

  constructor(private readonly host: RateHost) {}

  /** Another engagement is another form: nothing typed for the last one may be sent for this one. */
  reset(): void {
    this.sendController?.abort();
    this.values = EMPTY_RATING;
    this.problems = {};
    this.phase = 'editing';
    this.failure = undefined;
    this.sent = undefined;
    this.pending = undefined;
  }

  dispose(): void {
    this.sendController?.abort();
  }

  private readonly handleInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    const name = target.name;
    const values = this.values;
    let next: RatingFormValues;
    if (name === 'comment') next = { ...values, comment: target.value };
    else if (name === 'level') next = { ...values, level: target.value as RatingFormValues['level'] };
    else if (name === 'solved') next = { ...values, solved: target.value === 'yes' };
    else if (RATING_ITEMS.some(([item]) => item === name)) {
      next = { ...values, scores: { ...values.scores, [name]: Number(target.value) } };
    } else return;
    this.values = next;
    // A field in error is checked again as it changes; the comment at once, so 201 characters say so as typed.
    const field = name as RatingField;
    if (field === 'comment') this.setProblem('comment', commentProblem(next.comment));
    else if (this.problems[field]) this.setProblem(field, checkRating(next)[field]);
    if (this.phase === 'failed') this.phase = 'editing';
    this.host.requestUpdate();
  };

  private setProblem(field: RatingField, key: RatingProblems[RatingField]): void {
    if (this.problems[field] === key) return;
    const next = { ...this.problems };
    if (key) next[field] = key;
    else delete next[field];
    this.problems = next;
  }

  private focusFirstProblem(problems: RatingProblems): void {
    const first = FIELD_ORDER.find((field) => problems[field]);
    if (first) this.host.focusAfterUpdate(`#${fieldId(first)}`);
  }

  private handleSubmit(event: Event, engagement: Engagement): void {
    event.preventDefault();
    if (this.phase === 'sending') return;
    const problems = checkRating(this.values);
    this.problems = problems;
    this.host.requestUpdate();
    if (Object.keys(problems).length > 0) {
      this.focusFirstProblem(problems);
      return;
    }
    void this.send(engagement);
  }

  private async send(engagement: Engagement): Promise<void> {
    const input = toRatingInput(this.values);
    const body = JSON.stringify(input);
    if (this.pending?.body !== body) this.pending = { key: createIdempotencyKey(), body };
    const { key } = this.pending;
    this.sendController?.abort();
    const controller = (this.sendController = new AbortController());
    this.phase = 'sending';
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      const rating = await sendRating(this.host.client(), engagement.id, input, key, controller.signal);
      this.pending = undefined;
      this.sent = rating;
      this.phase = 'sent';
      this.host.focusAfterUpdate('#smec-fr-result-title');
      this.host.requestUpdate();
      this.host.dispatchEvent(new SmecRatingSubmitEvent({ engagementId: engagement.id, rating }));
    } catch (error) {
      if (controller.signal.aborted) return;
      this.host.dispatchEvent(new SmecErrorEvent(error, 'ratings.rate'));
      this.fail(error);
      this.host.requestUpdate();
    }
  }

  private fail(error: unknown): void {
    if (isSmecValidationError(error)) {
      const problems: RatingProblems = {};
      for (const fieldError of error.errors) {
        const field = fieldOfPath(fieldError.path);
        const key = fieldError.code;
        if (field && !problems[field]) problems[field] = (key as RatingProblems[RatingField]) ?? 'invalid';
      }
      if (Object.keys(problems).length > 0) {
        this.problems = problems;
        this.phase = 'editing';
        this.focusFirstProblem(problems);
        return;
      }
    }
    this.phase = 'failed';
    this.failure = error;
  }

  private readonly handleSignIn = (): void => {
    const id = this.host.engagementId();
    if (id) this.host.dispatchEvent(new SmecAuthRequiredEvent({ engagementId: id }));
  };

  private problemText(field: RatingField): string | undefined {
    const key = this.problems[field];
    return key ? validationMessage(key) : undefined;
  }

  private renderSignedOut(): TemplateResult {
    return html`<div class="sign-in">
      <p>${msg('登录企业账号后即可评价这项服务。', { id: 'feedback.signIn.hint' })}</p>
      <button type="button" part="submit-button" class="button button-primary" @click=${this.handleSignIn}>
        ${msg('登录后评价', { id: 'feedback.signIn' })}
      </button>
      <slot name="sign-in"></slot>
    </div>`;
  }

  private renderRunningScore(): TemplateResult {
    const { score, grade, left } = runningScore(this.values);
    const now = scoreText(score, grade, this.host.locale());
    const text =
      left === 0
        ? msg(str`当前得分：${now}`, { id: 'feedback.running' })
        : msg(str`当前得分：${now}（还有 ${formatNumber(left, this.host.locale())} 项未评分）`, {
            id: 'feedback.running.left',
          });
    return html`<p part="running-score" class="running-score" role="status" aria-live="polite">${text}</p>`;
  }

  private renderSubmitProblem(): TemplateResult | typeof nothing {
    if (this.phase !== 'failed') return nothing;
    const error = this.failure;
    const retryable = !isSmecApiError(error) || error.status >= 500 || error.status === 429;
    return html`<div part="submit-error" class="error">
      <p class="error-title">${msg('评价未能提交', { id: 'feedback.failed' })}</p>
      <p>${describeRateError(error)}</p>
      ${retryable ? html`<p>${msg('您填写的内容已保留。重试不会重复提交。', { id: 'demand.keptRetry' })}</p>` : nothing}
    </div>`;
  }

  private renderForm(engagement: Engagement): TemplateResult {
    const sending = this.phase === 'sending';
    const { values } = this;
    return html`<p class="muted">
        ${msg(str`请为「${engagement.productName}」（${engagement.providerName}）的服务打分。`, {
          id: 'feedback.intro',
        })}
      </p>
      <form
        novalidate
        aria-labelledby="smec-fr-heading"
        @submit=${(event: Event) => this.handleSubmit(event, engagement)}
        @input=${this.handleInput}
        @change=${this.handleInput}
      >
        <div class="items">
          ${RATING_ITEMS.map(([item, max]) =>
            renderItem({
              item: item as RatingItem,
              max,
              value: values.scores[item],
              error: this.problemText(item),
              locale: this.host.locale(),
            }),
          )}
        </div>
        ${this.renderRunningScore()} ${renderLevel(values.level, this.problemText('level'))}
        ${renderSolved(values.solved, this.problemText('solved'))}
        ${renderComment(values.comment, this.problemText('comment'), this.host.locale())}
        <div role="alert">${this.renderSubmitProblem()}</div>
        <button
          type="submit"
          part="submit-button"
          class="button button-primary"
          aria-disabled=${sending ? 'true' : 'false'}
        >
          ${sending ? msg('正在提交…', { id: 'demand.submitting' }) : msg('提交评价', { id: 'feedback.submit' })}
        </button>
      </form>`;
  }

  private renderNotRateable(engagement: Engagement): TemplateResult {
    return html`<p part="empty" class="empty">
      ${msg(str`「${engagement.productName}」尚未交付验收，验收后才能评价。`, { id: 'feedback.notYet' })}
    </p>`;
  }

  /** Everything rate mode shows, from what the component loaded (`task`) and what the visitor entered. */
  render(task: RateTaskState, heading: TemplateResult): TemplateResult {
    const loading = task.status === TaskStatus.PENDING || task.status === TaskStatus.INITIAL;
    const status = html`<p part="status" class="status" role="status">
      ${loading ? msg('正在加载…', { id: 'status.loading' }) : ''}
    </p>`;
    if (task.status === TaskStatus.ERROR) {
      return html`${heading}${status}
        <div role="alert">
          <div part="error" class="error">
            <p class="error-title">${msg('加载失败', { id: 'status.error' })}</p>
            <p>${describeRateError(task.error)}</p>
            <button type="button" part="retry-button" class="button button-primary" @click=${() => this.host.refresh()}>
              ${msg('重试', { id: 'status.retry' })}
            </button>
          </div>
        </div>`;
    }
    const loaded = task.value;
    if (loading || !loaded) return html`${heading}${status}`;
    if (!loaded.signedIn) return html`${heading}${status}${this.renderSignedOut()}`;
    const { engagement, rating } = loaded;
    if (this.phase === 'sent' && this.sent)
      return html`${status}${renderRatingResult(this.sent, true, this.host.locale())}`;
    if (rating) return html`${status}${renderRatingResult(rating, false, this.host.locale())}`;
    if (!engagement.acceptedAt || (engagement.status !== 'delivered' && engagement.status !== 'closed')) {
      return html`${heading}${status}${this.renderNotRateable(engagement)}`;
    }
    return html`${heading}${status}${this.renderForm(engagement)}`;
  }
}
