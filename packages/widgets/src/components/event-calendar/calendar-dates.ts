import { shanghaiDayOf } from '@smec/schemas/rules';
import { TIME_ZONE } from '../../internal/format.js';

// Calendar dates are plain `YYYY-MM-DD` strings and months `YYYY-MM`: the calendar is Guangdong's, so no date here
// ever passes through the visitor's own time zone (the platform's one Shanghai day, @smec/schemas/rules).

/** The date in Asia/Shanghai of an instant: `2026-11-27T18:00:00Z` → `2026-11-28`. */
export function shanghaiDate(instant: string | number | Date): string {
  return shanghaiDayOf(new Date(instant));
}

export { todayInShanghai } from '@smec/schemas/rules';

/**
 * The days in Asia/Shanghai an event runs on, from its start's to its end's, kept to `first`…`last`: a training
 * from 30 November to 2 December is on three days. An end at midnight is the end of the day before.
 */
export function eventDays(startsAt: string, endsAt: string, first: string, last: string): string[] {
  const start = Date.parse(startsAt);
  const end = Math.max(start, Date.parse(endsAt) - 1);
  const days: string[] = [];
  for (let day = shanghaiDate(start); day <= shanghaiDate(end); day = addDays(day, 1)) {
    if (day > last) break;
    if (day >= first) days.push(day);
  }
  return days;
}

export function isMonth(value: string | undefined): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

function parts(date: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return [y, m, d];
}

function utc(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d));
}

function toDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addDays(date: string, days: number): string {
  const value = utc(date);
  value.setUTCDate(value.getUTCDate() + days);
  return toDate(value);
}

/** The same day of another month, clamped to that month's length (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const length = daysInMonth(toDate(first).slice(0, 7));
  first.setUTCDate(Math.min(d, length));
  return toDate(first);
}

export function daysInMonth(month: string): number {
  const [y, m] = parts(`${month}-01`);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function firstOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastOfMonth(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

/** 0 for Monday … 6 for Sunday: the week starts on Monday, as in China. */
export function weekdayIndex(date: string): number {
  return (utc(date).getUTCDay() + 6) % 7;
}

/** The weeks of a month's grid, Monday first; days of the neighbouring months are `undefined`. */
export function monthWeeks(month: string): (string | undefined)[][] {
  const first = firstOfMonth(month);
  const cells: (string | undefined)[] = Array.from({ length: weekdayIndex(first) }, () => undefined);
  const count = daysInMonth(month);
  for (let day = 0; day < count; day += 1) cells.push(addDays(first, day));
  while (cells.length % 7 !== 0) cells.push(undefined);
  const weeks: (string | undefined)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let value = formats.get(key);
  if (!value) formats.set(key, (value = new Intl.DateTimeFormat(locale, options)));
  return value;
}

// A calendar date is formatted as midnight UTC in UTC: the date itself, whatever the visitor's zone.
export function formatMonth(month: string, locale: string): string {
  return format(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc(firstOfMonth(month)));
}

export function formatDay(date: string, locale: string): string {
  return format(locale, { month: 'long', day: 'numeric', weekday: 'long', timeZone: 'UTC' }).format(utc(date));
}

/** The weekday headers, Monday first: short (一 / Mon) and full (星期一 / Monday). */
export function weekdayNames(locale: string): { short: string; full: string }[] {
  const chinese = locale.startsWith('zh');
  const short = format(locale, { weekday: chinese ? 'narrow' : 'short', timeZone: 'UTC' });
  const full = format(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = utc(addDays('2024-01-01', i));
    return { short: short.format(day), full: full.format(day) };
  });
}

/** `14:00` in Asia/Shanghai, whatever the visitor's own zone. */
export function formatTime(instant: string, locale: string): string {
  return format(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(
    new Date(instant),
  );
}

/** `2026年11月28日星期六 14:00–16:30`, in Asia/Shanghai; an event over several days shows both dates. */
export function formatTimeRange(startsAt: string, endsAt: string, locale: string): string {
  const startDay = shanghaiDate(startsAt);
  const endDay = shanghaiDate(endsAt);
  const date = (instant: string) =>
    format(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', timeZone: TIME_ZONE }).format(
      new Date(instant),
    );
  if (startDay === endDay) return `${date(startsAt)} ${formatTime(startsAt, locale)}–${formatTime(endsAt, locale)}`;
  return `${date(startsAt)} ${formatTime(startsAt, locale)} – ${date(endsAt)} ${formatTime(endsAt, locale)}`;
}

/** A moment such as a registration deadline: `11月20日 18:00`. */
export function formatMoment(instant: string, locale: string): string {
  return format(locale, {
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(new Date(instant));
}
