// What the settlement's writes and filters take (apart from the answers, which widgets' bundles import).
import { Id } from './common.js';
import { ListQuery } from './query.js';
import { PROOF_KINDS, SETTLEMENT_STATES } from './settlement.js';
import * as z from './zod.js';

export const MAX_PROOFS = 10;

/** The body of `POST /engagements/{id}/proofs`: files the provider uploaded (`POST /files`), with their keys. */
export const EngagementProofsInput = z.object({
  files: z
    .array(
      z.object({
        id: Id,
        key: z.string().check(z.minLength(1), z.maxLength(255)),
        kind: z.enum(PROOF_KINDS),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_PROOFS)),
});
export type EngagementProofsInput = z.infer<typeof EngagementProofsInput>;

/** The filters of `GET /settlements`: waiting (default: both states), refused, one batch. */
export const SettlementsQuery = z.object({
  state: z.optional(z.enum(SETTLEMENT_STATES)),
  batchId: z.optional(Id),
  ...ListQuery,
});
export type SettlementsQuery = z.input<typeof SettlementsQuery>;
