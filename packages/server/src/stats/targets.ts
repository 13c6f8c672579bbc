import type { EvaluationWeights, MessageLocale, Region, RegionTargets, ScorecardTargets } from '@smec/schemas';
import { DEFAULT_EVALUATION_WEIGHTS, provincialTargetsOf, shareOfTarget } from '@smec/schemas/rules';
import type { Kysely, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';

type Reader = Kysely<Database> | Transaction<Database>;

/** A share the province set for a city or county. */
export interface SetShare {
  readonly providersIntegrated: number;
  readonly enterpriseServices: number;
}

/** A year's settings as stored: revision 0 and the default weights until the province sets the year. */
export interface YearSettings {
  readonly year: number;
  readonly weights: EvaluationWeights;
  readonly revision: number;
  readonly updatedAt: string | null;
  readonly shares: ReadonlyMap<string, SetShare>;
}

export async function yearSettings(db: Reader, year: number): Promise<YearSettings> {
  const row = await db.selectFrom('evaluation_years').selectAll().where('year', '=', year).executeTakeFirst();
  const shares = row
    ? await db
        .selectFrom('target_shares')
        .select(['region_code', 'providers_integrated', 'enterprise_services'])
        .where('year', '=', year)
        .execute()
    : [];
  return {
    year,
    weights: row
      ? { resources: row.weight_resources, matching: row.weight_matching, effect: row.weight_effect }
      : { ...DEFAULT_EVALUATION_WEIGHTS },
    revision: row?.revision ?? 0,
    updatedAt: row?.updated_at ?? null,
    shares: new Map(
      shares.map((share) => [
        share.region_code,
        { providersIntegrated: share.providers_integrated, enterpriseServices: share.enterprise_services },
      ]),
    ),
  };
}

export interface ResolvedTarget {
  readonly targets: ScorecardTargets;
  readonly source: RegionTargets['source'];
}

/**
 * Every region's target of a year. The province has the policy's of the year (`provincialTargetsOf`); a city or
 * county the share the province set for it, or else an equal share of its parent's target among the parent's
 * children, rounded up, so that shares not set still add up to at least the parent's target.
 */
export function resolveTargets(regions: RegionIndex, year: number, shares: ReadonlyMap<string, SetShare>) {
  const resolved = new Map<string, ResolvedTarget>();
  const visit = (region: Region, parent: ScorecardTargets | null, siblings: number) => {
    const set = shares.get(region.code);
    let entry: ResolvedTarget;
    if (region.level === 'province') entry = { targets: provincialTargetsOf(year), source: 'policy' };
    else if (set) entry = { targets: { ...set }, source: 'set' };
    else {
      const share = (target: number | null | undefined) =>
        target === null || target === undefined ? null : shareOfTarget(target, siblings);
      entry = {
        targets: {
          providersIntegrated: share(parent?.providersIntegrated),
          enterpriseServices: share(parent?.enterpriseServices),
        },
        source: 'equalShare',
      };
    }
    resolved.set(region.code, entry);
    const children = regions.childrenOf(region.code);
    for (const child of children) visit(child, entry.targets, children.length);
  };
  visit(regions.province, null, 1);
  return resolved;
}

/** A region's targets of a year, as the scorecard shows them. */
export async function targetsOf(db: Reader, regions: RegionIndex, region: Region, year: number) {
  const settings = await yearSettings(db, year);
  return (
    resolveTargets(regions, year, settings.shares).get(region.code)?.targets ?? {
      providersIntegrated: null,
      enterpriseServices: null,
    }
  );
}

const BASIS: Readonly<Record<MessageLocale, (year: number) => string>> = {
  'zh-CN': (year) =>
    year >= 2020
      ? '省级目标取自政策（2020年起整合服务机构1万家、年服务中小微企业30万家次）；地市、县（区）目标为省级管理员当年设定的份额，未设定的按上级目标在其下级之间平均分摊，向上取整。'
      : '省级目标取自政策（2018年整合服务机构5000家、年服务中小微企业10万家次，2019年沿用）；地市、县（区）目标为省级管理员当年设定的份额，未设定的按上级目标在其下级之间平均分摊，向上取整。',
  'zh-HK': (year) =>
    year >= 2020
      ? '省級目標取自政策（2020年起整合服務機構1萬家、年服務中小微企業30萬家次）；地市、縣（區）目標為省級管理員當年設定的份額，未設定的按上級目標在其下級之間平均分攤，向上取整。'
      : '省級目標取自政策（2018年整合服務機構5000家、年服務中小微企業10萬家次，2019年沿用）；地市、縣（區）目標為省級管理員當年設定的份額，未設定的按上級目標在其下級之間平均分攤，向上取整。',
  en: (year) =>
    year >= 2020
      ? "The province's targets are the policy's (from 2020, 10,000 providers integrated and 300,000 enterprise-services a year); a city's or county's is the share the province's administrators set for the year, or else an equal share of its parent's target among the parent's cities or counties, rounded up."
      : "The province's targets are the policy's (for 2018, 5,000 providers integrated and 100,000 enterprise-services a year, kept for 2019); a city's or county's is the share the province's administrators set for the year, or else an equal share of its parent's target among the parent's cities or counties, rounded up.",
};

/** How a year's targets are set, in the request's language (the scorecard's `targetBasis`, the targets' `basis`). */
export function targetBasis(year: number, locale: MessageLocale): string {
  return BASIS[locale](year);
}
