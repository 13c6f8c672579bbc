// What waits for a center's staff: pure, so the counts are tested without a browser.
import type { Account, Demand, ProviderApplication, Rating, VoucherBatch } from '@smec/schemas';

/** The views of the workbench, in the navigation's order; the others (issue 20) are added here as they are built. */
export const VIEWS = [
  'overview',
  'demands',
  'providers',
  'settlements',
  'batches',
  'policies',
  'events',
  'followUps',
  'staff',
  'auditLog',
] as const;
export type CenterView = (typeof VIEWS)[number];

/** Where each action waiting is done: views still to be built are named so their buttons appear with them. */
export type ActionView = CenterView | 'demands' | 'providers';

/** The queues the overview counts, within the staff member's region. */
export interface CenterQueues {
  readonly demands: readonly Demand[];
  /** The demands past a response deadline (the platform's `overdue`). */
  readonly overdueDemands: readonly Demand[];
  readonly applications: readonly ProviderApplication[];
  readonly notices: readonly ProviderApplication[];
  readonly ratings: readonly Rating[];
  /** The batches the center and the regions below it issued (the public list, filtered by issuer). */
  readonly batches: readonly VoucherBatch[];
}

/** What the workbench loads first: who is signed in (level and region) and the queues. */
export interface CenterSummary extends CenterQueues {
  readonly account: Account;
}

export type WaitingKind =
  | 'newDemands'
  | 'overdueDemands'
  | 'applicationsToReview'
  | 'openObjections'
  | 'followUpsOverdue'
  | 'batchesNearlyUsedUp'
  | 'eventsSoon'
  | 'settlementsWaiting';

export interface WaitingAction {
  readonly kind: WaitingKind;
  readonly count: number;
  readonly view: ActionView;
}

/** The open objections of the applications under notice. */
export function openObjections(notices: readonly ProviderApplication[]): number {
  let count = 0;
  for (const notice of notices) count += (notice.objections ?? []).filter((each) => each.status === 'open').length;
  return count;
}

/** Follow-ups still waiting for the provider's answer whose due day is before `today` (Asia/Shanghai). */
export function followUpsOverdue(ratings: readonly Rating[], today: string): number {
  return ratings.filter((rating) => {
    const followUp = rating.followUp;
    return (followUp?.status === 'open' || followUp?.status === 'reopened') && followUp.dueOn < today;
  }).length;
}

/** An open batch with less than a tenth of its quota left (used up included): time to raise its quota or close it. */
export function nearlyUsedUp(batch: Pick<VoucherBatch, 'status' | 'quota' | 'remaining'>): boolean {
  return batch.status === 'open' && batch.remaining * 10 < batch.quota;
}

/** Every action waiting, in a fixed order, zeros included: the overview shows each count. */
export function waitingActions(summary: CenterQueues, today: string): WaitingAction[] {
  return [
    {
      kind: 'newDemands',
      count: summary.demands.filter((demand) => demand.status === 'submitted').length,
      view: 'demands',
    },
    {
      kind: 'overdueDemands',
      count: summary.overdueDemands.filter((demand) => demand.overdue).length,
      view: 'demands',
    },
    {
      kind: 'applicationsToReview',
      count: summary.applications.filter((application) => application.status === 'submitted').length,
      view: 'providers',
    },
    { kind: 'openObjections', count: openObjections(summary.notices), view: 'providers' },
    { kind: 'followUpsOverdue', count: followUpsOverdue(summary.ratings, today), view: 'followUps' },
    { kind: 'batchesNearlyUsedUp', count: summary.batches.filter(nearlyUsedUp).length, view: 'batches' },
  ];
}
