import { nothing, type ReactiveControllerHost } from 'lit';
import { Lazy } from '../../internal/lazy.js';
import type { SummaryItem } from '../../forms/error-summary.js';
import type { FieldProblem } from './fields.js';

// The platform's validation texts and the error summary, for the form and its lookup mode alike: fetched when the
// visitor first focuses a form, which is always before a field can be wrong; an untouched form never needs them.
const problemViews = new Lazy(() => import('./problem-views.js'));

/** Fetches the validation texts and the summary: a field is about to be checked. */
export function prepareValidation(): void {
  problemViews.load().catch(() => undefined);
}

/**
 * A field's problem in words: the form's own for the rules it knows, else the platform's. While the texts are on
 * their way (a few milliseconds at most) the field is marked at once, and `host` updates when its words arrive.
 */
export function problemText(host: ReactiveControllerHost, problem: FieldProblem | undefined): string | undefined {
  if (!problem) return undefined;
  if (problem.text) return problem.text;
  const texts = problemViews.get(host);
  if (!texts) return problem.serverText ?? ' ';
  return problem.serverText && !texts.isMessageKey(problem.key)
    ? problem.serverText
    : texts.validationMessage(problem.key);
}

/**
 * The error summary, which takes the focus after a failed submit: once the words it lists have arrived (it comes
 * with them), nothing until then, and `host` updates when they arrive.
 */
export function renderSummary(
  host: ReactiveControllerHost & HTMLElement,
  items: readonly SummaryItem[],
  onFocusField: (name: string) => void,
): unknown {
  return problemViews.get(host)?.renderErrorSummary(host, items, onFocusField) ?? nothing;
}
