// The network's coverage in a year: which regions had a center set up by the year's end, for each city (itself and
// its counties) and for the province (every region of the three levels), against the policy's target of that year.
import type { CityCoverage, Coverage, MessageLocale } from '@smec/schemas';
import { coverageShare, coverageTargetOf, type CoverageTarget } from '@smec/schemas/rules';
import type { Localized } from '../http/localized.js';
import { regionsBelow } from '../catalog/regions.js';
import type { CenterContext } from './store.js';

const BASIS = {
  'zh-CN':
    '按年末已成立（认定、指定）服务中心的行政区统计：地市含本级及所辖县（区），全省含省、市、县三级。目标：2017 年底各地级以上市均建立服务中心；2018 年起省、市、县三级服务中心覆盖率超过 90%（各市按同一比例衡量）。',
  'zh-HK':
    '按年末已成立（認定、指定）服務中心的行政區統計：地市含本級及所轄縣（區），全省含省、市、縣三級。目標：2017 年底各地級以上市均建立服務中心；2018 年起省、市、縣三級服務中心覆蓋率超過 90%（各市按同一比例衡量）。',
  en: 'Counts the regions whose center was set up (or recognised, or designated) by the end of the year: a city with its counties, the province with all three levels. Targets: a center in every prefecture-level city by the end of 2017; from 2018, centers in over 90% of the regions of the three levels (each city held to the same share).',
} as const satisfies Localized;

function meets(target: CoverageTarget, share: number, citiesMet: boolean): boolean | null {
  if (target.kind === 'none') return null;
  if (target.kind === 'everyCity') return citiesMet;
  return share > target.share;
}

export async function coverageOf(context: CenterContext, year: number, locale: MessageLocale): Promise<Coverage> {
  const rows = await context.db
    .selectFrom('centers')
    .select('region_code')
    .where('established_on', '<=', `${year}-12-31`)
    .execute();
  const covered = new Set(rows.map((row) => row.region_code));
  const target = coverageTargetOf(year);
  const province = context.regions.province;
  const cities: CityCoverage[] = context.regions.childrenOf(province.code).map((city) => {
    const codes = regionsBelow(context.regions, city.code);
    const uncovered = codes.filter((code) => !covered.has(code));
    const share = coverageShare(codes.length - uncovered.length, codes.length);
    const cityCenter = covered.has(city.code);
    return {
      regionCode: city.code,
      name: city.name,
      regions: codes.length,
      covered: codes.length - uncovered.length,
      share,
      meetsTarget: meets(target, share, cityCenter),
      cityCenter,
      uncovered: uncovered.map((code) => ({ code, name: context.regions.get(code)?.name ?? code })),
    };
  });
  const all = context.regions.all.length;
  const coveredAll = context.regions.all.filter((region) => covered.has(region.code)).length;
  const citiesCovered = cities.filter((city) => city.cityCenter).length;
  const share = coverageShare(coveredAll, all);
  return {
    year,
    target: { kind: target.kind, share: target.kind === 'shareAbove' ? target.share : null },
    province: {
      regions: all,
      covered: coveredAll,
      share,
      meetsTarget: meets(target, share, citiesCovered === cities.length),
      citiesCovered,
      cities: cities.length,
    },
    cities,
    basis: BASIS[locale],
  };
}
