// The shapes of texts, shared by the runtime and the translation modules (which must not import the runtime: it
// imports them).

/** A text with values: `str\`共 ${total} 项服务\``. In a translation, the values are indices into the call's values. */
export interface StrResult {
  readonly strTag: true;
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}

/** A source text or a translation: plain, or with values. */
export type TemplateLike = string | StrResult;

/** One locale's translations, keyed by message id. */
export type Templates = Readonly<Record<string, TemplateLike | undefined>>;

/**
 * Tags a text with values. At a call site the values are the real ones; in a translation they are `${0}`, `${1}`:
 * which of the call's values goes where, so that a translation may reorder them.
 */
export function str(strings: TemplateStringsArray, ...values: unknown[]): StrResult {
  return { strTag: true, strings, values };
}
