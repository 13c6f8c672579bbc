// The CDN loader `smec-loader.js`: a few hundred bytes that watch the page and import a widget's module only when its
// tag appears, so a page pays for the widgets it shows and nothing else. It imports nothing itself: the widget
// modules it loads share one copy of Lit, the SDK's client and the base element through the build's core chunk.

/** Every tag the CDN serves a module for, `<tag>.js` next to this file. Checked against the build by a test. */
export const WIDGET_TAGS = [
  'smec-root',
  'smec-catalog',
  'smec-demand-form',
  'smec-event-calendar',
  'smec-voucher-wallet',
  'smec-feedback-rating',
  'smec-policy-list',
  'smec-center-scorecard',
  'smec-provider-application',
  'smec-expert-directory',
  'smec-public-notice',
  'smec-center-directory',
  'smec-provider-workbench',
  'smec-center-workbench',
] as const;

const LOADED = Symbol.for('smec.loader');
const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag) || !(WIDGET_TAGS as readonly string[]).includes(tag)) return;
  requested.add(tag);
  import(/* @vite-ignore */ new URL(`./${tag}.js`, import.meta.url).href).catch((error: unknown) => {
    // Let a later appearance of the tag try again (a flaky connection, for instance).
    requested.delete(tag);
    console.error(`[smec] could not load <${tag}>`, error);
  });
}

/** Loads the widgets used in a subtree, the root included; shadow roots load their own widgets by import. */
function discover(root: Element | Document): void {
  if (root instanceof Element) load(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) load(element.localName);
}

const host = globalThis as { [LOADED]?: true };
// A second copy (two script tags of different versions) finds the first one at work and stays idle.
if (!host[LOADED]) {
  host[LOADED] = true;
  discover(document);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) if (node instanceof Element) discover(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
