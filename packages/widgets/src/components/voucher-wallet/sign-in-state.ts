import type { TokenProvider } from '@smec/sdk/core';

interface RootLike extends HTMLElement {
  getToken?: TokenProvider;
  client?: unknown;
}

/** The nearest `<smec-root>` around an element, crossing shadow roots. */
function enclosingRoot(element: Element): RootLike | undefined {
  let node: Element | null = element.parentElement ?? null;
  let current: Node = element;
  while (true) {
    if (!node) {
      const root = current.getRootNode();
      if (!(root instanceof ShadowRoot)) return undefined;
      node = root.host;
    }
    if (node.localName === 'smec-root') return node as RootLike;
    current = node;
    node = node.parentElement;
  }
}

/**
 * Whether a token may be present, decided without a network call: an element's own token provider, else its root's.
 * A client handed over ready-made (`client` property) may carry one we cannot see, so it counts as 'maybe'.
 */
export function tokenSource(
  element: Element,
  own: { client?: unknown; getToken?: TokenProvider | undefined },
): TokenProvider | 'unknown' | undefined {
  if (own.client) return 'unknown';
  if (own.getToken) return own.getToken;
  const root = enclosingRoot(element);
  if (!root) return undefined;
  if (root.client) return 'unknown';
  return root.getToken;
}

/** True when a token is there now: a provider that answers something. Never touches the network. */
export async function hasToken(source: TokenProvider | 'unknown' | undefined): Promise<boolean> {
  if (source === 'unknown') return true;
  if (!source) return false;
  try {
    return Boolean(await source());
  } catch {
    return false;
  }
}
