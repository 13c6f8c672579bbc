import { RegionCode } from './common.js';
import { CATEGORY_IDS } from './rules/catalog.js';
import * as z from './zod.js';

export const RegionLevel = z.enum(['province', 'city', 'county']);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** An administrative region of Guangdong (GB/T 2260). */
export const Region = z.object({
  code: RegionCode,
  name: z.string(),
  level: RegionLevel,
  parentCode: z.nullable(RegionCode),
});
export type Region = z.infer<typeof Region>;

export const RegionList = z.object({ items: z.array(Region) });
export type RegionList = z.infer<typeof RegionList>;

export const CategoryId = z.enum(CATEGORY_IDS);
export type CategoryId = z.infer<typeof CategoryId>;

/** A service category; `name` is Simplified Chinese. */
export const ServiceCategory = z.object({
  id: CategoryId,
  name: z.string(),
  nameEn: z.string(),
});
export type ServiceCategory = z.infer<typeof ServiceCategory>;

export const CategoryList = z.object({ items: z.array(ServiceCategory) });
export type CategoryList = z.infer<typeof CategoryList>;
