// The one clock of the server. Every "now" (claim and registration windows, expiry sweeps, due dates, tracking
// numbers, the scorecard's "so far this year", health, the seed's as-of instant) is read from a Clock handed in,
// never from Date.now() or SQL now() inside a store, so a demo can be shown on a given day and a test can stand on
// any day of the calendar.

export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
}

/** The real time. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still at `instant` (ms since the epoch, or an RFC 3339 string). */
export function fixedClock(instant: number | string): Clock {
  const ms = typeof instant === 'number' ? instant : parseInstant(instant, 'the clock');
  return { now: () => ms };
}

// RFC 3339: a date, a time and an offset (Z or ±hh:mm). A bare date or a time without offset is ambiguous about the
// day in Shanghai, so it is refused rather than read in the machine's own time zone.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 instant with an offset, e.g. `2029-02-12T10:00:00+08:00`; throws naming `what` otherwise. */
export function parseInstant(value: string, what: string): number {
  const trimmed = value.trim();
  const ms = RFC3339.test(trimmed) ? Date.parse(trimmed.replace(' ', 'T')) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new Error(`${what} must be an RFC 3339 instant with an offset, e.g. 2029-02-12T10:00:00+08:00, not ${value}`);
  }
  return ms;
}

/** `SMEC_NOW` pins the clock to an instant; unset or empty, the clock is the real one. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const pinned = env['SMEC_NOW'];
  return pinned === undefined || pinned.trim() === '' ? systemClock : fixedClock(parseInstant(pinned, 'SMEC_NOW'));
}
