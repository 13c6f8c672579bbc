import type { FollowUpNote, FollowUpQueue, Rating, RatingPage } from '@smec/schemas';
import { FullRatings } from '@smec/sdk/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { formatDate } from '../../internal/format.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { renderActionError } from '../../workbench/action-error.js';
import { listStyles } from '../../workbench/list.styles.js';
import { renderTextAreaField, textFits } from '../../workbench/text-area-field.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import type { CenterViewContext } from './view-context.js';
import { renderMoreButton } from '../../views/more-button-view.js';

// The centers' follow-up calls live only in this view's module.
useResources({ ratings: FullRatings });

const PAGE = 20;

type Step = 'note' | 'escalate' | 'resolve';

/** How long each step's text may be, as the platform holds it (FollowUpNoteInput and the others). */
const LIMITS: Record<Step, { min: number; max: number }> = {
  note: { min: 2, max: 500 },
  escalate: { min: 2, max: 200 },
  resolve: { min: 2, max: 500 },
};

const followUpStyles = css`
  ${listStyles}

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  .overdue {
    color: var(--_danger);
    font-weight: 700;
  }

  .history {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  textarea {
    width: 100%;
    box-sizing: border-box;
    font: inherit;
  }
`;

function queueName(queue: FollowUpQueue): string {
  switch (queue) {
    case 'open':
      return msg('未结束（逾期优先）', { id: 'center.followUps.queue.open' });
    case 'overdue':
      return msg('已逾期', { id: 'center.followUps.queue.overdue' });
    case 'escalated':
      return msg('已上报', { id: 'center.followUps.queue.escalated' });
  }
}

function statusName(rating: Rating): string {
  const followUp = rating.followUp;
  if (followUp?.overdue) return msg('逾期未答复', { id: 'center.followUps.status.overdue' });
  switch (followUp?.status) {
    case 'answered':
      return msg('已答复', { id: 'center.followUps.status.answered' });
    case 'reopened':
      return msg('企业重新反馈', { id: 'center.followUps.status.reopened' });
    case 'closed':
      return msg('已结束', { id: 'center.followUps.status.closed' });
    default:
      return msg('待答复', { id: 'center.followUps.status.open' });
  }
}

function noteLabel(note: FollowUpNote): string {
  const who = note.byName;
  switch (note.kind) {
    case 'escalation':
      return msg(str`${who} 上报至 ${note.toRegionCode ?? ''}`, { id: 'center.followUps.note.escalation' });
    case 'resolution':
      return msg(str`${who} 结束回访`, { id: 'center.followUps.note.resolution' });
    case 'note':
      return msg(str`${who} 备注`, { id: 'center.followUps.note.note' });
  }
}

function stepTexts(step: Step): { open: string; label: string; send: string; invalid: string; done: string } {
  const { min, max } = LIMITS[step];
  switch (step) {
    case 'note':
      return {
        open: msg('添加备注', { id: 'center.followUps.note.open' }),
        label: msg('备注（仅服务中心可见）', { id: 'center.followUps.note.label' }),
        send: msg('保存备注', { id: 'center.followUps.note.send' }),
        invalid: msg(str`备注内容应为 ${min} 至 ${max} 个字`, { id: 'center.followUps.note.invalid' }),
        done: msg('已添加备注。', { id: 'center.followUps.note.done' }),
      };
    case 'escalate':
      return {
        open: msg('上报上级', { id: 'center.followUps.escalate.open' }),
        label: msg('上报原因', { id: 'center.followUps.escalate.label' }),
        send: msg('上报', { id: 'center.followUps.escalate.send' }),
        invalid: msg(str`请说明上报原因（${min} 至 ${max} 个字）`, { id: 'center.followUps.escalate.invalid' }),
        done: msg('已上报上一级服务中心。', { id: 'center.followUps.escalate.done' }),
      };
    case 'resolve':
      return {
        open: msg('结束回访…', { id: 'center.followUps.resolve.open' }),
        label: msg('处理结果说明', { id: 'center.followUps.resolve.label' }),
        send: msg('确认已解决并结束', { id: 'center.followUps.resolve.send' }),
        invalid: msg(str`请说明处理结果（${min} 至 ${max} 个字）`, { id: 'center.followUps.resolve.invalid' }),
        done: msg('回访已结束。', { id: 'center.followUps.resolve.done' }),
      };
  }
}

