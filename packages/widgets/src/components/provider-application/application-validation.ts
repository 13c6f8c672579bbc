import { nothing, type ReactiveControllerHost } from 'lit';
import type { SummaryItem } from '../../forms/error-summary.js';
import type { SmecLocale } from '../../i18n/localization.js';
import { Lazy } from '../../internal/lazy.js';
import type { FieldProblem } from '../demand-form/fields.js';

// The words of the rules and the error summary: fetched when the applicant first focuses the form, which is always
// before a field can be wrong; an untouched form never needs them.
const problems = new Lazy(() => import('./application-problems.js'));

/** Fetches the words and the summary: a field is about to be checked. */
export function prepareValidation(): void {
  problems.load().catch(() => undefined);
}

/**
 * A field's problem in words: the form's own for the rules it knows, else the platform's. While the words are on
 * their way the field is marked at once, and `host` updates when they arrive.
 */
export function problemText(
  host: ReactiveControllerHost,
  problem: FieldProblem | undefined,
  locale: SmecLocale,
): string | undefined {
  if (!problem) return undefined;
  if (problem.text) return problem.text;
  const texts = problems.get(host);
  if (!texts) return problem.serverText ?? ' ';
  return problem.serverText && !texts.isKnownKey(problem.key)
    ? problem.serverText
    : texts.applicationMessage(problem.key, locale);
}

/** The error summary once its words have arrived (it comes with them); `host` updates when they do. */
export function renderSummary(
  host: ReactiveControllerHost & HTMLElement,
  items: readonly SummaryItem[],
  onFocusField: (name: string) => void,
): unknown {
  return problems.get(host)?.renderErrorSummary(host, items, onFocusField) ?? nothing;
}
