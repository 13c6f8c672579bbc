import type { MessageId } from './locales/en.js';
import type { StrResult, TemplateLike, Templates } from './str.js';

export { str, type StrResult, type TemplateLike } from './str.js';

/** The languages the widgets speak. Texts are written in zh-CN; the others are translations. */
export const LOCALES = ['zh-CN', 'en', 'zh-HK'] as const;
export type SmecLocale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: SmecLocale = 'zh-CN';

type TargetLocale = Exclude<SmecLocale, 'zh-CN'>;

/** A language's translations: the widgets' texts, and the platform's validation messages (same keys as the server's). */
interface Translations {
  templates: Templates;
  validation: Readonly<Record<string, string>>;
}

const loaded = new Map<SmecLocale, Translations>();
const loading = new Map<SmecLocale, Promise<void>>();

// The locale of the element being updated: each element speaks its own language, and `msg()` has no element to
// ask, so the element sets this around its update (render is synchronous, so no other element can interleave).
let speaking: SmecLocale | undefined;

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

/** Whether `msg()` can speak `locale` now (zh-CN always can: the texts are written in it). */
export function isLocaleLoaded(locale: SmecLocale): boolean {
  return locale === SOURCE_LOCALE || loaded.has(locale);
}

/**
 * Fetches the translations of `locale` once. They load on demand, from next to this module: most visitors read
 * zh-CN and never fetch them. A failed fetch is retried by the next call; meanwhile the texts stay in zh-CN.
 */
export function loadLocale(locale: SmecLocale): Promise<void> {
  if (isLocaleLoaded(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = importTranslations(locale as TargetLocale).then(
      (translations) => {
        loaded.set(locale, translations);
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

async function importTranslations(locale: TargetLocale): Promise<Translations> {
  const module = locale === 'en' ? await import('./locales/en.js') : await import('./locales/zh-HK.js');
  return { templates: module.templates, validation: module.validation };
}

/** Runs `render` with `msg()` speaking `locale` (when its translations are loaded; zh-CN otherwise). */
export function withLocale<T>(locale: SmecLocale, render: () => T): T {
  const outer = speaking;
  speaking = locale;
  try {
    return render();
  } finally {
    speaking = outer;
  }
}

/** The language of the page (`<html lang>`). */
export function documentLocale(): SmecLocale {
  return (typeof document === 'undefined' ? undefined : matchLocale(document.documentElement.lang)) ?? SOURCE_LOCALE;
}

let ambient: () => SmecLocale = documentLocale;

/**
 * Sets what `msg()` speaks outside any element's update (in an event handler, after an await); by default the
 * language of the page. The base element narrows it to its elements' language when they all speak the same.
 */
export function setAmbientLocale(locale: () => SmecLocale): void {
  ambient = locale;
}

/**
 * A text in the language of the element being updated (outside an update: see `setAmbientLocale`). `template` is
 * the zh-CN source; `id` finds the translation.
 */
export function msg(template: TemplateLike, options: { id: MessageId }): string {
  const locale = speaking ?? ambient();
  let translation: TemplateLike | undefined;
  if (locale !== SOURCE_LOCALE) {
    const translations = loaded.get(locale);
    if (translations) translation = translations.templates[options.id];
    // Whoever asks next, once the translations are in, gets them; elements re-render by themselves.
    else loadLocale(locale).catch(() => undefined);
  }
  const values = typeof template === 'string' ? [] : template.values;
  if (translation === undefined) return typeof template === 'string' ? template : join(template, values);
  return typeof translation === 'string' ? translation : join(translation, values, true);
}

/** Joins a text's pieces with the values; in a translation the text's values are indices into `values`. */
function join(text: StrResult, values: readonly unknown[], indexed = false): string {
  let out = text.strings[0] ?? '';
  for (let i = 1; i < text.strings.length; i += 1) {
    const value = indexed ? values[Number(text.values[i - 1])] : values[i - 1];
    out += String(value) + (text.strings[i] ?? '');
  }
  return out;
}

/** The validation messages of a language whose translations are loaded (zh-CN's are not here: they are the source). */
export function loadedValidationMessages(locale: SmecLocale): Readonly<Record<string, string>> | undefined {
  return loaded.get(locale)?.validation;
}

/** The language `msg()` speaks right now: the element being updated, else the page's. */
export function speakingLocale(): SmecLocale {
  return speaking ?? ambient();
}
