import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { activateLocale, activeLocale, resolveLocale, type SmecLocale } from '../i18n/localization.js';
import { VERSION } from './version.js';

const warned = new Set<string>();
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
   * Registers the element under `tag`. Does nothing when that tag is already registered by the same version, and
   * warns once (never throws) when another version got there first: the first registration wins.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag) as VersionedConstructor | undefined;
    if (!existing) {
      customElements.define(tag, this);
      return;
    }
    if (existing === this || existing.version === this.version) return;
    if (warned.has(tag)) return;
    warned.add(tag);
    console.warn(
      `<${tag}> is already defined by @smec/widgets ${existing.version ?? '(unknown version)'}; ` +
        `version ${this.version} on this page is not used. Load only one smec script.`,
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
