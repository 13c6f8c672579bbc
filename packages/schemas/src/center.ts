// A service center of the three-level network (三级服务中心) as the public reads it, what its administrators change of
// its record, and the network's coverage by year.
import { DateOnly, Id, RegionCode, pageOf } from './common.js';
import { RegionLevel } from './reference.js';
import { CENTER_ORG_FORMS, CENTER_REQUIREMENTS, CENTER_SETUPS } from './rules/centers.js';
import * as z from './zod.js';

export const CenterOrgForm = z.enum(CENTER_ORG_FORMS);
export const CenterSetup = z.enum(CENTER_SETUPS);

/** A requirement of the center's level it falls short of: what the policy asks and what the center has. */
export const CenterShortfall = z.object({
  requirement: z.enum(CENTER_REQUIREMENTS),
  /** For `ownSpace`, 1 (it needs one); for `qualifiedShare`, percent. */
  required: z.number(),
  actual: z.number(),
});
export type CenterShortfall = z.infer<typeof CenterShortfall>;

/**
 * A center: its level and region, its organisation form (事业单位 / 民办非企业 / 企业), how it was set up (成立 / 认定 /
 * 指定) and by which document, its contacts and opening hours, its floor area (m²), full-time staff and how many of
 * them hold an intermediate title or a degree, and the basic-requirement check of its level
 * (`requirements.shortfalls` is empty when it meets them all). One center per region: its id is `ctr-<region code>`.
 */
export const Center = z.object({
  id: Id,
  name: z.string(),
  level: RegionLevel,
  regionCode: RegionCode,
  regionName: z.string(),
  /** The city the region belongs to (a city's own code; the province's is null). */
  cityCode: z.nullable(RegionCode),
  orgForm: CenterOrgForm,
  setup: CenterSetup,
  /** The document that set the center up, recognised or designated it, e.g. 粤经信中小〔2016〕12号. */
  setupDocument: z.string(),
  establishedOn: DateOnly,
  address: z.string(),
  phone: z.string(),
  website: z.nullable(z.string()),
  openingHours: z.string(),
  floorArea: z.int().check(z.minimum(0)),
  staffCount: z.int().check(z.minimum(0)),
  qualifiedStaffCount: z.int().check(z.minimum(0)),
  /** `qualifiedStaffCount` of `staffCount`, percent to one decimal (rounded down). */
  qualifiedShare: z.number(),
  /** Whether it has a service space of its own (the county level's requirement). */
  ownSpace: z.boolean(),
  requirements: z.object({ met: z.boolean(), shortfalls: z.array(CenterShortfall) }),
  /** Counts its administrators' changes: `"<id>.r<revision>"` is the ETag a change sends as `If-Match`. */
  revision: z.int().check(z.minimum(0)),
});
export type Center = z.infer<typeof Center>;

export const CenterPage = pageOf(Center);
export type CenterPage = z.infer<typeof CenterPage>;

const CoverageFigures = {
  /** Regions counted: for a city, itself and its counties; for the province, all of the three levels. */
  regions: z.int().check(z.minimum(0)),
  covered: z.int().check(z.minimum(0)),
  /** Percent to one decimal (rounded down). */
  share: z.number(),
  /** Whether the year's target is met; null when the policy set none for the year. */
  meetsTarget: z.nullable(z.boolean()),
};

export const CityCoverage = z.object({
  regionCode: RegionCode,
  name: z.string(),
  ...CoverageFigures,
  /** Whether the city itself has its center. */
  cityCenter: z.boolean(),
  /** The regions of the city still without a center by the year's end. */
  uncovered: z.array(z.object({ code: RegionCode, name: z.string() })),
});
export type CityCoverage = z.infer<typeof CityCoverage>;

export const Coverage = z.object({
  year: z.int(),
  /** `everyCity` (2017: a center in every prefecture-level city), `shareAbove` (from 2018: over `share`%), `none`. */
  target: z.object({ kind: z.enum(['everyCity', 'shareAbove', 'none']), share: z.nullable(z.number()) }),
  province: z.object({
    ...CoverageFigures,
    citiesCovered: z.int().check(z.minimum(0)),
    cities: z.int().check(z.minimum(0)),
  }),
  cities: z.array(CityCoverage),
  /** How the figures are counted, in the request's language. */
  basis: z.string(),
});
export type Coverage = z.infer<typeof Coverage>;
