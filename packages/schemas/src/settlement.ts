// The settlement of voucher-paid services (结算): the provider's proof of what it delivered, and the queue in which the
// center of the enterprise's region settles or refuses each accepted engagement before its batch's settle-by date.
import { DateTime, Fen, Id, pageOf } from './common.js';
import { StoredFile } from './file.js';
import * as z from './zod.js';

export const PROOF_KINDS = ['contract', 'proof'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

/** A file the provider attached to an engagement: the contract signed, or a proof of delivery. */
export const EngagementProof = z.object({
  file: StoredFile,
  kind: z.enum(PROOF_KINDS),
  addedAt: DateTime,
});
export type EngagementProof = z.infer<typeof EngagementProof>;

export const SETTLEMENT_STATES = ['waiting', 'refused'] as const;
export type SettlementState = (typeof SETTLEMENT_STATES)[number];

/** An accepted, voucher-paid engagement the center has not settled yet. */
export const Settlement = z.object({
  engagementId: Id,
  /** `refused` once the center sent it back (the reason says why) and the provider has not added proof since. */
  state: z.enum(SETTLEMENT_STATES),
  enterpriseName: z.string(),
  providerId: Id,
  providerName: z.string(),
  productName: z.string(),
  voucherId: Id,
  voucherCode: z.string(),
  batchId: Id,
  batchName: z.string(),
  contractAmount: Fen,
  voucherAmount: Fen,
  selfPaid: Fen,
  acceptedAt: DateTime,
  /** The batch's last moment of settlement. */
  settleBy: DateTime,
  /** True when `settleBy` has passed by the platform's clock. */
  late: z.boolean(),
  refusalReason: z.nullable(z.string()),
  proofs: z.array(EngagementProof),
});
export type Settlement = z.infer<typeof Settlement>;

export const SettlementPage = pageOf(Settlement);
export type SettlementPage = z.infer<typeof SettlementPage>;
