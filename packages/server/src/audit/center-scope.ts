// Which centers' records a staff member reads: its own region's and every region's below it, optionally narrowed
// to one center at or below its own. The region codes say where a region lies (GB/T 2260): a city's counties share
// its first four digits, and the province's every region its first two.
import type { Principal } from '@smec/schemas';
import type { RegionIndex } from '../catalog/regions.js';
import { unknownRegion } from '../http/common-problems.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';

const TEXT = {
  noRegion: {
    'zh-CN': '您的账号没有所属的服务中心。',
    'zh-HK': '您的帳戶沒有所屬的服務中心。',
    en: 'Your account acts for no center.',
  },
  outsideRegion: {
    'zh-CN': '地区 {region} 不在您管理的地区（{own}）范围内。',
    'zh-HK': '地區 {region} 不在您管理的地區（{own}）範圍內。',
    en: 'Region {region} lies outside the region you administer ({own}).',
  },
} as const satisfies Record<string, Localized>;

/** The region whose centers a reader sees: its own, or `asked` when that lies within (403 otherwise). */
export function centerScope(regions: RegionIndex, principal: Principal, asked: string | undefined, path: string) {
  const own = principal.regionCode;
  if (!own) throw new ProblemError('forbidden', TEXT.noRegion);
  const region = asked ?? own;
  if (!regions.get(region)) throw unknownRegion(path, region);
  if (!regions.isWithin(region, own)) throw new ProblemError('forbidden', fill(TEXT.outsideRegion, { region, own }));
  return region;
}

/** How a region column is matched to lie within `region` (a known region): a code prefix, or the code itself. */
export function withinRegion(regions: RegionIndex, region: string): readonly ['like' | '=', string] {
  const level = regions.get(region)?.level;
  if (level === 'province') return ['like', `${region.slice(0, 2)}%`];
  if (level === 'city') return ['like', `${region.slice(0, 4)}%`];
  return ['=', region];
}
