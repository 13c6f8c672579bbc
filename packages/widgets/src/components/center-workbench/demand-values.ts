// What the Demands view decides without a browser: the deadline a demand waits on, where it may be transferred, and
// which field a refusal of the platform belongs to.
import type { DemandStatus, Region } from '@smec/schemas';
import { regionAncestors, shanghaiDayOf } from '@smec/schemas/rules';
import { workingDaysUntil } from '../../workbench/working-days.js';
import type { StaffDemand } from './demand-api.js';

export const PROPOSALS_MIN = 1;
export const PROPOSALS_MAX = 5;
// The reasons and notes follow the review's rules (2–200 characters, notes up to 200).
export { NOTE_MAX, REASON_MAX, reasonFits } from './review-values.js';

export type DeadlineKind = 'acceptBy' | 'firstMatchBy';

export interface Deadline {
  readonly kind: DeadlineKind;
  /** The moment the platform set (the end of the working day it falls on). */
  readonly at: string;
  /** Working days left after today (Asia/Shanghai): 0 on the day itself, negative once passed. */
  readonly left: number;
  readonly overdue: boolean;
}

/** The deadlines still ahead of a demand in its state: accepting while submitted, a first match until one is made. */
export function deadlinesOf(demand: StaffDemand, now: number): Deadline[] {
  const kinds: DeadlineKind[] =
    demand.status === 'submitted' ? ['acceptBy', 'firstMatchBy'] : demand.status === 'accepted' ? ['firstMatchBy'] : [];
  const today = shanghaiDayOf(now);
  return kinds.map((kind) => {
    const at = demand[kind];
    const left = workingDaysUntil(today, shanghaiDayOf(Date.parse(at)));
    return { kind, at, left, overdue: Date.parse(at) < now };
  });
}

/** Proposals still possible on a demand: five at most in all, however many rounds they come in. */
export function proposalsLeft(demand: StaffDemand): number {
  return Math.max(0, PROPOSALS_MAX - demand.matches.length);
}

/** The regions below `scope` (a staff member's region), for the inbox's region filter, nearest level first. */
export function regionsBelow(scope: string | undefined, regions: readonly Region[]): Region[] {
  if (!scope) return [];
  return regions.filter((region) => region.code !== scope && regionAncestors(region.code).includes(scope));
}

/**
 * Where a demand may be transferred: the centers on its own line, the city and province above its region and the
 * regions directly below it (a city's counties, the province's cities).
 */
export function transferTargets(regionCode: string, regions: readonly Region[]): Region[] {
  const above = regionAncestors(regionCode);
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const up = above.flatMap((code) => {
    const region = byCode.get(code);
    return region ? [region] : [];
  });
  const down = regions.filter((region) => region.parentCode === regionCode);
  return [...up, ...down];
}

/** The moves a demand's state offers the staff (besides those of DEMAND_TRANSITIONS, proposing and transferring). */
export function mayPropose(status: DemandStatus): boolean {
  return status === 'accepted' || status === 'matched';
}

/** Until a service starts, another center may still be the one to handle a demand. */
export function mayTransfer(status: DemandStatus): boolean {
  return status === 'submitted' || status === 'accepted' || status === 'matched';
}

/** The field of the propose form a refused path names: `proposals.2.note` → `note-2`, `note` → `note`. */
export function proposalFieldOf(path: string): string | undefined {
  const row = /^proposals\.(\d+)\.(note|productId|providerId)$/.exec(path);
  if (row) return row[2] === 'note' ? `note-${row[1]}` : `provider-${row[1]}`;
  if (path === 'proposals') return 'proposals';
  if (path === 'note') return 'note';
  if (path === 'reason') return 'reason';
  if (path === 'toRegion') return 'toRegion';
  return undefined;
}
