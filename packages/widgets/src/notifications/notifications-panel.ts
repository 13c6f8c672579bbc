import type { Notification, NotificationPage } from '@smec/schemas';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../controllers/action-controller.js';
import { MoreController } from '../controllers/more-controller.js';
import { msg, resolveLocale } from '../i18n/localization.js';
import type { SmecClient } from '../internal/client.js';
import { formatDateTime } from '../internal/date-time.js';
import { adoptViewStyles } from '../internal/view-styles.js';
import { describeError, renderError } from '../views/error-view.js';
import { renderEmpty, renderLoading } from '../views/status-view.js';
import type { NotificationHost, NotificationOpener, UnreadNotifications } from './unread-notifications.js';

// Fetched with the first 「消息」 (see unread-notifications.ts): the list, marking one read and the kinds' names.

const PAGE_SIZE = 20;

export const notificationsStyles = css`
  .notifications {
    display: grid;
    gap: 0.5rem;
    margin-block: 0.5rem 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .notification-list {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .notification {
    display: grid;
    gap: 0.25rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  .notification.unread {
    border-inline-start: 4px solid var(--_primary);
  }

  .notification h4 {
    margin: 0;
    font-size: 1rem;
  }

  .notification p {
    margin: 0;
  }

  .notification-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    color: var(--_muted);
    font-size: max(0.875rem, var(--_min-font));
  }

  .notification .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .notification-unread {
    color: var(--_primary);
    font-weight: 700;
  }
`;

/** What the platform calls each kind, in the reader's words; a kind added later is a plain 通知. */
function kindName(kind: string): string {
  switch (kind) {
    case 'eventCancelled':
    case 'eventChanged':
    case 'registrationPromoted':
      return msg('活动', { id: 'notifications.kind.event' });
    case 'voucherRevoked':
    case 'voucherExpiring':
      return msg('服务券', { id: 'notifications.kind.voucher' });
    case 'settlementRefused':
      return msg('结算', { id: 'notifications.kind.settlement' });
    case 'demandMatched':
      return msg('需求对接', { id: 'notifications.kind.demand' });
    case 'applicationChangesRequested':
      return msg('入驻申请', { id: 'notifications.kind.application' });
    case 'followUpDue':
      return msg('回访', { id: 'notifications.kind.followUp' });
    default:
      return msg('通知', { id: 'notifications.kind.other' });
  }
}

export interface NotificationsPanelOptions {
  client: () => SmecClient;
  locale: () => string;
  /** The platform's unread count, after each answer that carries it or each read. */
  unread: (count: number) => void;
  opener?: NotificationOpener | undefined;
}

/** The user's notifications, newest first, each unread one with 「标为已读」. */
export class NotificationsPanel {
  private page: NotificationPage | undefined;
  private error: unknown;
  private readonly reading: ActionController;
  private readonly more: MoreController<Notification>;
  /** Notifications read here, shown read before any reload. */
  private readonly read = new Map<string, Notification>();
  private message = '';
  /** The client of the user whose list this is. */
  readonly client: SmecClient;

  constructor(
    private readonly host: NotificationHost,
    private readonly options: NotificationsPanelOptions,
  ) {
    this.client = options.client();
    this.reading = new ActionController(host);
    this.more = new MoreController<Notification>(host, 'me.notifications.list');
    adoptViewStyles(host, notificationsStyles);
    void this.load();
  }

  private async load(): Promise<void> {
    this.error = undefined;
    this.page = undefined;
    this.more.reset();
    this.host.requestUpdate();
    try {
      this.page = await this.list();
      this.options.unread(this.page.unread);
    } catch (error) {
      this.error = error;
    }
    this.host.requestUpdate();
  }

  private list(cursor?: string, signal?: AbortSignal): Promise<NotificationPage> {
    return this.options.client().request({
      path: '/me/notifications',
      query: { limit: PAGE_SIZE, cursor },
      schema: 'NotificationPage',
      signal,
    });
  }

  private markRead(notification: Notification): void {
    this.message = '';
    void this.reading.run({
      operation: 'me.notifications.read',
      body: notification.id,
      send: ({ signal, idempotencyKey }) =>
        this.options.client().request({
          method: 'POST',
          path: `/me/notifications/${encodeURIComponent(notification.id)}/read`,
          idempotencyKey,
          schema: 'Notification',
          signal,
        }),
      done: (read) => {
        this.read.set(read.id, read);
        if (this.page) {
          this.page = { ...this.page, unread: Math.max(0, this.page.unread - 1) };
          this.options.unread(this.page.unread);
        }
        this.message = msg('已标为已读。', { id: 'notifications.read.done' });
        void this.host.updateComplete.then(() =>
          this.host.renderRoot.querySelector<HTMLElement>(`#smec-notification-${CSS.escape(read.id)}`)?.focus(),
        );
      },
    });
  }

