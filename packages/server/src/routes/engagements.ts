import {
  EngagementOrderInput,
  EngagementProofsInput,
  EngagementTransition,
  EngagementsQuery,
  IdParams,
  SettlementsQuery,
  type Engagement,
} from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { auditActor } from '../audit/record.js';
import { auditedWrite } from '../audit/audited-write.js';
import { engagementSnapshot } from '../audit/snapshots.js';
import { requireRole, requireRoleOrStaff, requireStaff } from '../auth/principal.js';
import { listSettlements, settlementsCsv } from '../engagements/settlements.js';
import { preferredType } from '../http/accept.js';
import { addEngagementProofs, getEngagement, listEngagements, transitionEngagement } from '../engagements/store.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { parseBody, parseInput } from '../http/validate.js';
import type { VoucherContext } from '../vouchers/context.js';
import { expireDue } from '../vouchers/expiry.js';
import { createEngagement } from '../engagements/order.js';

export function engagementRoutes(app: FastifyInstance, context: VoucherContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/engagements', async (request, reply) => {
    const principal = await requireRoleOrStaff(request, 'viewer', 'enterprise', 'provider');
    const query = parseInput(EngagementsQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listEngagements(context, principal, query));
  });

  app.post('/engagements', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const locale = requestLocale(request);
    const input = parseBody(EngagementOrderInput, request.body ?? {}, locale);
    // A voucher past its deadline is marked expired on its own: the refusal that follows rolls back only the order.
    if (input.voucherId) await expireDue(context.db, context.clock.now(), input.voucherId);
    const result = await idempotency.run(
      `POST /engagements ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({ status: 201, body: await createEngagement(context, trx, principal, input, locale) }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const engagement = result.body as Engagement;
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('location', `/api/v1/engagements/${engagement.id}`)
      .send(engagement);
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

  app.post('/engagements/:id/proofs', async (request, reply) => {
    const principal = await requireRole(request, 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const input = parseBody(EngagementProofsInput, request.body, locale);
    const result = await idempotency.run(
      `POST /engagements/${id}/proofs ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({ status: 200, body: await addEngagementProofs(context, trx, principal, id, input, locale) }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });

  app.get('/settlements', async (request, reply) => {
    const principal = await requireStaff(request, 'viewer');
    const query = parseInput(SettlementsQuery, request.query, 'query');
    // Money and enterprises' names: never kept by a shared cache, and the answer depends on Accept.
    reply.header('cache-control', 'private, no-store').header('vary', 'accept, accept-language');
    if (preferredType(request, ['application/json', 'text/csv']) === 'text/csv') {
      const stream = await settlementsCsv(context, principal, query, requestLocale(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="settlements.csv"')
        .send(stream);
    }
    return reply.send(await listSettlements(context, principal, query));
  });
}
