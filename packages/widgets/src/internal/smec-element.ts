import { LitElement } from 'lit';
import { VERSION } from './version.js';

const warned = new Set<string>();

type VersionedConstructor = CustomElementConstructor & { version?: string };

/**
 * Base class of every smec element. Elements never register themselves: the define modules call `define()`, which
 * tolerates being run twice, because a webmaster may well paste both `smec.js` and `smec-catalog.js` on one page.
 */
export class SmecElement extends LitElement {
  /** The version of @smec/widgets this class was built from. */
  static version = VERSION;

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
}
