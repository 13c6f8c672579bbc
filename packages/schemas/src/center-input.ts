// What is sent about centers: the directory's filters, the coverage's year, and an administrator's change of the
// center's record. Apart from center.ts, so that the SDK's bundle carries only the answers' schemas.
import { ruledText } from './bounds.js';
import { DateOnly, RegionCode } from './common.js';
import { CenterOrgForm, CenterSetup } from './center.js';
import { ListQuery, QueryBool, queryInt } from './query.js';
import { RegionLevel } from './reference.js';
import { CENTER_TEXT_LIMITS, isCenterPhone, type CenterTextField } from './rules/centers.js';
import { textLength } from './rules/text.js';
import { webUrl } from './rules/web-url.js';
import * as z from './zod.js';

/** `region` keeps that region's center and those below it; `q` matches the name or the region's name. */
export const CentersQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(60))),
  level: z.optional(RegionLevel),
  region: z.optional(RegionCode),
  meetsRequirements: z.optional(QueryBool),
  ...ListQuery,
});
export type CentersQuery = z.input<typeof CentersQuery>;

function text(field: CenterTextField) {
  const { min, max } = CENTER_TEXT_LIMITS[field];
  return ruledText(max, 'invalid', (value) => {
    const length = textLength(value.trim());
    return length >= min && length <= max ? undefined : 'invalid';
  });
}

const Count = (max: number) =>
  z.int({ error: 'invalid' }).check(z.minimum(0, { error: 'invalid' }), z.maximum(max, { error: 'invalid' }));

/**
 * What a center's administrators change of its record; the fields left out stay. `qualifiedStaffCount` above
 * `staffCount` is 422 `rules_not_met` on `qualifiedStaffCount`.
 */
export const CenterPatch = z.object({
  name: z.optional(text('name')),
  orgForm: z.optional(CenterOrgForm),
  setup: z.optional(CenterSetup),
  setupDocument: z.optional(text('setupDocument')),
  establishedOn: z.optional(DateOnly),
  address: z.optional(text('address')),
  phone: z.optional(
    z.string().check(
      z.maxLength(24),
      z.refine((value) => isCenterPhone(value.trim()), { error: 'invalid' }),
    ),
  ),
  website: z.optional(
    z.nullable(
      z.string().check(
        z.maxLength(300),
        z.refine((value) => webUrl(value) !== undefined, { error: 'invalid' }),
      ),
    ),
  ),
  openingHours: z.optional(text('openingHours')),
  floorArea: z.optional(Count(1_000_000)),
  staffCount: z.optional(Count(10_000)),
  qualifiedStaffCount: z.optional(Count(10_000)),
  ownSpace: z.optional(z.boolean()),
});
export type CenterPatch = z.infer<typeof CenterPatch>;

/** The coverage of a year: the regions with a center set up by the year's end. */
export const CoverageQuery = z.object({ year: queryInt(2000, 2100) });
export type CoverageQuery = z.input<typeof CoverageQuery>;
