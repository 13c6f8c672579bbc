import { nothing, type ReactiveControllerHost } from 'lit';
import type { SummaryItem } from '../../forms/error-summary.js';
import type { SmecLocale } from '../../i18n/localization.js';
import { Lazy } from '../../internal/lazy.js';

/** A field's problem: a message key of @smec/schemas, with the platform's own words when it sent some. */
export interface ObjectionProblem {
  readonly key: string;
  readonly serverText?: string | undefined;
}

// The words of the rules and the error summary: fetched when the visitor first focuses the form, which is always
// before a field can be wrong; a visitor who only reads the list never needs them.
const problems = new Lazy(() => import('./objection-problems.js'));

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
  problem: ObjectionProblem | undefined,
  locale: SmecLocale,
): string | undefined {
  if (!problem) return undefined;
  const texts = problems.get(host);
  if (!texts) return problem.serverText ?? ' ';
  return problem.serverText && !texts.isKnownKey(problem.key)
    ? problem.serverText
    : texts.objectionMessage(problem.key, locale);
}

/** The error summary once its words have arrived (it comes with them); `host` updates when they do. */
export function renderSummary(
  host: ReactiveControllerHost & HTMLElement,
  items: readonly SummaryItem[],
  onFocusField: (name: string) => void,
): unknown {
  return problems.get(host)?.renderErrorSummary(host, items, onFocusField) ?? nothing;
}
