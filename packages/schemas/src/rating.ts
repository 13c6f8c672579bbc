import { describeTextLimit, textCap } from './bounds.js';
import { DateOnly, DateTime, Id, RegionCode, pageOf } from './common.js';
import { COMMENT_MAX, GRADES, SATISFACTION_LEVELS } from './rules/rating.js';
import { textLength } from './rules/text.js';
import * as z from './zod.js';

function itemScore(max: number) {
  return z
    .int({ error: 'rating.score' })
    .check(z.minimum(0, { error: 'rating.score' }), z.maximum(max, { error: 'rating.score' }));
}

export const RatingScores = z.object({
  attitude: itemScore(10),
  expertise: itemScore(10),
  conduct: itemScore(10),
  fulfilment: itemScore(15),
  quality: itemScore(15),
  value: itemScore(15),
  usefulness: itemScore(10),
  afterSales: itemScore(15),
});
export type RatingScores = z.infer<typeof RatingScores>;

export const SatisfactionLevel = z.enum(SATISFACTION_LEVELS, { error: 'rating.level' });
export type SatisfactionLevel = z.infer<typeof SatisfactionLevel>;

export const Grade = z.enum(GRADES);
export type Grade = z.infer<typeof Grade>;

/** A comment of at most 200 characters as a person counts them (an emoji or a Chinese character is one). */
export const RatingComment = z.string().check(
  textCap(COMMENT_MAX, 'rating.comment'),
  z.refine((value) => textLength(value) <= COMMENT_MAX, { error: 'rating.comment' }),
  describeTextLimit(COMMENT_MAX),
);

/** What the enterprise sends; the server computes the score and the grade. */
export const RatingInput = z.object({
  scores: RatingScores,
  level: SatisfactionLevel,
  solved: z.boolean({ error: 'rating.solved' }),
  comment: z.optional(RatingComment),
});
export type RatingInput = z.infer<typeof RatingInput>;

/**
 * open (waiting for the provider's answer, due on `dueOn`) → answered → closed by the enterprise, or reopened once
 * (a new due date) → answered → closed. An answered follow-up the enterprise leaves alone closes itself after 15
 * working days.
 */
