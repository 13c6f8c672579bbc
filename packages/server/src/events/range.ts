import { validationFailed } from '../http/problem.js';
import { SHANGHAI_OFFSET_MS } from '../time/shanghai.js';
import type { Localized } from '../http/localized.js';

const TEXT = {
  notDate: { 'zh-CN': '不是有效的日期或时间', 'zh-HK': '不是有效的日期或時間', en: 'Not a real date or date-time' },
  beforeFrom: { 'zh-CN': '不能早于 from', 'zh-HK': '不能早於 from', en: 'Must not be before from' },
} as const satisfies Record<string, Localized>;

const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of a day's start in Asia/Shanghai (no daylight saving: always +08:00), or NaN if no such day. */
export function shanghaiDayStart(date: string): number {
  const match = DATE_ONLY.exec(date);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return Number.NaN;
  }
  return utc - SHANGHAI_OFFSET_MS;
}

/** A bound as an instant: a day's start (`edge` 'start') or the start of the next day (`edge` 'end', exclusive). */
function boundOf(value: string, edge: 'start' | 'end'): number {
  if (DATE_ONLY.test(value)) {
    const start = shanghaiDayStart(value);
    return edge === 'start' ? start : start + DAY_MS;
  }
  const instant = Date.parse(value);
  return edge === 'start' ? instant : instant + 1;
}

export interface TimeRange {
  /** Inclusive. */
  readonly fromTs: number | undefined;
  /** Exclusive. */
  readonly toTs: number | undefined;
}

/** The query's range as instants; an impossible date or a range that ends before it starts is a 400. */
export function rangeOf(from: string | undefined, to: string | undefined): TimeRange {
  const fromTs = from === undefined ? undefined : boundOf(from, 'start');
  const toTs = to === undefined ? undefined : boundOf(to, 'end');
  const errors = [];
  if (fromTs !== undefined && Number.isNaN(fromTs)) {
    errors.push({ path: 'query.from', message: TEXT.notDate, code: 'invalid' });
  }
  if (toTs !== undefined && Number.isNaN(toTs)) {
    errors.push({ path: 'query.to', message: TEXT.notDate, code: 'invalid' });
  }
  if (errors.length === 0 && fromTs !== undefined && toTs !== undefined && toTs <= fromTs) {
    errors.push({ path: 'query.to', message: TEXT.beforeFrom, code: 'invalid' });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return { fromTs, toTs };
}
