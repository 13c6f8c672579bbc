// Zod-free rules of the policy library: widgets import these values without pulling zod into the browser bundle.
import { shanghaiDayOf } from './shanghai.js';

/** Where a policy stands on a given day: not yet effective, effective, or past its end date. */
export const POLICY_STATUSES = ['upcoming', 'inForce', 'expired'] as const;
export type PolicyStatusName = (typeof POLICY_STATUSES)[number];

/** The filter of the list: only the policies effective today, or only the expired ones. */
export const POLICY_VALIDITY_FILTERS = ['inForce', 'expired'] as const;
export type PolicyValidityFilter = (typeof POLICY_VALIDITY_FILTERS)[number];

/**
 * The status of a policy on `today` (YYYY-MM-DD, in Asia/Shanghai). `effectiveUntil` is the last day it applies;
 * null means it has no end date. Dates in this form compare correctly as strings.
 */
export function policyStatus(effectiveFrom: string, effectiveUntil: string | null, today: string): PolicyStatusName {
  if (today < effectiveFrom) return 'upcoming';
  if (effectiveUntil !== null && today > effectiveUntil) return 'expired';
  return 'inForce';
}

/** Today's date in Asia/Shanghai as YYYY-MM-DD, whatever the machine's time zone (the same as `todayInShanghai`). */
export function shanghaiToday(now: Date | number = new Date()): string {
  return shanghaiDayOf(now);
}

/** The bounds of a policy's texts as a center types them: the input schema and the workbench's form share them. */
export const POLICY_TEXT_LIMITS = {
  title: { min: 2, max: 200 },
  issuer: { min: 2, max: 100 },
  docNumber: { min: 2, max: 60 },
  summary: { min: 2, max: 2000 },
} as const;
export type PolicyTextField = keyof typeof POLICY_TEXT_LIMITS;

export const POLICY_URL_MAX = 500;

/** Why a typed policy text is refused: empty (or too short), or too long; undefined when it may be sent. */
export function policyTextProblem(field: PolicyTextField, value: string): 'required' | 'tooLong' | undefined {
  const { min, max } = POLICY_TEXT_LIMITS[field];
  if (value.trim().length < min) return 'required';
  return value.length > max ? 'tooLong' : undefined;
}
