import { createContext } from '@lit/context';
import { createClient } from '@smec/sdk';

/** The SDK client the widgets talk to the platform through. */
export type SmecClient = ReturnType<typeof createClient>;

/** Options a widget or `<smec-root>` uses to build a client of its own. */
export interface OwnClientOptions {
  apiBase?: string | undefined;
  getToken?: (() => string | undefined | Promise<string | undefined>) | undefined;
}

/**
 * The client `<smec-root>` hands to every widget inside it. The key is a registered symbol so that two bundles on
 * one page (say `smec.js` and a single widget's module) still find each other's root.
 */
export const clientContext = createContext<SmecClient | undefined>(Symbol.for('smec-client'));

/**
 * The platform that served this script. A webmaster who copied the script tag from the platform needs no
 * configuration at all.
 */
export function defaultApiBase(): string {
  return new URL('/api/v1', import.meta.url).href;
}

const cache = new Map<string, SmecClient>();

/**
 * A client for `apiBase` (or the default platform). Clients without a token callback are shared between widgets
 * with the same base, so that several widgets on a page share the SDK's caches.
 */
export function ownClient({ apiBase, getToken }: OwnClientOptions = {}): SmecClient {
  const baseUrl = apiBase?.trim() || defaultApiBase();
  if (getToken) return createClient({ baseUrl, getToken });
  let client = cache.get(baseUrl);
  if (!client) {
    client = createClient({ baseUrl });
    cache.set(baseUrl, client);
  }
  return client;
}

/**
 * The rule every widget follows: a client set as a property wins, then the client of the enclosing `<smec-root>`,
 * then one built from the widget's own `api-base` (or the platform that served the script).
 */
export function resolveClient(
  explicit: SmecClient | undefined,
  fromRoot: SmecClient | undefined,
  apiBase: string | undefined,
): SmecClient {
  return explicit ?? fromRoot ?? ownClient({ apiBase });
}