  /**
   * What the widget shows of the notification's subject, marked `data-<type>-id` (the wallet's voucher and engagement
   * cards, the calendar's event buttons): a button is pressed (the event's detail opens), a card's heading is focused.
   */
  private shownOf({ subject }: Notification): (() => void) | undefined {
    if (!/^[a-z][a-zA-Z]*$/.test(subject.type)) return undefined;
    const selector = `[data-${subject.type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-id="${CSS.escape(subject.id)}"]`;
    if (!this.host.renderRoot.querySelector(selector)) return undefined;
    return () => {
      const target = this.host.renderRoot.querySelector<HTMLElement>(selector);
      if (target instanceof HTMLButtonElement) target.click();
      else (target?.querySelector<HTMLElement>('[tabindex="-1"]') ?? target)?.focus();
    };
  }

  private renderItem(shown: Notification, locale: string): TemplateResult {
    const notification = this.read.get(shown.id) ?? shown;
    const unread = notification.readAt === null;
    const open = this.options.opener?.(notification) ?? this.shownOf(notification);
    const titleId = `smec-notification-${notification.id}`;
    return html`<li
      part="notification"
      class=${unread ? 'notification unread' : 'notification'}
      data-notification-id=${notification.id}
      data-read=${unread ? 'false' : 'true'}
    >
      <p class="notification-meta">
        <span>${kindName(notification.kind)}</span>
        <time datetime=${notification.createdAt}>${formatDateTime(notification.createdAt, locale)}</time>
        ${unread ? html`<span class="notification-unread">${msg('未读', { id: 'notifications.unread' })}</span>` : nothing}
      </p>
      <h4 id=${titleId} tabindex="-1">${notification.title}</h4>
      ${notification.body ? html`<p>${notification.body}</p>` : nothing}
      ${
        open || unread
          ? html`<div class="actions">
              ${
                open
                  ? html`<button
                      type="button"
                      part="notification-link"
                      class="link-button"
                      aria-describedby=${titleId}
                      @click=${open}
                    >
                      ${msg('查看', { id: 'notifications.open' })}
                    </button>`
                  : nothing
              }
              ${
                unread
                  ? html`<button
                      type="button"
                      part="notification-read-button"
                      class="button"
                      aria-describedby=${titleId}
                      aria-disabled=${this.reading.busy ? 'true' : 'false'}
                      @click=${() => {
                        if (!this.reading.busy) this.markRead(notification);
                      }}
                    >
                      ${msg('标为已读', { id: 'notifications.markRead' })}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </li>`;
  }

  private renderList(page: NotificationPage, locale: string): unknown {
    if (page.items.length === 0) return renderEmpty(msg('暂无消息。', { id: 'notifications.empty' }));
    const shown = this.more.shown('all', page);
    return html`<ul class="notification-list">
        ${shown.items.map((notification) => this.renderItem(notification, locale))}
      </ul>
      ${
        shown.nextCursor
          ? html`<button
              type="button"
              part="notifications-more-button"
              class="button"
              aria-disabled=${this.more.loading ? 'true' : 'false'}
              @click=${() => {
                if (!this.more.loading) void this.more.more('all', page, (cursor, signal) => this.list(cursor, signal));
              }}
            >
              ${msg('加载更多', { id: 'notifications.more' })}
            </button>`
          : nothing
      }
      <div role="alert">
        ${this.more.error ? html`<p part="error" class="error">${describeError(this.more.error)}</p>` : nothing}
      </div>`;
  }

  render(): TemplateResult {
    const locale = this.options.locale();
    const page = this.page;
    let body: unknown;
    if (this.error) body = renderError(this.error, () => void this.load());
    else if (!page) body = renderLoading();
    else body = this.renderList(page, locale);
    return html`<section
      part="notifications"
      id="smec-notifications"
      class="notifications"
      aria-labelledby="smec-notifications-title"
    >
      <h3 id="smec-notifications-title" tabindex="-1">${msg('消息', { id: 'notifications.title' })}</h3>
      <p class="status" role="status" aria-live="polite">${this.message}</p>
      <div role="alert">
        ${this.reading.error ? html`<p part="error" class="error">${describeError(this.reading.error)}</p>` : nothing}
      </div>
      ${this.error ? html`<div role="alert">${body}</div>` : body}
    </section>`;
  }

  /** Leaves the host: its controllers stop with it. */
  dispose(): void {
    this.host.removeController(this.reading);
    this.host.removeController(this.more);
  }
}

/** The list of `unread`'s widget, made the first time it is shown. */
export function panelOf(unread: UnreadNotifications): NotificationsPanel {
  const client = unread.client ?? unread.api.client;
  const made = unread.panel instanceof NotificationsPanel ? unread.panel : undefined;
  if (made?.client !== client) {
    // Another user signed in: the last one's list and its controllers go.
    made?.dispose();
    unread.panel = new NotificationsPanel(unread.host, {
      client: () => client,
      locale: () => resolveLocale(unread.host),
      unread: (count) => {
        unread.count = count;
        unread.host.requestUpdate();
      },
      opener: unread.options.opener,
    });
  }
  return unread.panel as NotificationsPanel;
}

/** 「消息」 was pressed open: the list takes the focus once it shows. */
export async function opened(unread: UnreadNotifications): Promise<void> {
  panelOf(unread);
  unread.host.requestUpdate();
  await unread.host.updateComplete;
  unread.host.renderRoot.querySelector<HTMLElement>('#smec-notifications-title')?.focus();
}
