import { monthsOf } from '@smec/schemas/rules';
import { SHANGHAI_OFFSET_MS } from '../time/shanghai.js';

/** A year in Asia/Shanghai as epoch-millisecond bounds, with the start of each of its months. */
export interface YearPeriod {
  readonly year: number;
  readonly months: readonly string[];
  /** Start of each month, then the start of the next year: 13 bounds. */
  readonly bounds: readonly number[];
  readonly startTs: number;
  readonly endTs: number;
  /** First and last day of the year, YYYY-MM-DD. */
  readonly firstDay: string;
  readonly lastDay: string;
}

export function yearPeriod(year: number): YearPeriod {
  const bounds = Array.from({ length: 13 }, (_, month) => Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS);
  return {
    year,
    months: monthsOf(year),
    bounds,
    startTs: bounds[0] as number,
    endTs: bounds[12] as number,
    firstDay: `${year}-01-01`,
    lastDay: `${year}-12-31`,
  };
}

/** The month (0–11) an instant of the year falls in. */
export function monthIndex(period: YearPeriod, ts: number): number {
  let month = 0;
  while (month < 11 && ts >= (period.bounds[month + 1] as number)) month++;
  return month;
}
