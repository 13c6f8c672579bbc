// Zod-free rules of the expert database (服务专家库): the bounds an expert's fields keep, checked alike by the server
// and any form that adds or edits an expert. Each check answers the message key of its refusal, or null.
import { textLength } from './text.js';

export const EXPERT_NAME_MIN = 2;
export const EXPERT_NAME_MAX = 30;
export const EXPERT_TITLE_MIN = 2;
export const EXPERT_TITLE_MAX = 30;
export const EXPERT_SPECIALTIES_MIN = 1;
export const EXPERT_SPECIALTIES_MAX = 5;
export const EXPERT_YEARS_MAX = 60;
export const EXPERT_BIO_MAX = 1000;

export type ExpertMessageKey =
  | 'expert.name'
  | 'expert.title'
  | 'expert.specialties'
  | 'expert.years'
  | 'expert.bio'
  // Refusals of references only the server can check: a product not of the expert's provider, a provider or a
  // region outside the writer's own.
  | 'expert.product'
  | 'expert.provider'
  | 'expert.region';

function within(text: string, min: number, max: number): boolean {
  const length = textLength(text.trim());
  return length >= min && length <= max;
}

export function checkExpertName(name: string): ExpertMessageKey | null {
  return within(name, EXPERT_NAME_MIN, EXPERT_NAME_MAX) ? null : 'expert.name';
}

export function checkExpertTitle(title: string): ExpertMessageKey | null {
  return within(title, EXPERT_TITLE_MIN, EXPERT_TITLE_MAX) ? null : 'expert.title';
}

/** 1–5 categories, none twice. */
export function checkExpertSpecialties(categoryIds: readonly string[]): ExpertMessageKey | null {
  const count = new Set(categoryIds).size;
  const fits = count === categoryIds.length && count >= EXPERT_SPECIALTIES_MIN && count <= EXPERT_SPECIALTIES_MAX;
  return fits ? null : 'expert.specialties';
}

/** Whole years of practice, 0–60. */
export function checkExpertYears(years: number): ExpertMessageKey | null {
  return Number.isInteger(years) && years >= 0 && years <= EXPERT_YEARS_MAX ? null : 'expert.years';
}

export function checkExpertBio(bio: string): ExpertMessageKey | null {
  return textLength(bio) <= EXPERT_BIO_MAX ? null : 'expert.bio';
}
