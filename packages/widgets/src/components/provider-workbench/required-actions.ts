// What the banner asks of a provider: pure, so the counts are tested without a browser.
import type { Engagement, MyProduct, ProviderAccount, Rating } from '@smec/schemas';
import { workingDaysUntil } from '../../workbench/working-days.js';

/** What the workbench loads first: enough for the banner and the first view. */
export interface WorkbenchSummary {
  readonly account: ProviderAccount;
  readonly products: readonly MyProduct[];
  readonly engagements: readonly Engagement[];
  readonly ratings: readonly Rating[];
}

export const VIEWS = ['products', 'engagements', 'proposals', 'profile', 'ratings', 'experts'] as const;
export type WorkbenchView = (typeof VIEWS)[number];

/** Follow-ups due within this many working days are flagged. */
export const FOLLOW_UP_WARNING_DAYS = 3;

export type RequiredActionKind =
  'suspended' | 'pendingChange' | 'engagementsToConfirm' | 'followUpsDue' | 'productsMissing';

export interface RequiredAction {
  readonly kind: RequiredActionKind;
  readonly count: number;
  /** The view where it is done. */
  readonly view: WorkbenchView;
}

/** A follow-up still waiting for the provider's answer. */
export function awaitsAnswer(rating: Rating): boolean {
  const status = rating.followUp?.status;
  return status === 'open' || status === 'reopened';
}

/** Follow-ups awaiting an answer whose due day is at most three working days after `today` (or past). */
export function followUpsDue(ratings: readonly Rating[], today: string): Rating[] {
  return ratings.filter(
    (rating) => awaitsAnswer(rating) && workingDaysUntil(today, rating.followUp!.dueOn) <= FOLLOW_UP_WARNING_DAYS,
  );
}

/** Drafts and withdrawn products that publishing would still refuse. */
export function productsMissing(products: readonly MyProduct[]): MyProduct[] {
  return products.filter((product) => product.status !== 'published' && product.missing.length > 0);
}

/** The required actions, the most urgent first; none with a count of 0. */
export function requiredActions(summary: WorkbenchSummary, today: string): RequiredAction[] {
  const actions: RequiredAction[] = [];
  const admission = summary.account.profile.admission;
  if (admission === 'suspended' || admission === 'removed')
    actions.push({ kind: 'suspended', count: 1, view: 'profile' });
  const confirm = summary.engagements.filter((engagement) => engagement.status === 'ordered').length;
  if (confirm) actions.push({ kind: 'engagementsToConfirm', count: confirm, view: 'engagements' });
  const due = followUpsDue(summary.ratings, today).length;
  if (due) actions.push({ kind: 'followUpsDue', count: due, view: 'engagements' });
  const missing = productsMissing(summary.products).length;
  if (missing) actions.push({ kind: 'productsMissing', count: missing, view: 'products' });
  if (summary.account.pendingChange) actions.push({ kind: 'pendingChange', count: 1, view: 'profile' });
  return actions;
}
