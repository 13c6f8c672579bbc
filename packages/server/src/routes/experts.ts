import { ExpertInput, ExpertPatch, ExpertsQuery, IdParams } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import type { Expert } from '@smec/schemas';
import { auditActor } from '../audit/record.js';
import { auditedWrite } from '../audit/audited-write.js';
import { expertSnapshot } from '../audit/snapshots.js';
import { requireRoleOrStaff } from '../auth/principal.js';
import type { CatalogContext } from '../catalog/context.js';
import { getExpert, listExperts } from '../experts/list.js';
import { createExpert, updateExpert } from '../experts/write.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { fill, type Localized } from '../http/localized.js';
import { notFound } from '../http/problem.js';
import { parseBody, parseInput } from '../http/validate.js';
import { revalidateCatalog } from './cache.js';

const NO_EXPERT: Localized = { 'zh-CN': '未找到专家 {id}。', 'zh-HK': '找不到專家 {id}。', en: 'No expert {id}.' };

/** The public expert database. A write shows at once: caches keep an answer but ask each time (its ETag). */
export function expertRoutes(app: FastifyInstance, context: CatalogContext): void {
  app.get('/experts', async (request, reply) => {
    const query = parseInput(ExpertsQuery, request.query, 'query');
    return revalidateCatalog(reply).send(await listExperts(context, query));
  });

  app.get('/experts/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const expert = await getExpert(context, id);
    if (!expert) throw notFound(fill(NO_EXPERT, { id }));
    return revalidateCatalog(reply).send(expert);
  });

  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.post('/me/experts', async (request, reply) => {
    const principal = await requireRoleOrStaff(request, 'staff', 'provider');
    const locale = requestLocale(request);
    const input = parseBody(ExpertInput, request.body, locale);
    // Keys are the user's own: another user's key never replays into this one's answer.
    const result = await idempotency.run(
      `POST /me/experts ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => {
        const create = () => createExpert(context, trx, principal, input, locale);
        // A provider's own experts are its own business; a center's are staff writes.
        if (principal.role !== 'admin') return { status: 201, body: await create() };
        const audit = {
          action: 'expert.create',
          entityType: 'expert',
          entityId: (expert: Expert) => expert.id,
          read: expertSnapshot,
        };
        return {
          status: 201,
          body: await auditedWrite(trx, auditActor(request, principal), context.clock.now(), audit, create),
        };
      },
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });

  app.patch('/me/experts/:id', async (request, reply) => {
    const principal = await requireRoleOrStaff(request, 'staff', 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const patch = parseBody(ExpertPatch, request.body, locale);
    const result = await idempotency.run(
      `PATCH /me/experts/${id} ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => {
        const update = () => updateExpert(context, trx, principal, id, patch, locale);
        if (principal.role !== 'admin') return { status: 200, body: await update() };
        const audit = { action: 'expert.update', entityType: 'expert', entityId: id, read: expertSnapshot };
        return {
          status: 200,
          body: await auditedWrite(trx, auditActor(request, principal), context.clock.now(), audit, update),
        };
      },
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });
}
