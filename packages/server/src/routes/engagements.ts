import { EngagementTransition, EngagementsQuery, IdParams } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/principal.js';
import { getEngagement, listEngagements, transitionEngagement } from '../engagements/store.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { parseBody, parseInput } from '../http/validate.js';
import type { VoucherContext } from '../vouchers/context.js';

export function engagementRoutes(app: FastifyInstance, context: VoucherContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/engagements', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise', 'provider', 'admin');
    const query = parseInput(EngagementsQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listEngagements(context, principal, query));
  });

  app.get('/engagements/:id', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise', 'provider', 'admin');
    const { id } = parseInput(IdParams, request.params, 'params');
    return reply
      .header('cache-control', 'private, no-store')
      .send(await getEngagement(context, principal, id, requestLocale(request)));
  });

  app.post('/engagements/:id/transitions', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise', 'provider', 'admin');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const transition = parseBody(EngagementTransition, request.body ?? {}, locale);
    const result = await idempotency.run(
      `POST /engagements/${id}/transitions ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({
        status: 200,
        body: await transitionEngagement(context, trx, principal, id, transition, locale),
      }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });
}
