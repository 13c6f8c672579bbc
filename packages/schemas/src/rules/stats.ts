// Zod-free rules of the yearly evaluation (综合评价考核): the targets and the helpers the scorecard widget needs.

/**
 * The policy's provincial targets by 2020: at least 10,000 providers integrated and 300,000 enterprise-services
 * (家次) a year; `provincialTargetsOf` gives each year's.
 */
export const PROVINCIAL_TARGETS = { providersIntegrated: 10_000, enterpriseServices: 300_000 } as const;

/** The policy's 2018 milestone: 5,000 providers and 100,000 enterprise-services a year. */
export const PROVINCIAL_TARGETS_2018 = { providersIntegrated: 5_000, enterpriseServices: 100_000 } as const;

/**
 * The province's targets of a year: the 2018 milestone for every year before 2020 (the policy names none for 2019,
 * so the last one set holds until the next), the 2020 targets from 2020 on.
 */
export function provincialTargetsOf(year: number): { providersIntegrated: number; enterpriseServices: number } {
  return year >= 2020 ? { ...PROVINCIAL_TARGETS } : { ...PROVINCIAL_TARGETS_2018 };
}

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

/** The three dimensions of the yearly evaluation (综合评价考核): 服务资源整合, 服务业务对接, 服务企业数量和效果. */
export const EVALUATION_DIMENSIONS = ['resources', 'matching', 'effect'] as const;
export type EvaluationDimension = (typeof EVALUATION_DIMENSIONS)[number];

/** The weights (whole percent, summing to 100) a year takes until the province sets its own. */
export const DEFAULT_EVALUATION_WEIGHTS: Readonly<Record<EvaluationDimension, number>> = {
  resources: 30,
  matching: 30,
  effect: 40,
};

/** Grades, best first, each with the lowest score that earns it. */
export const EVALUATION_GRADES = [
  { grade: 'excellent', min: 90 },
  { grade: 'good', min: 75 },
  { grade: 'pass', min: 60 },
  { grade: 'fail', min: 0 },
] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number]['grade'];

/** 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, 不合格 below. */
export function gradeOf(score: number): EvaluationGrade {
  return (EVALUATION_GRADES.find((entry) => score >= entry.min) ?? EVALUATION_GRADES[3]).grade;
}
