import type { MessageLocale } from '@smec/schemas';

/** A platform message in each language it answers in. */
export type Localized = Readonly<Record<MessageLocale, string>>;

/**
 * The text of a problem: a message in each language, or one string that reads the same in all (a library's own
 * message). Problems are thrown with every language and rendered in the request's, so no handler needs its locale.
 */
export type ProblemText = string | Localized;

export function inLocale(text: ProblemText, locale: MessageLocale): string {
  return typeof text === 'string' ? text : text[locale];
}

/** `text` with each `{name}` replaced by its value, in every language. */
export function fill(text: Localized, values: Readonly<Record<string, string | number>>): Localized {
  const replace = (message: string) =>
    message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  return { 'zh-CN': replace(text['zh-CN']), 'zh-HK': replace(text['zh-HK']), en: replace(text.en) };
}

/** The texts joined into one, per language: Chinese with a full-width semicolon, English with `; `. */
export function joinTexts(texts: readonly ProblemText[]): Localized {
  const join = (locale: MessageLocale, separator: string) =>
    texts.map((text) => inLocale(text, locale)).join(separator);
  return { 'zh-CN': join('zh-CN', '；'), 'zh-HK': join('zh-HK', '；'), en: join('en', '; ') };
}

/** `text` as one message per language (a plain string is the same in each). */
export function perLocale(text: ProblemText): Localized {
  return typeof text === 'string' ? { 'zh-CN': text, 'zh-HK': text, en: text } : text;
}
