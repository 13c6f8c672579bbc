import { impliedMaxLength } from './bounds.js';
import { DateTime, RegionCode } from './common.js';
import { queryInt } from './query.js';
import { RegionLevel } from './reference.js';
import { ScorecardFigures, ScorecardRegion, ScorecardTargets } from './stats.js';
import * as z from './zod.js';

const Count = z.int().check(z.minimum(0));
/** A target share: a whole number of providers or enterprise-services, at most the largest provincial target. */
const ShareCount = z.int().check(z.minimum(0), z.maximum(10_000_000));
const Weight = z.int().check(z.minimum(0), z.maximum(100));
/** A score from 0 to 100 with one decimal. */
const Score = z.number().check(z.minimum(0), z.maximum(100));
const Year = z.int().check(z.minimum(2000), z.maximum(2100));

/** How much each dimension counts in the composite score, in whole percent summing to 100. */
export const EvaluationWeights = z.object({ resources: Weight, matching: Weight, effect: Weight });
export type EvaluationWeights = z.infer<typeof EvaluationWeights>;

/** One city's or county's target for a year, set by the province. */
export const TargetShareInput = z.object({
  regionCode: RegionCode,
  providersIntegrated: ShareCount,
  enterpriseServices: ShareCount,
});
export type TargetShareInput = z.infer<typeof TargetShareInput>;

/**
 * A year's settings, replacing the year's earlier ones whole: the weights and the shares of the cities and counties
 * named (any not named takes an equal share of its parent's target). 21 cities and their counties fit in 200.
 */
export const TargetsInput = z.object({
  weights: EvaluationWeights,
  shares: z.array(TargetShareInput).check(z.maxLength(200)),
});
export type TargetsInput = z.infer<typeof TargetsInput>;

/** The year in the path, 2000–2100, as digits (a path parameter is text). */
export const TargetsParams = z.object({
  year: z.string().check(z.regex(/^(20\d\d|2100)$/, { error: 'A year from 2000 to 2100' }), impliedMaxLength(4)),
});
export type TargetsParams = z.input<typeof TargetsParams>;

/** Where a region's target comes from: the policy (the province), the province's setting, or an equal share. */
export const TargetSource = z.enum(['policy', 'set', 'equalShare']);
export type TargetSource = z.infer<typeof TargetSource>;

export const RegionTargets = z.object({
  region: ScorecardRegion,
  parentCode: z.nullable(RegionCode),
  targets: ScorecardTargets,
  source: TargetSource,
});
export type RegionTargets = z.infer<typeof RegionTargets>;

/**
 * A year's targets of every region (the province first, then each city followed by its counties), the evaluation's
 * weights, how the targets were set (`basis`, in the request's language) and the settings' revision (0 until the
 * province sets the year; the ETag that `PUT /targets/{year}` names in `If-Match`).
 */
export const Targets = z.object({
  year: Year,
  weights: EvaluationWeights,
  regions: z.array(RegionTargets),
  basis: z.string(),
  revision: Count,
  updatedAt: z.nullable(DateTime),
});
export type Targets = z.infer<typeof Targets>;

export const EvaluationGradeSchema = z.enum(['excellent', 'good', 'pass', 'fail']);

export const EvaluationsQuery = z.object({ year: queryInt(2000, 2100), level: RegionLevel });
export type EvaluationsQuery = z.input<typeof EvaluationsQuery>;

export const EvaluationQuery = z.object({ year: queryInt(2000, 2100) });
export type EvaluationQuery = z.input<typeof EvaluationQuery>;

/** A center, named by its region's code until centers have ids of their own. */
export const CenterParams = z.object({ centerId: RegionCode });
export type CenterParams = z.input<typeof CenterParams>;

/**
 * What the evaluation counts beyond the scorecard's figures: follow-ups of the year's engagement ratings and those
 * closed on or before their due day; the attendances and event ratings already inside `enterpriseServices` and
 * `ratings`.
 */
export const EvaluationIndicators = z.object({
  followUps: Count,
  followUpsResolvedInTime: Count,
  attendances: Count,
  eventRatings: Count,
});
export type EvaluationIndicators = z.infer<typeof EvaluationIndicators>;

/**
 * One center's evaluation for a year: its scorecard figures and targets, the three dimensions (0–100), the composite
 * score (the weighted mean, one decimal), its grade, its rank among the centers of its level (1 the best; equal
 * scores share a rank, the next rank skips), last year's score and the change (null without a last year),
 * and `flagged` when graded `fail` this year and last (优胜劣汰).
 */
export const Evaluation = z.object({
  centerId: RegionCode,
  region: ScorecardRegion,
  year: Year,
  figures: ScorecardFigures,
  targets: ScorecardTargets,
  indicators: EvaluationIndicators,
  dimensions: z.object({ resources: Score, matching: Score, effect: Score }),
  weights: EvaluationWeights,
  score: Score,
  grade: EvaluationGradeSchema,
  rank: z.int().check(z.minimum(1)),
  centers: z.int().check(z.minimum(1)),
  previousScore: z.nullable(Score),
  scoreChange: z.nullable(z.number()),
  previousGrade: z.nullable(EvaluationGradeSchema),
  flagged: z.boolean(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** Every center of a level for a year, best first (then by region code). */
export const EvaluationList = z.object({
  year: Year,
  level: RegionLevel,
  asOf: DateTime,
  weights: EvaluationWeights,
  items: z.array(Evaluation),
});
export type EvaluationList = z.infer<typeof EvaluationList>;
