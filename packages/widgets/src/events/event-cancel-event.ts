/** Fired when the signed-in visitor has cancelled a registration (never for a change made by code). Bubbles out. */
export class SmecEventCancelEvent extends CustomEvent<{ eventId: string; registrationId: string }> {
  static readonly eventName = 'smec-event-cancel';

  constructor(detail: { eventId: string; registrationId: string }) {
    super(SmecEventCancelEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-event-cancel': SmecEventCancelEvent;
  }
}
