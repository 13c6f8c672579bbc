// Calendar arithmetic in Asia/Shanghai, where the platform's days, deadlines and years are counted. The Shanghai day
// of an instant and the offset are the schemas' rules (@smec/schemas/rules), shared with the widgets.
import { SHANGHAI_OFFSET_MS, shanghaiDayOf } from '@smec/schemas/rules';

const DAY = 86_400_000;

export { SHANGHAI_OFFSET_MS };

/** An ISO 8601 instant shown in Asia/Shanghai, e.g. `2025-03-04T10:15:00+08:00`. */
export function shanghaiDateTime(ms: number): string {
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDay(ms: number): string {
  return shanghaiDayOf(ms);
}

/** The calendar year in Asia/Shanghai of an instant. */
export function shanghaiYear(ms: number): number {
  return new Date(ms + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

/** The Shanghai midnight of the day `offset` whole days after the Shanghai day of `ms`. */
export function dayStart(ms: number, offset = 0): number {
  const local = ms + SHANGHAI_OFFSET_MS;
  return local - (((local % DAY) + DAY) % DAY) - SHANGHAI_OFFSET_MS + offset * DAY;
}

/** The Shanghai midnight of 1 January of `year`, plus `days` days. */
export function yearStart(year: number, days = 0): number {
  return Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS + days * DAY;
}
