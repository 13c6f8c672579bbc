import { msg, str } from '../../i18n/localization.js';
import type { ServiceEvent } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../internal/format.js';
import {
  addDays,
  addMonths,
  formatDay,
  formatTime,
  monthWeeks,
  shanghaiDate,
  weekdayIndex,
  weekdayNames,
} from './calendar-dates.js';
import { eventTypeName } from './event-texts.js';

/** A day shows this many events when it has more than MAX_SHOWN; the rest are behind its '+N' button. */
const SHOWN_WHEN_BUSY = 2;
const MAX_SHOWN = 3;

export interface MonthViewOptions {
  month: string;
  eventsByDay: ReadonlyMap<string, readonly ServiceEvent[]>;
  today: string;
  /** The day that holds the grid's single tab stop. */
  focusedDate: string;
  locale: string;
  busy: boolean;
  onKeydown: (event: KeyboardEvent) => void;
  onFocusDay: (date: string) => void;
  onOpenEvent: (event: ServiceEvent) => void;
  onMore: (date: string) => void;
}

export function dayLabel(date: string, count: number, today: boolean, locale: string): string {
  const parts = [formatDay(date, locale)];
  if (today) parts.push(msg('今天', { id: 'calendar.today.label' }));
  if (count > 0) {
    const number = formatNumber(count, locale);
    parts.push(
      count === 1
        ? msg(str`${number} 个活动`, { id: 'calendar.dayEvents.one' })
        : msg(str`${number} 个活动`, { id: 'calendar.dayEvents' }),
    );
  }
  return parts.join(msg('，', { id: 'calendar.separator' }));
}

/** An event's button in the cell of `date`: its start time on its first day, 「续」 on the days it continues. */
export function renderEventButton(
  event: ServiceEvent,
  date: string,
  locale: string,
  tabbable: boolean,
  onOpen: (event: ServiceEvent) => void,
): TemplateResult {
  return html`<button
    type="button"
    part="event"
    class="event type-${event.type}"
    data-event-id=${event.id}
    tabindex=${tabbable ? '0' : '-1'}
    @click=${() => onOpen(event)}
  >
    <span class="event-time"
      >${
        shanghaiDate(event.startsAt) === date
          ? formatTime(event.startsAt, locale)
          : msg('续', { id: 'calendar.continued' })
      }</span
    >
    <span class="event-title">${event.title}</span>
    <span class="sr-only">${eventTypeName(event.type)}</span>
  </button>`;
}

function renderDay(date: string | undefined, options: MonthViewOptions): TemplateResult {
  if (!date) return html`<div role="gridcell" class="day day-outside"></div>`;
  const { eventsByDay, today, focusedDate, locale } = options;
  const events = eventsByDay.get(date) ?? [];
  const isToday = date === today;
  const focused = date === focusedDate;
  const shown = events.length > MAX_SHOWN ? events.slice(0, SHOWN_WHEN_BUSY) : events;
  const hidden = events.length - shown.length;
  const dayNumber = Number(date.slice(8));
  const count = events.length;
  // The cell is named by its own content (visible day number, today badge) plus a hidden full date and count.
  return html`<div
    role="gridcell"
    part=${isToday ? 'day today' : 'day'}
    class="day ${isToday ? 'is-today' : ''}"
    data-date=${date}
    tabindex=${focused ? '0' : '-1'}
    aria-current=${isToday ? 'date' : nothing}
    aria-selected=${focused ? 'true' : 'false'}
    @focus=${(event: FocusEvent) => {
      if (event.target === event.currentTarget) options.onFocusDay(date);
    }}
  >
    <span class="day-number"
      ><span aria-hidden="true">${dayNumber}</span
      ><span class="sr-only">${dayLabel(date, count, false, locale)}</span
      >${isToday ? html`<span class="today-badge">${msg('今天', { id: 'calendar.today.label' })}</span>` : nothing}</span
    >
    ${shown.map((event) => renderEventButton(event, date, locale, focused, options.onOpenEvent))}
    ${
      hidden > 0
        ? html`<button
            type="button"
            part="more-button"
            class="more"
            tabindex=${focused ? '0' : '-1'}
            @click=${() => options.onMore(date)}
          >
            +${formatNumber(hidden, locale)}<span class="sr-only"
              >${msg(str`，查看${formatDay(date, locale)}的全部 ${count} 个活动`, { id: 'calendar.more.label' })}</span
            >
          </button>`
        : nothing
    }
  </div>`;
}

/**
 * Where a key moves the grid's focus from `date`: a day with the arrows, the week's ends with Home and End, a month
 * with PageUp and PageDown (the APG's date grid). Undefined for any other key.
 */
export function dayAfterKey(key: string, date: string): string | undefined {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -weekdayIndex(date));
    case 'End':
      return addDays(date, 6 - weekdayIndex(date));
    case 'PageUp':
      return addMonths(date, -1);
    case 'PageDown':
      return addMonths(date, 1);
  }
  return undefined;
}

/** The month grid: weeks from Monday, one gridcell a day, a roving tab stop moved with the arrow keys. */
export function renderMonthView(options: MonthViewOptions): TemplateResult {
  const names = weekdayNames(options.locale);
  return html`<div
    part="grid"
    class="grid"
    role="grid"
    aria-labelledby="smec-month-title"
    aria-busy=${options.busy ? 'true' : 'false'}
    @keydown=${options.onKeydown}
  >
    <div role="row" class="week weekdays">
      ${names.map(
        (name) =>
          html`<div role="columnheader" class="weekday" aria-label=${name.full}>
            <abbr title=${name.full}>${name.short}</abbr>
          </div>`,
      )}
    </div>
    ${monthWeeks(options.month).map(
      (week) => html`<div role="row" class="week">${week.map((date) => renderDay(date, options))}</div>`,
    )}
  </div>`;
}
