import type { DemandBudget } from '@smec/schemas';
import { msg } from '../i18n/localization.js';
import { formatMoney } from '../internal/format.js';

/** A demand's budget as both workbenches write it: the amount in yuan, or 「面议」. */
export function budgetText(budget: DemandBudget): string {
  return budget === 'negotiable' ? msg('面议', { id: 'workbench.budget.negotiable' }) : formatMoney(budget);
}
