// What a center's staff send of a policy they publish (政策宣贯): a new one, a change (If-Match), a withdrawal.
import { describeTextLimit, textCap } from './bounds.js';
import { DateOnly, RegionCode } from './common.js';
import { CategoryId } from './reference.js';
import { CATEGORY_IDS } from './rules/catalog.js';
import { POLICY_TEXT_LIMITS, POLICY_URL_MAX, type PolicyTextField } from './rules/policy.js';
import { webUrl } from './rules/web-url.js';
import * as z from './zod.js';

function text(field: PolicyTextField) {
  const { min, max } = POLICY_TEXT_LIMITS[field];
  return z.string().check(
    textCap(max, 'invalid'),
    z.refine((value) => value.trim().length >= min, { error: 'required' }),
    describeTextLimit(max),
  );
}

const Url = z.string().check(
  z.maxLength(POLICY_URL_MAX),
  z.refine((value) => webUrl(value) !== undefined, { error: 'invalid' }),
);

const FIELDS = {
  title: text('title'),
  /** The issuing authority (发文机关), e.g. 广东省人民政府办公厅. */
  issuer: text('issuer'),
  /** The document number (发文字号), unique per issuer, e.g. 粤府办〔2016〕58号. */
  docNumber: text('docNumber'),
  /** Left out: today. */
  publishedAt: DateOnly,
  effectiveFrom: DateOnly,
  effectiveUntil: z.nullable(DateOnly),
  /** The policy's region: the staff member's center's region or one below it. */
  regionCode: RegionCode,
  categoryIds: z.array(CategoryId).check(z.maxLength(CATEGORY_IDS.length)),
  summary: text('summary'),
  url: Url,
};

export const PolicyInput = z.object({
  ...FIELDS,
  publishedAt: z.optional(FIELDS.publishedAt),
  effectiveUntil: z.optional(FIELDS.effectiveUntil),
  categoryIds: z.optional(FIELDS.categoryIds),
});
export type PolicyInput = z.infer<typeof PolicyInput>;

export const PolicyPatch = z.partial(z.object(FIELDS));
export type PolicyPatch = z.infer<typeof PolicyPatch>;

/** Why a policy is withdrawn from the public list (kept on the record). */
export const PolicyWithdrawInput = z.object({
  reason: z.string().check(
    textCap(200, 'invalid'),
    z.refine((value) => value.trim().length >= 2, { error: 'required' }),
    describeTextLimit(200),
  ),
});
export type PolicyWithdrawInput = z.infer<typeof PolicyWithdrawInput>;
