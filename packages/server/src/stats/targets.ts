import type { MessageLocale, Region, ScorecardTargets } from '@smec/schemas';
import { PROVINCIAL_TARGETS, shareOfTarget } from '@smec/schemas/rules';
import type { RegionIndex } from '../catalog/regions.js';

/**
 * A region's targets. The policy sets them for the province only; below it we take an equal share, rounded up:
 * a city's is the province's divided by the number of cities, a county's its city's divided by the city's counties.
 */
export function targetsOf(regions: RegionIndex, region: Region): ScorecardTargets {
  if (region.level === 'province') return { ...PROVINCIAL_TARGETS };
  const parent = region.parentCode ? regions.get(region.parentCode) : undefined;
  if (!parent) return { providersIntegrated: null, enterpriseServices: null };
  const parentTargets = targetsOf(regions, parent);
  const siblings = regions.childrenOf(parent.code).length;
  const share = (target: number | null) => (target === null ? null : shareOfTarget(target, siblings));
  return {
    providersIntegrated: share(parentTargets.providersIntegrated),
    enterpriseServices: share(parentTargets.enterpriseServices),
  };
}

/** How the targets are set, in the request's language (the scorecard's `targetBasis`). */
export const TARGET_BASIS: Readonly<Record<MessageLocale, string>> = {
  'zh-CN':
    '省级目标取自政策（整合服务机构1万家、年服务中小微企业30万家次）；地市目标按全省地级以上市数平均分摊，县（区）目标按所属地市的县（区）数平均分摊，向上取整。',
  'zh-HK':
    '省級目標取自政策（整合服務機構1萬家、年服務中小微企業30萬家次）；地市目標按全省地級以上市數平均分攤，縣（區）目標按所屬地市的縣（區）數平均分攤，向上取整。',
  en: "The province's targets are the policy's (10,000 providers integrated, 300,000 enterprise-services a year); a city's is an equal share of the province's among the prefecture-level cities, a county's an equal share of its city's among the city's counties, rounded up.",
};
