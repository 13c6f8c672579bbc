import type { EventRatingSummary, Registrant, RegistrationStatus, StaffEvent } from '@smec/schemas';
import { EVENT_MESSAGES, checkCancelReason } from '@smec/schemas/rules';
import { isSmecApiError } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import type { ConfirmController } from '../../controllers/confirm-controller.js';
import { fieldId, renderField } from '../../forms/field-view.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg, str } from '../../i18n/localization.js';
import { describeError, renderError } from '../../views/error-view.js';
import { renderActionError } from '../../workbench/action-error.js';
import type { ViewHost } from '../../workbench/view-switch.js';
import { eventStatusName, registrationStatusName } from './event-status.js';
import type { CenterViewContext } from './view-context.js';
import { renderReasonArea } from '../../workbench/text-area-field.js';

/** A center's event holds a few hundred registrants at most; the export holds them all whatever the page. */
const REGISTRANT_LIMIT = 100;

export type CheckInOutcome = 'attended' | 'already' | 'unknown';

/** What a check-in's answer means: checked in now, or before this call (the platform answers the same again). */
export function checkInOutcome(registrant: Registrant, sentAt: number): CheckInOutcome {
  const at = registrant.attendedAt ? Date.parse(registrant.attendedAt) : Number.NaN;
  // A second's slack for the clocks of the browser and the platform.
  return at < sentAt - 1000 ? 'already' : 'attended';
}

/**
 * One event's desk: publish or cancel it (a reason, then a confirm dialog: its registrants are notified), its
 * registrants with the CSV export, check-in by registration code, and its attendees' ratings.
 */
