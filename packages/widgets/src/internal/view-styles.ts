import type { CSSResult } from 'lit';

// Apart from Lazy (lazy.ts), which a widget's first download holds: only the views fetched later use this.
const adopted = new WeakMap<ShadowRoot, Set<CSSResult>>();

/**
 * Adds a lazily fetched view's own styles to `host`'s shadow root, after its static styles (once; later calls do
 * nothing), so that the view's rules travel with it instead of weighing on the widget's first download.
 */
export function adoptViewStyles(host: HTMLElement, styles: CSSResult): void {
  const root = host.shadowRoot;
  if (!root) return;
  let done = adopted.get(root);
  if (!done) adopted.set(root, (done = new Set()));
  if (done.has(styles)) return;
  done.add(styles);
  const sheet = styles.styleSheet;
  if (sheet) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  // No constructable style sheets (older browsers): a style element, as Lit does for the static styles.
  const style = document.createElement('style');
  style.textContent = styles.cssText;
  root.append(style);
}
