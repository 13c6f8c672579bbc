// What the application shows once a field is wrong: the words of each rule and the summary that lists them. They
// arrive together, when the applicant first focuses the form (see application-validation.ts).
import { APPLICATION_MESSAGES, isApplicationMessageKey, isMessageKey } from '@smec/schemas/rules';
import { msg, type SmecLocale } from '../../i18n/localization.js';
import { validationMessage } from '../../i18n/validation-messages.js';

export { renderErrorSummary } from '../../forms/error-summary.js';

/** Whether the form has words of its own for a key (else the platform's words for it are shown). */
export function isKnownKey(key: string): boolean {
  return isApplicationMessageKey(key) || isMessageKey(key) || key === 'application.certificates';
}

/** The words for a key: the application's rules in the form's language, else the public forms' messages. */
export function applicationMessage(key: string, locale: SmecLocale): string {
  if (isApplicationMessageKey(key)) return APPLICATION_MESSAGES[key][locale];
  if (key === 'application.certificates') {
    return msg('请等待证书上传完成，或移除上传失败的文件', { id: 'application.certificates.pending' });
  }
  return validationMessage(key);
}
