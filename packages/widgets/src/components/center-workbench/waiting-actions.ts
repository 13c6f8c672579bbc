// What waits for a center's staff: pure, so the counts are tested without a browser.
import type { Demand, ProviderApplication, Rating } from '@smec/schemas';

/** The views of the workbench, in the navigation's order; the others (issue 20) are added here as they are built. */
export const VIEWS = ['overview', 'demands', 'providers', 'settlements', 'events'] as const;
export type CenterView = (typeof VIEWS)[number];

/** Where each action waiting is done: views still to be built are named so their buttons appear with them. */
export type ActionView = CenterView | 'demands' | 'providers' | 'followUps';

/** What the workbench loads first: the queues the overview counts, within the staff member's region. */
export interface CenterSummary {
  readonly demands: readonly Demand[];
  /** The demands past a response deadline (the platform's `overdue`). */
  readonly overdueDemands: readonly Demand[];
  readonly applications: readonly ProviderApplication[];
  readonly notices: readonly ProviderApplication[];
  readonly ratings: readonly Rating[];
}

export type WaitingKind =
  'newDemands' | 'overdueDemands' | 'applicationsToReview' | 'openObjections' | 'followUpsOverdue';

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

/** Every action waiting, in a fixed order, zeros included: the overview shows each count. */
export function waitingActions(summary: CenterSummary, today: string): WaitingAction[] {
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
  ];
}
