import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { EventType, Registration, ServiceEvent } from '@smec/schemas';
import { EVENT_TYPES } from '@smec/schemas/rules';
import type { TokenProvider } from '@smec/sdk/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SmecAuthRequiredEvent } from '../../events/auth-required-event.js';
import { SmecErrorEvent } from '../../events/error-event.js';
import { SmecEventCancelEvent } from '../../events/event-cancel-event.js';
import { SmecEventRegisterEvent } from '../../events/event-register-event.js';
import { msg, resolveLocale, str } from '../../i18n/localization.js';
import { clientContext, OwnClientCache, type SmecClient, useResources } from '../../internal/client.js';
import { formatNumber } from '../../internal/format.js';
import { SmecElement } from '../../internal/smec-element.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderError } from '../catalog/status.js';
import {
  addDays,
  addMonths,
  firstOfMonth,
  formatDay,
  formatMonth,
  isMonth,
  monthOf,
  shanghaiDate,
  todayInShanghai,
  weekdayIndex,
} from './calendar-dates.js';
import styles from './event-calendar.styles.js';
import { renderEventDetail } from './event-detail.js';
import { describeActionError, eventTypeName } from './event-texts.js';
import {
  cancelRegistration,
  loadEvent,
  loadMonth,
  loadMyRegistration,
  loadRegions,
  register,
  type Regions,
} from './events-api.js';
import { renderListView } from './list-view.js';
import { renderEventButton, renderMonthView } from './month-view.js';
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
 *
 * @fires smec-event-register - {SmecEventRegisterEvent} The visitor registered or joined a waitlist.
 * @fires smec-event-cancel - {SmecEventCancelEvent} The visitor cancelled a registration.
 * @fires smec-auth-required - {SmecAuthRequiredEvent} A visitor who is not signed in pressed 「登录后报名」.
 * @fires smec-error - {SmecErrorEvent} The events could not be loaded (the widget shows the error too).
 *
 * @slot sign-in - The host's own sign-in link, shown in an event's detail to visitors who are not signed in.
 *
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
 * @csspart register-button - 报名 / 加入候补 / 取消报名 / 登录后报名.
 * @csspart ics-link - The 'add to my calendar' link.
 * @csspart action-status - The live outcome of a registration or cancellation.
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
export class SmecEventCalendar extends SmecElement {
  static override styles = [themeStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private stallTimer: ReturnType<typeof setTimeout> | undefined;
  private stalled = false;
  private resizeObserver: ResizeObserver | undefined;
  private actionController: AbortController | undefined;
  private readonly ownClients = new OwnClientCache();
  /** Where the focus goes back to when a dialog closes. */
  private returnFocus: HTMLElement | undefined;
  private pendingFocus: 'day' | 'detail' | 'day-dialog' | 'register-button' | undefined;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private rootClient?: SmecClient;

  @state() private narrow = false;
  @state() private focusedDate = '';
  @state() private openEvent: ServiceEvent | undefined;
  @state() private dayDialogDate: string | undefined;
  @state() private detailVersion = 0;
  @state() private meVersion = 0;
  /** The registration the last action returned, ahead of what `/me/registrations` said. */
  @state() private actedRegistration: { eventId: string; value: Registration | null } | undefined;
  @state() private actionBusy = false;
  @state() private actionMessage = '';
  @state() private actionError = '';

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

  private readonly regionsTask = new Task(this, {
    task: ([client], { signal }) => loadRegions(client, signal),
    args: () => [this.activeClient] as const,
  });

  private readonly monthTask = new Task(this, {
    task: ([client, month, region, type], { signal }) => this.loadMonthWithStall(client, month, region, type, signal),
    args: () => [this.activeClient, this.shownMonth, this.region || undefined, this.validType] as const,
  });

  private readonly detailTask = new Task(this, {
    task: async ([client, id], { signal }) => {
      if (!id) return initialState;
      return loadEvent(client, id, signal);
    },
    args: () => [this.activeClient, this.openEvent?.id, this.detailVersion] as const,
  });

  private readonly meTask = new Task(this, {
    task: async ([client, id], { signal }) => {
      if (!id) return initialState;
      // A client this element built without a token provider has nobody signed in: no need to hear a 401 say so.
      if (!this.client && !this.rootClient && !this.getToken) return undefined;
      return loadMyRegistration(client, id, signal);
    },
    args: () => [this.activeClient, this.openEvent?.id, this.meVersion] as const,
  });

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
    this.actionController?.abort();
    clearTimeout(this.stallTimer);
  }

