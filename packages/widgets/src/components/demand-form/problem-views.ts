// What a form shows once a field is wrong: the platform's words for each problem and the summary that lists them.
// They arrive together, when the visitor first focuses a form (see validation-texts.ts).
export { isMessageKey, validationMessage } from '../../i18n/validation-messages.js';
export { renderErrorSummary } from '../../forms/error-summary.js';
