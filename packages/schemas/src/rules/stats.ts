// Zod-free rules of the yearly evaluation (综合评价考核): the targets and the helpers the scorecard widget needs.

/**
 * The policy's provincial targets by 2020: at least 10,000 providers integrated and 300,000 enterprise-services
 * (家次) a year. The policy sets no target below the province.
 */
export const PROVINCIAL_TARGETS = { providersIntegrated: 10_000, enterpriseServices: 300_000 } as const;

export type TargetedFigure = keyof typeof PROVINCIAL_TARGETS;
export const TARGETED_FIGURES = Object.keys(PROVINCIAL_TARGETS) as TargetedFigure[];

/**
 * The target of a region: the province's own; a city's is an equal share of the province's among its `siblings`
 * cities, a county's an equal share of its city's among the city's counties, rounded up. An equal share is the
 * simplest reading that sums to at least the provincial target; a center with other local targets states its own.
 */
export function shareOfTarget(parentTarget: number, siblings: number): number {
  return siblings <= 0 ? parentTarget : Math.ceil(parentTarget / siblings);
}

/** Progress towards a target in percent (may exceed 100), or null without a target. */
export function progressPercent(value: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.round((value / target) * 1000) / 10;
}

/** The twelve months of a year as `YYYY-MM`. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** A share in percent with one decimal, or null when there is nothing to share (no ratings, no services). */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
