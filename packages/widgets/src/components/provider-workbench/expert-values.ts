// The expert form's values and rules, apart from its markup so that they are tested without a browser: the same
// shared rules (rules/expert.ts) the server checks with, so a form that passes here is refused only for what the
// server alone knows (a product that is not the provider's).
import type { ExpertDetail, ExpertInput, ExpertPatch } from '@smec/schemas';
import {
  checkExpertBio,
  checkExpertName,
  checkExpertSpecialties,
  checkExpertTitle,
  checkExpertYears,
  type ExpertMessageKey,
} from '@smec/schemas/rules';

export const EXPERT_FIELDS = ['name', 'title', 'specialties', 'years', 'bio', 'productIds'] as const;
export type ExpertField = (typeof EXPERT_FIELDS)[number];

export interface ExpertValues {
  name: string;
  title: string;
  specialties: string[];
  /** As typed: whole years, checked when sent. */
  years: string;
  bio: string;
  productIds: string[];
}

export const EMPTY_EXPERT: ExpertValues = {
  name: '',
  title: '',
  specialties: [],
  years: '',
  bio: '',
  productIds: [],
};

export function valuesOfExpert(expert: ExpertDetail): ExpertValues {
  return {
    name: expert.name,
    title: expert.title,
    specialties: [...expert.specialties],
    years: String(expert.years),
    bio: expert.bio,
    productIds: expert.products.map((product) => product.id),
  };
}

/** Whole years as typed (full-width digits too); NaN for anything else, which the rule refuses. */
export function parseYears(text: string): number {
  const digits = text.trim().replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
  return /^\d{1,3}$/.test(digits) ? Number(digits) : Number.NaN;
}

/** The rule each field breaks, by the shared rules' message keys; none for a form that may be sent. */
export function expertProblems(values: ExpertValues): Partial<Record<ExpertField, ExpertMessageKey>> {
  const problems: Partial<Record<ExpertField, ExpertMessageKey>> = {};
  const checks: [ExpertField, ExpertMessageKey | null][] = [
    ['name', checkExpertName(values.name)],
    ['title', checkExpertTitle(values.title)],
    ['specialties', checkExpertSpecialties(values.specialties)],
    ['years', checkExpertYears(parseYears(values.years))],
    ['bio', checkExpertBio(values.bio)],
  ];
  for (const [field, key] of checks) if (key) problems[field] = key;
  return problems;
}

/** What `POST /me/experts` gets: the provider's own expert, in its own region. */
export function expertInputOf(values: ExpertValues): ExpertInput {
  const bio = values.bio.trim();
  return {
    name: values.name.trim(),
    title: values.title.trim(),
    specialties: values.specialties as ExpertInput['specialties'],
    years: parseYears(values.years),
    ...(bio ? { bio } : {}),
    productIds: values.productIds,
  };
}

/** What `PATCH /me/experts/{id}` gets: every field of the form, which replaces what is held. */
export function expertPatchOf(values: ExpertValues): ExpertPatch {
  return { ...expertInputOf(values), bio: values.bio.trim() };
}

/** The form's field of a path the platform named (`body.productIds.2` is the products'). */
export function expertFieldOf(path: string): ExpertField | undefined {
  const name = path.replace(/^body\./, '').split('.')[0];
  return EXPERT_FIELDS.find((field) => field === name);
}
