import { DateOnly, Id, RegionCode, pageOf } from './common.js';
import { CategoryId, RegionLevel } from './reference.js';
import { POLICY_STATUSES } from './rules/policy.js';
import * as z from './zod.js';

export const PolicyStatus = z.enum(POLICY_STATUSES);
export type PolicyStatus = z.infer<typeof PolicyStatus>;

/**
 * A policy document that centers publicise (政策宣贯): a law, regulation or measure of the province, a city or a
 * county. `docNumber` is its document number (发文字号, e.g. 粤府办〔2016〕58号); `effectiveUntil` is the last day it
 * applies (null: no end date); `status` is computed on the day of the request (Asia/Shanghai).
 */
export const Policy = z.object({
  id: Id,
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string(),
  publishedAt: DateOnly,
  effectiveFrom: DateOnly,
  effectiveUntil: z.nullable(DateOnly),
  status: PolicyStatus,
  regionCode: RegionCode,
  regionName: z.string(),
  regionLevel: RegionLevel,
  categoryIds: z.array(CategoryId),
  summary: z.string(),
  url: z.string(),
  /** Counts its center's changes: `"<id>.r<revision>"` is the ETag a change sends as `If-Match`. */
  revision: z.int().check(z.minimum(0)),
});
export type Policy = z.infer<typeof Policy>;

export const PolicyPage = pageOf(Policy);
export type PolicyPage = z.infer<typeof PolicyPage>;
