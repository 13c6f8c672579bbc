// Zod-free constants and rules of vouchers, for the widgets (the wallet's preview) and the server alike.
import { SHANGHAI_OFFSET_MS } from './shanghai.js';

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium'] as const;

/**
 * Recognitions an enterprise may hold: 专精特新 (`specialized`), 专精特新“小巨人” (`littleGiant`), 小升规 (`upgraded`,
 * grown above the statistical threshold), 高新技术企业 (`highTech`), 科技型中小企业 (`techSme`).
 */
export const ENTERPRISE_TAGS = ['specialized', 'littleGiant', 'upgraded', 'highTech', 'techSme'] as const;

/**
 * issued → ordered (used on an engagement) → confirmed (the provider accepted the order) → delivered (the enterprise
 * accepted the delivery) → settled (the center paid the provider); or expired (past `useBy` unused), withdrawn
 * (handed back before use; the quota returns to the batch), revoked (fraud).
 */
export const VOUCHER_STATUSES = [
  'issued',
  'ordered',
  'confirmed',
  'delivered',
  'settled',
  'expired',
  'withdrawn',
  'revoked',
] as const;

/** ordered → confirmed → inProgress → delivered → closed; or cancelled before confirmation. */
export const ENGAGEMENT_STATUSES = ['ordered', 'confirmed', 'inProgress', 'delivered', 'closed', 'cancelled'] as const;

/** What pays an engagement: a voucher (and the enterprise the rest), the enterprise in full, or nothing (公益). */
export const ENGAGEMENT_PAYERS = ['voucher', 'self', 'free'] as const;
export type EngagementPayer = (typeof ENGAGEMENT_PAYERS)[number];

/** Which rule limited what a voucher pays: its face value, the coverage share, or the yearly cap. */
export type VoucherLimit = 'faceValue' | 'coverage' | 'annualCap';

/** Days left until an instant, counted in whole days in Asia/Shanghai's calendar (0 on the last day), never negative. */
export function daysLeft(until: string, now: Date = new Date()): number {
  const day = (time: number) => Math.floor((time + SHANGHAI_OFFSET_MS) / 86_400_000);
  return Math.max(0, day(Date.parse(until)) - day(now.getTime()));
}

/**
 * What a voucher pays on a contract: the least of its face value, `maxCoverage` percent of the contract (rounded
 * down to the fen) and what is left of the enterprise's yearly cap. Shared by the server and the widget's preview.
 */
export function voucherPayment(input: {
  faceValue: number;
  maxCoverage: number;
  contractAmount: number;
  capLeft: number;
}): {
  voucherAmount: number;
  selfPaid: number;
  limitedBy: VoucherLimit;
} {
  const coverage = Math.floor((input.contractAmount * input.maxCoverage) / 100);
  const capLeft = Math.max(0, input.capLeft);
  let voucherAmount = input.faceValue;
  let limitedBy: VoucherLimit = 'faceValue';
  if (coverage < voucherAmount) {
    voucherAmount = coverage;
    limitedBy = 'coverage';
  }
  if (capLeft < voucherAmount) {
    voucherAmount = capLeft;
    limitedBy = 'annualCap';
  }
  return { voucherAmount, selfPaid: input.contractAmount - voucherAmount, limitedBy };
}

/** An engagement as the yearly cap counts it: the voucher that paid, that voucher's batch year, the amount. */
export interface CapEngagement {
  readonly voucherId: string | null;
  readonly voucherYear: number | null;
  readonly status: string;
  readonly voucherAmount: number;
}

/**
 * What an enterprise's vouchers of `year` have paid, which the yearly cap of that year limits: the voucher amounts
 * of its engagements not cancelled whose voucher is of that batch year, leaving out `exceptVoucherId` (the voucher
 * about to be used). The year is the voucher's, never the day the engagement was made: an engagement at 00:30 on
 * 1 January on last year's voucher counts to last year. The platform's quote and the wallet's preview both count so.
 */
export function voucherMoneyUsed(engagements: Iterable<CapEngagement>, year: number, exceptVoucherId?: string): number {
  let used = 0;
  for (const engagement of engagements) {
    if (engagement.voucherId === null || engagement.voucherId === exceptVoucherId) continue;
    if (engagement.voucherYear === year && engagement.status !== 'cancelled') used += engagement.voucherAmount;
  }
  return used;
}
