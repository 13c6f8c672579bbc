// What the centers and providers send about demands: the list's filters, proposals, transfers, deadlines, and a
// provider's list of the proposals made to it. Apart from demand.ts so that a browser bundle, which needs only the
// answers, drops them (and the zod they are made with).
import { Id, RegionCode } from './common.js';
import { DEMAND_PROPOSALS_MAX } from './rules/demand.js';
import { DeadlineDays, DemandStatus, limitedText } from './demand.js';
import { QueryBool } from './query-bool.js';
import * as z from './zod.js';

const ProposalNote = z.string().check(z.maxLength(200));

/** One provider (optionally one of its products) the center proposes for a demand. */
export const DemandProposalInput = z.object({
  providerId: Id,
  productId: z.optional(z.nullable(Id)),
  note: z.optional(z.nullable(ProposalNote)),
});
export type DemandProposalInput = z.infer<typeof DemandProposalInput>;

/** The body of `POST /demands/{id}/proposals`: one to five proposals, and a note for the demand's timeline. */
export const DemandProposalsInput = z.object({
  proposals: z.array(DemandProposalInput).check(z.minLength(1), z.maxLength(DEMAND_PROPOSALS_MAX)),
  note: z.optional(ProposalNote),
});
export type DemandProposalsInput = z.infer<typeof DemandProposalsInput>;

/** The body of `POST /demands/{id}/transfer`: the region whose center takes the demand over, and why. */
export const DemandTransferInput = z.object({
  toRegion: RegionCode.check(z.regex(/^\d{6}$/, { error: 'region' })),
  reason: limitedText(2, 200, 'reason.required'),
});
export type DemandTransferInput = z.infer<typeof DemandTransferInput>;

/** The body of `PUT /regions/{code}/demand-deadlines`. */
export const DemandDeadlinesInput = z.object({ acceptDays: DeadlineDays, firstMatchDays: DeadlineDays });
export type DemandDeadlinesInput = z.infer<typeof DemandDeadlinesInput>;

/** `{ code }` of the region routes. */
export const RegionCodeParams = z.object({ code: RegionCode });
export type RegionCodeParams = z.infer<typeof RegionCodeParams>;

/** Paging of `GET /me/demand-proposals`. */
export const MyDemandProposalsQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});
export type MyDemandProposalsQuery = z.input<typeof MyDemandProposalsQuery>;

/** Filters of an administrator's demand list; `region` must lie within the administrator's own. */
export const DemandsQuery = z.object({
  status: z.optional(DemandStatus),
  region: z.optional(RegionCode),
  /** `true`: only the demands past a deadline; `false`: only those that are not. */
  overdue: z.optional(QueryBool),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});
export type DemandsQuery = z.input<typeof DemandsQuery>;
