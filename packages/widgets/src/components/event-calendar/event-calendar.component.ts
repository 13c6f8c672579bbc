import { TaskStatus } from '@lit/task';
import type { EventType, ServiceEvent } from '@smec/schemas';
import { EVENT_TYPES } from '@smec/schemas/rules';
import type { TokenProvider } from '@smec/sdk/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientController } from '../../controllers/client-controller.js';
import { FocusController } from '../../controllers/focus-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { msg, str } from '../../i18n/localization.js';
import { type SmecClient, useResources } from '../../internal/client.js';
import { formatNumber } from '../../internal/format.js';
import { Lazy } from '../../internal/lazy.js';
import { SmecElement } from '../../internal/smec-element.js';
import { notificationHeadStyles, UnreadNotifications } from '../../notifications/unread-notifications.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { loadingText, renderEmpty } from '../../views/status-view.js';
import {
  addMonths,
  eventDays,
  firstOfMonth,
  formatDay,
  isMonth,
  lastOfMonth,
  monthOf,
  todayInShanghai,
} from './calendar-dates.js';
import { renderFilters, renderToolbar } from './calendar-toolbar.js';
import styles from './event-calendar.styles.js';
import type { EventRegistration } from './event-registration.js';
import { describeEventError } from './event-texts.js';
import { loadMonth, loadRegions } from './events-api.js';
import { renderListView } from './list-view.js';
import { dayAfterKey, renderEventButton, renderMonthView } from './month-view.js';
import { Events } from '@smec/sdk/core';

// The SDK calls this module makes (see internal/client.ts).
useResources({ events: Events });

/** Below this width (40rem at the default font size) the list view is the default. */
const NARROW_PX = 640;

