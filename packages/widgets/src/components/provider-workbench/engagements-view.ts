import type { Engagement, EngagementStatus, Rating } from '@smec/schemas';
import { shanghaiDayOf } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { msg, str } from '../../i18n/localization.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { awaitsAnswer } from './required-actions.js';
import { renderActionError } from '../../workbench/action-error.js';
import type { ViewContext, ViewHost, WorkbenchViewPart } from './view-context.js';
import { viewStyles } from './views.styles.js';
import { workingDaysUntil } from '../../workbench/working-days.js';

const NOTE_MAX = 200;
const ANSWER_MAX = 500;

type Move = 'confirm' | 'start' | 'deliver';

/** The provider's next step on an engagement, if it has one. */
export function nextMove(status: EngagementStatus): Move | undefined {
  if (status === 'ordered') return 'confirm';
  if (status === 'confirmed') return 'start';
  if (status === 'inProgress') return 'deliver';
  return undefined;
}

function statusName(status: EngagementStatus): string {
  switch (status) {
    case 'ordered':
      return msg('待确认', { id: 'workbench.engagement.status.ordered' });
    case 'confirmed':
      return msg('已确认', { id: 'workbench.engagement.status.confirmed' });
    case 'inProgress':
      return msg('服务中', { id: 'workbench.engagement.status.inProgress' });
    case 'delivered':
      return msg('已交付，待企业验收', { id: 'workbench.engagement.status.delivered' });
    case 'closed':
      return msg('已完成', { id: 'workbench.engagement.status.closed' });
    case 'cancelled':
      return msg('已取消', { id: 'workbench.engagement.status.cancelled' });
  }
}

function moveLabel(move: Move): string {
  switch (move) {
    case 'confirm':
      return msg('确认接单', { id: 'workbench.engagement.confirm' });
    case 'start':
      return msg('开始服务', { id: 'workbench.engagement.start' });
    case 'deliver':
      return msg('交付', { id: 'workbench.engagement.deliver' });
  }
}

/** The provider's engagements with their next step, and the follow-ups of bad ratings to answer. */
class EngagementsView implements WorkbenchViewPart {
  private readonly action: ActionController;
  private readonly confirm: ConfirmController;
  private readonly notes = new Map<string, string>();
  private readonly answers = new Map<string, string>();
  private answerErrors = new Map<string, string>();
  private failedOn: string | undefined;

  constructor(
    private readonly host: ViewHost,
    private readonly context: ViewContext,
  ) {
    this.action = new ActionController(host);
    // Made after the shell's ModalController, so it comes after it.
    this.confirm = new ConfirmController(host);
  }

  private ask(engagement: Engagement, move: Move): void {
    if (move === 'start') {
      this.send(engagement, move);
      return;
    }
    const amount = formatMoney(engagement.contractAmount);
    const { enterpriseName, productName } = engagement;
    this.confirm.ask(
      move === 'confirm'
        ? {
            title: msg('确认接单？', { id: 'workbench.confirm.title' }),
            text: msg(str`您将为${enterpriseName}提供“${productName}”，合同金额 ${amount}。`, {
              id: 'workbench.confirm.text',
            }),
            confirm: msg('确认接单', { id: 'workbench.engagement.confirm' }),
            part: 'confirm-engagement-button',
            onConfirm: () => this.send(engagement, move),
          }
        : {
            title: msg('确认已交付？', { id: 'workbench.deliver.title' }),
            text: msg(str`${enterpriseName}将收到“${productName}”的验收请求。交付后不能撤回。`, {
              id: 'workbench.deliver.text',
            }),
            confirm: msg('确认交付', { id: 'workbench.deliver.confirm' }),
            part: 'confirm-deliver-button',
            onConfirm: () => this.send(engagement, move),
          },
    );
  }

  private send(engagement: Engagement, move: Move): void {
    const client = this.context.client();
    const note = move === 'deliver' ? (this.notes.get(engagement.id) ?? '').trim() : '';
    this.failedOn = engagement.id;
    void this.action.run({
      operation: `engagements.${move}`,
      body: `${move} ${engagement.id} ${note}`,
      send: ({ signal, idempotencyKey }) =>
        client.engagements[move](engagement.id, { signal, idempotencyKey, ...(note ? { note } : {}) }),
      done: (updated) => {
        this.failedOn = undefined;
        this.notes.delete(engagement.id);
        this.context.announce(
          msg(str`“${updated.productName}”：${statusName(updated.status)}`, { id: 'workbench.engagement.done' }),
        );
        this.context.refresh();
        this.context.focus(`[data-engagement-id="${engagement.id}"] h4`);
      },
      failed: () => this.context.focus(`#smec-engagement-error-${engagement.id}`),
    });
  }

  private answer(rating: Rating): void {
    const text = this.answers.get(rating.id) ?? '';
    if (text.trim().length < 2 || text.length > ANSWER_MAX) {
      this.answerErrors = new Map(this.answerErrors).set(
        rating.id,
        msg(str`请填写答复（2 至 ${ANSWER_MAX} 个字）`, { id: 'workbench.followUp.required' }),
      );
      this.host.requestUpdate();
      this.context.focus(`#smec-answer-${rating.id}`);
      return;
    }
    this.answerErrors = new Map();
    const client = this.context.client();
    this.failedOn = rating.id;
    void this.action.run({
      operation: 'ratings.answer',
      body: `answer ${rating.id} ${text}`,
      send: ({ signal }) => client.ratings.answer(rating.id, text.trim(), { signal }),
      done: () => {
        this.failedOn = undefined;
        this.answers.delete(rating.id);
        this.context.announce(msg('已提交答复。', { id: 'workbench.followUp.answered' }));
        this.context.refresh();
        this.context.focus('#smec-follow-ups-title');
      },
      failed: () => this.context.focus(`#smec-engagement-error-${rating.id}`),
    });
  }

