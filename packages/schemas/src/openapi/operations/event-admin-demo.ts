/**
 * The seeded events of the centers' examples, all run by enterprise A's (`usr-ent-01`'s) city: a draft to edit and
 * publish, one held today where A's confirmed registration is checked in by its code, and one held two days ago that
 * A attended and has not rated yet.
 */
export const DEMO_STAFF_EVENTS = {
  draft: 'evt-demo-draft',
  today: 'evt-demo-today',
  past: 'evt-demo-past',
  /** A's registration for today's event and the code it shows at the door. */
  todayRegistration: 'reg-demo-today',
  checkInCode: 'CHECKPASS2',
  /** A's attendance of the past event, not rated yet. */
  pastRegistration: 'reg-demo-past',
} as const;
