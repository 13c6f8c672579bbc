import { describeTextLimit, impliedMaxLength, ruledText, textCap } from './bounds.js';
import { DateOnly, DateTime, Id, RegionCode, pageOf } from './common.js';
import { CategoryId } from './reference.js';
import {
  BUDGET_MAX_FEN,
  DEMAND_STATUSES,
  DEMAND_PROPOSALS_MAX,
  DEMAND_TEXT_LIMITS,
  TRACKING_NO_PATTERN,
  USCC_PATTERN,
  checkBudget,
  checkDemandText,
  checkMobile,
  type DemandTextField,
} from './rules/demand.js';
import { isValidUscc } from './rules/identifiers.js';
import { textLength, todayInShanghai } from './rules/text.js';
import { ContractAmount } from './voucher.js';
import * as z from './zod.js';

/** A trimmed text of `min` to `max` characters as a person counts them, with one message for both bounds. */
export function limitedText(min: number, max: number, error: string) {
  return z.string().check(
    textCap(max, error),
    z.refine((value) => textLength(value.trim()) >= min && textLength(value) <= max, { error }),
    describeTextLimit(max),
  );
}

/** A free-text field of the form, with the limits and message the widget checks it with too. */
function formText(field: DemandTextField) {
  const { key, max } = DEMAND_TEXT_LIMITS[field];
  return ruledText(max, key, (value) => checkDemandText(field, value));
}

// Each check carries a message key (see messages.ts) so that every client shows the same words in its language.
export const DemandUscc = z
  .string()
  .check(
    z.regex(USCC_PATTERN, { error: 'uscc.format' }),
    z.refine(isValidUscc, { error: 'uscc.checksum', abort: true }),
    impliedMaxLength(18),
  );
/** Eleven digits (`isMainlandMobile`). */
export const MobilePhone = z.string().check(
  z.refine((value) => !checkMobile(value), { error: 'contact.phone' }),
  impliedMaxLength(11),
);

export const DemandBudget = z.union([
  z.int().check(
    z.minimum(1, { error: 'budget' }),
    z.maximum(BUDGET_MAX_FEN, { error: 'budget' }),
    z.refine((value) => !checkBudget(value), { error: 'budget' }),
  ),
  z.literal('negotiable'),
]);
export type DemandBudget = z.infer<typeof DemandBudget>;

export const ExpectedBy = DateOnly.check(z.refine((value) => value >= todayInShanghai(), { error: 'expectedBy.past' }));

/** What an enterprise submits: the company, the need and the contact. Anyone may submit, no account needed. */
export const DemandInput = z.object({
  enterprise: z.object({
    uscc: DemandUscc,
    name: formText('enterpriseName'),
  }),
  contact: z.object({
    name: formText('contactName'),
    phone: MobilePhone,
  }),
  regionCode: RegionCode.check(z.regex(/^\d{6}$/, { error: 'region' })),
  categoryId: z.enum(CategoryId.options, { error: 'category' }),
  productId: z.optional(z.nullable(Id)),
  title: formText('title'),
  description: formText('description'),
  budget: DemandBudget,
  expectedBy: z.optional(z.nullable(ExpectedBy)),
  consent: z.literal(true, { error: 'consent' }),
});
export type DemandInput = z.infer<typeof DemandInput>;

export const DemandStatus = z.enum(DEMAND_STATUSES);
export type DemandStatus = z.infer<typeof DemandStatus>;

/**
 * One step of a demand's life, oldest first. `actor` names the role, never a person's contact. A transfer to another
 * center keeps the status and says so with `kind: 'transferred'` and the region it went to (`toRegion`); the other
 * steps carry neither, as they always did.
 */
export const DemandTimelineEntry = z.object({
  status: DemandStatus,
  at: DateTime,
  /** `provider` only for a provider's cancellation of the engagement that served the demand. */
  actor: z.enum(['submitter', 'center', 'provider']),
  note: z.nullable(z.string()),
  kind: z.optional(z.enum(['transferred'])),
  toRegion: z.optional(RegionCode),
  /** The engagement this step started or closed the demand with (the enterprise accepted a proposal, or the service). */
  engagementId: z.optional(Id),
});
export type DemandTimelineEntry = z.infer<typeof DemandTimelineEntry>;

/**
 * A provider (and optionally one of its products) the center proposes for a demand. `id` is what the enterprise
 * accepts (`POST /demands/{id}/proposals/{proposalId}/accept`).
 */
export const DemandMatch = z.object({
  id: z.optional(Id),
  providerId: Id,
  providerName: z.string(),
  productId: z.nullable(Id),
  productName: z.nullable(z.string()),
  note: z.nullable(z.string()),
});
export type DemandMatch = z.infer<typeof DemandMatch>;

/** A demand as stored. `contact.phone` is masked (138****1234) wherever its reader does not need it whole. */
export const Demand = z.object({
  id: Id,
  trackingNo: z.string(),
  enterprise: z.object({ uscc: z.string(), name: z.string() }),
  contact: z.object({ name: z.string(), phone: z.string() }),
  regionCode: RegionCode,
  categoryId: CategoryId,
  productId: z.nullable(Id),
  title: z.string(),
  description: z.string(),
  budget: DemandBudget,
  expectedBy: z.nullable(DateOnly),
  status: DemandStatus,
  rejectReason: z.nullable(z.string()),
  matches: z.array(DemandMatch),
  timeline: z.array(DemandTimelineEntry),
  submittedAt: DateTime,
  updatedAt: DateTime,
  /** Whether the enterprise agreed to hand its contact to the matched providers (the form's consent tick). */
  contactShared: z.boolean(),
  /** The center's deadline to accept, in working days from the submission (or the last transfer). */
  acceptBy: DateTime,
  /** The deadline of a first match, counted as `acceptBy` is. */
  firstMatchBy: DateTime,
  /** Still open and past a deadline: not accepted by `acceptBy`, or not matched by `firstMatchBy`. */
  overdue: z.boolean(),
  /** The engagement serving the demand, once the enterprise accepted a proposal (null before, or once cancelled). */
  engagementId: z.optional(z.nullable(Id)),
});
export type Demand = z.infer<typeof Demand>;