  /** The client in use: the `client` property, else the enclosing root's, else one built from `api-base`. */
  private get activeClient(): SmecClient {
    if (this.client) return this.client;
    if (this.rootClient) return this.rootClient;
    return this.ownClients.get({ apiBase: this.apiBase, locale: resolveLocale(this), getToken: this.getToken });
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

  private async loadMonthWithStall(
    client: SmecClient,
    month: string,
    region: string | undefined,
    type: EventType | undefined,
    signal: AbortSignal,
  ): Promise<ServiceEvent[]> {
    this.stalled = false;
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => {
      this.stalled = true;
      this.requestUpdate();
    }, this.stalledAfter);
    try {
      return await loadMonth(client, { month, region, type }, signal);
    } catch (error) {
      if (!signal.aborted) this.dispatchEvent(new SmecErrorEvent(error, 'events.list'));
      throw error;
    } finally {
      if (!signal.aborted) {
        clearTimeout(this.stallTimer);
        this.stalled = false;
      }
    }
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
  }

  override updated(): void {
    const dayDialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.day-dialog');
    if (dayDialog && !dayDialog.open) dayDialog.showModal();
    const detail = this.renderRoot.querySelector<HTMLDialogElement>('dialog.detail');
    if (detail && !detail.open) detail.showModal();
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (focus === 'day') this.dayCell(this.focusedDate)?.focus();
    else if (focus === 'detail') this.renderRoot.querySelector<HTMLElement>('#smec-detail-title')?.focus();
    else if (focus === 'day-dialog') this.renderRoot.querySelector<HTMLElement>('#smec-day-title')?.focus();
    else if (focus === 'register-button') {
      this.renderRoot.querySelector<HTMLElement>('dialog.detail [part~="register-button"]')?.focus();
    }
  }

