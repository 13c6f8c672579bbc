import { impliedMaxLength } from './bounds.js';
import { DateOnly, Id, RegionCode } from './common.js';
import { EVENT_LIFECYCLE } from './rules/event-admin.js';
import { POLICY_VALIDITY_FILTERS } from './rules/policy.js';
import { ProductSort, ProviderSort } from './catalog.js';
import { QueryBool } from './query-bool.js';
import { CategoryId, RegionLevel } from './reference.js';
import { EventType, RegistrationStatus } from './event.js';
import { FollowUpStatus } from './rating.js';
import { BatchClaimState, EngagementPaidBy, EngagementStatus, VoucherStatus } from './voucher.js';
import * as z from './zod.js';

// The server's query-string and path schemas. They live apart from the response schemas so that a browser bundle,
// which only needs the responses, drops this module whole (package.json marks it free of side effects).

/** Query-string integer: strings are coerced, anything that is not a whole number fails. */
export function queryInt(min: number, max: number) {
  return z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));
}

export { QueryBool };

export const ListQuery = {
  limit: z.optional(queryInt(1, 100)),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
};

export const RegionsQuery = z.object({
  level: z.optional(RegionLevel),
  parent: z.optional(RegionCode),
});
export type RegionsQuery = z.infer<typeof RegionsQuery>;

export const ProvidersQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  category: z.optional(CategoryId),
  region: z.optional(RegionCode),
  acceptsVouchers: z.optional(QueryBool),
  sort: z.optional(ProviderSort),
  ...ListQuery,
});
export type ProvidersQuery = z.input<typeof ProvidersQuery>;

/**
 * Which providers a center lists by their admission: `current` (the default) those admitted or suspended, or one
 * state; removed ones only when asked for.
 */
export const ADMISSION_FILTERS = ['current', 'admitted', 'suspended', 'removed'] as const;
export type AdmissionFilter = (typeof ADMISSION_FILTERS)[number];

/** The providers of a center's region and the regions below it, by name; `q` finds a name or a credit code. */
export const ProviderAccountsQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  admission: z.optional(z.enum(ADMISSION_FILTERS)),
  ...ListQuery,
});
export type ProviderAccountsQuery = z.input<typeof ProviderAccountsQuery>;

export const ProductsQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  category: z.optional(CategoryId),
  region: z.optional(RegionCode),
  provider: z.optional(Id),
  voucherEligible: z.optional(QueryBool),
  free: z.optional(QueryBool),
  minPrice: z.optional(queryInt(0, 1_000_000_000)),
  maxPrice: z.optional(queryInt(0, 1_000_000_000)),
  minRating: z.optional(queryInt(0, 100)),
  sort: z.optional(ProductSort),
  ...ListQuery,
});
export type ProductsQuery = z.input<typeof ProductsQuery>;
export type ProductsQueryParsed = z.output<typeof ProductsQuery>;

export const IdParams = z.object({ id: Id });

/** A demand and one of its proposals. */
export const DemandProposalParams = z.object({ id: Id, proposalId: Id });

/**
 * A bound of an event range: a day (`2026-12-05`, a day in Asia/Shanghai) or a date-time with its offset
 * (`2026-12-05T14:00:00+08:00`).
 */
export const EventDateBound = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    error: 'Must be a date (YYYY-MM-DD) or a date-time with an offset',
  }),
  impliedMaxLength(29),
);

/** Filters of the event list: events overlapping [from, to]; `region` includes the regions below it. */
export const EventsQuery = z.object({
  /** `draft`: a center's own drafts, for its staff only; by default the published and cancelled events. */
  status: z.optional(z.enum(EVENT_LIFECYCLE)),
  from: z.optional(EventDateBound),
  to: z.optional(EventDateBound),
  region: z.optional(RegionCode),
  type: z.optional(EventType),
  category: z.optional(CategoryId),
  limit: z.optional(queryInt(1, 500)),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});
export type EventsQuery = z.input<typeof EventsQuery>;

/** Filters of the iCalendar feed. */
export const EventFeedQuery = z.object({
  region: z.optional(RegionCode),
  type: z.optional(EventType),
});
export type EventFeedQuery = z.input<typeof EventFeedQuery>;

/** The signed-in enterprise's registrations; cancelled ones only when asked for. */
export const MyRegistrationsQuery = z.object({
  status: z.optional(RegistrationStatus),
  ...ListQuery,
});
export type MyRegistrationsQuery = z.input<typeof MyRegistrationsQuery>;

export const RegistrationParams = z.object({ id: Id, registrationId: Id });

/** Voucher batches; `region` keeps the batches whose scope includes it (a county sees its city's and the province's). */
export const VoucherBatchesQuery = z.object({
  region: z.optional(RegionCode),
  state: z.optional(BatchClaimState),
  year: z.optional(queryInt(2000, 2100)),
  ...ListQuery,
});
export type VoucherBatchesQuery = z.input<typeof VoucherBatchesQuery>;

/** The signed-in enterprise's vouchers, newest first. */
export const MyVouchersQuery = z.object({
  status: z.optional(VoucherStatus),
  ...ListQuery,
});
export type MyVouchersQuery = z.input<typeof MyVouchersQuery>;

/** The engagements the signed-in user may see: an enterprise's own, a provider's orders, an administrator's region. */
export const EngagementsQuery = z.object({
  status: z.optional(EngagementStatus),
  paidBy: z.optional(EngagementPaidBy),
  ...ListQuery,
});
export type EngagementsQuery = z.input<typeof EngagementsQuery>;

/** Public ratings of a provider or a product, newest first. */
export const PublicRatingsQuery = z.object({ ...ListQuery });
export type PublicRatingsQuery = z.input<typeof PublicRatingsQuery>;

/**
 * The follow-ups a center works on: `open` every one not closed, `overdue` those past their due day without an
 * answer, `escalated` those escalated and not closed.
 */
export const FollowUpQueue = z.enum(['open', 'overdue', 'escalated']);
export type FollowUpQueue = z.infer<typeof FollowUpQueue>;

/**
 * The ratings the signed-in user may see (an enterprise's own, a provider's, an administrator's region). With
 * `queue`, only ratings with a follow-up in that queue, overdue ones first, then by due day.
 */
export const RatingsQuery = z.object({
  followUp: z.optional(FollowUpStatus),
  queue: z.optional(FollowUpQueue),
  ...ListQuery,
});
export type RatingsQuery = z.input<typeof RatingsQuery>;

/**
 * Filters of the policy library: `region` keeps the region's own policies and its parents' (a county sees its
 * city's and the province's), listed nearest first; `from`/`to` bound the publication day (inclusive); `validity`
 * keeps the policies in force today or the expired ones.
 */
export const PoliciesQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  region: z.optional(RegionCode),
  category: z.optional(CategoryId),
  issuer: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  from: z.optional(DateOnly),
  to: z.optional(DateOnly),
  validity: z.optional(z.enum(POLICY_VALIDITY_FILTERS)),
  ...ListQuery,
});
export type PoliciesQuery = z.input<typeof PoliciesQuery>;

/** The scorecard of a region (any level) for a year. */
export const ScorecardQuery = z.object({
  region: RegionCode,
  year: queryInt(2000, 2100),
});
export type ScorecardQuery = z.input<typeof ScorecardQuery>;

/** A user's notifications; `unread=true` keeps the unread ones. */
export const NotificationsQuery = z.object({ unread: z.optional(QueryBool), ...ListQuery });
export type NotificationsQuery = z.input<typeof NotificationsQuery>;
