import type { Notification, NotificationPage } from '@smec/schemas';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ClientController } from '../controllers/client-controller.js';
import { msg, str } from '../i18n/localization.js';
import type { SmecClient } from '../internal/client.js';
import { Lazy } from '../internal/lazy.js';

// Everything but the count and its button arrives with the first 「消息」 (notifications-panel.ts): the public
// widgets' first download must not grow for the visitors who never open it, nor at all for those not signed in.
const panelModule = new Lazy(() => import('./notifications-panel.js'));

/** What a notification opens in the widget that shows it (the wallet's voucher, the calendar's event), if anything. */
export type NotificationOpener = (notification: Notification) => (() => void) | undefined;

export type NotificationHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface UnreadNotificationsOptions {
  /**
   * Whether the widget knows its user is signed in with the kind of account it serves: the count is asked then, and
   * again only when the client changes (another user). Without it, the token provider alone decides.
   */
  ready?: () => boolean;
  opener?: NotificationOpener;
}

/** The row of a widget's title and 「消息」: as high as the button, with or without it, so its arrival moves nothing. */
export const notificationHeadStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    min-height: var(--_target);
  }
`;

/**
 * The signed-in user's unread notifications as 「消息 (N)」, which opens their list below the widget's head. The
 * count is one small call, made only when somebody is signed in; a center's account (403) or a failure shows no
 * button, and the widget's own work goes on.
 */
export class UnreadNotifications implements ReactiveController {
  /** How many are unread; undefined until the platform has said. */
  count: number | undefined;
  open = false;
  /** The list, made by its module the first time it is opened (and again for another user). */
  panel: unknown;
  /** The client the count was asked of, so that each user is asked once. */
  client: SmecClient | undefined;

  constructor(
    readonly host: NotificationHost,
    readonly api: ClientController,
    readonly options: UnreadNotificationsOptions = {},
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const client = (this.options.ready?.() ?? true) ? this.api.client : undefined;
    if (client === this.client) return;
    this.client = client;
    this.count = undefined;
    this.open = false;
    if (client) this.ask(client).catch(() => undefined);
  }

  private async ask(client: SmecClient): Promise<void> {
    // A visitor without a token is asked nothing.
    if (!(await this.api.signedIn())) return;
    const page: NotificationPage = await client.request({
      path: '/me/notifications',
      query: { unread: true, limit: 1 },
      schema: 'NotificationPage',
    });
    if (client !== this.client) return;
    this.count = page.unread;
    this.host.requestUpdate();
  }

  /** 「消息 (N)」 once the count is known, else nothing (the head keeps its height). */
  renderButton(): unknown {
    return this.count === undefined
      ? nothing
      : html`<button
          type="button"
          part="notifications-button"
          class="button"
          aria-expanded=${String(this.open)}
          @click=${() => {
            this.open = !this.open;
            this.host.requestUpdate();
            if (this.open)
              panelModule.load().then(
                (module) => module.opened(this),
                () => undefined,
              );
          }}
        >
          ${msg(str`消息 (${this.count})`, { id: 'notifications.button' })}
        </button>`;
  }

  /** The list while open; until its module has arrived, a loading line (or the failure, with a retry). */
  renderPanel(): unknown {
    return this.open ? panelModule.render(this.host, (module) => module.panelOf(this).render()) : nothing;
  }
}
