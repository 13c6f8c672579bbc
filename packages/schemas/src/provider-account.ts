// A provider after admission: its account as it keeps it (`/me/provider`), the changes it makes (applied at once, or
// waiting for its center when they touch its identity: name, credit code, legal representative), and what a center
// does to it (suspend, reinstate, remove; approve or refuse a change), each step on its timeline.
import { impliedMaxLength } from './bounds.js';
import { DemandUscc } from './demand.js';
import { ORGANISATION_FIELDS, SCOPE_FIELDS, CONTACT_FIELDS } from './provider-application.js';
import { checkEmail } from './rules/provider-application.js';
import { webUrl } from './rules/web-url.js';
import * as z from './zod.js';

/** The moves of a center on a provider; `approveChange` and `refuseChange` decide its pending change. */
export const PROVIDER_ACTIONS = ['suspend', 'reinstate', 'remove', 'approveChange', 'refuseChange'] as const;
export type ProviderAction = (typeof PROVIDER_ACTIONS)[number];

const reason = z.string().check(z.minLength(5), z.maxLength(500));

/** The body of `POST /providers/{id}/transitions`: every move but an approval gives its reason. */
export const ProviderTransition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('suspend'), reason }),
  z.object({ action: z.literal('reinstate'), reason }),
  z.object({ action: z.literal('remove'), reason }),
  z.object({ action: z.literal('approveChange'), reason: z.optional(reason) }),
  z.object({ action: z.literal('refuseChange'), reason }),
]);
export type ProviderTransition = z.infer<typeof ProviderTransition>;

/** The fields whose change goes back to review. */
export const IdentityChange = z.object({
  name: z.optional(ORGANISATION_FIELDS.name),
  uscc: z.optional(DemandUscc),
  legalRepresentative: z.optional(ORGANISATION_FIELDS.legalRepresentative),
});
export type IdentityChange = z.infer<typeof IdentityChange>;

const phone = z.string().check(z.regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/), impliedMaxLength(20));
const email = z.string().check(
  z.refine((value) => checkEmail(value) === undefined, { error: 'application.email' }),
  impliedMaxLength(254),
);
const website = z.string().check(
  z.maxLength(200),
  z.refine((value) => webUrl(value) !== undefined, { error: 'invalid' }),
);
const shortName = z.string().check(z.minLength(2), z.maxLength(30));

/**
 * The body of `PATCH /me/provider`: what the provider keeps itself is applied at once (and in the catalog); a new
 * name, credit code or legal representative waits for its center as a pending change.
 */
export const ProviderAccountPatch = z.object({
  shortName: z.optional(shortName),
  address: z.optional(ORGANISATION_FIELDS.address),
  contact: z.optional(CONTACT_FIELDS.name),
  phone: z.optional(phone),
  email: z.optional(z.nullable(email)),
  website: z.optional(z.nullable(website)),
  description: z.optional(SCOPE_FIELDS.description),
  categoryIds: z.optional(SCOPE_FIELDS.categoryIds),
  regionsServed: z.optional(SCOPE_FIELDS.regionsServed),
  acceptsVouchers: z.optional(z.boolean()),
  name: z.optional(ORGANISATION_FIELDS.name),
  uscc: z.optional(DemandUscc),
  legalRepresentative: z.optional(ORGANISATION_FIELDS.legalRepresentative),
});
export type ProviderAccountPatch = z.infer<typeof ProviderAccountPatch>;
