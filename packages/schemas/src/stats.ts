import { DateTime, RegionCode } from './common.js';
import { RegionLevel } from './reference.js';
import * as z from './zod.js';

const Count = z.int().check(z.minimum(0));
const Percent = z.nullable(z.number().check(z.minimum(0), z.maximum(100)));
/** Progress towards a target in percent: above 100 once the target is met. */
const Progress = z.nullable(z.number().check(z.minimum(0)));

/** A count and its amount in fen. */
export const CountAndFen = z.object({ count: Count, fen: Count });
export type CountAndFen = z.infer<typeof CountAndFen>;

/**
 * The figures of the yearly evaluation (综合评价考核) of a region's centers, computed from the stored rows when asked:
 * - `providersIntegrated`: providers of the region admitted by the end of the year and still admitted;
 *   `providersAdmitted`: those admitted during the year;
 * - `productsPublished`: listed products of those providers published by the end of the year;
 * - `enterpriseServices` (家次): engagements ordered by enterprises of the region during the year, cancelled ones
 *   excepted; `enterprisesServed`: the distinct enterprises among them; `freeServices`/`freeSharePercent`: those of a
 *   free (公益) product;
 * - `demandsReceived`/`demandsMatched`: demands submitted in the region during the year, and those of them that
 *   reached matched, in service or closed;
 * - `eventsHeld`: events in the region starting during the year, cancelled ones excepted;
 * - `vouchersIssued`: vouchers claimed during the year by enterprises of the region (face value);
 *   `vouchersRedeemed`: those of them used on an engagement that was delivered (delivered or settled), with the
 *   amount the vouchers paid;
 * - `ratings` and `satisfactionPercent`: ratings given during the year by enterprises of the region, and the share
 *   of 满意 and 非常满意 among them (null without ratings).
 */
export const ScorecardFigures = z.object({
  providersIntegrated: Count,
  providersAdmitted: Count,
  productsPublished: Count,
  enterprisesServed: Count,
  enterpriseServices: Count,
  freeServices: Count,
  freeSharePercent: Percent,
  demandsReceived: Count,
  demandsMatched: Count,
  eventsHeld: Count,
  vouchersIssued: CountAndFen,
  vouchersRedeemed: CountAndFen,
  ratings: Count,
  satisfactionPercent: Percent,
});
export type ScorecardFigures = z.infer<typeof ScorecardFigures>;

/** Targets of a region for the year; null where none applies. */
export const ScorecardTargets = z.object({
  providersIntegrated: z.nullable(Count),
  enterpriseServices: z.nullable(Count),
});
export type ScorecardTargets = z.infer<typeof ScorecardTargets>;

export const ScorecardRegion = z.object({ code: RegionCode, name: z.string(), level: RegionLevel });
export type ScorecardRegion = z.infer<typeof ScorecardRegion>;

/** One region's figures with its targets and its progress towards them (percent, may exceed 100). */
export const RegionScore = z.object({
  region: ScorecardRegion,
  figures: ScorecardFigures,
  targets: ScorecardTargets,
  progress: z.object({ providersIntegrated: Progress, enterpriseServices: Progress }),
});
export type RegionScore = z.infer<typeof RegionScore>;

/** One month of the trend (`YYYY-MM`, Asia/Shanghai). */
export const ScorecardMonth = z.object({
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  enterpriseServices: Count,
  demandsReceived: Count,
  vouchersRedeemed: Count,
  ratings: Count,
  satisfactionPercent: Percent,
});
export type ScorecardMonth = z.infer<typeof ScorecardMonth>;

/**
 * The scorecard of a region for a year: its figures and targets, the same for its parent region (null for the
 * province) to compare with, and the twelve months of the year. `asOf` is when it was computed: a current year's
 * figures run up to that moment.
 */
export const Scorecard = z.object({
  year: z.int(),
  asOf: DateTime,
  region: RegionScore,
  parent: z.nullable(RegionScore),
  trend: z.array(ScorecardMonth),
  targetBasis: z.string(),
});
export type Scorecard = z.infer<typeof Scorecard>;
