import type { ServiceEvent, StaffEvent } from '@smec/schemas';
import { FullEvents } from '@smec/sdk/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { fieldId } from '../../forms/field-view.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { listStyles } from '../../workbench/list.styles.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import { EventDesk } from './event-desk.js';
import { EventEditor } from './event-editor.js';
import { eventStatusName } from './event-status.js';
import { eventTypeName } from './event-texts.js';
import { eventOrder, startsWithin, underWay } from './event-values.js';
import type { CenterViewContext } from './view-context.js';

useResources({ events: FullEvents });

const DAY_MS = 86_400_000;
/** Events over within the last 30 days stay listed: their registrants and ratings are still looked at. */
const PAST_DAYS = 30;
const LIST_LIMIT = 200;

const eventsStyles = css`
  ${listStyles}

  .editor {
    display: grid;
    gap: 0.75rem;
    margin-block: 1rem;
  }

  .card[data-soon] {
    border-inline-start: 4px solid var(--_primary);
  }
`;

function isStaffEvent(event: ServiceEvent | StaffEvent): event is StaffEvent {
  return 'revision' in event;
}

/** The center's events (活动管理): the list, upcoming first; a draft's form; one event's desk. */
class EventsView implements WorkbenchViewPart {
  private readonly confirm: ConfirmController;
  private events: ServiceEvent[] | undefined;
  private listError: unknown;
  private editor: EventEditor | undefined;
  private desk: EventDesk | undefined;
  private opening: string | undefined;
  private openError: unknown;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    this.confirm = new ConfirmController(host);
    // The list's first load is the view's own: it starts once the shell has shown it.
    queueMicrotask(() => void this.loadList());
  }

  private writes(): boolean {
    return this.context.canWrite();
  }

  private loadList(): Promise<void> {
    this.listError = undefined;
    const from = new Date(Date.now() - PAST_DAYS * DAY_MS).toISOString().slice(0, 10);
    const region = this.context.regionCode();
    const events = this.context.client().events;
    // The public list shows no draft: the center's own drafts are a list of their own.
    return Promise.all([
      events.list({ from, limit: LIST_LIMIT, ...(region ? { region } : {}) }),
      events.list({ status: 'draft', limit: LIST_LIMIT }),
    ]).then(
      ([published, drafts]) => {
        this.events = [...published.items, ...drafts.items];
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.listError = error;
        this.host.requestUpdate();
      },
    );
  }

  private closeAll(): void {
    this.editor?.action.abort();
    this.editor = undefined;
    this.desk?.dispose();
    this.desk = undefined;
    this.openError = undefined;
  }

  private startNew(): void {
    this.closeAll();
    this.editor = new EventEditor(
      this.host,
      this.context,
      undefined,
      this.context.regionCode() ?? '',
      (saved) => this.saved(saved),
      () => this.backToList('[part~="add-event-button"]'),
    );
    this.host.requestUpdate();
    this.context.focus(`#${fieldId('title')}`);
  }

  private open(id: string, edit = false): void {
    this.closeAll();
    this.opening = id;
    this.host.requestUpdate();
    this.context
      .client()
      .events.getForStaff(id)
      .then(
        (event) => {
          if (this.opening !== id) return;
          this.opening = undefined;
          if (!isStaffEvent(event)) {
            this.openError = new Error(msg('此活动由其他服务中心举办，您只能查看。', { id: 'center.event.notOurs' }));
          } else if (edit) this.edit(event);
          else this.showDesk(event);
          this.host.requestUpdate();
        },
        (error: unknown) => {
          this.opening = undefined;
          this.openError = error;
          this.host.requestUpdate();
        },
      );
  }

  private showDesk(event: StaffEvent): void {
    this.closeAll();
    this.desk = new EventDesk(this.host, this.context, this.confirm, event, this.writes(), (changed) => {
      this.showDesk(changed);
      void this.loadList();
    });
    this.host.requestUpdate();
    this.context.focus('#smec-event-desk-title');
  }

  private edit(event: StaffEvent): void {
    this.closeAll();
    this.editor = new EventEditor(
      this.host,
      this.context,
      event,
      event.regionCode,
      (saved) => this.saved(saved),
      () => this.showDesk(event),
    );
    this.host.requestUpdate();
    this.context.focus('#smec-event-form-title');
  }

  private saved(event: StaffEvent): void {
    this.showDesk(event);
    void this.loadList();
  }

  private backToList(focus: string): void {
    this.closeAll();
    this.host.requestUpdate();
    this.context.focus(focus);
  }

  private renderEvent(event: ServiceEvent, now: number): TemplateResult {
    const soon = startsWithin(event, now);
    const starts = new Date(event.startsAt).toLocaleString(this.context.locale(), {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const registered = event.registeredCount;
    const capacity = event.capacity;
    return html`<li part="event" class="card" data-event-id=${event.id} ?data-soon=${soon}>
      <div class="card-head">
        <h4 tabindex="-1">${event.title}</h4>
        <span part="badge" class="badge">${eventStatusName(event.status)}</span>
        ${soon ? html`<span part="soon-badge" class="badge">${msg('7 天内开始', { id: 'center.event.soon' })}</span>` : nothing}
        ${
          underWay(event, now)
            ? html`<span part="under-way-badge" class="badge">${msg('进行中', { id: 'center.event.underWay' })}</span>`
            : nothing
        }
      </div>
      <p>${eventTypeName(event.type)} · ${starts}</p>
      <p>${msg(str`已报名 ${registered} / ${capacity}`, { id: 'center.event.registered' })}</p>
      <div class="actions">
        <button type="button" part="open-event-button" class="button" @click=${() => this.open(event.id)}>
          ${msg('报名与签到', { id: 'center.event.open' })}<span class="sr-only">${event.title}</span>
        </button>
        ${
          this.writes() && event.status !== 'cancelled'
            ? html`<button
                type="button"
                part="edit-event-button"
                class="button"
                @click=${() => this.open(event.id, true)}
              >
                ${msg('编辑', { id: 'center.event.edit' })}<span class="sr-only">${event.title}</span>
              </button>`
            : nothing
        }
      </div>
    </li>`;
  }

  private renderList(): unknown {
    if (this.listError) return renderError(this.listError, () => void this.loadList());
    if (!this.events) return html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>`;
    if (this.events.length === 0)
      return html`<p class="muted">${msg('近期没有活动。', { id: 'center.events.empty' })}</p>`;
    const now = Date.now();
    return html`<ul class="cards">
      ${eventOrder(this.events, now).map((event) => this.renderEvent(event, now))}
    </ul>`;
  }

  private renderOpen(): unknown {
    if (this.editor) return this.editor.render();
    if (this.desk)
      return html`${this.desk.render()}
        <div class="actions">
          ${
            this.writes() && this.desk.event.status !== 'cancelled'
              ? html`<button
                  type="button"
                  part="edit-event-button"
                  class="button"
                  @click=${() => this.edit(this.desk!.event)}
                >
                  ${msg('编辑', { id: 'center.event.edit' })}
                </button>`
              : nothing
          }
          <button
            type="button"
            part="back-button"
            class="button"
            @click=${() => this.backToList(`[data-event-id="${this.desk!.event.id}"] h4`)}
          >
            ${msg('返回列表', { id: 'center.event.back' })}
          </button>
        </div>`;
    if (this.opening) return html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>`;
    if (this.openError)
      return html`<div role="alert">${renderError(this.openError, () => this.backToList('#smec-events-title'))}</div>`;
    return nothing;
  }

  render(): unknown {
    adoptViewStyles(this.host, eventsStyles);
    const open = this.editor || this.desk;
    return html`${
      this.writes() && !open
        ? html`<div class="actions">
            <button type="button" part="add-event-button" class="button button-primary" @click=${() => this.startNew()}>
              ${msg('新建活动', { id: 'center.events.add' })}
            </button>
          </div>`
        : nothing
    }
    ${this.renderOpen()}
    ${
      open
        ? nothing
        : html`<section aria-labelledby="smec-events-title">
            <h4 id="smec-events-title" tabindex="-1">${msg('本中心的活动', { id: 'center.events.title' })}</h4>
            ${this.renderList()}
          </section>`
    }
    ${this.confirm.render()}`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new EventsView(host, context);
}
