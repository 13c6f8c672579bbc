// What a provider or a center sends to add or edit an expert (服务专家库), checked with the shared rules of
// rules/expert.ts, whose message keys the refusals carry.
import { ruledText } from './bounds.js';
import { Id, RegionCode } from './common.js';
import { CategoryId } from './reference.js';
import {
  EXPERT_BIO_MAX,
  EXPERT_NAME_MAX,
  EXPERT_SPECIALTIES_MAX,
  EXPERT_TITLE_MAX,
  EXPERT_YEARS_MAX,
  checkExpertBio,
  checkExpertName,
  checkExpertSpecialties,
  checkExpertTitle,
  checkExpertYears,
} from './rules/expert.js';
import * as z from './zod.js';

/** The products an expert delivers, at most this many. */
export const MAX_EXPERT_PRODUCTS = 20;

/** The shared rules answer null when a value passes; ruledText wants undefined. */
const passes =
  <T>(rule: (value: T) => string | null) =>
  (value: T) =>
    rule(value) ?? undefined;

const fields = {
  name: ruledText(EXPERT_NAME_MAX, 'expert.name', passes(checkExpertName)),
  title: ruledText(EXPERT_TITLE_MAX, 'expert.title', passes(checkExpertTitle)),
  specialties: z.array(CategoryId).check(
    z.maxLength(EXPERT_SPECIALTIES_MAX, { error: 'expert.specialties', abort: true }),
    z.refine((ids) => checkExpertSpecialties(ids) === null, { error: 'expert.specialties' }),
  ),
  years: z.int({ error: 'expert.years' }).check(
    z.minimum(0, { error: 'expert.years' }),
    z.maximum(EXPERT_YEARS_MAX, { error: 'expert.years' }),
    z.refine((years) => checkExpertYears(years) === null, { error: 'expert.years' }),
  ),
  bio: ruledText(EXPERT_BIO_MAX, 'expert.bio', passes(checkExpertBio)),
  productIds: z.array(Id).check(z.maxLength(MAX_EXPERT_PRODUCTS)),
};

/**
 * A new expert. A provider adds to its own; an administrator adds to its region (`regionCode`, by default its own)
 * and may name a provider of its region (`providerId`). The products must be the expert's provider's.
 */
export const ExpertInput = z.object({
  name: fields.name,
  title: fields.title,
  specialties: fields.specialties,
  years: fields.years,
  bio: z.optional(fields.bio),
  regionCode: z.optional(RegionCode),
  providerId: z.optional(Id),
  productIds: z.optional(fields.productIds),
});
export type ExpertInput = z.infer<typeof ExpertInput>;

/** A change to an expert: the fields sent replace those held; `listed: false` hides the expert from the public. */
export const ExpertPatch = z.object({
  name: z.optional(fields.name),
  title: z.optional(fields.title),
  specialties: z.optional(fields.specialties),
  years: z.optional(fields.years),
  bio: z.optional(fields.bio),
  productIds: z.optional(fields.productIds),
  listed: z.optional(z.boolean()),
});
export type ExpertPatch = z.infer<typeof ExpertPatch>;
