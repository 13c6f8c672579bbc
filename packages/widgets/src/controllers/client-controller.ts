import { ContextConsumer } from '@lit/context';
import type { TokenProvider } from '@smec/sdk/core';
import type { ReactiveControllerHost } from 'lit';
import { resolveLocale } from '../i18n/localization.js';
import { clientContext, OwnClientCache, type SmecClient } from '../internal/client.js';

/** The properties a widget takes its client from (each widget declares and documents them itself). */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  /** A client handed over ready-made: it wins over everything else. */
  client?: SmecClient | undefined;
  apiBase?: string | undefined;
  getToken?: TokenProvider | undefined;
}

/** A `<smec-root>`, read through the properties a page sets on it (it may belong to another copy of the widgets). */
interface RootLike extends HTMLElement {
  client?: unknown;
  getToken?: TokenProvider;
}

/** The nearest `<smec-root>` around an element, crossing shadow roots. */
function enclosingRoot(element: Element): RootLike | undefined {
  let node: Element | null = element;
  while ((node = node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host || null))) {
    if (node.localName === 'smec-root') return node as RootLike;
  }
  return undefined;
}

/**
 * The client a widget talks to: its `client` property, else the client of the `<smec-root>` around it, else one it
 * builds from its `api-base`, its language and its `getToken`.
 *
 * It is the consumer of the root's context: it asks for the root's client when the host connects and updates the host
 * whenever the root hands over another one (a sign-in, another language). A widget may upgrade before the root
 * around it (the loader imports each module when its tag appears): the page's context root keeps its request, and
 * the widget switches to the root's client as soon as the root upgrades. Tasks that take `client` as an argument
 * run again on a switch.
 */
export class ClientController extends ContextConsumer<typeof clientContext, ClientHost> {
  private readonly own = new OwnClientCache();

  constructor(host: ClientHost) {
    super(host, { context: clientContext, subscribe: true });
  }

  /** The client in use now. */
  get client(): SmecClient {
    const { client, apiBase, getToken } = this.host;
    return client ?? this.value ?? this.own.get({ apiBase, locale: resolveLocale(this.host), getToken });
  }

  /**
   * Whether somebody may be signed in, decided without a network call: the token provider behind the client in use
   * (the widget's own, or its root's) answers a token. A client handed over ready-made may carry a token we cannot
   * see: that counts as signed in.
   */
  async signedIn(): Promise<boolean> {
    let maybe = !!this.host.client;
    let source = this.host.getToken;
    if (!maybe && this.value) {
      const root = enclosingRoot(this.host);
      maybe = !!root?.client;
      source = root?.getToken;
    }
    try {
      return maybe || !!(await source?.());
    } catch {
      return false;
    }
  }
}
