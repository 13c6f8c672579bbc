// The policy form's values and rules, apart from its markup so that they are tested without a browser: the text
// bounds the input schema is built on (rules/policy.ts), a web address, dates in order.
import type { Policy, PolicyInput, PolicyPatch } from '@smec/schemas';
import { isRegionCode, policyTextProblem, webUrl } from '@smec/schemas/rules';

export const POLICY_FIELDS = [
  'title',
  'issuer',
  'docNumber',
  'regionCode',
  'publishedAt',
  'effectiveFrom',
  'effectiveUntil',
  'categoryIds',
  'summary',
  'url',
] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];
export type PolicyTextValue = Exclude<PolicyField, 'categoryIds'>;

/** What the form holds: every text as typed, dates as `2027-03-01`, the categories ticked. */
export type PolicyValues = Record<PolicyTextValue, string> & { readonly categoryIds: readonly string[] };

export type PolicyProblem = 'required' | 'tooLong' | 'date' | 'region' | 'url' | 'order';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(text: string): boolean {
  return DAY.test(text) && Number.isFinite(Date.parse(`${text}T00:00:00Z`));
}

export function emptyPolicy(regionCode: string): PolicyValues {
  return {
    title: '',
    issuer: '',
    docNumber: '',
    regionCode,
    publishedAt: '',
    effectiveFrom: '',
    effectiveUntil: '',
    categoryIds: [],
    summary: '',
    url: '',
  };
}

export function valuesOfPolicy(policy: Policy): PolicyValues {
  return {
    title: policy.title,
    issuer: policy.issuer,
    docNumber: policy.docNumber,
    regionCode: policy.regionCode,
    publishedAt: policy.publishedAt,
    effectiveFrom: policy.effectiveFrom,
    effectiveUntil: policy.effectiveUntil ?? '',
    categoryIds: policy.categoryIds,
    summary: policy.summary,
    url: policy.url,
  };
}

/** The rule each field breaks; none for a form that may be sent. */
export function policyProblems(values: PolicyValues): Partial<Record<PolicyField, PolicyProblem>> {
  const problems: Partial<Record<PolicyField, PolicyProblem>> = {};
  for (const field of ['title', 'issuer', 'docNumber', 'summary'] as const) {
    const problem = policyTextProblem(field, values[field]);
    if (problem) problems[field] = problem;
  }
  if (!isRegionCode(values.regionCode.trim())) problems.regionCode = 'region';
  if (values.publishedAt.trim() && !isDay(values.publishedAt.trim())) problems.publishedAt = 'date';
  if (!isDay(values.effectiveFrom.trim())) problems.effectiveFrom = 'date';
  const until = values.effectiveUntil.trim();
  if (until && !isDay(until)) problems.effectiveUntil = 'date';
  else if (until && !problems.effectiveFrom && until < values.effectiveFrom.trim()) problems.effectiveUntil = 'order';
  if (!webUrl(values.url.trim())) problems.url = 'url';
  return problems;
}

/** What `POST /policies` gets from a form without problems. */
export function policyInputOf(values: PolicyValues): PolicyInput {
  const publishedAt = values.publishedAt.trim();
  const until = values.effectiveUntil.trim();
  return {
    title: values.title.trim(),
    issuer: values.issuer.trim(),
    docNumber: values.docNumber.trim(),
    regionCode: values.regionCode.trim(),
    ...(publishedAt ? { publishedAt } : {}),
    effectiveFrom: values.effectiveFrom.trim(),
    effectiveUntil: until || null,
    categoryIds: [...values.categoryIds] as NonNullable<PolicyInput['categoryIds']>,
    summary: values.summary.trim(),
    url: values.url.trim(),
  };
}

/** What `PATCH /policies/{id}` gets: every field, so that the policy is as the form shows it. */
export function policyPatchOf(values: PolicyValues, policy: Pick<Policy, 'publishedAt'>): PolicyPatch {
  const input = policyInputOf(values);
  return { ...input, publishedAt: input.publishedAt ?? policy.publishedAt };
}

/** The form's field a path of the platform's refusal names (`body.docNumber` → `docNumber`). */
export function policyFieldOf(path: string): PolicyField | undefined {
  const name = path.replace(/^body\./, '').split('.')[0];
  return POLICY_FIELDS.find((field) => field === name);
}