/**
 * @summary A region's service-matching events, trainings, policy briefings and expert clinics, by month, with
 * registration for a signed-in enterprise.
 *
 * A month grid (weeks from Monday; the arrow keys move between days, Home/End to the week's ends, PageUp/PageDown
 * between months) or a list by day (the default on narrow screens); filters by type and region; an event's detail
 * with its time in Beijing time whatever the visitor's zone, its place or online link, seats left, and the
 * register / join waitlist / cancel action. Visitors who are not signed in get a sign-in prompt instead.
 *
 * Signing in is the host page's business: give `<smec-root>` (or this element) a `getToken`.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-event-register - {SmecEventRegisterEvent} The visitor registered or joined a waitlist.
 * @fires smec-event-cancel - {SmecEventCancelEvent} The visitor cancelled a registration.
 * @fires smec-auth-required - {SmecAuthRequiredEvent} A visitor who is not signed in pressed 「登录后报名」.
 * @fires smec-error - {SmecErrorEvent} The events could not be loaded, or a registration or cancellation failed (the
 * widget shows it too).
 *
 * @slot sign-in - The host's own sign-in link, shown in an event's detail to visitors who are not signed in.
 *
 * @csspart notifications-button - 「消息 (N)」 with the count of unread notifications, for a signed-in enterprise or provider user.
 * @csspart notifications - The list of notifications that 「消息」 opens.
 * @csspart notification - One notification; `data-read` says whether it was read.
 * @csspart notification-link - 「查看」: what the notification is about, where the widget shows it.
 * @csspart notification-read-button - 「标为已读」.
 * @csspart notifications-more-button - 「加载更多」 under the notifications.
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - Previous / today / next, the month title and the view switch.
 * @csspart month-title - The month shown (announced when it changes).
 * @csspart filters - The type and region filters.
 * @csspart status - The live region with the loading state or the number of events.
 * @csspart grid - The month grid.
 * @csspart day - One day of the grid.
 * @csspart today - Today's cell (with `day`).
 * @csspart event - One event's button, in the grid, the list or a day's dialog.
 * @csspart more-button - A busy day's '+N' button.
 * @csspart day-dialog - The dialog with all of one day's events.
 * @csspart list - The list view.
 * @csspart detail - The event's detail dialog.
 * @csspart experts - In an expert clinic's detail, the experts it names.
 * @csspart register-button - 报名 / 加入候补 / 取消报名 / 登录后报名.
 * @csspart ics-link - The 'add to my calendar' link.
 * @csspart action-status - The live outcome of a registration or cancellation.
 * @csspart confirm-dialog - The question before 取消报名.
 * @csspart confirm-cancel-button - 「确认取消报名」.
 * @csspart dismiss-button - The question's 「返回」.
 * @csspart error - An error message box.
 * @csspart retry-button - The error box's retry button.
 *
 * @cssproperty --smec-color-primary - Buttons, links, today and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-subtle - Background of headers and neighbouring days.
 * @cssproperty --smec-color-border - Borders of the grid, fields and buttons.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-event-matching - The mark of service-matching events (and likewise `--smec-event-training`,
 * `--smec-event-policy-briefing`, `--smec-event-expert-clinic`).
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
// The detail dialog and the registration arrive when a visitor first opens an event: most visits only look.
const detailModule = new Lazy(() => import('./event-registration.js'));

export class SmecEventCalendar extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles, notificationHeadStyles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private resizeObserver: ResizeObserver | undefined;
  /** Where the focus goes back to when a dialog closes. */
  private returnFocus: HTMLElement | undefined;

  private readonly api = new ClientController(this);
  // The dialogs open before the focus moves into them.
  private readonly modal = new ModalController(this);
  private readonly focusing = new FocusController(this);

  @state() private narrow = false;
  @state() private focusedDate = '';
  @state() private openEvent: ServiceEvent | undefined;
  @state() private dayDialogDate: string | undefined;

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** Region (GB/T 2260 code of a city or county, e.g. `440600`); its events and those of the regions below it. */
  @property() region?: string;

  /** Only events of this type: `matching`, `training`, `policyBriefing` or `expertClinic`. */
  @property() type?: EventType;

  /** `month` or `list`; by default the month grid, or the list when the widget is narrower than 40rem. */
  @property({ reflect: true }) view?: 'month' | 'list';

  /** The month shown, `YYYY-MM`; by default the current month in Beijing time. */
  @property() month?: string;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** After how many milliseconds of loading the widget says that loading is slow. */
  @property({ attribute: 'stalled-after', type: Number }) stalledAfter = 3000;

  private readonly regionsTask = new LoadTask(this, {
    task: ([client], { signal }) => loadRegions(client, signal),
    args: () => [this.api.client] as const,
  });

  private readonly monthTask = new LoadTask(this, {
    task: ([client, month, region, type], { signal }) => loadMonth(client, { month, region, type }, signal),
    args: () => [this.api.client, this.shownMonth, this.region || undefined, this.validType] as const,
    operation: 'events.list',
  });

  /** 「消息 (N)」, only for a signed-in enterprise or provider user: a visitor's calendar asks nothing more. */
  private readonly unread = new UnreadNotifications(this, this.api);

  /** The open event's detail and registration, once its module has arrived. */
  private registration: EventRegistration | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver ??= new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      // A frame later: switching views resizes the element, which must not happen inside the observer's callback.
      if (width > 0) requestAnimationFrame(() => (this.narrow = width < NARROW_PX));
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  private get shownMonth(): string {
    return isMonth(this.month) ? this.month : monthOf(todayInShanghai());
  }

  private get validType(): EventType | undefined {
    return (EVENT_TYPES as readonly string[]).includes(this.type ?? '') ? this.type : undefined;
  }

  private get effectiveView(): 'month' | 'list' {
    if (this.view === 'month' || this.view === 'list') return this.view;
    return this.narrow ? 'list' : 'month';
  }

  /** Reloads the month (the retry button does this). */
  refresh(): void {
    void this.monthTask.run();
  }

  override willUpdate(changed: PropertyValues): void {
    // The roving tab stop stays inside the month shown: today when it is this month, else the first day.
    const month = this.shownMonth;
    if (changed.has('month') || !this.focusedDate || monthOf(this.focusedDate) !== month) {
      if (monthOf(this.focusedDate) !== month) {
        const today = todayInShanghai();
        this.focusedDate = monthOf(today) === month ? today : firstOfMonth(month);
      }
    }
    const module = this.openEvent && !this.registration && detailModule.get(this);
    if (module) {
      this.registration = new module.EventRegistration(this, this.api, {
        event: () => this.openEvent,
        locale: () => this.locale,
        regionName: (code) => this.regionsTask.value?.byCode.get(code)?.name ?? code,
        focusButton: () => this.focusing.later('dialog.detail [part~="register-button"]'),
        close: () => this.closeDialogs(),
      });
    }
  }

  private dayCell(date: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="gridcell"][data-date="${date}"]`);
  }

  private activeElement(): HTMLElement | undefined {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return active instanceof HTMLElement ? active : undefined;
  }

  private goToMonth(month: string): void {
    this.month = month;
    const today = todayInShanghai();
    this.focusedDate = monthOf(today) === month ? today : firstOfMonth(month);
  }

  private moveFocus(date: string): void {
    if (monthOf(date) !== this.shownMonth) this.month = monthOf(date);
    this.focusedDate = date;
    this.focusing.later(`[role="gridcell"][data-date="${date}"]`);
  }

  private readonly handleGridKeydown = (event: KeyboardEvent) => {
    const cell = event.target instanceof HTMLElement ? event.target : undefined;
    const date = cell?.getAttribute('role') === 'gridcell' ? cell.dataset['date'] : undefined;
    if (!date) return;
    const next = dayAfterKey(event.key, date);
    if (next) {
      event.preventDefault();
      this.moveFocus(next);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      const events = this.eventsByDay().get(date) ?? [];
      if (events.length === 0) return;
      event.preventDefault();
      const [only] = events;
      if (events.length === 1 && only) this.openDetail(only, cell);
      else this.openDay(date, cell);
    }
  };

  private openDay(date: string, opener: HTMLElement | undefined): void {
    this.returnFocus = opener;
    this.dayDialogDate = date;
    this.focusing.later('#smec-day-title');
  }

  private openDetail(event: ServiceEvent, opener: HTMLElement | undefined): void {
    // From a day's dialog, the focus goes back to what opened that dialog.
    if (!this.dayDialogDate) this.returnFocus = opener;
    this.dayDialogDate = undefined;
    this.openEvent = event;
    // The first time, once the detail's module has arrived.
    this.focusing.later('#smec-detail-title', () => !this.registration);
  }

  private readonly handleOpenEvent = (event: ServiceEvent) => this.openDetail(event, this.activeElement());

  private closeDialogs(): void {
    this.openEvent = undefined;
    this.dayDialogDate = undefined;
    const target = this.returnFocus?.isConnected ? this.returnFocus : this.dayCell(this.focusedDate);
    this.returnFocus = undefined;
    void this.updateComplete.then(() => target?.focus());
  }

  private readonly handleDialogClose = (event: Event) => {
    // Escape (the dialog's cancel) and the close button both end here; a dialog replaced by the detail does not.
    const dialog = event.currentTarget as HTMLDialogElement;
    if (dialog.classList.contains('day-dialog') && this.openEvent && !this.dayDialogDate) return;
    this.closeDialogs();
  };

  /** Each day of the shown month with the events running on it: an event of several days is on each of them. */
  private eventsByDay(): Map<string, ServiceEvent[]> {
    const byDay = new Map<string, ServiceEvent[]>();
    const events = this.monthTask.status === TaskStatus.COMPLETE ? (this.monthTask.value ?? []) : [];
    const month = this.shownMonth;
    for (const event of events) {
      for (const day of eventDays(event.startsAt, event.endsAt, firstOfMonth(month), lastOfMonth(month))) {
        const list = byDay.get(day);
        if (list) list.push(event);
        else byDay.set(day, [event]);
      }
    }
    return byDay;
  }

  private statusText(count: number): string {
    const task = this.monthTask;
    if (task.status === TaskStatus.ERROR) return '';
    if (task.status !== TaskStatus.COMPLETE) return loadingText(task.stalled);
    if (count === 0) return msg('本月暂无活动', { id: 'calendar.empty' });
    const number = formatNumber(count, this.locale);
    return count === 1
      ? msg(str`本月共 ${number} 个活动`, { id: 'calendar.total.one' })
      : msg(str`本月共 ${number} 个活动`, { id: 'calendar.total' });
  }

  private renderBody(byDay: Map<string, ServiceEvent[]>) {
    const status = this.monthTask.status;
    const busy = status === TaskStatus.PENDING || status === TaskStatus.INITIAL;
    const today = todayInShanghai();
    if (this.effectiveView === 'list') {
      if (status !== TaskStatus.COMPLETE) return renderSkeleton();
      if (byDay.size === 0) return renderEmpty(msg('本月暂无活动', { id: 'calendar.empty' }));
      return renderListView({
        days: [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)),
        today,
        locale: this.locale,
        busy,
        onOpenEvent: this.handleOpenEvent,
      });
    }
    return renderMonthView({
      month: this.shownMonth,
      eventsByDay: byDay,
      today,
      focusedDate: this.focusedDate,
      locale: this.locale,
      busy,
      onKeydown: this.handleGridKeydown,
      onFocusDay: (date) => {
        if (this.focusedDate !== date) this.focusedDate = date;
      },
      onOpenEvent: this.handleOpenEvent,
      onMore: (date) => this.openDay(date, this.activeElement()),
    });
  }

  private renderDayDialog(byDay: Map<string, ServiceEvent[]>) {
    const date = this.dayDialogDate;
    if (!date) return nothing;
    const events = byDay.get(date) ?? [];
    return html`<dialog
      part="day-dialog"
      class="day-dialog"
      aria-labelledby="smec-day-title"
      @close=${this.handleDialogClose}
    >
      <div class="dialog-head">
        <h2 id="smec-day-title" class="day-title" tabindex="-1">${formatDay(date, this.locale)}</h2>
        <button type="button" class="button" @click=${() => this.closeDialogs()}>
          ${msg('关闭', { id: 'calendar.close' })}
        </button>
      </div>
      <ul class="day-list">
        ${events.map(
          (event) => html`<li>${renderEventButton(event, date, this.locale, true, this.handleOpenEvent)}</li>`,
        )}
      </ul>
    </dialog>`;
  }

  override render() {
    const byDay = this.eventsByDay();
    // The events shown, each once however many days it runs.
    const count = new Set([...byDay.values()].flat().map((event) => event.id)).size;
    const failed = this.monthTask.status === TaskStatus.ERROR;
    // Read when clicked: two clicks before the next render move two months.
    const next = (months: number) => this.goToMonth(monthOf(addMonths(firstOfMonth(this.shownMonth), months)));
    return html`<div part="base" class="base" lang=${this.locale}>
      ${renderToolbar({
        month: this.shownMonth,
        view: this.effectiveView,
        locale: this.locale,
        onPrevious: () => next(-1),
        onToday: () => this.goToMonth(monthOf(todayInShanghai())),
        onNext: () => next(1),
        onView: (view) => (this.view = view),
      })}
      ${renderFilters({
        regions: this.regionsTask.value,
        region: this.region || undefined,
        type: this.validType,
        onType: (type) => (this.type = type),
        onRegion: (region) => (this.region = region),
      })}
      <div class="head">
        <p part="status" class="status" role="status" aria-live="polite">${this.statusText(count)}</p>
        ${this.unread.renderButton()}
      </div>
      ${this.unread.renderPanel()}
      <div role="alert">
        ${failed ? renderError(this.monthTask.error, () => this.refresh(), describeEventError) : nothing}
      </div>
      ${this.renderBody(byDay)} ${this.renderDayDialog(byDay)}
      ${
        this.openEvent
          ? (this.registration?.render(this.handleDialogClose) ?? detailModule.render(this, () => nothing))
          : nothing
      }
    </div>`;
  }
}
