import type {
  FollowUp,
  FollowUpAnswer,
  FollowUpEscalation,
  FollowUpNote,
  PublicRating,
  Rating,
  RatingDistribution,
} from '@smec/schemas';
import type { Selectable } from 'kysely';
import type { FollowUpTable, RatingStatsTable, RatingTable } from '../db/schema.js';

export type RatingRow = Selectable<RatingTable>;
export type FollowUpRow = Selectable<FollowUpTable>;
export type StatsRow = Selectable<RatingStatsTable>;

/** Open or reopened and past its due day (a Shanghai calendar day, compared as YYYY-MM-DD text). */
export function isOverdue(row: FollowUpRow, today: string): boolean {
  return (row.status === 'open' || row.status === 'reopened') && today > row.due_on;
}

/** The last escalation among a follow-up's notes, as the API shows it. */
export function lastEscalation(notes: readonly FollowUpNote[]): FollowUpEscalation | null {
  const last = notes.findLast((note) => note.kind === 'escalation');
  if (!last?.toRegionCode) return null;
  return {
    toRegionCode: last.toRegionCode,
    reason: last.text,
    byName: last.byName,
    byRegionCode: last.byRegionCode,
    at: last.at,
  };
}

/**
 * A follow-up as the API shows it. The centers' notes and escalations are their own working record: only center
 * staff (`staff`) see them.
 */
export function followUpOf(
  row: FollowUpRow,
  answers: readonly FollowUpAnswer[],
  today: string,
  notes: readonly FollowUpNote[] = [],
  staff = false,
): FollowUp {
  return {
    id: row.id,
    status: row.status,
    openedAt: row.opened_at,
    dueOn: row.due_on,
    answers: [...answers],
    reopenedAt: row.reopened_at,
    reopenReason: row.reopen_reason,
    canReopen: row.reopen_count === 0,
    overdue: isOverdue(row, today),
    notes: staff ? [...notes] : [],
    escalation: staff ? lastEscalation(notes) : null,
  };
}

/** The names an engagement was made with, as a rating shows them. */
export interface EngagementNames {
  readonly providerName: string;
  readonly enterpriseName: string;
}

export function ratingOf(row: RatingRow, followUp: FollowUp | null, names: EngagementNames): Rating {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    providerId: row.provider_id,
    productId: row.product_id,
    scores: {
      attitude: row.attitude,
      expertise: row.expertise,
      conduct: row.conduct,
      fulfilment: row.fulfilment,
      quality: row.quality,
      value: row.value,
      usefulness: row.usefulness,
      afterSales: row.after_sales,
    },
    score: row.score,
    grade: row.grade,
    level: row.level,
    solved: row.solved === 1,
    comment: row.comment,
    createdAt: row.created_at,
    productName: row.product_name,
    providerName: names.providerName,
    enterpriseName: names.enterpriseName,
    followUp,
  };
}

export function publicRatingOf(row: RatingRow, answers: readonly FollowUpAnswer[]): PublicRating {
  return {
    id: row.id,
    productId: row.product_id,
    productName: row.product_name,
    enterpriseLabel: row.enterprise_label,
    score: row.score,
    grade: row.grade,
    level: row.level,
    solved: row.solved === 1,
    comment: row.comment,
    createdAt: row.created_at,
    answers: [...answers],
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** `sum / count` rounded half up to one decimal without floating-point error, as `roundedAverageSql` (aggregates.ts). */
export function roundedAverage(sum: number, count: number): number {
  return Math.floor((sum * 20 + count) / (count * 2)) / 10;
}

/** The public summary of a subject's stats row (or of none: no ratings yet). */
export function distributionOf(row: StatsRow | undefined): RatingDistribution {
  const count = row?.count ?? 0;
  const levels = {
    verySatisfied: row?.very_satisfied ?? 0,
    satisfied: row?.satisfied ?? 0,
    neutral: row?.neutral ?? 0,
    dissatisfied: row?.dissatisfied ?? 0,
    veryDissatisfied: row?.very_dissatisfied ?? 0,
  };
  return {
    count,
    averageScore: count === 0 || !row ? null : roundedAverage(row.score_sum, count),
    levels,
    satisfactionPercent: count === 0 ? null : round1(((levels.verySatisfied + levels.satisfied) / count) * 100),
  };
}

/** The stats column counting each level. */
export const LEVEL_COLUMN = {
  verySatisfied: 'very_satisfied',
  satisfied: 'satisfied',
  neutral: 'neutral',
  dissatisfied: 'dissatisfied',
  veryDissatisfied: 'very_dissatisfied',
} as const;
