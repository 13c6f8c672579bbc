import { IdParams, NotificationsQuery } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/principal.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { fill, type Localized } from '../http/localized.js';
import { notFound } from '../http/problem.js';
import { parseInput } from '../http/validate.js';
import { listNotifications, markNotificationRead, type NotificationContext } from '../notifications/read.js';

const NO_NOTIFICATION: Localized = {
  'zh-CN': '您没有编号为 {id} 的通知。',
  'zh-HK': '您沒有編號為 {id} 的通知。',
  en: 'You have no notification {id}.',
};

/** An enterprise's or a provider user's own notifications. Centers' staff work from their queues instead. */
export function notificationRoutes(app: FastifyInstance, context: NotificationContext): void {
  app.get('/me/notifications', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise', 'provider');
    const query = parseInput(NotificationsQuery, request.query, 'query');
    const page = await listNotifications(context, principal.userId, query, requestLocale(request));
    return reply.header('cache-control', 'private, no-store').send(page);
  });

  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.post('/me/notifications/:id/read', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise', 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const result = await idempotency.run(
      `POST /me/notifications/${id}/read ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => {
        const read = await markNotificationRead(trx, context.clock.now(), principal.userId, id, locale);
        if (!read) throw notFound(fill(NO_NOTIFICATION, { id }));
        return { status: 200, body: read };
      },
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });
}
