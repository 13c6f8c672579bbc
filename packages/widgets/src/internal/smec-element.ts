import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { activateLocale, activeLocale, resolveLocale, type SmecLocale } from '../i18n/localization.js';
import { VERSION } from './version.js';

// Shared by every copy of the widgets on the page, so that two copies warn once between them, not once per tag.
const WARNED = Symbol.for('smec.warned-duplicate');
const page = globalThis as { [WARNED]?: true };
const connected = new Set<SmecElement>();
let documentLangObserver: MutationObserver | undefined;

type VersionedConstructor = CustomElementConstructor & { version?: string };

/**
 * Base class of every smec element.
 *
 * Elements never register themselves: the define modules call `define()`, which tolerates being run twice, because
 * a webmaster may well paste both `smec.js` and `smec-catalog.js` on one page.
 *
 * It also picks the language: the element's `lang` attribute (the native `lang` property sets it too), else the
 * nearest ancestor's, else `<html lang>`, which it keeps watching.
 */
export class SmecElement extends LitElement {
  /** The version of @smec/widgets this class was built from. */
  static version = VERSION;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /**
   * Registers the element under `tag`. When another copy of the widgets (another version, or the same one from
   * another URL) got there first, its registration wins and the page gets one warning, never an error.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag) as VersionedConstructor | undefined;
    if (!existing) {
      customElements.define(tag, this);
      return;
    }
    if (existing === this || page[WARNED]) return;
    page[WARNED] = true;
    console.warn(
      `[smec] <${tag}> is already defined by @smec/widgets ${existing.version ?? '(unknown version)'}; ` +
        `the copy of version ${this.version} loaded again on this page is not used. Load smec once.`,
    );
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The locale the texts render in right now (numbers and dates follow it too). */
  protected get locale(): SmecLocale {
    return activeLocale();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    watchDocumentLang();
    this.syncLocale();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.syncLocale();
  }

  /** Re-reads the language from the `lang` attributes and switches the texts to it. */
  protected syncLocale(): void {
    void activateLocale(resolveLocale(this));
  }
}

function watchDocumentLang(): void {
  if (documentLangObserver) return;
  documentLangObserver = new MutationObserver(() => {
    for (const element of connected) void activateLocale(resolveLocale(element));
  });
  documentLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}