  private dayCell(date: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="gridcell"][data-date="${date}"]`);
  }

  private activeElement(): HTMLElement | undefined {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return active instanceof HTMLElement ? active : undefined;
  }

  private goToMonth(month: string, focusDate?: string): void {
    this.month = month;
    const today = todayInShanghai();
    this.focusedDate = focusDate ?? (monthOf(today) === month ? today : firstOfMonth(month));
  }

  private handlePrevious(): void {
    this.goToMonth(monthOf(addMonths(firstOfMonth(this.shownMonth), -1)));
  }

  private handleNext(): void {
    this.goToMonth(monthOf(addMonths(firstOfMonth(this.shownMonth), 1)));
  }

  private handleToday(): void {
    this.goToMonth(monthOf(todayInShanghai()));
  }

  private moveFocus(date: string): void {
    if (monthOf(date) !== this.shownMonth) this.month = monthOf(date);
    this.focusedDate = date;
    this.pendingFocus = 'day';
  }

  private readonly handleGridKeydown = (event: KeyboardEvent) => {
    const cell = event.target instanceof HTMLElement ? event.target : undefined;
    const date = cell?.getAttribute('role') === 'gridcell' ? cell.dataset['date'] : undefined;
    if (!date) return;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, -weekdayIndex(date)),
      End: () => addDays(date, 6 - weekdayIndex(date)),
      PageUp: () => addMonths(date, -1),
      PageDown: () => addMonths(date, 1),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.moveFocus(move());
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
    this.pendingFocus = 'day-dialog';
  }

  private openDetail(event: ServiceEvent, opener: HTMLElement | undefined): void {
    // From a day's dialog, the focus goes back to what opened that dialog.
    if (!this.dayDialogDate) this.returnFocus = opener;
    this.dayDialogDate = undefined;
    if (this.openEvent?.id !== event.id) {
      this.actedRegistration = undefined;
      this.actionMessage = '';
      this.actionError = '';
    }
    this.openEvent = event;
    this.pendingFocus = 'detail';
  }

  private readonly handleOpenEvent = (event: ServiceEvent) => this.openDetail(event, this.activeElement());

  private closeDialogs(): void {
    this.actionController?.abort();
    this.actionBusy = false;
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

  private get myRegistration(): Registration | null | undefined | 'loading' {
    const id = this.openEvent?.id;
    if (this.actedRegistration && this.actedRegistration.eventId === id) return this.actedRegistration.value;
    if (this.meTask.status === TaskStatus.COMPLETE) return this.meTask.value as Registration | null | undefined;
    if (this.meTask.status === TaskStatus.ERROR) return undefined;
    return 'loading';
  }

  private async runAction(work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.actionController?.abort();
    const controller = (this.actionController = new AbortController());
    this.actionBusy = true;
    this.actionMessage = '';
    this.actionError = '';
    try {
      await work(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.actionError = describeActionError(error);
      // The platform knows better: ask it again what this enterprise holds.
      this.actedRegistration = undefined;
      this.meVersion += 1;
      this.detailVersion += 1;
    } finally {
      if (!controller.signal.aborted) this.actionBusy = false;
    }
  }

  private handleRegister(): void {
    const event = this.openEvent;
    if (!event) return;
    const client = this.activeClient;
    void this.runAction(async (signal) => {
      const registration = await register(client, event.id, signal);
      this.actedRegistration = { eventId: event.id, value: registration };
      const position = formatNumber(registration.waitlistPosition ?? 0, this.locale);
      this.actionMessage =
        registration.status === 'waitlisted'
          ? msg(str`已加入候补名单，您排在第 ${position} 位。`, { id: 'event.done.waitlisted' })
          : msg('报名成功。', { id: 'event.done.confirmed' });
      this.detailVersion += 1;
      this.pendingFocus = 'register-button';
      if (registration.status === 'confirmed' || registration.status === 'waitlisted') {
        this.dispatchEvent(
          new SmecEventRegisterEvent({
            eventId: event.id,
            registrationId: registration.id,
            status: registration.status,
          }),
        );
      }
    });
  }

  private handleCancel(): void {
    const event = this.openEvent;
    const registration = this.myRegistration;
    if (!event || !registration || registration === 'loading') return;
    const client = this.activeClient;
    void this.runAction(async (signal) => {
      await cancelRegistration(client, event.id, registration.id, signal);
      this.actedRegistration = { eventId: event.id, value: null };
      this.actionMessage = msg('已取消报名。', { id: 'event.done.cancelled' });
      this.detailVersion += 1;
      this.pendingFocus = 'register-button';
      this.dispatchEvent(new SmecEventCancelEvent({ eventId: event.id, registrationId: registration.id }));
    });
  }

  private handleSignIn(): void {
    if (this.openEvent) this.dispatchEvent(new SmecAuthRequiredEvent({ eventId: this.openEvent.id }));
  }

  private icsUrl(id: string): string {
    return this.activeClient.events.icsUrl(id);
  }

  private eventsByDay(): Map<string, ServiceEvent[]> {
    const byDay = new Map<string, ServiceEvent[]>();
    const events = this.monthTask.status === TaskStatus.COMPLETE ? (this.monthTask.value ?? []) : [];
    for (const event of events) {
      const day = shanghaiDate(event.startsAt);
      const list = byDay.get(day);
      if (list) list.push(event);
      else byDay.set(day, [event]);
    }
    return byDay;
  }

  private regionName(code: string): string {
    return this.regionsTask.value?.byCode.get(code)?.name ?? code;
  }

  private statusText(count: number): string {
    const status = this.monthTask.status;
    if (status === TaskStatus.ERROR) return '';
    if (status !== TaskStatus.COMPLETE) {
      return this.stalled
        ? msg('加载较慢，请稍候…', { id: 'status.stalled' })
        : msg('正在加载…', { id: 'status.loading' });
    }
    if (count === 0) return msg('本月暂无活动', { id: 'calendar.empty' });
    const number = formatNumber(count, this.locale);
    return count === 1
      ? msg(str`本月共 ${number} 个活动`, { id: 'calendar.total.one' })
      : msg(str`本月共 ${number} 个活动`, { id: 'calendar.total' });
  }

  private renderToolbar() {
    const view = this.effectiveView;
    return html`<div part="toolbar" class="toolbar">
      <button type="button" class="button" @click=${this.handlePrevious}>
        <span aria-hidden="true">‹</span> ${msg('上个月', { id: 'calendar.previous' })}
      </button>
      <button type="button" class="button" @click=${this.handleToday}>${msg('今天', { id: 'calendar.today' })}</button>
      <button type="button" class="button" @click=${this.handleNext}>
        ${msg('下个月', { id: 'calendar.next' })} <span aria-hidden="true">›</span>
      </button>
      <h2 id="smec-month-title" part="month-title" class="month-title" aria-live="polite">
        ${formatMonth(this.shownMonth, this.locale)}
      </h2>
      <div class="views" role="group" aria-label=${msg('显示方式', { id: 'calendar.view' })}>
        <button
          type="button"
          class="button"
          aria-pressed=${view === 'month' ? 'true' : 'false'}
          @click=${() => (this.view = 'month')}
        >
          ${msg('月历', { id: 'calendar.view.month' })}
        </button>
        <button
          type="button"
          class="button"
          aria-pressed=${view === 'list' ? 'true' : 'false'}
          @click=${() => (this.view = 'list')}
        >
          ${msg('列表', { id: 'calendar.view.list' })}
        </button>
      </div>
    </div>`;
  }

  private renderFilters(regions: Regions | undefined) {
    const code = this.region || undefined;
    const region = code ? regions?.byCode.get(code) : undefined;
    const city = region?.level === 'county' ? (region.parentCode ?? undefined) : code;
    const county = region?.level === 'county' ? code : undefined;
    const counties = city
      ? [...(regions?.byCode.values() ?? [])].filter((r) => r.level === 'county' && r.parentCode === city)
      : [];
    return html`<div part="filters" class="filters">
      <label>
        ${msg('活动类型', { id: 'calendar.filter.type' })}
        <select
          @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            this.type = value ? (value as EventType) : undefined;
          }}
        >
          <option value="" ?selected=${!this.validType}>${msg('全部类型', { id: 'calendar.filter.allTypes' })}</option>
          ${EVENT_TYPES.map(
            (type) => html`<option value=${type} ?selected=${type === this.validType}>${eventTypeName(type)}</option>`,
          )}
        </select>
      </label>
      <label>
        ${msg('地市', { id: 'calendar.filter.city' })}
        <select @change=${(event: Event) => (this.region = (event.target as HTMLSelectElement).value || undefined)}>
          <option value="" ?selected=${!city}>${msg('全省', { id: 'calendar.filter.province' })}</option>
          ${(regions?.cities ?? []).map(
            (r) => html`<option value=${r.code} ?selected=${r.code === city}>${r.name}</option>`,
          )}
          ${city && !regions?.byCode.has(city) ? html`<option value=${city} selected>${city}</option>` : nothing}
        </select>
      </label>
      ${
        counties.length > 0
          ? html`<label>
              ${msg('区县', { id: 'calendar.filter.county' })}
              <select @change=${(event: Event) => (this.region = (event.target as HTMLSelectElement).value || city)}>
                <option value="" ?selected=${!county}>${msg('全市', { id: 'calendar.filter.wholeCity' })}</option>
                ${counties.map((r) => html`<option value=${r.code} ?selected=${r.code === county}>${r.name}</option>`)}
              </select>
            </label>`
          : nothing
      }
    </div>`;
  }

  private renderBody(byDay: Map<string, ServiceEvent[]>) {
    const status = this.monthTask.status;
    const busy = status === TaskStatus.PENDING || status === TaskStatus.INITIAL;
    const today = todayInShanghai();
    if (this.effectiveView === 'list') {
      if (status !== TaskStatus.COMPLETE) return nothing;
      if (byDay.size === 0) {
        return html`<p class="empty">${msg('本月暂无活动', { id: 'calendar.empty' })}</p>`;
      }
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
        ${events.map((event) => html`<li>${renderEventButton(event, this.locale, true, this.handleOpenEvent)}</li>`)}
      </ul>
    </dialog>`;
  }

  private renderDetailDialog() {
    const listed = this.openEvent;
    if (!listed) return nothing;
    const fresh = this.detailTask.status === TaskStatus.COMPLETE ? this.detailTask.value : undefined;
    const event = fresh && fresh.id === listed.id ? fresh : listed;
    return html`<dialog
      part="detail"
      class="detail"
      aria-labelledby="smec-detail-title"
      @close=${this.handleDialogClose}
    >
      <div class="dialog-head">
        <span class="muted">${msg('活动详情', { id: 'event.detail' })}</span>
        <button type="button" class="button" @click=${() => this.closeDialogs()}>
          ${msg('关闭', { id: 'calendar.close' })}
        </button>
      </div>
      ${renderEventDetail({
        event,
        error: this.detailTask.status === TaskStatus.ERROR ? this.detailTask.error : undefined,
        locale: this.locale,
        regionName: this.regionName(event.regionCode),
        icsUrl: this.icsUrl(event.id),
        registration: this.myRegistration,
        busy: this.actionBusy,
        message: this.actionMessage,
        actionError: this.actionError,
        onRetry: () => void this.detailTask.run(),
        onRegister: () => this.handleRegister(),
        onCancel: () => this.handleCancel(),
        onSignIn: () => this.handleSignIn(),
      })}
    </dialog>`;
  }

  override render() {
    const byDay = this.eventsByDay();
    const count = [...byDay.values()].reduce((sum, events) => sum + events.length, 0);
    const failed = this.monthTask.status === TaskStatus.ERROR;
    return html`<div part="base" class="base" lang=${this.locale}>
      ${this.renderToolbar()} ${this.renderFilters(this.regionsTask.value)}
      <p part="status" class="status" role="status" aria-live="polite">${this.statusText(count)}</p>
      <div role="alert">${failed ? renderError(this.monthTask.error, () => this.refresh()) : nothing}</div>
      ${this.renderBody(byDay)} ${this.renderDayDialog(byDay)} ${this.renderDetailDialog()}
    </div>`;
  }
}
