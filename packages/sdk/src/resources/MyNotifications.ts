import type { Notification, NotificationPage, NotificationsQuery, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link MyNotifications.list}. */
export type NotificationListParams = z.output<typeof NotificationsQuery>;

/** What the platform tells the signed-in enterprise or provider user: `client.me.notifications`. */
export class MyNotifications extends Resource {
  /**
   * The user's notifications, newest first, with `unread` counting all unread ones; `unread: true` keeps those.
   * Titles and bodies come in the client's language. Await for the first page or iterate for all. A center
   * account's token throws `SmecForbiddenError`.
   *
   * @example
   * ```ts
   * const { items, unread } = await client.me.notifications.list({ unread: true });
   * ```
   */
  list(params: NotificationListParams = {}, options?: CallOptions): PagePromise<NotificationPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/me/notifications',
          query: { ...params, cursor },
          schema: 'NotificationPage',
        }),
      params.cursor,
    );
  }

  /**
   * Every notification of the user, page after page.
   *
   * @example
   * ```ts
   * for await (const notification of client.me.notifications.iterate()) console.log(notification.title);
   * ```
   */
  iterate(params: NotificationListParams = {}, options?: CallOptions): AsyncGenerator<Notification, void, undefined> {
    return this.list(params, options).iterate();
  }

  /**
   * Marks a notification read; reading it again keeps the first instant. Another user's throws `SmecNotFoundError`.
   *
   * @example
   * ```ts
   * await client.me.notifications.read('ntf-demo-0001');
   * ```
   */
  read(id: string, options: CallOptions = {}): Promise<Notification> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/me/notifications/${encodeURIComponent(id)}/read`,
      idempotencyKey: true,
      schema: 'Notification',
    });
  }
}
