import { msg } from '../../i18n/localization.js';
import type { ServiceEvent } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { formatDay, formatTime } from './calendar-dates.js';
import { eventTypeName, seatsText } from './event-texts.js';

export interface ListViewOptions {
  days: readonly [string, readonly ServiceEvent[]][];
  today: string;
  locale: string;
  busy: boolean;
  onOpenEvent: (event: ServiceEvent) => void;
}

/** The month's events grouped by day, in order: the view for narrow screens. */
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
                    <span class="event-time"
                      >${formatTime(event.startsAt, locale)}–${formatTime(event.endsAt, locale)}</span
                    >
                    <span class="event-title">${event.title}</span>
                    <span class="event-meta">${eventTypeName(event.type)} · ${seatsText(event, locale)}</span>
                  </button>
                </li>`,
            )}
          </ul>
        </li>`,
    )}
  </ol>`;
}
