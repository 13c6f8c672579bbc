// The three-level network of centers (三级服务中心): the basic requirements a center of each level must meet and the
// coverage targets of the network, as the provincial policy sets them. Zod-free: the workbench checks a record as it
// is typed with the same rules the server answers with.

export const CENTER_ORG_FORMS = ['publicInstitution', 'privateNonEnterprise', 'enterprise'] as const;

/** How a center came to be: set up by the government (成立), recognised (认定) or designated (指定). */
export const CENTER_SETUPS = ['established', 'recognized', 'designated'] as const;

export type CenterLevel = 'province' | 'city' | 'county';

/** 基本要求: floor area (m²), staff and the share (%) of staff with an intermediate title or a degree. */
export const CENTER_MINIMUMS = {
  province: { floorArea: 1000, staffCount: 35, qualifiedShare: 80 },
  city: { floorArea: 200, staffCount: 6, qualifiedShare: 70 },
} as const;

export const CENTER_REQUIREMENTS = ['floorArea', 'staffCount', 'qualifiedShare', 'ownSpace', 'fullTimeStaff'] as const;
export type CenterRequirement = (typeof CENTER_REQUIREMENTS)[number];

/** What a requirement asks and what the center has: `ownSpace` is 1 (yes) or 0 (no). */
export interface RequirementShortfall {
  readonly requirement: CenterRequirement;
  readonly required: number;
  readonly actual: number;
}

export interface CenterFacts {
  readonly floorArea: number;
  readonly staffCount: number;
  readonly qualifiedStaffCount: number;
  readonly ownSpace: boolean;
}

/** The share of qualified staff in percent, to one decimal; a center without staff has none. */
export function qualifiedShareOf(facts: Pick<CenterFacts, 'staffCount' | 'qualifiedStaffCount'>): number {
  if (facts.staffCount <= 0) return 0;
  return Math.floor((facts.qualifiedStaffCount * 1000) / facts.staffCount) / 10;
}

/**
 * Every requirement of its level the center falls short of, in the policy's order. A county's are its own service
 * space and full-time staff (at least one); the province's and a city's their three minimums.
 */
export function centerShortfalls(level: CenterLevel, facts: CenterFacts): RequirementShortfall[] {
  if (level === 'county') {
    const shortfalls: RequirementShortfall[] = [];
    if (!facts.ownSpace) shortfalls.push({ requirement: 'ownSpace', required: 1, actual: 0 });
    if (facts.staffCount < 1) shortfalls.push({ requirement: 'fullTimeStaff', required: 1, actual: facts.staffCount });
    return shortfalls;
  }
  const minimum = CENTER_MINIMUMS[level];
  const share = qualifiedShareOf(facts);
  const checks: RequirementShortfall[] = [
    { requirement: 'floorArea', required: minimum.floorArea, actual: facts.floorArea },
    { requirement: 'staffCount', required: minimum.staffCount, actual: facts.staffCount },
    { requirement: 'qualifiedShare', required: minimum.qualifiedShare, actual: share },
  ];
  return checks.filter((check) => check.actual < check.required);
}

/**
 * The network's coverage target for a year: by the end of 2017 a center in every prefecture-level city; from 2018,
 * centers in over 90% of the regions of the three levels (province, cities, counties). Before 2017 the policy set
 * none. A city is held to the same share over its own region and its counties.
 */
export type CoverageTarget =
  | { readonly kind: 'everyCity'; readonly year: number }
  | { readonly kind: 'shareAbove'; readonly year: number; readonly share: number }
  | { readonly kind: 'none'; readonly year: number };

export function coverageTargetOf(year: number): CoverageTarget {
  if (year < 2017) return { kind: 'none', year };
  if (year === 2017) return { kind: 'everyCity', year };
  return { kind: 'shareAbove', year, share: 90 };
}

/** Covered regions of all, in percent to one decimal. */
export function coverageShare(covered: number, regions: number): number {
  return regions === 0 ? 0 : Math.floor((covered * 1000) / regions) / 10;
}

export const CENTER_TEXT_LIMITS = {
  name: { min: 4, max: 60 },
  setupDocument: { min: 2, max: 100 },
  address: { min: 4, max: 120 },
  openingHours: { min: 2, max: 100 },
} as const;
export type CenterTextField = keyof typeof CENTER_TEXT_LIMITS;

/** A landline with its area code (020-83331234, 0754-88881234, extension after -) or a mainland mobile. */
export function isCenterPhone(value: string): boolean {
  return (
    /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/.test(value) ||
    /^1[3-9]\d{9}$/.test(value) ||
    /^(400|800)-?\d{3}-?\d{4}$/.test(value)
  );
}
