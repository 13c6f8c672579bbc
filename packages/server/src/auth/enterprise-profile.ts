// The profile of an enterprise first known from a sign-in: the token carries its credit code and name, nothing else.
import type { EnterpriseTable } from '../db/schema.js';

/**
 * What the platform keeps for the fields a token does not carry, each a value that means "not on record" and that
 * no rule can mistake for a fact:
 * - `size` `unknown` is in no batch's sizes, so no claim passes the size rule (the refusal says the size is missing);
 * - `tags` none, so no batch that asks for a recognition (专精特新…) is claimable;
 * - `legal_representative` '' never matches a provider's (the related-party rule treats '' as unknown);
 * - `industry` and `founded_on` '', `employees` 0: read by no rule; the center completes them from the registry.
 */
export const UNKNOWN_ENTERPRISE_PROFILE = {
  size: 'unknown',
  industry: '',
  founded_on: '',
  employees: 0,
  tags: '[]',
  legal_representative: '',
} as const satisfies Partial<EnterpriseTable>;

/** The id of an enterprise's row, from its credit code: the seed's rule too, so that both name one enterprise alike. */
export function enterpriseIdOf(uscc: string): string {
  return `ent-${uscc.toLowerCase()}`;
}
