import { EngagementTransition, EngagementsQuery, IdParams } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { auditActor } from '../audit/record.js';
import { auditedWrite } from '../audit/audited-write.js';
import { engagementSnapshot } from '../audit/snapshots.js';
import { requireRoleOrStaff } from '../auth/principal.js';
import { getEngagement, listEngagements, transitionEngagement } from '../engagements/store.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { parseBody, parseInput } from '../http/validate.js';
import type { VoucherContext } from '../vouchers/context.js';

export function engagementRoutes(app: FastifyInstance, context: VoucherContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/engagements', async (request, reply) => {
    const principal = await requireRoleOrStaff(request, 'viewer', 'enterprise', 'provider');
    const query = parseInput(EngagementsQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listEngagements(context, principal, query));
  });

  app.get('/engagements/:id', async (request, reply) => {
    const principal = await requireRoleOrStaff(request, 'viewer', 'enterprise', 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    return reply
      .header('cache-control', 'private, no-store')
      .send(await getEngagement(context, principal, id, requestLocale(request)));
  });

  app.post('/engagements/:id/transitions', async (request, reply) => {
    const principal = await requireRoleOrStaff(request, 'staff', 'enterprise', 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const transition = parseBody(EngagementTransition, request.body ?? {}, locale);
    const result = await idempotency.run(
      `POST /engagements/${id}/transitions ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => {
        const move = () => transitionEngagement(context, trx, principal, id, transition, locale);
        // Only a center's moves (settling) are staff writes; the parties' own are on the engagement's timeline.
        if (principal.role !== 'admin') return { status: 200, body: await move() };
        const audit = {
          action: `engagement.${transition.action}`,
          entityType: 'engagement',
          entityId: id,
          read: engagementSnapshot,
        };
        return {
          status: 200,
          body: await auditedWrite(trx, auditActor(request, principal), context.clock.now(), audit, move),
        };
      },
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });
}