/**
 * The follow-ups of bad ratings in the center's region (回访跟踪): overdue ones first, filtered open, overdue or
 * escalated; each with the rating, the provider, the enterprise, the due day, the provider's answers and the
 * centers' notes; a note, an escalation to the level above, or the close as resolved (not for viewers).
 */
class FollowUpsView implements WorkbenchViewPart {
  private queue: FollowUpQueue = 'open';
  private readonly action: ActionController<'text'>;
  private readonly more: MoreController<Rating>;
  /** The step open on a rating's card, and what was typed for it. */
  private open: { ratingId: string; step: Step } | undefined;
  private readonly typed = new Map<string, string>();
  private invalid: string | undefined;
  private readonly load: LoadTask<readonly [FollowUpQueue], RatingPage>;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    this.action = new ActionController(host, (path) =>
      ['body.text', 'body.reason', 'body.note'].includes(path) ? 'text' : undefined,
    );
    this.more = new MoreController(host, 'ratings.list');
    this.load = new LoadTask(host, {
      operation: 'ratings.list',
      args: () => [this.queue] as const,
      task: ([queue], { signal }) => this.context.client().ratings.list({ queue, limit: PAGE }, { signal }),
    });
    // Made while the shell renders, after its update began: the first run is started here, not by that update.
    queueMicrotask(() => void this.load.run());
  }

  private filter(queue: FollowUpQueue): void {
    this.queue = queue;
    this.open = undefined;
    this.more.reset();
    this.host.requestUpdate();
  }

  private fieldId(ratingId: string): string {
    return `smec-follow-up-text-${ratingId}`;
  }

  private start(ratingId: string, step: Step): void {
    this.open = { ratingId, step };
    this.invalid = undefined;
    this.action.error = undefined;
    this.action.fieldErrors = {};
    this.host.requestUpdate();
    this.context.focus(`#${this.fieldId(ratingId)}`);
  }

  private send(rating: Rating, step: Step): void {
    const key = `${rating.id} ${step}`;
    const text = (this.typed.get(key) ?? '').trim();
    const texts = stepTexts(step);
    if (!textFits(text, LIMITS[step].min, LIMITS[step].max)) {
      this.invalid = texts.invalid;
      this.host.requestUpdate();
      this.context.focus(`#${this.fieldId(rating.id)}`);
      return;
    }
    this.invalid = undefined;
    const ratings = () => this.context.client().ratings;
    void this.action.run({
      operation: `ratings.${step}`,
      body: `${key} ${text}`,
      send: ({ signal, idempotencyKey }) =>
        step === 'note'
          ? ratings().addNote(rating.id, text, { signal, idempotencyKey })
          : step === 'escalate'
            ? ratings().escalate(rating.id, text, { signal, idempotencyKey })
            : ratings().resolve(rating.id, text, { signal, idempotencyKey }),
      done: () => {
        this.typed.delete(key);
        this.open = undefined;
        this.context.announce(texts.done);
        this.more.reset();
        void this.load.run();
        this.context.refresh();
        this.context.focus('#smec-view-title');
      },
      failed: () =>
        this.context.focus(
          this.action.fieldErrors.text ? `#${this.fieldId(rating.id)}` : `#smec-follow-up-error-${rating.id}`,
        ),
    });
  }

  private renderStep(rating: Rating, step: Step): TemplateResult {
    const key = `${rating.id} ${step}`;
    const texts = stepTexts(step);
    return html`${renderTextAreaField({
        id: this.fieldId(rating.id),
        label: texts.label,
        value: this.typed.get(key) ?? '',
        error: this.invalid ?? this.action.fieldErrors.text?.message,
        max: LIMITS[step].max,
        onInput: (value) => this.typed.set(key, value),
      })}
      <div class="actions">
        <button
          type="button"
          part="follow-up-send-button"
          class="button button-primary"
          ?disabled=${this.action.busy}
          @click=${() => this.send(rating, step)}
        >
          ${texts.send}
        </button>
        <button
          type="button"
          class="button"
          @click=${() => {
            this.open = undefined;
            this.invalid = undefined;
            this.host.requestUpdate();
          }}
        >
          ${msg('取消', { id: 'center.followUps.cancel' })}
        </button>
      </div>`;
  }

  private renderActions(rating: Rating): unknown {
    if (!this.context.canWrite()) return nothing;
    if (this.open?.ratingId === rating.id) return this.renderStep(rating, this.open.step);
    const steps: Step[] = ['note', 'escalate', 'resolve'];
    return html`<div class="actions">
      ${steps.map(
        (step) =>
          html`<button
            type="button"
            part="follow-up-${step}-button"
            class="button"
            @click=${() => this.start(rating.id, step)}
          >
            ${stepTexts(step).open}
          </button>`,
      )}
    </div>`;
  }

  private renderItem(rating: Rating): TemplateResult {
    const followUp = rating.followUp;
    const locale = this.context.locale();
    const { score, grade } = rating;
    const due = followUp ? formatDate(followUp.dueOn, locale) : '';
    return html`<li
      part="follow-up"
      class="card"
      data-rating-id=${rating.id}
      data-overdue=${followUp?.overdue ? 'true' : 'false'}
    >
      <div class="card-head">
        <h4>${rating.productName}</h4>
        <span part="badge" class="badge">${statusName(rating)}</span>
      </div>
      <p>${msg(str`${rating.enterpriseName} 评价 ${rating.providerName}`, { id: 'center.followUps.parties' })}</p>
      <p>${msg(str`得分 ${score}（${grade}）`, { id: 'center.followUps.score' })}</p>
      ${rating.comment ? html`<p>“${rating.comment}”</p>` : nothing}
      <p class=${followUp?.overdue ? 'overdue' : ''}>${msg(str`答复期限：${due}`, { id: 'center.followUps.due' })}</p>
      ${
        followUp?.escalation
          ? html`<p part="escalation">
              ${msg(str`已上报至 ${followUp.escalation.toRegionCode}：${followUp.escalation.reason}`, {
                id: 'center.followUps.escalated',
              })}
            </p>`
          : nothing
      }
      ${
        followUp && followUp.answers.length > 0
          ? html`<p>${msg('服务机构答复', { id: 'center.followUps.answers' })}</p>
              <ul class="history">
                ${followUp.answers.map((answer) => html`<li>${answer.text}</li>`)}
              </ul>`
          : html`<p class="muted">${msg('服务机构尚未答复。', { id: 'center.followUps.noAnswer' })}</p>`
      }
      ${
        followUp && followUp.notes.length > 0
          ? html`<p>${msg('服务中心记录', { id: 'center.followUps.notes' })}</p>
              <ul class="history" part="follow-up-notes">
                ${followUp.notes.map((note) => html`<li>${noteLabel(note)}：${note.text}</li>`)}
              </ul>`
          : nothing
      }
      ${this.renderActions(rating)}
      <div role="alert" id="smec-follow-up-error-${rating.id}" tabindex="-1">
        ${
          this.open?.ratingId === rating.id && this.action.error && !this.action.fieldErrors.text
            ? renderActionError(this.action.error)
            : nothing
        }
      </div>
    </li>`;
  }

  private renderList(first: RatingPage): TemplateResult {
    const key = `follow-ups ${this.queue}`;
    const shown = this.more.shown(key, first);
    return html`<p class="muted" part="follow-up-total">
        ${msg(str`共 ${first.total} 条`, { id: 'center.followUps.total' })}
      </p>
      ${
        shown.items.length === 0
          ? html`<p class="muted">${msg('没有需要跟踪的回访。', { id: 'center.followUps.empty' })}</p>`
          : html`<ul class="cards">
              ${shown.items.map((rating) => this.renderItem(rating))}
            </ul>`
      }
      ${renderMoreButton(this.more, key, first, (cursor, signal) => this.context.client().ratings.list({ queue: this.queue, limit: PAGE, cursor }, { signal }), msg('加载更多', { id: 'center.followUps.more' }))}
      ${this.more.error ? renderActionError(this.more.error) : nothing}`;
  }

  render(): unknown {
    adoptViewStyles(this.host, followUpStyles);
    const queues: FollowUpQueue[] = ['open', 'overdue', 'escalated'];
    return html`<div class="view-body">
      <div class="filters">
        <div class="field">
          <label for="smec-follow-up-queue">${msg('范围', { id: 'center.followUps.filter' })}</label>
          <select
            id="smec-follow-up-queue"
            part="follow-up-filter"
            .value=${this.queue}
            @change=${(e: Event) => this.filter((e.target as HTMLSelectElement).value as FollowUpQueue)}
          >
            ${queues.map((queue) => html`<option value=${queue}>${queueName(queue)}</option>`)}
          </select>
        </div>
      </div>
      ${this.load.render({
        initial: () => renderSkeleton(),
        pending: () => renderSkeleton(),
        complete: (page) => this.renderList(page),
        error: (error) => renderError(error, () => void this.load.run()),
      })}
    </div>`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new FollowUpsView(host, context);
}