export const DemandPage = pageOf(Demand);
export type DemandPage = z.infer<typeof DemandPage>;

/** What a tracking number and phone let anyone see: where the demand stands, nothing of anyone else. */
export const DemandStatusView = z.object({
  /** The demand's id, which the signed-in enterprise names to accept a proposal. */
  id: z.optional(Id),
  trackingNo: z.string(),
  title: z.string(),
  categoryId: CategoryId,
  regionCode: RegionCode,
  status: DemandStatus,
  rejectReason: z.nullable(z.string()),
  matches: z.array(DemandMatch),
  timeline: z.array(DemandTimelineEntry),
  submittedAt: DateTime,
  contactPhone: z.string(),
  /** The engagement serving the demand, once the enterprise accepted a proposal. */
  engagementId: z.optional(z.nullable(Id)),
});
export type DemandStatusView = z.infer<typeof DemandStatusView>;

/** Tracking numbers read `XQ` + the submission date + six characters, e.g. `XQ20261128K7M3Q9`. */
export const TrackingNo = z
  .string()
  .check(z.regex(TRACKING_NO_PATTERN, { error: 'trackingNo.format' }), impliedMaxLength(16));

/** A center administrator's move of a demand through its states. */
export const DemandTransition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), note: z.optional(z.string().check(z.maxLength(200))) }),
  z.object({
    action: z.literal('match'),
    matches: z
      .array(
        z.object({
          providerId: Id,
          productId: z.optional(z.nullable(Id)),
          note: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
        }),
      )
      .check(z.minLength(1), z.maxLength(DEMAND_PROPOSALS_MAX)),
    note: z.optional(z.string().check(z.maxLength(200))),
  }),
  z.object({ action: z.literal('startService'), note: z.optional(z.string().check(z.maxLength(200))) }),
  z.object({ action: z.literal('reject'), reason: limitedText(2, 200, 'reason.required') }),
  z.object({ action: z.literal('close'), note: z.optional(z.string().check(z.maxLength(200))) }),
]);
export type DemandTransition = z.infer<typeof DemandTransition>;

// Which moves each state allows lives with the rules, where the workbench reads it too.
export { DEMAND_TRANSITIONS } from './rules/demand.js';

/** The query of `GET /demands/lookup`: the tracking number and the phone number given on submission. */
export const DemandLookupQuery = z.object({ trackingNo: TrackingNo, phone: MobilePhone });
export type DemandLookupQuery = z.infer<typeof DemandLookupQuery>;

/** Working days a center has to accept a demand and to match it first; 1 to 30 each. */
export const DeadlineDays = z.int().check(z.minimum(1), z.maximum(30));

/**
 * The deadlines that apply to a region's demands: its own setting, else its city's, else the province's, else the
 * platform's defaults (2 and 5 working days). `setIn` names the region whose setting applies (null: the defaults);
 * `updatedAt` and `updatedBy` are that setting's.
 */
export const DemandDeadlines = z.object({
  regionCode: RegionCode,
  acceptDays: DeadlineDays,
  firstMatchDays: DeadlineDays,
  setIn: z.nullable(RegionCode),
  updatedAt: z.nullable(DateTime),
  updatedBy: z.nullable(z.string()),
  /** The version of the region's own setting (0 while it inherits): `If-Match` names it as the ETag does. */
  revision: z.int().check(z.minimum(0)),
});
export type DemandDeadlines = z.infer<typeof DemandDeadlines>;

/**
 * A proposal the center made to the signed-in provider: the demand as far as the provider needs it, and the
 * enterprise and its contact (phone in full) only when the enterprise agreed to share them; null otherwise.
 */
export const MyDemandProposal = z.object({
  id: Id,
  demandId: Id,
  title: z.string(),
  categoryId: CategoryId,
  regionCode: RegionCode,
  budget: DemandBudget,
  expectedBy: z.nullable(DateOnly),
  status: DemandStatus,
  productId: z.nullable(Id),
  productName: z.nullable(z.string()),
  /** The center's note on this proposal. */
  note: z.nullable(z.string()),
  proposedAt: DateTime,
  enterprise: z.nullable(z.object({ name: z.string() })),
  contact: z.nullable(z.object({ name: z.string(), phone: z.string() })),
});
export type MyDemandProposal = z.infer<typeof MyDemandProposal>;

export const MyDemandProposalPage = pageOf(MyDemandProposal);
export type MyDemandProposalPage = z.infer<typeof MyDemandProposalPage>;

/**
 * The enterprise accepts one of the center's proposals for its demand: an engagement is ordered with that provider
 * and product. A proposal naming only a provider needs `productId`, one of that provider's published products.
 * `contractAmount` and `note` are as on `POST /engagements`.
 */
export const DemandProposalAcceptInput = z.object({
  productId: z.optional(Id),
  contractAmount: z.optional(ContractAmount),
  note: z.optional(z.string().check(textCap(200, 'invalid'), describeTextLimit(200))),
});
export type DemandProposalAcceptInput = z.infer<typeof DemandProposalAcceptInput>;
