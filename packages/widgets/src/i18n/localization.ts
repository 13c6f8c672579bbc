import type { MessageId } from './message-id.js';

/** The languages the widgets speak. Texts are written in zh-CN; the others are translations. */
export const LOCALES = ['zh-CN', 'en', 'zh-HK'] as const;
export type SmecLocale = (typeof LOCALES)[number];
export const SOURCE_LOCALE = 'zh-CN' satisfies SmecLocale;

type TargetLocale = Exclude<SmecLocale, 'zh-CN'>;

/** A text with values, written `str\`共 ${total} 项服务\``. */
export interface StrResult {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}

/** A source text: plain, or with values. */
export type TemplateLike = string | StrResult;

/** Tags a source text with values: `msg(str\`共 ${total} 项服务\`, { id: 'status.total' })`. */
export function str(strings: TemplateStringsArray, ...values: unknown[]): StrResult {
  return { strings, values };
}

/**
 * What a translation module exports: its texts by message id, where `{0}`, `{1}` stand for the source's values in
 * order (a translation may reorder them), and (the shared one) the platform's validation messages.
 */
export interface TranslationModule {
  templates: Readonly<Record<string, string>>;
  validation?: Readonly<Record<string, string>>;
}

/** Where a table of texts is translated: one dynamic `import()` per language, each a chunk of its own once built. */
export type Translations = Readonly<Record<TargetLocale, () => Promise<TranslationModule>>>;

// One shape for every widget: texts are written in zh-CN in the source, `msg('…', { id })`, so a zh-CN visitor
// fetches no translation. Each widget's own texts are translated in `components/<widget>/locales/{en,zh-HK}.ts`,
// which its class names in `static translations`; a text that several widgets show (statuses, errors, a few
// labels) is translated once, in the shared `./locales/{en,zh-HK}.ts`, with the validation messages. An element
// that speaks en fetches the shared table and its own, in parallel, once per page. So a page pays for the widgets
// it shows: with only the wallet, it never fetches the catalog's texts; and a widget's module carries no
// translation, only the two `import()`s. Tables are plain data (`{0}` for a value), so they import nothing.
// test/node/translations.test.ts checks every id against the tables, and that each sits in the table of the widget
// that shows it (the shared one when several do).
const SHARED: Translations = {
  en: () => import('./locales/en.js'),
  'zh-HK': () => import('./locales/zh-HK.js'),
};

/** Each language's texts (never zh-CN's), from every table fetched so far, and its validation messages. */
const tables = new Map<SmecLocale, Record<string, string | undefined>>();
const validations = new Map<SmecLocale, Readonly<Record<string, string>>>();
/** Each table's fetch in each language: pending, then true once its texts are in. */
const fetches = new Map<() => Promise<TranslationModule>, Promise<void> | true>();

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

/** Whether `msg()` can speak `locale` now with the shared texts and `translations` (zh-CN always can). */
export function isLocaleLoaded(locale: SmecLocale, translations = SHARED): boolean {
  return locale === SOURCE_LOCALE || [SHARED, translations].every((table) => fetches.get(table[locale]) === true);
}

/**
 * Fetches the shared texts of `locale` and `translations` (a widget's), each table once. A failed fetch is retried
 * by the next call; meanwhile the texts stay in zh-CN.
 */
export function loadLocale(locale: SmecLocale, translations?: Translations): Promise<unknown> {
  if (locale === SOURCE_LOCALE) return Promise.resolve();
  return Promise.all(
    [SHARED, translations ?? SHARED].map((table) => {
      const importer = table[locale];
      let fetch = fetches.get(importer);
      if (!fetch) {
        fetch = importer().then(
          (module) => {
            tables.set(locale, { ...tables.get(locale), ...module.templates });
            if (module.validation) validations.set(locale, module.validation);
            fetches.set(importer, true);
          },
          (error: unknown) => {
            fetches.delete(importer);
            throw error;
          },
        );
        fetches.set(importer, fetch);
      }
      return fetch;
    }),
  );
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
 * the zh-CN source; `id` finds the translation. It fetches nothing: an element has fetched its tables before it
 * speaks their language, and a text whose table is not here stays in zh-CN.
 */
export function msg(template: TemplateLike, options: { id: MessageId }): string {
  const translation = tables.get(speakingLocale())?.[options.id];
  if (typeof template === 'string') return translation ?? template;
  const { strings, values } = template;
  if (translation !== undefined) return translation.replace(/\{(\d+)\}/g, (_, index) => String(values[Number(index)]));
  return strings.reduce((out, piece, i) => out + String(values[i - 1]) + piece);
}

/** The validation messages of a language whose translations are loaded (zh-CN's are not here: they are the source). */
export function loadedValidationMessages(locale: SmecLocale): Readonly<Record<string, string>> | undefined {
  return validations.get(locale);
}

/** The language `msg()` speaks right now: the element being updated, else the page's. */
export function speakingLocale(): SmecLocale {
  return speaking ?? ambient();
}