  private renderError(id: string): TemplateResult {
    return html`<div role="alert" id="smec-engagement-error-${id}" tabindex="-1">
      ${this.failedOn === id && this.action.error ? renderActionError(this.action.error) : nothing}
    </div>`;
  }

  private renderEngagement(engagement: Engagement): TemplateResult {
    const locale = this.context.locale();
    const move = nextMove(engagement.status);
    const noteId = `smec-note-${engagement.id}`;
    return html`<li part="engagement" class="card" data-engagement-id=${engagement.id} data-status=${engagement.status}>
      <div class="card-head">
        <h4 tabindex="-1">${engagement.productName}</h4>
        <span part="badge" class="badge">${statusName(engagement.status)}</span>
      </div>
      <p>${engagement.enterpriseName} · ${formatDate(engagement.createdAt, locale)}</p>
      <dl class="amounts">
        <dt>${msg('合同金额', { id: 'workbench.engagement.contract' })}</dt>
        <dd>${formatMoney(engagement.contractAmount)}</dd>
      </dl>
      ${
        move === 'deliver'
          ? html`<div class="deliver-note">
              <label for=${noteId}>${msg('交付说明（选填）', { id: 'workbench.engagement.note' })}</label>
              <textarea
                id=${noteId}
                rows="2"
                maxlength=${NOTE_MAX}
                .value=${this.notes.get(engagement.id) ?? ''}
                @input=${(e: Event) => this.notes.set(engagement.id, (e.target as HTMLTextAreaElement).value)}
              ></textarea>
            </div>`
          : nothing
      }
      ${
        move
          ? html`<div class="actions">
              <button
                type="button"
                part="${move}-button"
                class="button button-primary"
                ?disabled=${this.action.busy}
                @click=${() => this.ask(engagement, move)}
              >
                ${moveLabel(move)}
              </button>
            </div>`
          : nothing
      }
      ${this.renderError(engagement.id)}
    </li>`;
  }

  private renderFollowUp(rating: Rating, productName: string): TemplateResult {
    const locale = this.context.locale();
    const followUp = rating.followUp!;
    const left = workingDaysUntil(shanghaiDayOf(Date.now()), followUp.dueOn);
    const answerId = `smec-answer-${rating.id}`;
    // Noon of the due day in Beijing, so that no time zone moves it to another day.
    const dueDate = formatDate(`${followUp.dueOn}T12:00:00+08:00`, locale);
    const error = this.answerErrors.get(rating.id);
    return html`<li part="follow-up" class="card follow-up" data-rating-id=${rating.id}>
      <h4>${productName}</h4>
      <p>${msg(str`评分 ${rating.score} · ${rating.comment}`, { id: 'workbench.followUp.score' })}</p>
      <p class=${left <= 3 ? 'missing' : ''}>
        ${msg(str`请于 ${dueDate} 前答复`, { id: 'workbench.followUp.due' })}
        (${
          left < 0
            ? msg('已逾期', { id: 'workbench.followUp.overdue' })
            : msg(str`还剩 ${left} 个工作日`, { id: 'workbench.followUp.left' })
        })
      </p>
      <label for=${answerId}>${msg('您的答复', { id: 'workbench.followUp.answer' })}</label>
      ${error ? html`<p id="${answerId}-error" class="field-error">${error}</p>` : nothing}
      <textarea
        id=${answerId}
        rows="3"
        maxlength=${ANSWER_MAX}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${answerId}-error` : nothing}
        .value=${this.answers.get(rating.id) ?? ''}
        @input=${(e: Event) => this.answers.set(rating.id, (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="actions">
        <button
          type="button"
          part="answer-button"
          class="button button-primary"
          ?disabled=${this.action.busy}
          @click=${() => this.answer(rating)}
        >
          ${msg('提交答复', { id: 'workbench.followUp.submit' })}
        </button>
      </div>
      ${this.renderError(rating.id)}
    </li>`;
  }

  render(): unknown {
    adoptViewStyles(this.host, viewStyles);
    const { engagements, ratings } = this.context.summary();
    const names = new Map(engagements.map((engagement) => [engagement.id, engagement.productName]));
    const open = ratings.filter(awaitsAnswer).sort((a, b) => a.followUp!.dueOn.localeCompare(b.followUp!.dueOn));
    return html`<section aria-labelledby="smec-follow-ups-title">
        <h4 id="smec-follow-ups-title" tabindex="-1">${msg('待答复的回访', { id: 'workbench.followUps.title' })}</h4>
        ${
          open.length === 0
            ? html`<p class="muted">${msg('没有待答复的回访。', { id: 'workbench.followUps.empty' })}</p>`
            : html`<ul class="cards">
                ${open.map((rating) => this.renderFollowUp(rating, names.get(rating.engagementId) ?? ''))}
              </ul>`
        }
      </section>
      <section aria-labelledby="smec-engagements-title">
        <h4 id="smec-engagements-title">${msg('订单', { id: 'workbench.engagements.title' })}</h4>
        ${
          engagements.length === 0
            ? html`<p class="muted">${msg('还没有订单。', { id: 'workbench.engagements.empty' })}</p>`
            : html`<ul class="cards">
                ${engagements.map((engagement) => this.renderEngagement(engagement))}
              </ul>`
        }
      </section>
      ${this.confirm.render()}`;
  }
}

export function createView(host: ViewHost, context: ViewContext): WorkbenchViewPart {
  return new EngagementsView(host, context);
}
