// The package is CommonJS: Node exposes only its default export to an ES module.
import chineseDays from 'chinese-days';
import { FOLLOW_UP_WORKING_DAYS } from '@smec/schemas/rules';
import { shanghaiDay } from './shanghai.js';

// A rule the widgets state too (a follow-up's 15 working days); the seed's due dates count with it.
export { FOLLOW_UP_WORKING_DAYS };

const DAY = 86_400_000;

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

/**
 * Whether the mainland works on a day: weekends off, official holidays off, make-up working days (调休) on, as the
 * `chinese-days` package publishes them. For years its data does not cover yet (after 2026 in version 1.5) the
 * package answers by the weekday alone, so such due dates ignore holidays until the package is updated.
 */
export function isWorkingDay(day: string): boolean {
  return chineseDays.isWorkday(day);
}

/** The day that is `count` working days after `day` (not counting `day` itself). */
export function addWorkingDays(day: string, count: number): string {
  let current = day;
  for (let left = count; left > 0;) {
    current = nextDay(current);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** The last day to answer a follow-up opened at `ms`: 15 working days after that day in Asia/Shanghai. */
export function followUpDueOn(ms: number): string {
  return addWorkingDays(shanghaiDay(ms), FOLLOW_UP_WORKING_DAYS);
}

/**
 * The instant `count` working days after `ms`: the same time of day in Asia/Shanghai, on the `count`th working day
 * after that day. A demand submitted on Friday at 10:00 with 2 days is due on Tuesday at 10:00.
 */
export function workingDaysAfter(ms: number, count: number): number {
  const day = shanghaiDay(ms);
  return ms + (Date.parse(`${addWorkingDays(day, count)}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`));
}
