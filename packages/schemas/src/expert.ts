// The expert database (服务专家库): an expert as the public sees one. What a provider or a center sends to add or edit
// one is in expert-input.ts, apart, so that a bundle reading experts leaves the input rules out.
import { Id, NamedRef, RegionCode, pageOf } from './common.js';
import { CategoryId } from './reference.js';
import { EXPERT_YEARS_MAX } from './rules/expert.js';
import * as z from './zod.js';

const expertFields = {
  id: Id,
  name: z.string(),
  title: z.string(),
  /** Categories, in the categories' order. */
  specialties: z.array(CategoryId),
  years: z.int().check(z.minimum(0), z.maximum(EXPERT_YEARS_MAX)),
  bio: z.string(),
  regionCode: RegionCode,
  provider: z.nullable(NamedRef),
  /** The center (its region) that added the expert, when no provider did. */
  centerRegionCode: z.nullable(RegionCode),
  listed: z.boolean(),
  updatedAt: z.string(),
};

/** An expert (服务专家) of a provider, or of a center when no provider added them. */
export const Expert = z.object(expertFields);
export type Expert = z.infer<typeof Expert>;

/** An expert with the published products they deliver. */
// The fields spread rather than `z.extend`, which would take one more zod function into every bundle.
export const ExpertDetail = z.object({ ...expertFields, products: z.array(NamedRef) });
export type ExpertDetail = z.infer<typeof ExpertDetail>;

export const ExpertPage = pageOf(Expert);
export type ExpertPage = z.infer<typeof ExpertPage>;
