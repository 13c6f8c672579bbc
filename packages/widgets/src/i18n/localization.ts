import { configureLocalization } from '@lit/localize';

/** The languages the widgets speak. Texts are written in zh-CN; the others are translations. */
export const LOCALES = ['zh-CN', 'en', 'zh-HK'] as const;
export type SmecLocale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: SmecLocale = 'zh-CN';

// Translations load on demand, from next to this module: most visitors read zh-CN and never fetch them.
const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LOCALE,
  targetLocales: ['en', 'zh-HK'],
  loadLocale: (locale) => (locale === 'en' ? import('./locales/en.js') : import('./locales/zh-HK.js')),
});

/** Maps a BCP 47 tag to the nearest supported locale; undefined for an empty tag. */
export function matchLocale(tag: string | null | undefined): SmecLocale | undefined {
  const lower = tag?.trim().toLowerCase();
  if (!lower) return undefined;
  if (/^zh-(hk|mo|tw|hant)/.test(lower)) return 'zh-HK';
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  // Any other language: English is the lingua franca the widgets offer.
  return 'en';
}

/**
 * The locale an element should speak: its own `lang`, else the nearest ancestor's (crossing shadow roots, up to
 * `<html lang>`), else zh-CN.
 */
export function resolveLocale(element: Element): SmecLocale {
  let node: Element | null = element;
  while (node) {
    const locale = matchLocale(node.getAttribute('lang'));
    if (locale) return locale;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return SOURCE_LOCALE;
}

/**
 * Switches the texts of every smec element on the page. @lit/localize keeps one active locale per page, so one
 * page shows the widgets in one language: the last element to ask wins.
 */
export function activateLocale(locale: SmecLocale): Promise<void> {
  return setLocale(locale);
}

/** The locale the texts currently render in. */
export function activeLocale(): SmecLocale {
  const current = getLocale();
  return (LOCALES as readonly string[]).includes(current) ? (current as SmecLocale) : SOURCE_LOCALE;
}
