import { TaskStatus } from '@lit/task';
import type { Engagement, Rating, RatingItem } from '@smec/schemas';
import { RATING_ITEMS } from '@smec/schemas/rules';
import { isSmecApiError } from '@smec/sdk/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { SmecAuthRequiredEvent } from '../../events/auth-required-event.js';
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
import { renderError } from '../../views/error-view.js';
import { loadingText } from '../../views/status-view.js';
import { renderSignIn } from '../../views/sign-in-view.js';

// Rate mode is the rare case (an enterprise rating a service it received; show mode is on every product page): the
// widget fetches this module only when it has an `engagement-id`, while the engagement loads.

const FIELD_ORDER: readonly RatingField[] = [...RATING_ITEMS.map(([item]) => item), 'level', 'solved', 'comment'];

/** What rate mode needs of the element, besides being its host. */
export interface RateInputs {
  locale(): SmecLocale;
  client(): SmecClient;
  engagementId(): string | undefined;
  /** Moves the focus to `selector` once the element has rendered. */
  focus(selector: string): void;
  /** Loads the engagement again. */
  refresh(): void;
}

/** Where the element's load of the engagement (and its rating) stands. */
export interface RateTaskState {
  status: TaskStatus;
  error: unknown;
  value: RateLoaded | undefined;
}

/**
 * The rating form: what the visitor entered, its problems, the sending, and the confirmation. Another engagement is
 * another form: nothing typed for the last one may be sent for this one.
 */
export class RateMode implements ReactiveController {
  private values: RatingFormValues = EMPTY_RATING;
  private problems: RatingProblems = {};
  /** Why the last sending failed, shown until the visitor changes the form. */
  private failure: unknown;
  private sent: Rating | undefined;
  private engagementId: string | undefined;
  /** The sending: one Idempotency-Key per body, so that a retry of the same rating never rates twice. */
  private readonly sending: ActionController<RatingField>;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly inputs: RateInputs,
  ) {
    this.sending = new ActionController(host, fieldOfPath);
    host.addController(this);
    this.engagementId = inputs.engagementId();
  }

  hostUpdate(): void {
    const id = this.inputs.engagementId();
    if (id === this.engagementId) return;
    this.engagementId = id;
    this.sending.abort();
    this.sending.pending = undefined;
    this.values = EMPTY_RATING;
    this.problems = {};
    this.failure = undefined;
    this.sent = undefined;
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
    this.failure = undefined;
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
    if (first) this.inputs.focus(`#${fieldId(first)}`);
  }

  private handleSubmit(event: Event, engagement: Engagement): void {
    event.preventDefault();
    if (this.sending.busy) return;
    const problems = checkRating(this.values);
    this.problems = problems;
    this.host.requestUpdate();
    if (Object.keys(problems).length > 0) {
      this.focusFirstProblem(problems);
      return;
    }
    const input = toRatingInput(this.values);
    this.failure = undefined;
    void this.sending.run({
      operation: 'ratings.rate',
      body: JSON.stringify(input),
      send: ({ idempotencyKey, signal }) =>
        sendRating(this.inputs.client(), engagement.id, input, idempotencyKey, signal),
      done: (rating) => {
        this.sent = rating;
        this.inputs.focus('#smec-fr-result-title');
        this.host.dispatchEvent(new SmecRatingSubmitEvent({ engagementId: engagement.id, rating }));
      },
      failed: (error) => {
        const problems: RatingProblems = {};
        for (const [field, { code }] of Object.entries(this.sending.fieldErrors) as [RatingField, { code: string }][]) {
          problems[field] = code as RatingProblems[RatingField];
        }
        if (Object.keys(problems).length > 0) {
          this.problems = problems;
          this.focusFirstProblem(problems);
        } else this.failure = error;
      },
    });
  }

  private readonly handleSignIn = (): void => {
    const id = this.inputs.engagementId();
    if (id) this.host.dispatchEvent(new SmecAuthRequiredEvent({ engagementId: id }));
  };

  private problemText(field: RatingField): string | undefined {
    const key = this.problems[field];
    return key ? validationMessage(key) : undefined;
  }

  private renderSignedOut(): TemplateResult {
    return renderSignIn({
      hint: msg('登录企业账号后即可评价这项服务。', { id: 'feedback.signIn.hint' }),
      label: msg('登录后评价', { id: 'feedback.signIn' }),
      part: 'submit-button',
      onSignIn: this.handleSignIn,
    });
  }

  private renderRunningScore(): TemplateResult {
    const { score, grade, left } = runningScore(this.values);
    const now = scoreText(score, grade, this.inputs.locale());
    const text =
      left === 0
        ? msg(str`当前得分：${now}`, { id: 'feedback.running' })
        : msg(str`当前得分：${now}（还有 ${formatNumber(left, this.inputs.locale())} 项未评分）`, {
            id: 'feedback.running.left',
          });
    return html`<p part="running-score" class="running-score" role="status" aria-live="polite">${text}</p>`;
  }

  private renderSubmitProblem(): TemplateResult | typeof nothing {
    const error = this.failure;
    if (!error) return nothing;
    const retryable = !isSmecApiError(error) || error.status >= 500 || error.status === 429;
    return html`<div part="submit-error" class="error">
      <p class="error-title">${msg('评价未能提交', { id: 'feedback.failed' })}</p>
      <p>${describeRateError(error)}</p>
      ${retryable ? html`<p>${msg('您填写的内容已保留。重试不会重复提交。', { id: 'demand.keptRetry' })}</p>` : nothing}
    </div>`;
  }

  private renderForm(engagement: Engagement): TemplateResult {
    const sending = this.sending.busy;
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
              locale: this.inputs.locale(),
            }),
          )}
        </div>
        ${this.renderRunningScore()} ${renderLevel(values.level, this.problemText('level'))}
        ${renderSolved(values.solved, this.problemText('solved'))}
        ${renderComment(values.comment, this.problemText('comment'), this.inputs.locale())}
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
    const status = html`<p part="status" class="status" role="status">${loading ? loadingText() : ''}</p>`;
    if (task.status === TaskStatus.ERROR) {
      return html`${heading}${status}
        <div role="alert">${renderError(task.error, () => this.inputs.refresh(), describeRateError)}</div>`;
    }
    const loaded = task.value;
    if (loading || !loaded) return html`${heading}${status}`;
    if (!loaded.signedIn) return html`${heading}${status}${this.renderSignedOut()}`;
    const { engagement, rating } = loaded;
    const locale = this.inputs.locale();
    if (this.sent) return html`${status}${renderRatingResult(this.sent, true, locale)}`;
    if (rating) return html`${status}${renderRatingResult(rating, false, locale)}`;
    if (!engagement.acceptedAt || (engagement.status !== 'delivered' && engagement.status !== 'closed')) {
      return html`${heading}${status}${this.renderNotRateable(engagement)}`;
    }
    return html`${heading}${status}${this.renderForm(engagement)}`;
  }
}
