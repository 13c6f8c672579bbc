// The platform's calendar is Asia/Shanghai's: its days, deadlines and years. China has kept +08:00 without daylight
// saving time since 1991, so a fixed offset is exact for every instant the platform deals with, and no time-zone
// database is needed (a browser or a Node built without full ICU may not have one).

/** Asia/Shanghai's offset from UTC, in milliseconds. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai of an instant: a Date or milliseconds since the epoch. */
export function shanghaiDayOf(instant: Date | number): string {
  // A Date's number is its epoch milliseconds.
  return new Date(Number(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
