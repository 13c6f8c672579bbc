import { LitElement } from 'lit';
import {
  documentLocale,
  isLocaleLoaded,
  loadLocale,
  resolveLocale,
  setAmbientLocale,
  SOURCE_LOCALE,
  withLocale,
  type SmecLocale,
  type Translations,
} from '../i18n/localization.js';
import { VERSION } from './version.js';

// Shared by every copy of the widgets on the page, so that two copies warn once between them, not once per tag.
const WARNED = Symbol.for('smec.warned-duplicate');
const page = globalThis as { [WARNED]?: true };
const connected = new Set<SmecElement>();
let inheritedObserver: MutationObserver | undefined;

type VersionedConstructor = CustomElementConstructor & { version?: string };

/**
 * Base class of every smec element.
 *
 * Elements never register themselves: the define modules call `define()`, which tolerates being run twice, because
 * a webmaster may well paste both `smec.js` and `smec-catalog.js` on one page.
 *
 * It also picks the language, per element: its `lang` attribute (the native `lang` property sets it too), else the
 * nearest ancestor's (crossing shadow roots), else `<html lang>`, which it keeps watching. Two widgets of different
 * languages coexist on one page: each update runs with the element's own locale, which `msg()` reads.
 *
 * Care mode (适老化, `care`) is inherited the same way: an element inside an ancestor with `care` (a `<smec-root>`,
 * `<html>`, another widget) gets the attribute on its host too, because only the host's own attributes reach its
 * shadow styles (`:host([care])`), and loses it again when the ancestor does.
 */
export class SmecElement extends LitElement {
  /** The version of @smec/widgets this class was built from. */
  static version = VERSION;

  /**
   * The element's own texts in en and zh-HK (`components/<widget>/locales/`), fetched with the shared ones the first
   * time it speaks one of them; none for an element whose texts are all shared.
   */
  static translations: Translations | undefined;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang', 'care'];
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

  static {
    // A text made in an event handler or after an await has no element to ask. On most pages every widget speaks
    // the same language (often a root's, which `<html lang>` does not know): use it. On a page that mixes
    // languages, the page's own; such texts should be made with `withLocale(this.locale, …)`.
    setAmbientLocale(() => {
      let agreed: SmecLocale | undefined;
      for (const element of connected) {
        if (agreed && element.shownLocale !== agreed) return documentLocale();
        agreed = element.shownLocale;
      }
      return agreed ?? documentLocale();
    });
  }

  /** The locale the `lang` attributes ask for. */
  protected wantedLocale: SmecLocale = SOURCE_LOCALE;
  private shownLocale: SmecLocale = SOURCE_LOCALE;
  /** Whether the host's `care` came from an ancestor (and so goes with it), not from the page. */
  private careInherited = false;

  /**
   * The locale the texts render in right now (numbers and dates follow it too): the wanted one once its translations
   * have loaded; until then the previous one (zh-CN at first).
   */
  protected get locale(): SmecLocale {
    return this.shownLocale;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    watchInherited(this.renderRoot, () => {
      for (const element of connected) {
        element.syncLocale();
        element.syncCare();
      }
    });
    this.syncLocale();
    this.syncCare();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.syncLocale();
    // Set (or removed) by the page: the page's word stands. syncCare() marks its own change after making it.
    if (name === 'care') this.careInherited = false;
  }

  /** Gives the host `care` while an ancestor has it, and takes back only a `care` that came that way. */
  private syncCare(): void {
    const above = hasCareAbove(this);
    if (above && !this.hasAttribute('care')) {
      this.setAttribute('care', '');
      this.careInherited = true;
    } else if (!above && this.careInherited) {
      this.removeAttribute('care');
    }
  }

  /** Re-reads the language from the `lang` attributes and switches the texts to it once its translations load. */
  protected syncLocale(): void {
    const wanted = resolveLocale(this);
    if (wanted === this.wantedLocale) return;
    this.wantedLocale = wanted;
    const { translations } = this.constructor as typeof SmecElement;
    if (isLocaleLoaded(wanted, translations)) {
      this.showLocale(wanted);
      return;
    }
    loadLocale(wanted, translations).then(
      () => {
        if (this.wantedLocale === wanted) this.showLocale(wanted);
      },
      (error: unknown) => {
        // The widget stays usable in the language it speaks; a later change of `lang` tries again.
        console.warn(`[smec] the ${wanted} texts did not load; showing ${this.shownLocale}.`, error);
        if (this.wantedLocale === wanted) this.wantedLocale = this.shownLocale;
      },
    );
  }

  private showLocale(locale: SmecLocale): void {
    if (locale === this.shownLocale) return;
    this.shownLocale = locale;
    this.requestUpdate();
  }

  // willUpdate, render, firstUpdated and updated (and controllers' hooks) all run in here, synchronously.
  protected override performUpdate(): void {
    withLocale(this.shownLocale, () => super.performUpdate());
  }
}

const INHERITED = { attributes: true, attributeFilter: ['lang', 'care'], subtree: true };

/**
 * Re-reads the language and the care mode of every connected element when a `lang` or `care` attribute changes:
 * anywhere in the document, or in the shadow root of a smec element (a widget may render another inside).
 */
function watchInherited(renderRoot: HTMLElement | DocumentFragment, resync: () => void): void {
  if (!inheritedObserver) {
    inheritedObserver = new MutationObserver(resync);
    inheritedObserver.observe(document.documentElement, INHERITED);
  }
  if (renderRoot instanceof ShadowRoot) inheritedObserver.observe(renderRoot, INHERITED);
}

/** Whether an ancestor of `element` (crossing shadow roots) has `care`. */
function hasCareAbove(element: Element): boolean {
  for (let node = parentOf(element); node; node = parentOf(node)) if (node.hasAttribute('care')) return true;
  return false;
}

function parentOf(node: Element): Element | null {
  const root = node.getRootNode();
  return node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
}
