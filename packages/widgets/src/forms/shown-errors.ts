import type { FieldError } from '../controllers/action-controller.js';
import type { SummaryItem } from './error-summary.js';

/**
 * Which of a form's errors are shown (the GOV.UK pattern the staff forms share): the platform's refusal of a field
 * always; a rule the field breaks once the field was left or the form was sent, so nobody is scolded while typing
 * for the first time. The summary lists them once the form was sent.
 */
export class ShownErrors<F extends string> {
  submitted = false;
  private readonly touched = new Set<F>();

  /** The field was left (its `change`): its rule is shown from now on. */
  touch(field: F): void {
    this.touched.add(field);
  }

  /** Each shown error's words, in the order of `fields`. */
  of(
    fields: readonly F[],
    problems: Partial<Record<F, string>>,
    refused: Partial<Record<F, FieldError | undefined>>,
  ): Partial<Record<F, string>> {
    const errors: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const text = refused[field]?.message ?? (this.submitted || this.touched.has(field) ? problems[field] : undefined);
      if (text) errors[field] = text;
    }
    return errors;
  }

  /** The error summary's items: none until the form was sent. */
  summary(errors: Partial<Record<F, string>>): SummaryItem[] {
    if (!this.submitted) return [];
    return (Object.entries(errors) as [string, string | undefined][])
      .filter((entry): entry is [string, string] => !!entry[1])
      .map(([name, text]) => ({ name, text }));
  }
}
