import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenProvider } from '@smec/sdk/core';
import { resolveLocale, type SmecLocale } from '../../i18n/localization.js';
import { clientContext, ownClient, type SmecClient } from '../../internal/client.js';
import { SmecElement } from '../../internal/smec-element.js';

/**
 * @summary Configures the platform once for every smec widget inside it: one SDK client (base URL, sign-in token)
 * and the language.
 *
 * Widgets inside a root use its client; a widget outside any root builds its own from its `api-base`.
 *
 * @attribute lang - The language of the widgets inside (zh-CN, en or zh-HK) and of the platform's messages.
 * @attribute care - Care mode (适老化) for the widgets inside: text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1.
 *
 * @slot - The widgets (and any other content).
 */
export class SmecRoot extends SmecElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new ContextProvider(this, { context: clientContext });
  private builtClient: SmecClient | undefined;
  private builtLocale: SmecLocale | undefined;

  /** Base URL of the platform API, e.g. `https://platform.example/api/v1`; default: the platform that served the script. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The SDK client to hand to the widgets; when set, `api-base` and `getToken` are not used. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token (the host site signs its users in); used by the client the root builds. */
  @property({ attribute: false }) getToken?: TokenProvider;

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide before the first render, so that the widgets inside never start with a client of their own.
    this.provider.setValue(this.providedClient());
  }

  protected override syncLocale(): void {
    super.syncLocale();
    // The platform's own messages (problem details) follow the language too, at once: the texts of the widgets may
    // wait for their translations, the server's do not.
    if (this.builtClient && this.builtLocale !== this.wantedLocale) {
      this.builtClient = undefined;
      this.requestUpdate();
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('getToken')) this.builtClient = undefined;
    this.provider.setValue(this.providedClient());
  }

  private providedClient(): SmecClient {
    if (this.client) return this.client;
    if (!this.builtClient) {
      this.builtLocale = resolveLocale(this);
      this.builtClient = ownClient({ apiBase: this.apiBase, getToken: this.getToken, locale: this.builtLocale });
    }
    return this.builtClient;
  }

  override render() {
    return html`<slot></slot>`;
  }
}
