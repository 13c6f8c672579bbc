import { EVENT_TYPES } from '@smec/schemas/rules';
import type { StaffEvent } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { renderErrorSummary } from '../../forms/error-summary.js';
import { fieldId, renderField } from '../../forms/field-view.js';
import { ShownErrors } from '../../forms/shown-errors.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg, str } from '../../i18n/localization.js';
import type { ViewHost } from '../../workbench/view-switch.js';
import { renderEditFailure } from '../../workbench/edit-failure.js';
import { eventFieldLabel, eventProblemText, eventTypeName } from './event-texts.js';
import {
  EVENT_FIELDS,
  emptyEvent,
  eventFieldOf,
  eventInputOf,
  eventPatchOf,
  eventProblems,
  valuesOfEvent,
  type EventField,
  type EventProblem,
  type EventValues,
} from './event-values.js';
import type { CenterViewContext } from './view-context.js';

const TIME_FIELDS: readonly EventField[] = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'];

/**
 * The form that creates a draft event or edits one as it was read (If-Match): the shared rules shown next to their
 * fields once left or sent, the platform's refusals next to the fields it names, and what was typed kept on any
 * failure; a 412 says someone else changed the event and offers its latest version without losing the form.
 */
export class EventEditor {
  readonly action: ActionController<EventField>;
  values: EventValues;
  private readonly shown = new ShownErrors<EventField>();
  private reloading = false;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
    /** The event as read (its revision is the If-Match), or undefined for a new draft. */
    private version: StaffEvent | undefined,
    regionCode: string,
    private readonly onSaved: (event: StaffEvent) => void,
    private readonly onClose: () => void,
  ) {
    this.action = new ActionController(host, eventFieldOf);
    this.values = version ? valuesOfEvent(version) : emptyEvent(regionCode);
  }

  private set(field: EventField, value: string, touch = false): void {
    this.values = { ...this.values, [field]: value };
    if (touch) this.shown.touch(field);
    if (this.action.fieldErrors[field]) this.action.fieldErrors = { ...this.action.fieldErrors, [field]: undefined };
    this.host.requestUpdate();
  }

  private errors(): Partial<Record<EventField, string>> {
    const locale = this.context.locale();
    const texts: Partial<Record<EventField, string>> = {};
    for (const [field, problem] of Object.entries(eventProblems(this.values)) as [EventField, EventProblem][]) {
      texts[field] = eventProblemText(problem, locale);
    }
    return this.shown.of(EVENT_FIELDS, texts, this.action.fieldErrors);
  }

  /** Reads the event again for its latest revision: what was typed stays, and saving then overwrites. */
  private reload(): void {
    const id = this.version!.id;
    this.reloading = true;
    this.host.requestUpdate();
    void this.context
      .client()
      .events.getForStaff(id)
      .then(
        (event) => {
          this.version = event;
          this.action.error = undefined;
          this.context.announce(msg('已载入最新版本，您填写的内容已保留。', { id: 'center.event.reloaded' }));
        },
        (error: unknown) => {
          this.action.error = error;
        },
      )
      .finally(() => {
        this.reloading = false;
        this.host.requestUpdate();
      });
  }

  private save(event: Event): void {
    event.preventDefault();
    this.shown.submitted = true;
    if (Object.keys(eventProblems(this.values)).length > 0) {
      this.host.requestUpdate();
      this.context.focus('.event-form .error-summary');
      return;
    }
    const client = this.context.client();
    const version = this.version;
    const values = this.values;
    const body = version ? eventPatchOf(values) : eventInputOf(values);
    void this.action.run<StaffEvent>({
      operation: version ? 'events.update' : 'events.create',
      body: `${version ? `${version.id}.r${version.revision}` : 'new'} ${JSON.stringify(body)}`,
      send: ({ signal, idempotencyKey }) =>
        version
          ? client.events.update(version, eventPatchOf(values), {
              signal,
              headers: { 'idempotency-key': idempotencyKey },
            })
          : client.events.create(eventInputOf(values), { signal, headers: { 'idempotency-key': idempotencyKey } }),
      done: (saved) => {
        const title = saved.title;
        this.context.announce(
          version
            ? msg(str`已保存活动“${title}”。`, { id: 'center.event.saved' })
            : msg(str`已创建活动草稿“${title}”。`, { id: 'center.event.created' }),
        );
        this.onSaved(saved);
      },
      failed: () => {
        this.host.requestUpdate();
        const named = Object.values(this.action.fieldErrors).some(Boolean);
        this.context.focus(named ? '.event-form .error-summary' : '#smec-event-error');
      },
    });
  }

  private renderText(field: EventField, errors: Partial<Record<EventField, string>>): TemplateResult {
    const time = TIME_FIELDS.includes(field);
    const number = field === 'capacity' || field === 'waitlistSize' || field === 'regionCode';
    return html`<div
      @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}
      @change=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value, true)}
    >
      ${renderTextField(field, eventFieldLabel(field), errors[field], {
        value: this.values[field],
        ...(time ? { type: 'datetime-local' } : {}),
        ...(number ? { inputmode: 'numeric' } : {}),
        ...(field === 'onlineUrl' ? { type: 'url', inputmode: 'url', optional: true } : {}),
        ...(field === 'venue'
          ? { optional: true, hint: msg('地点和线上地址至少填写一项', { id: 'center.event.place.hint' }) }
          : {}),
        ...(time ? { hint: msg('北京时间', { id: 'center.event.time.hint' }) } : {}),
      })}
    </div>`;
  }

  private renderFailure(): unknown {
    return renderEditFailure(
      this.action.error,
      Object.values(this.action.fieldErrors).some(Boolean),
      {
        staleTitle: msg('此活动已被他人修改', { id: 'center.event.stale' }),
        staleHint: msg('您填写的内容已保留。载入最新版本后再保存，将以您填写的内容为准。', {
          id: 'center.event.stale.hint',
        }),
        reload: msg('载入最新版本', { id: 'center.event.reload' }),
        reloadPart: 'reload-event-button',
        kept: msg('您填写的内容已保留。', { id: 'demand.kept' }),
      },
      { busy: this.reloading, run: () => this.reload() },
    );
  }

  render(): TemplateResult {
    const errors = this.errors();
    const summary = this.shown.summary(errors);
    const title = this.version?.title ?? '';
    return html`<form part="event-form" class="editor event-form" novalidate @submit=${(e: Event) => this.save(e)}>
      <h4 id="smec-event-form-title" tabindex="-1">
        ${
          this.version
            ? msg(str`编辑活动：${title}`, { id: 'center.event.editTitle' })
            : msg('新建活动', { id: 'center.events.add' })
        }
      </h4>
      ${renderErrorSummary(
        this.host,
        summary,
        (name) => this.host.shadowRoot?.querySelector<HTMLElement>(`#${fieldId(name)}`)?.focus(),
        5,
      )}
      ${renderField({
        name: 'type',
        label: eventFieldLabel('type'),
        control: html`<select
          id=${fieldId('type')}
          .value=${this.values.type}
          @change=${(e: Event) => this.set('type', (e.target as HTMLSelectElement).value, true)}
        >
          ${EVENT_TYPES.map(
            (type) =>
              html`<option value=${type} ?selected=${type === this.values.type}>${eventTypeName(type)}</option>`,
          )}
        </select>`,
      })}
      ${this.renderText('title', errors)}
      ${renderField({
        name: 'description',
        label: eventFieldLabel('description'),
        error: errors.description,
        control: html`<textarea
          id=${fieldId('description')}
          rows="4"
          aria-invalid=${errors.description ? 'true' : 'false'}
          aria-describedby=${errors.description ? `${fieldId('description')}-error` : nothing}
          .value=${this.values.description}
          @input=${(e: Event) => this.set('description', (e.target as HTMLTextAreaElement).value)}
          @change=${(e: Event) => this.set('description', (e.target as HTMLTextAreaElement).value, true)}
        ></textarea>`,
      })}
      ${(['regionCode', 'venue', 'onlineUrl', ...TIME_FIELDS, 'capacity', 'waitlistSize'] as const).map((field) =>
        this.renderText(field, errors),
      )}
      <div role="alert" id="smec-event-error" tabindex="-1">${this.renderFailure()}</div>
      <div class="actions">
        <button type="submit" part="save-event-button" class="button button-primary" ?disabled=${this.action.busy}>
          ${msg('保存活动', { id: 'center.event.save' })}
        </button>
        <button type="button" part="cancel-edit-button" class="button" @click=${() => this.onClose()}>
          ${msg('返回列表', { id: 'center.event.back' })}
        </button>
      </div>
    </form>`;
  }
}
