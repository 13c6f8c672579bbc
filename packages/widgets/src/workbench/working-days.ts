// Working days between two calendar days, as the workbenches count them. The platform's holiday calendar stays on the
// server (it answers each follow-up's `dueOn` with it): here only weekends are skipped, which can only make a due
// date look nearer, never let one slip past unflagged.

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function isWeekend(dayNo: number): boolean {
  // Day 0 of the epoch (1970-01-01) was a Thursday.
  const weekday = (dayNo + 4) % 7;
  return weekday === 0 || weekday === 6;
}

/**
 * The working days after `today` up to and including `due` (both YYYY-MM-DD): 0 when it is due today, negative
 * when it is overdue (every day past counts then).
 */
export function workingDaysUntil(today: string, due: string): number {
  const from = dayNumber(today);
  const to = dayNumber(due);
  if (to <= from) return to - from;
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (!isWeekend(day)) count++;
  return count;
}
