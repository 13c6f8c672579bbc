// The rules of the demand form, without zod: the server's schemas (demand.ts) are built on these functions and the
// widget checks each field with them as the visitor types, so both always say the same thing.
import { isMainlandMobile, isValidUscc } from './identifiers.js';
import type { MessageKey } from './messages-zh-CN.js';
import { textLength, todayInShanghai } from './text.js';

export const DEMAND_STATUSES = ['submitted', 'accepted', 'matched', 'inService', 'closed', 'rejected'] as const;
export type DemandStatusName = (typeof DEMAND_STATUSES)[number];
export type DemandActionName = 'accept' | 'match' | 'startService' | 'reject' | 'close';

/** Which moves each state allows; anything else is a 409 conflict. The workbench offers only these. */
export const DEMAND_TRANSITIONS: Record<DemandStatusName, readonly DemandActionName[]> = {
  submitted: ['accept', 'reject'],
  accepted: ['match', 'reject', 'close'],
  matched: ['match', 'startService', 'close'],
  inService: ['close'],
  closed: [],
  rejected: [],
};

/** Length limits of the free-text fields, as a person counts characters, with the message of each. */
export const DEMAND_TEXT_LIMITS = {
  enterpriseName: { min: 2, max: 100, key: 'enterprise.name' },
  contactName: { min: 1, max: 30, key: 'contact.name' },
  title: { min: 5, max: 60, key: 'title' },
  description: { min: 20, max: 1000, key: 'description' },
} as const satisfies Record<string, { min: number; max: number; key: MessageKey }>;
export type DemandTextField = keyof typeof DEMAND_TEXT_LIMITS;

/** At most this many proposals on one demand, however many rounds the center makes them in. */
export const DEMAND_PROPOSALS_MAX = 5;

/** Budgets are whole fen from ¥0.01 to ¥1,000,000,000. */
export const BUDGET_MAX_FEN = 100_000_000_000;

export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
export const TRACKING_NO_PATTERN = /^XQ\d{8}[0-9A-Z]{6}$/;
const DAY_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** The message of a text outside its limits (leading and trailing spaces do not count towards the minimum). */
export function checkDemandText(field: DemandTextField, value: string): MessageKey | undefined {
  const { min, max, key } = DEMAND_TEXT_LIMITS[field];
  return textLength(value.trim()) >= min && textLength(value) <= max ? undefined : key;
}

/** A wrong shape is told apart from a wrong check character: the visitor fixes them differently. */
export function checkUscc(value: string): MessageKey | undefined {
  if (!USCC_PATTERN.test(value)) return 'uscc.format';
  return isValidUscc(value) ? undefined : 'uscc.checksum';
}

export function checkMobile(value: string): MessageKey | undefined {
  return isMainlandMobile(value) ? undefined : 'contact.phone';
}

export function checkBudget(value: number | 'negotiable'): MessageKey | undefined {
  if (value === 'negotiable') return undefined;
  return Number.isInteger(value) && value >= 1 && value <= BUDGET_MAX_FEN ? undefined : 'budget';
}

/** The expected date is a real calendar day, today in Asia/Shanghai or later. */
export function checkExpectedBy(value: string, today: string = todayInShanghai()): MessageKey | undefined {
  if (!DAY_PATTERN.test(value)) return 'expectedBy.format';
  return value >= today ? undefined : 'expectedBy.past';
}

export function checkTrackingNo(value: string): MessageKey | undefined {
  return TRACKING_NO_PATTERN.test(value) ? undefined : 'trackingNo.format';
}
