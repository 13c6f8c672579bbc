import type {
  Evaluation,
  EvaluationIndicators,
  EvaluationList,
  EvaluationWeights,
  Region,
  RegionLevel,
  ScorecardFigures,
  ScorecardTargets,
} from '@smec/schemas';
import { gradeOf } from '@smec/schemas/rules';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { BoundedMemo, dataFingerprint } from './fingerprint.js';
import { yearPeriod } from './period.js';
import { regionFigures, type ScorecardContext } from './scorecard.js';
import { resolveTargets, yearSettings } from './targets.js';

// The yearly evaluation (综合评价考核) of the centers of a level. Each dimension is the mean of its indicators, each
// 0–100 (docs/sdk.md, 综合评价):
// - attainment of a target: min(100, 100 × figure ÷ target), 100 when the target is 0;
// - a figure against the best of the level: 100 × figure ÷ the level's largest that year, 0 when that is 0;
// - a rate: min(100, 100 × part ÷ whole), with a stated value when the whole is 0.
// The dimensions are rounded to one decimal, then weighted (whole percent summing to 100) into the score, rounded to
// one decimal.

interface CenterFigures {
  readonly region: Region;
  readonly figures: ScorecardFigures;
  readonly indicators: EvaluationIndicators;
  readonly targets: ScorecardTargets;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function attainment(value: number, target: number | null): number {
  if (target === null || target <= 0) return 100;
  return Math.min(100, (100 * value) / target);
}

function againstBest(value: number, best: number): number {
  return best <= 0 ? 0 : (100 * value) / best;
}

function rate(part: number, whole: number, whenNone: number): number {
  return whole <= 0 ? whenNone : Math.min(100, (100 * part) / whole);
}

/** The largest of each compared figure among the level's centers. */
function bestOf(centers: readonly CenterFigures[]) {
  const max = (pick: (center: CenterFigures) => number) => Math.max(0, ...centers.map(pick));
  return {
    productsPublished: max((c) => c.figures.productsPublished),
    eventsHeld: max((c) => c.figures.eventsHeld),
    vouchersIssued: max((c) => c.figures.vouchersIssued.count),
    enterprisesServed: max((c) => c.figures.enterprisesServed),
  };
}

type Best = ReturnType<typeof bestOf>;

/** The three dimensions of one center, each 0–100 with one decimal. */
export function dimensionsOf(center: CenterFigures, best: Best): Evaluation['dimensions'] {
  const { figures, indicators, targets } = center;
  return {
    // 服务资源整合: providers against the target, products published against the level's best.
    resources: round1(
      mean([
        attainment(figures.providersIntegrated, targets.providersIntegrated),
        againstBest(figures.productsPublished, best.productsPublished),
      ]),
    ),
    // 服务业务对接: the share of demands matched, events and vouchers issued against the best, the share redeemed.
    matching: round1(
      mean([
        rate(figures.demandsMatched, figures.demandsReceived, 0),
        againstBest(figures.eventsHeld, best.eventsHeld),
        againstBest(figures.vouchersIssued.count, best.vouchersIssued),
        rate(figures.vouchersRedeemed.count, figures.vouchersIssued.count, 0),
      ]),
    ),
    // 服务企业数量和效果: enterprise-services against the target, distinct enterprises against the best, satisfaction
    // (0 without ratings), follow-ups resolved in time (100 without follow-ups: none was late).
    effect: round1(
      mean([
        attainment(figures.enterpriseServices, targets.enterpriseServices),
        againstBest(figures.enterprisesServed, best.enterprisesServed),
        figures.satisfactionPercent ?? 0,
        rate(indicators.followUpsResolvedInTime, indicators.followUps, 100),
      ]),
    ),
  };
}

export function scoreOf(dimensions: Evaluation['dimensions'], weights: EvaluationWeights): number {
  return round1(
    (weights.resources * dimensions.resources +
      weights.matching * dimensions.matching +
      weights.effect * dimensions.effect) /
      100,
  );
}

/** A year with nothing counted at all: the center was not at work, so it is no year to compare with. */
function isEmptyYear({ figures, indicators }: CenterFigures): boolean {
  return (
    figures.providersIntegrated === 0 &&
    figures.enterpriseServices === 0 &&
    figures.demandsReceived === 0 &&
    figures.eventsHeld === 0 &&
    figures.vouchersIssued.count === 0 &&
    figures.ratings === 0 &&
    indicators.followUps === 0
  );
}

/** Competition ranking (1, 2, 2, 4) of scores, best first. */
export function ranksOf(scores: readonly number[]): number[] {
  return scores.map((score) => 1 + scores.filter((other) => other > score).length);
}

interface YearResult {
  readonly weights: EvaluationWeights;
  readonly items: readonly {
    readonly center: CenterFigures;
    readonly dimensions: Evaluation['dimensions'];
    readonly score: number;
    readonly empty: boolean;
  }[];
}

/** How many regions' figures are asked for at once: fewer than the connection pool holds (10 by default). */
const REGIONS_AT_ONCE = 6;

async function evaluateYear(context: ScorecardContext, year: number, level: RegionLevel): Promise<YearResult> {
  const period = yearPeriod(year);
  const settings = await yearSettings(context.db, year);
  const targets = resolveTargets(context.regions, year, settings.shares);
  const centers: CenterFigures[] = [];
  const regions = context.regions.all.filter((r) => r.level === level);
  // A few regions at a time: on PostgreSQL their queries run side by side on the pool's connections (one after
  // another, the 122 counties' took longer than a client waits); SQLite answers them in turn either way.
  for (let start = 0; start < regions.length; start += REGIONS_AT_ONCE) {
    const batch = regions.slice(start, start + REGIONS_AT_ONCE);
    const answers = await Promise.all(batch.map((region) => regionFigures(context, region, period)));
    batch.forEach((region, index) => {
      const { figures, indicators } = answers[index]!;
      const target = targets.get(region.code)?.targets ?? { providersIntegrated: null, enterpriseServices: null };
      centers.push({ region, figures, indicators, targets: target });
    });
  }
  const best = bestOf(centers);
  return {
    weights: settings.weights,
    items: centers.map((center) => {
      const dimensions = dimensionsOf(center, best);
      return { center, dimensions, score: scoreOf(dimensions, settings.weights), empty: isEmptyYear(center) };
    }),
  };
}

async function evaluateLevel(context: ScorecardContext, year: number, level: RegionLevel) {
  const [current, previous] = await Promise.all([
    evaluateYear(context, year, level),
    evaluateYear(context, year - 1, level),
  ]);
  const before = new Map(previous.items.map((item) => [item.center.region.code, item]));
  const ranks = ranksOf(current.items.map((item) => item.score));
  const items: Evaluation[] = current.items.map((item, index) => {
    const last = before.get(item.center.region.code);
    const lastScore = last && !last.empty ? last.score : null;
    const grade = gradeOf(item.score);
    const previousGrade = lastScore === null ? null : gradeOf(lastScore);
    const { region } = item.center;
    return {
      centerId: region.code,
      region: { code: region.code, name: region.name, level: region.level },
      year,
      figures: item.center.figures,
      targets: item.center.targets,
      indicators: item.center.indicators,
      dimensions: item.dimensions,
      weights: current.weights,
      score: item.score,
      grade,
      rank: ranks[index] ?? 1,
      centers: current.items.length,
      previousScore: lastScore,
      scoreChange: lastScore === null ? null : round1(item.score - lastScore),
      previousGrade,
      flagged: grade === 'fail' && previousGrade === 'fail',
    };
  });
  items.sort((a, b) => a.rank - b.rank || a.centerId.localeCompare(b.centerId));
  return { weights: current.weights, items };
}

type LevelResult = Awaited<ReturnType<typeof evaluateLevel>>;

/** A level's evaluation is kept while the data fingerprint (the settings of the years included) is unchanged. */
const memos = new WeakMap<ScorecardContext['db'], BoundedMemo<LevelResult>>();

async function memoizedLevel(context: ScorecardContext, year: number, level: RegionLevel): Promise<LevelResult> {
  let memo = memos.get(context.db);
  if (!memo) memos.set(context.db, (memo = new BoundedMemo<LevelResult>(64)));
  const key = `${await dataFingerprint(context.db)} ${year} ${level}`;
  const cached = memo.get(key);
  if (cached) return cached;
  const result = await evaluateLevel(context, year, level);
  memo.set(key, result);
  return result;
}

/** Every center of a level for a year, best first. */
export async function evaluations(
  context: ScorecardContext,
  year: number,
  level: RegionLevel,
): Promise<EvaluationList> {
  const { weights, items } = await memoizedLevel(context, year, level);
  return { year, level, asOf: shanghaiDateTime(context.clock.now()), weights, items };
}

const NO_CENTER: Localized = {
  'zh-CN': '没有编号为 {id} 的服务中心。',
  'zh-HK': '沒有編號為 {id} 的服務中心。',
  en: 'There is no center {id}.',
};

/** One center's evaluation for a year; a center is named by its region's code. */
export async function evaluationOf(context: ScorecardContext, centerId: string, year: number): Promise<Evaluation> {
  const region = context.regions.get(centerId);
  if (!region) throw new ProblemError('not_found', fill(NO_CENTER, { id: centerId }));
  const { items } = await memoizedLevel(context, year, region.level);
  const item = items.find((entry) => entry.centerId === centerId);
  if (!item) throw new ProblemError('not_found', fill(NO_CENTER, { id: centerId }));
  return item;
}
