// What the objection form shows once a field is wrong: the words of each rule and the summary that lists them. They
// arrive together, when the visitor first focuses the form (see objection-validation.ts).
import { OBJECTION_MESSAGES, isMessageKey, isObjectionMessageKey } from '@smec/schemas/rules';
import type { SmecLocale } from '../../i18n/localization.js';
import { validationMessage } from '../../i18n/validation-messages.js';

export { renderErrorSummary } from '../../forms/error-summary.js';

/** Whether the form has words of its own for a key (else the platform's words for it are shown). */
export function isKnownKey(key: string): boolean {
  return isObjectionMessageKey(key) || isMessageKey(key);
}

/** The words for a key: the objection's rules in the form's language, else the public forms' messages. */
export function objectionMessage(key: string, locale: SmecLocale): string {
  if (isObjectionMessageKey(key)) return OBJECTION_MESSAGES[key][locale];
  return validationMessage(key);
}
