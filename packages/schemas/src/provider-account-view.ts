// A provider's account as the platform answers it (`/me/provider`, a center's moves), apart from what is sent
// (provider-account.ts): a client that reads accounts need not bundle the input rules.
import { DateTime, Id, RegionCode, pageOf } from './common.js';
import { Provider } from './catalog.js';
import * as z from './zod.js';

/** One step of a provider's life after admission, in order: what was done, when, why and by whom. */
export const ProviderTimelineEntry = z.object({
  action: z.enum(['suspend', 'reinstate', 'remove', 'requestChange', 'approveChange', 'refuseChange']),
  at: DateTime,
  reason: z.nullable(z.string()),
  actorUserId: Id,
});
export type ProviderTimelineEntry = z.infer<typeof ProviderTimelineEntry>;

/** A change of identity waiting for the center: the fields asked for, as asked. */
export const PendingChange = z.object({
  fields: z.object({
    name: z.optional(z.string()),
    uscc: z.optional(z.string()),
    legalRepresentative: z.optional(z.string()),
  }),
  requestedAt: DateTime,
});
export type PendingChange = z.infer<typeof PendingChange>;

/** A provider's account as it sees it, and as its center decides on it. */
export const ProviderAccount = z.object({
  /** As the catalog shows it (once admitted and not suspended). */
  profile: Provider,
  legalRepresentative: z.string(),
  regionsServed: z.array(RegionCode),
  /** Counts the provider's changes and its center's moves; the ETag names it. */
  revision: z.int().check(z.minimum(0)),
  timeline: z.array(ProviderTimelineEntry),
  pendingChange: z.nullable(PendingChange),
});
export type ProviderAccount = z.infer<typeof ProviderAccount>;

/** A page of the accounts of a center's region (`GET /provider-accounts`), by name. */
export const ProviderAccountPage = pageOf(ProviderAccount);
export type ProviderAccountPage = z.infer<typeof ProviderAccountPage>;
