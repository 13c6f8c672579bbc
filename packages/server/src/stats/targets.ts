import type { Region, ScorecardTargets } from '@smec/schemas';
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

export const TARGET_BASIS =
  "省级目标取自政策（整合服务机构1万家、年服务中小微企业30万家次）；地市目标按全省地级以上市数平均分摊，县（区）目标按所属地市的县（区）数平均分摊，向上取整。 The province's targets are the policy's; a city's is an equal share of the province's among the cities, a county's an equal share of its city's among its counties, rounded up.";