export class EventDesk {
  private readonly move = new ActionController(this.host);
  private readonly checkIn = new ActionController(this.host);
  private registrants: Registrant[] | undefined;
  private registrantsError: unknown;
  private ratings: EventRatingSummary | undefined;
  private reason = '';
  private reasonTouched = false;
  private cancelling = false;
  private code = '';
  private outcome: { code: string; kind: CheckInOutcome; name: string } | undefined;
  private csvUrl: string | undefined;
  private csvError: unknown;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
    private readonly confirm: ConfirmController,
    public event: StaffEvent,
    private readonly writes: boolean,
    private readonly onChanged: (event: StaffEvent) => void,
  ) {
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.context.client();
    const id = this.event.id;
    this.registrantsError = undefined;
    try {
      this.registrants = (await client.events.registrations(id, { limit: REGISTRANT_LIMIT })).items;
    } catch (error) {
      this.registrantsError = error;
    }
    // Ratings exist once the event is over; before, the summary is empty and not shown.
    if (Date.parse(this.event.endsAt) < Date.now()) {
      this.ratings = await client.events.ratings(id).catch(() => undefined);
    }
    this.host.requestUpdate();
  }

  /** Frees the export's object URL once the desk closes. */
  dispose(): void {
    if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
    this.move.abort();
    this.checkIn.abort();
  }

  private publish(): void {
    void this.move.run<StaffEvent>({
      operation: 'events.transition',
      body: `${this.event.id} publish`,
      send: ({ signal, idempotencyKey }) =>
        this.context
          .client()
          .events.transition(
            this.event.id,
            { action: 'publish' },
            { signal, headers: { 'idempotency-key': idempotencyKey } },
          ),
      done: (event) => {
        const title = event.title;
        this.context.announce(msg(str`已发布活动“${title}”。`, { id: 'center.event.published' }));
        this.onChanged(event);
      },
      failed: () => this.context.focus('#smec-event-move-error'),
    });
  }

  private askCancel(event: Event): void {
    event.preventDefault();
    this.reasonTouched = true;
    if (checkCancelReason(this.reason)) {
      this.host.requestUpdate();
      this.context.focus(`#${fieldId('cancelReason')}`);
      return;
    }
    const registered = this.event.registeredCount + this.event.waitlistCount;
    this.confirm.ask({
      title: msg('取消此活动？', { id: 'center.event.cancel.title' }),
      text: msg(str`已报名的 ${registered} 家企业将收到取消通知和原因。取消后不能恢复。`, {
        id: 'center.event.cancel.text',
      }),
      confirm: msg('确认取消活动', { id: 'center.event.cancel.confirm' }),
      part: 'confirm-cancel-event-button',
      onConfirm: () => this.cancel(),
    });
  }

  private cancel(): void {
    const reason = this.reason.trim();
    void this.move.run<StaffEvent>({
      operation: 'events.transition',
      body: `${this.event.id} cancel ${reason}`,
      send: ({ signal, idempotencyKey }) =>
        this.context
          .client()
          .events.transition(
            this.event.id,
            { action: 'cancel', reason },
            { signal, headers: { 'idempotency-key': idempotencyKey } },
          ),
      done: (event) => {
        const title = event.title;
        this.cancelling = false;
        this.context.announce(msg(str`已取消活动“${title}”，已通知报名企业。`, { id: 'center.event.cancelled' }));
        this.onChanged(event);
      },
      failed: () => this.context.focus('#smec-event-move-error'),
    });
  }

  private sendCheckIn(event: Event): void {
    event.preventDefault();
    const code = this.code.trim().toUpperCase();
    if (!code) {
      this.context.focus(`#${fieldId('checkInCode')}`);
      return;
    }
    const sentAt = Date.now();
    // Checked in as the list last showed it: the platform answers a second check-in as the first.
    const known = this.registrants?.find((each) => each.code === code)?.attendedAt;
    this.outcome = undefined;
    void this.checkIn.run<Registrant>({
      operation: 'events.checkIn',
      body: `${this.event.id} ${code}`,
      send: ({ signal, idempotencyKey }) =>
        this.context
          .client()
          .events.checkIn(this.event.id, code, { signal, headers: { 'idempotency-key': idempotencyKey } }),
      done: (registrant) => {
        const kind = known ? 'already' : checkInOutcome(registrant, sentAt);
        this.outcome = { code, kind, name: registrant.enterpriseName };
        this.registrants = this.registrants?.map((each) => (each.id === registrant.id ? registrant : each));
        this.code = '';
        void this.load();
        this.context.focus(`#${fieldId('checkInCode')}`);
      },
      failed: (error) => {
        if (isSmecApiError(error) && error.status === 404) this.outcome = { code, kind: 'unknown', name: '' };
        this.host.requestUpdate();
      },
    });
  }

  private download(): void {
    this.csvError = undefined;
    this.host.requestUpdate();
    void this.context
      .client()
      .events.exportCsv(this.event.id)
      .then(
        (file) => {
          if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
          this.csvUrl = URL.createObjectURL(file);
          this.host.requestUpdate();
          this.context.focus('[part~="csv-link"]');
        },
        (error: unknown) => {
          this.csvError = error;
          this.host.requestUpdate();
        },
      );
  }

  private renderMoves(): unknown {
    const event = this.event;
    if (!this.writes || event.status === 'cancelled') return nothing;
    const reasonKey = this.reasonTouched ? checkCancelReason(this.reason) : undefined;
    const reasonError = reasonKey ? EVENT_MESSAGES[reasonKey][this.context.locale()] : undefined;
    return html`<div class="actions">
        ${
          event.status === 'draft'
            ? html`<button
                type="button"
                part="publish-event-button"
                class="button button-primary"
                ?disabled=${this.move.busy}
                @click=${() => this.publish()}
              >
                ${msg('发布活动', { id: 'center.event.publish' })}
              </button>`
            : nothing
        }
        ${
          this.cancelling
            ? nothing
            : html`<button
                type="button"
                part="cancel-event-button"
                class="button"
                @click=${() => {
                  this.cancelling = true;
                  this.host.requestUpdate();
                  this.context.focus(`#${fieldId('cancelReason')}`);
                }}
              >
                ${msg('取消活动', { id: 'center.event.cancel' })}
              </button>`
        }
      </div>
      ${
        this.cancelling
          ? html`<form class="editor" novalidate @submit=${(e: Event) => this.askCancel(e)}>
              ${renderField({
                name: 'cancelReason',
                label: msg('取消原因（将告知报名企业）', { id: 'center.event.cancel.reason' }),
                error: reasonError,
                control: renderReasonArea('cancelReason', this.reason, reasonError, undefined, (value) => {
                  this.reason = value;
                  this.host.requestUpdate();
                }),
              })}
              <div class="actions">
                <button type="submit" part="ask-cancel-event-button" class="button" ?disabled=${this.move.busy}>
                  ${msg('取消活动…', { id: 'center.event.cancel.ask' })}
                </button>
              </div>
            </form>`
          : nothing
      }
      <div role="alert" id="smec-event-move-error" tabindex="-1">
        ${this.move.error ? renderActionError(this.move.error) : nothing}
      </div>`;
  }

  private renderOutcome(): unknown {
    const outcome = this.outcome;
    if (this.checkIn.error && outcome?.kind !== 'unknown') return describeError(this.checkIn.error);
    if (!outcome) return nothing;
    const { code, name } = outcome;
    switch (outcome.kind) {
      case 'attended':
        return msg(str`${name} 已签到（${code}）。`, { id: 'center.checkIn.attended' });
      case 'already':
        return msg(str`${name} 此前已签到（${code}），无需重复签到。`, { id: 'center.checkIn.already' });
      case 'unknown':
        return msg(str`未找到签到码 ${code}，请核对后重试。`, { id: 'center.checkIn.unknown' });
    }
  }

  private renderCheckIn(): unknown {
    if (!this.writes || this.event.status !== 'scheduled') return nothing;
    return html`<form part="check-in-form" class="editor" novalidate @submit=${(e: Event) => this.sendCheckIn(e)}>
      <div
        @input=${(e: Event) => {
          this.code = (e.target as HTMLInputElement).value;
        }}
      >
        ${renderTextField('checkInCode', msg('签到码', { id: 'center.checkIn.code' }), undefined, {
          value: this.code,
          hint: msg('企业报名后看到的 10 位签到码', { id: 'center.checkIn.hint' }),
        })}
      </div>
      <div class="actions">
        <button type="submit" part="check-in-button" class="button button-primary" ?disabled=${this.checkIn.busy}>
          ${msg('签到', { id: 'center.checkIn' })}
        </button>
      </div>
      <p part="check-in-outcome" role="status">${this.renderOutcome()}</p>
    </form>`;
  }

  private renderRegistrants(): unknown {
    if (this.registrantsError) return renderError(this.registrantsError, () => void this.load());
    if (!this.registrants) return html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>`;
    if (this.registrants.length === 0)
      return html`<p class="muted">${msg('还没有企业报名。', { id: 'center.registrants.empty' })}</p>`;
    return html`<ul class="cards" part="registrants">
      ${this.registrants.map(
        (each) =>
          html`<li part="registrant" class="card" data-code=${each.code}>
            <p><strong>${each.enterpriseName}</strong>${each.attendeeName ? ` · ${each.attendeeName}` : ''}</p>
            <p>
              <span part="badge" class="badge">${registrationStatusName(each.status as RegistrationStatus)}</span>
              ${each.code}
            </p>
          </li>`,
      )}
    </ul>`;
  }

  private renderRatings(): unknown {
    const ratings = this.ratings;
    if (!ratings) return nothing;
    const count = ratings.count;
    const average = ratings.average ?? 0;
    return html`<section part="event-ratings" aria-labelledby="smec-event-ratings-title">
      <h5 id="smec-event-ratings-title">${msg('参会评价', { id: 'center.ratings.title' })}</h5>
      ${
        count === 0
          ? html`<p class="muted">${msg('还没有参会企业评价。', { id: 'center.ratings.empty' })}</p>`
          : html`<p>${msg(str`${count} 条评价，平均 ${average} 分（满分 5 分）`, { id: 'center.ratings.summary' })}</p>
              <ul>
                ${ratings.comments.map((each) => {
                  const score = each.score;
                  return html`<li>${msg(str`${score} 分`, { id: 'center.ratings.score' })}：${each.comment}</li>`;
                })}
              </ul>`
      }
    </section>`;
  }

  render(): TemplateResult {
    const event = this.event;
    const registered = event.registeredCount;
    const capacity = event.capacity;
    const waiting = event.waitlistCount;
    const attended = event.attendedCount;
    return html`<section part="event-desk" class="editor" aria-labelledby="smec-event-desk-title">
      <h4 id="smec-event-desk-title" tabindex="-1">${event.title}</h4>
      <p><span part="badge" class="badge">${eventStatusName(event.status)}</span></p>
      ${event.cancelReason ? html`<p>${msg('取消原因：', { id: 'center.event.cancelReason' })}${event.cancelReason}</p>` : nothing}
      <p>
        ${msg(str`已报名 ${registered} / ${capacity}，候补 ${waiting}，已签到 ${attended}`, { id: 'center.event.counts' })}
      </p>
      ${this.renderMoves()} ${this.renderCheckIn()}
      <section aria-labelledby="smec-registrants-title">
        <h5 id="smec-registrants-title">${msg('报名企业', { id: 'center.registrants.title' })}</h5>
        <div class="actions">
          <button type="button" part="export-csv-button" class="button" @click=${() => this.download()}>
            ${msg('导出报名表（CSV）', { id: 'center.registrants.export' })}
          </button>
          ${
            this.csvUrl
              ? html`<a part="csv-link" class="button" href=${this.csvUrl} download="${event.id}-registrants.csv">
                  ${msg('下载报名表', { id: 'center.registrants.download' })}
                </a>`
              : nothing
          }
        </div>
        ${this.csvError ? html`<p part="error" class="error" role="alert">${describeError(this.csvError)}</p>` : nothing}
        ${this.renderRegistrants()}
      </section>
      ${this.renderRatings()}
    </section>`;
  }
}
