import { msg } from '../../i18n/localization.js';
import type { ServiceEvent } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { formatDay, formatTime, formatTimeRange, shanghaiDate } from './calendar-dates.js';
import { eventTypeName, seatsText, windowState, windowText } from './event-texts.js';

export interface ListViewOptions {
  days: readonly [string, readonly ServiceEvent[]][];
  today: string;
  locale: string;
  busy: boolean;
  onOpenEvent: (event: ServiceEvent) => void;
}

/** `09:00–11:00`; for an event of several days its first and last days too, on each day it is listed under. */
function timeOf(event: ServiceEvent, locale: string): string {
  if (shanghaiDate(event.startsAt) === shanghaiDate(Date.parse(event.endsAt) - 1)) {
    return `${formatTime(event.startsAt, locale)}–${formatTime(event.endsAt, locale)}`;
  }
  return formatTimeRange(event.startsAt, event.endsAt, locale);
}

/** The month's events grouped by day, in order: the view for narrow screens. */
/** Seats left while registration is open; otherwise when it opens, or that it has closed (seats no longer count). */
function listedSeats(event: ServiceEvent, locale: string): string {
  return windowState(event) === 'open' ? seatsText(event, locale) : windowText(event, locale);
}

export function renderListView(options: ListViewOptions): TemplateResult {
  const { days, today, locale } = options;
  return html`<ol part="list" class="list" aria-busy=${options.busy ? 'true' : 'false'}>
    ${days.map(
      ([date, events]) =>
        html`<li class="list-day">
          <h3 class="list-date" aria-current=${date === today ? 'date' : 'false'}>
            ${formatDay(date, locale)}
            ${date === today ? html`<span class="today-badge">${msg('今天', { id: 'calendar.today.label' })}</span>` : ''}
          </h3>
          <ul class="list-events">
            ${events.map(
              (event) =>
                html`<li>
                  <button
                    type="button"
                    part="event"
                    class="list-event type-${event.type}"
                    data-event-id=${event.id}
                    @click=${() => options.onOpenEvent(event)}
                  >
                    <span class="event-time">${timeOf(event, locale)}</span>
                    <span class="event-title">${event.title}</span>
                    <span class="event-meta">${eventTypeName(event.type)} · ${listedSeats(event, locale)}</span>
                  </button>
                </li>`,
            )}
          </ul>
        </li>`,
    )}
  </ol>`;
}