export const FollowUpStatus = z.enum(['open', 'answered', 'reopened', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FollowUpAnswer = z.object({ text: z.string(), at: DateTime });
export type FollowUpAnswer = z.infer<typeof FollowUpAnswer>;

/** What a center did with a follow-up: a note, an escalation to the level above, its close as resolved. */
export const FollowUpNoteKind = z.enum(['note', 'escalation', 'resolution']);
export type FollowUpNoteKind = z.infer<typeof FollowUpNoteKind>;

/** One entry of the center's history of a follow-up, with who wrote it for which center, and when. */
export const FollowUpNote = z.object({
  kind: FollowUpNoteKind,
  text: z.string(),
  byName: z.string(),
  byRegionCode: RegionCode,
  /** The center an escalation handed it to; null for the other kinds. */
  toRegionCode: z.nullable(RegionCode),
  at: DateTime,
});
export type FollowUpNote = z.infer<typeof FollowUpNote>;

/** The follow-up's last escalation: the center it now sits with, why, who and when. */
export const FollowUpEscalation = z.object({
  toRegionCode: RegionCode,
  reason: z.string(),
  byName: z.string(),
  byRegionCode: RegionCode,
  at: DateTime,
});
export type FollowUpEscalation = z.infer<typeof FollowUpEscalation>;

/** The follow-up of a bad rating: the provider must answer within 15 working days (weekends and holidays excluded). */
export const FollowUp = z.object({
  id: Id,
  status: FollowUpStatus,
  openedAt: DateTime,
  /** The last day to answer, in Asia/Shanghai. */
  dueOn: DateOnly,
  answers: z.array(FollowUpAnswer),
  reopenedAt: z.nullable(DateTime),
  reopenReason: z.nullable(z.string()),
  /** False once it has been reopened: an enterprise may reopen only once. */
  canReopen: z.boolean(),
  overdue: z.boolean(),
  /** The centers' notes, escalations and resolution, oldest first; shown to center staff only (empty for others). */
  notes: z.array(FollowUpNote),
  /** The last escalation, for center staff; null when never escalated, and for the enterprise and the provider. */
  escalation: z.nullable(FollowUpEscalation),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** A rating as the enterprise that gave it (and the provider and administrators) see it. */
export const Rating = z.object({
  id: Id,
  engagementId: Id,
  providerId: Id,
  productId: Id,
  scores: RatingScores,
  score: z.int().check(z.minimum(0), z.maximum(100)),
  grade: Grade,
  level: SatisfactionLevel,
  solved: z.boolean(),
  comment: z.string(),
  createdAt: DateTime,
  /** The names the engagement was made with: what was rated, who provided it, and the enterprise that rated. */
  productName: z.string(),
  providerName: z.string(),
  enterpriseName: z.string(),
  followUp: z.nullable(FollowUp),
});
export type Rating = z.infer<typeof Rating>;

export const RatingPage = pageOf(Rating);
export type RatingPage = z.infer<typeof RatingPage>;

/** A rating as anyone sees it: the enterprise only as '佛山某科技有限公司', the provider's answers kept. */
export const PublicRating = z.object({
  id: Id,
  productId: Id,
  productName: z.string(),
  enterpriseLabel: z.string(),
  score: z.int().check(z.minimum(0), z.maximum(100)),
  grade: Grade,
  level: SatisfactionLevel,
  solved: z.boolean(),
  comment: z.string(),
  createdAt: DateTime,
  answers: z.array(FollowUpAnswer),
});
export type PublicRating = z.infer<typeof PublicRating>;

/** The aggregate of a provider's or a product's ratings: count, average score, and how many at each level. */
export const RatingDistribution = z.object({
  count: z.int().check(z.minimum(0)),
  averageScore: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
  levels: z.object({
    verySatisfied: z.int().check(z.minimum(0)),
    satisfied: z.int().check(z.minimum(0)),
    neutral: z.int().check(z.minimum(0)),
    dissatisfied: z.int().check(z.minimum(0)),
    veryDissatisfied: z.int().check(z.minimum(0)),
  }),
  /** Share of satisfied and very satisfied, in percent with one decimal; null without ratings. */
  satisfactionPercent: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
});
export type RatingDistribution = z.infer<typeof RatingDistribution>;

/** One page of public ratings, newest first, with the aggregate over all of them. */
export const PublicRatingPage = z.object({
  ...pageOf(PublicRating).shape,
  summary: RatingDistribution,
});
export type PublicRatingPage = z.infer<typeof PublicRatingPage>;

/**
 * The provider's answer to a follow-up, or the enterprise's reason to reopen it: 2 to `max` characters as a person
 * counts them (spaces around the text do not count towards the 2).
 */
function followUpText(max: number, error: string) {
  return z.string().check(
    textCap(max, error),
    z.refine((v) => textLength(v.trim()) >= 2 && textLength(v) <= max, { error }),
    describeTextLimit(max),
  );
}

/** The provider's answer to a follow-up. */
export const FollowUpAnswerInput = z.object({ text: followUpText(500, 'followUp.text') });
export type FollowUpAnswerInput = z.infer<typeof FollowUpAnswerInput>;

/** The enterprise's reason to reopen a follow-up. */
export const FollowUpReopenInput = z.object({ reason: followUpText(200, 'followUp.reason') });
export type FollowUpReopenInput = z.infer<typeof FollowUpReopenInput>;

/** A center's note on a follow-up's history. */
export const FollowUpNoteInput = z.object({ text: followUpText(500, 'followUp.note') });
export type FollowUpNoteInput = z.infer<typeof FollowUpNoteInput>;

/** Why a center hands a follow-up to the level above. */
export const FollowUpEscalateInput = z.object({ reason: followUpText(200, 'followUp.escalation') });
export type FollowUpEscalateInput = z.infer<typeof FollowUpEscalateInput>;

/**
 * The close of a follow-up: the enterprise sends nothing; a center closing it as resolved must say how (`note`,
 * required for center staff).
 */
export const FollowUpCloseInput = z.object({ note: z.optional(followUpText(500, 'followUp.note')) });
export type FollowUpCloseInput = z.infer<typeof FollowUpCloseInput>;

/** What center staff send to close a follow-up as resolved: the note is required. */
export const FollowUpResolveInput = z.object({ note: followUpText(500, 'followUp.note') });
export type FollowUpResolveInput = z.infer<typeof FollowUpResolveInput>;
