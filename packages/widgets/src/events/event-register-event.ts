/**
 * Fired when the signed-in visitor has registered for an event or joined its waitlist (never for a change made by
 * code). Bubbles out of the shadow root.
 *
 * @example
 * calendar.addEventListener('smec-event-register', (event) => console.log(event.detail.status));
 */
export class SmecEventRegisterEvent extends CustomEvent<{
  eventId: string;
  registrationId: string;
  status: 'confirmed' | 'waitlisted';
}> {
  static readonly eventName = 'smec-event-register';

  constructor(detail: { eventId: string; registrationId: string; status: 'confirmed' | 'waitlisted' }) {
    super(SmecEventRegisterEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-event-register': SmecEventRegisterEvent;
  }
}
