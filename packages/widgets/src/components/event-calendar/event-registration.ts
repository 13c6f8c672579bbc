import { TaskStatus, initialState } from '@lit/task';
import { hasProblemCode } from '@smec/sdk/core';
import type { Registration, ServiceEvent } from '@smec/schemas';
import { html, type ReactiveController, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import type { ClientController } from '../../controllers/client-controller.js';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { LoadTask, type LoadHost } from '../../controllers/load-task.js';
import { SmecAuthRequiredEvent } from '../../events/auth-required-event.js';
import { SmecEventCancelEvent } from '../../events/event-cancel-event.js';
import { SmecEventRegisterEvent } from '../../events/event-register-event.js';
import { msg, str } from '../../i18n/localization.js';
import { formatNumber } from '../../internal/format.js';
import { formatTimeRange } from './calendar-dates.js';
import { renderEventDetail, type RegistrationState } from './event-detail.js';
import { describeEventError } from './event-texts.js';
import { cancelRegistration, loadEvent, loadMyRegistration, register } from './events-api.js';

/** What the registration needs of the calendar besides being its host. */
export interface RegistrationInputs {
  /** The event whose detail is open. */
  event(): ServiceEvent | undefined;
  locale(): string;
  regionName(code: string): string;
  /** After an action, the focus goes back to the action's button. */
  focusButton(): void;
  close(): void;
}

/**
 * The open event's detail dialog: the event as it is now (seats left), the visitor's own registration, and the
 * register / join waitlist / cancel actions with their outcome. Closing the dialog stops an action under way; another
 * event starts with no outcome shown.
 */
export class EventRegistration implements ReactiveController {
  /** The registration the last action returned, ahead of what `/me/registrations` said. */
  private acted: { eventId: string; value: Registration | null } | undefined;
  /** What the last action did, announced. */
  private message = '';
  private eventId: string | undefined;
  private readonly action: ActionController;
  /** A cancelled seat may be gone for good: it is asked first. */
  private readonly confirm: ConfirmController;

  private readonly detailTask = new LoadTask(this.host, {
    task: ([client, id], { signal }) => (id ? loadEvent(client, id, signal) : initialState),
    args: () => [this.api.client, this.inputs.event()?.id] as const,
  });

  private readonly meTask = new LoadTask(this.host, {
    task: async ([client, id], { signal }) => {
      if (!id) return initialState;
      // Nobody can be signed in without a token: no need to hear a 401 say so.
      if (!(await this.api.signedIn())) return undefined;
      return loadMyRegistration(client, id, signal);
    },
    args: () => [this.api.client, this.inputs.event()?.id] as const,
  });

  constructor(
    private readonly host: LoadHost,
    private readonly api: ClientController,
    private readonly inputs: RegistrationInputs,
  ) {
    this.action = new ActionController(host);
    // After the calendar's ModalController, which opens the question.
    this.confirm = new ConfirmController(host);
    host.addController(this);
  }

  hostUpdate(): void {
    const id = this.inputs.event()?.id;
    if (!id) this.action.abort();
    else if (id !== this.eventId) {
      this.eventId = id;
      this.acted = undefined;
      this.message = '';
      this.action.error = undefined;
    }
  }

  private get registration(): RegistrationState {
    const id = this.inputs.event()?.id;
    if (this.acted && this.acted.eventId === id) return this.acted.value;
    if (this.meTask.status === TaskStatus.COMPLETE) return this.meTask.value as Registration | null | undefined;
    if (this.meTask.status === TaskStatus.ERROR) {
      // A provider's or a center's account may not register: signing in again would not help.
      return hasProblemCode(this.meTask.error, 'forbidden') ? 'otherAccount' : undefined;
    }
    return 'loading';
  }

  /** Runs a registration or a cancellation; either way the platform is asked again for seats and registration. */
  private act<T>(
    operation: string,
    event: ServiceEvent,
    send: (signal: AbortSignal) => Promise<T>,
    done: (value: T) => void,
  ) {
    this.message = '';
    void this.action.run({
      operation,
      body: `${operation} ${event.id}`,
      send: ({ signal }) => send(signal),
      done: (value) => {
        done(value);
        void this.detailTask.run();
        this.inputs.focusButton();
      },
      // The platform knows better: ask it again what this enterprise holds.
      failed: () => {
        this.acted = undefined;
        void this.meTask.run();
        void this.detailTask.run();
      },
    });
  }

  private handleRegister(event: ServiceEvent): void {
    const client = this.api.client;
    this.act(
      'events.register',
      event,
      (signal) => register(client, event.id, signal),
      (registration) => {
        this.acted = { eventId: event.id, value: registration };
        const position = formatNumber(registration.waitlistPosition ?? 0, this.inputs.locale());
        this.message =
          registration.status === 'waitlisted'
            ? msg(str`已加入候补名单，您排在第 ${position} 位。`, { id: 'event.done.waitlisted' })
            : msg('报名成功。', { id: 'event.done.confirmed' });
        if (registration.status === 'confirmed' || registration.status === 'waitlisted') {
          this.host.dispatchEvent(
            new SmecEventRegisterEvent({
              eventId: event.id,
              registrationId: registration.id,
              status: registration.status,
            }),
          );
        }
      },
    );
  }

  private askCancel(event: ServiceEvent, registration: Registration): void {
    const when = formatTimeRange(event.startsAt, event.endsAt, this.inputs.locale());
    this.confirm.ask({
      title: msg('取消报名？', { id: 'event.cancel.title' }),
      text: msg(str`您将取消「${event.title}」（${when}）的报名。如需再参加，须重新报名，届时可能已没有名额。`, {
        id: 'event.cancel.text',
      }),
      confirm: msg('确认取消报名', { id: 'event.cancel.confirm' }),
      part: 'confirm-cancel-button',
      onConfirm: () => this.handleCancel(event, registration),
    });
  }

  private handleCancel(event: ServiceEvent, registration: Registration): void {
    const client = this.api.client;
    this.act(
      'events.cancelRegistration',
      event,
      (signal) => cancelRegistration(client, event.id, registration.id, signal),
      () => {
        this.acted = { eventId: event.id, value: null };
        this.message = msg('已取消报名。', { id: 'event.done.cancelled' });
        this.host.dispatchEvent(new SmecEventCancelEvent({ eventId: event.id, registrationId: registration.id }));
      },
    );
  }

  render(onClose: (event: Event) => void): TemplateResult | undefined {
    const listed = this.inputs.event();
    if (!listed) return undefined;
    const task = this.detailTask;
    const fresh = task.status === TaskStatus.COMPLETE ? task.value : undefined;
    const event = fresh && fresh.id === listed.id ? fresh : listed;
    const registration = this.registration;
    const { error } = this.action;
    return html`<dialog part="detail" class="detail" aria-labelledby="smec-detail-title" @close=${onClose}>
        <div class="dialog-head">
          <span class="muted">${msg('活动详情', { id: 'event.detail' })}</span>
          <button type="button" class="button" @click=${() => this.inputs.close()}>
            ${msg('关闭', { id: 'calendar.close' })}
          </button>
        </div>
        ${renderEventDetail({
          event,
          error: task.status === TaskStatus.ERROR ? task.error : undefined,
          locale: this.inputs.locale(),
          regionName: this.inputs.regionName(event.regionCode),
          icsUrl: this.api.client.events.icsUrl(event.id),
          registration,
          busy: this.action.busy,
          message: this.message,
          actionError: error ? describeEventError(error) : '',
          onRetry: () => void task.run(),
          onRegister: () => this.handleRegister(event),
          onCancel: () => typeof registration === 'object' && registration && this.askCancel(event, registration),
          onSignIn: () => this.host.dispatchEvent(new SmecAuthRequiredEvent({ eventId: event.id })),
        })}
      </dialog>
      ${this.confirm.render()}`;
  }
}
