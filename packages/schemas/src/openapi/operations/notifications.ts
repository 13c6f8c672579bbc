import { IdParams, Notification, NotificationPage, NotificationsQuery } from '../../index.js';
import type { Operation } from '../operation.js';

/** What the platform tells a signed-in enterprise or provider user. */
export const notificationOperations = {
  listMyNotifications: {
    operationId: 'listMyNotifications',
    method: 'get',
    path: '/me/notifications',
    tag: 'notifications',
    summary: "The signed-in enterprise's or provider user's notifications, newest first, with the unread count",
    description:
      'Each notification names its `kind` and the entity it is about (`subject`); `title` and `body` are in the ' +
      'request’s language, made when read. `unread=true` keeps the unread ones; `unread` in the answer counts all ' +
      'of them whatever the filter. Center staff get a 403: their work comes from their queues.',
    query: NotificationsQuery,
    response: NotificationPage,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { limit: '20' } },
  },
  readMyNotification: {
    operationId: 'readMyNotification',
    method: 'post',
    path: '/me/notifications/{id}/read',
    tag: 'notifications',
    summary: 'Mark one of the signed-in user’s notifications read',
    description:
      'Reading it again keeps the first instant. Another user’s notification is a 404. With an `Idempotency-Key` ' +
      '(per user), a retry returns the first answer.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one call', required: false }],
    response: Notification,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['forbidden', 'not_found'],
    cacheable: false,
    example: { params: { id: 'ntf-demo-0001' } },
  },
} as const satisfies Record<string, Operation>;
