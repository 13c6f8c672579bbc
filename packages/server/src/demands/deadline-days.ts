// A demand's deadlines: how many working days its center has to accept it and to match it first, and the instants
// they fall on. The instants are stored with the demand, so that the overdue ones are found with a WHERE.
import { workingDaysAfter } from '../time/working-days.js';

export interface DeadlineDays {
  readonly acceptDays: number;
  readonly firstMatchDays: number;
}

/** What a region without a setting of its own (nor its city, nor the province) gets: 2 and 5 working days. */
export const DEFAULT_DEADLINES: DeadlineDays = { acceptDays: 2, firstMatchDays: 5 };

/** The deadlines of a demand whose count starts at `from` (its submission, or its last transfer). */
export function demandDeadlinesFrom(from: number, days: DeadlineDays): { acceptBy: number; firstMatchBy: number } {
  return {
    acceptBy: workingDaysAfter(from, days.acceptDays),
    firstMatchBy: workingDaysAfter(from, days.firstMatchDays),
  };
}

/** The statuses in which a deadline may still be missed; a demand in service, closed or rejected is never overdue. */
export const AWAITING_ACCEPT = ['submitted'] as const;
export const AWAITING_MATCH = ['submitted', 'accepted'] as const;

/** Whether a demand in `status` with these deadlines is overdue at `now`. */
export function isOverdue(status: string, acceptBy: number, firstMatchBy: number, now: number): boolean {
  return (
    ((AWAITING_ACCEPT as readonly string[]).includes(status) && now > acceptBy) ||
    ((AWAITING_MATCH as readonly string[]).includes(status) && now > firstMatchBy)
  );
}
