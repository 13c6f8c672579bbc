import { SmecEventCalendar } from '../components/event-calendar/event-calendar.component.js';

export { SmecEventCalendar };
SmecEventCalendar.define('smec-event-calendar');

declare global {
  interface HTMLElementTagNameMap {
    'smec-event-calendar': SmecEventCalendar;
  }
}
