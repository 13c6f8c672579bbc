// Zod-free rules of ratings: the items and their points, the scale, score and grade. The server computes with them
// and the rating form shows the running score with the very same functions.

/**
 * The eight scored items of a rating and the most points each can give; together 100. Order is the order of the form.
 * attitude 服务态度, expertise 专业能力, conduct 服务规范, fulfilment 履约情况, quality 交付质量, value 性价比,
 * usefulness 服务成效, afterSales 售后服务.
 */
export const RATING_ITEMS = [
  ['attitude', 10],
  ['expertise', 10],
  ['conduct', 10],
  ['fulfilment', 15],
  ['quality', 15],
  ['value', 15],
  ['usefulness', 10],
  ['afterSales', 15],
] as const;
export type RatingItem = (typeof RATING_ITEMS)[number][0];

/** The national five-level satisfaction scale, best first: 非常满意, 满意, 一般, 不满意, 非常不满意. */
export const SATISFACTION_LEVELS = [
  'verySatisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'veryDissatisfied',
] as const;
export type SatisfactionLevelName = (typeof SATISFACTION_LEVELS)[number];

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type GradeName = (typeof GRADES)[number];

export const COMMENT_MAX = 200;

/** The provider must answer a follow-up within this many working days (weekends and holidays excluded). */
export const FOLLOW_UP_WORKING_DAYS = 15;

/** The two lowest levels open a follow-up. */
export function needsFollowUp(level: SatisfactionLevelName): boolean {
  return level === 'dissatisfied' || level === 'veryDissatisfied';
}

/** The sum of the eight items (0–100). */
export function ratingScore(scores: Record<RatingItem, number>): number {
  return RATING_ITEMS.reduce((sum, [item]) => sum + scores[item], 0);
}

/** A ≥ 90, B 80–89, C 60–79, D < 60. */
export function ratingGrade(score: number): GradeName {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 60) return 'C';
  return 'D';
}
