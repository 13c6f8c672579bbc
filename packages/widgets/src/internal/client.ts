import { ContextRoot, createContext } from '@lit/context';
import { createClientFrom, type ResourceClasses, type SmecClient, type TokenProvider } from '@smec/sdk/core';
import type { SmecLocale } from '../i18n/localization.js';

export type { SmecClient };

/** What a widget or `<smec-root>` builds a client of its own from. */
export interface OwnClientOptions {
  apiBase?: string | undefined;
  locale?: SmecLocale | undefined;
  getToken?: TokenProvider | undefined;
}

/**
 * The client `<smec-root>` hands to every widget inside it. The key is a registered symbol so that two bundles on
 * one page (say `smec.js` and a single widget's module) still find each other's root.
 */
export const clientContext = createContext<SmecClient | undefined>(Symbol.for('smec-client'));

// A widget may upgrade before the `<smec-root>` around it (the loader imports each module when its tag appears, in
// whatever order they arrive). A context root at the top of the page keeps such early requests and answers them once
// the root upgrades, so the widget switches to the root's client (and its signed-in user). One per page, whatever
// number of smec copies the page loads.
const CONTEXT_ROOT = Symbol.for('smec.context-root');
const page = globalThis as { [CONTEXT_ROOT]?: ContextRoot };
if (typeof document !== 'undefined' && !page[CONTEXT_ROOT]) {
  page[CONTEXT_ROOT] = new ContextRoot();
  page[CONTEXT_ROOT].attach(document.documentElement);
}

/**
 * The platform that served this script. A webmaster who copied the script tag from the platform needs no
 * configuration at all.
 */
export function defaultApiBase(): string {
  return new URL('/api/v1', import.meta.url).href;
}

const shared = new Map<string, SmecClient>();

// The resource classes of the SDK that the widgets on this page use: each widget's modules name theirs, so a page
// downloads only the calls its widgets make. Clients read this on each first use, so later widgets add to it.
const resources: ResourceClasses = {};

/** Adds resource classes to the clients the widgets build (see `ownClient`); call it where a module uses them. */
export function useResources(classes: ResourceClasses): void {
  Object.assign(resources, classes);
}

/**
 * A client for `apiBase` (default: the platform that served the script). Anonymous clients are shared by the
 * widgets with the same base and language, so that they share the SDK's response cache.
 */
export function ownClient({ apiBase, locale, getToken }: OwnClientOptions = {}): SmecClient {
  const baseUrl = apiBase?.trim() || defaultApiBase();
  if (getToken) return createClientFrom({ baseUrl, locale, getToken }, resources);
  const key = `${locale ?? ''} ${baseUrl}`;
  let client = shared.get(key);
  if (!client) shared.set(key, (client = createClientFrom({ baseUrl, locale }, resources)));
  return client;
}

/**
 * The client a widget outside any `<smec-root>` builds for itself, kept while its language, `api-base` and token
 * provider stay the same: a client with a token provider is not shared, and a new one on each render would reload.
 */
export class OwnClientCache {
  private built: { key: string; getToken: TokenProvider | undefined; client: SmecClient } | undefined;

  get({ apiBase, locale, getToken }: OwnClientOptions): SmecClient {
    const key = `${locale ?? ''} ${apiBase ?? ''}`;
    if (this.built?.key !== key || this.built.getToken !== getToken) {
      this.built = { key, getToken, client: ownClient({ apiBase, locale, getToken }) };
    }
    return this.built.client;
  }
}
