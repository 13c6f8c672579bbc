// The platform's validation messages, for the widgets with forms only (the others do not download them).
import { MESSAGES_ZH_CN, isMessageKey } from '@smec/schemas/rules';
import { SOURCE_LOCALE, loadLocale, loadedValidationMessages, speakingLocale } from './localization.js';

/**
 * The platform's validation message for a message key (the server's `code`), in the language `msg()` speaks now;
 * an unknown key gets the generic message. zh-CN is built in; the other languages arrive with the translations.
 */
export function validationMessage(key: string): string {
  const known = isMessageKey(key) ? key : 'invalid';
  const locale = speakingLocale();
  if (locale === SOURCE_LOCALE) return MESSAGES_ZH_CN[known];
  const translated = loadedValidationMessages(locale)?.[known];
  if (translated === undefined) loadLocale(locale).catch(() => undefined);
  return translated ?? MESSAGES_ZH_CN[known];
}

export { isMessageKey } from '@smec/schemas/rules';
