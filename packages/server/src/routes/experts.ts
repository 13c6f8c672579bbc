import { ExpertInput, ExpertPatch, ExpertsQuery, IdParams } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/principal.js';
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
    const principal = await requireRole(request, 'provider', 'admin');
    const locale = requestLocale(request);
    const input = parseBody(ExpertInput, request.body, locale);
    // Keys are the user's own: another user's key never replays into this one's answer.
    const result = await idempotency.run(
      `POST /me/experts ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({ status: 201, body: await createExpert(context, trx, principal, input, locale) }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });

  app.patch('/me/experts/:id', async (request, reply) => {
    const principal = await requireRole(request, 'provider', 'admin');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const patch = parseBody(ExpertPatch, request.body, locale);
    const result = await idempotency.run(
      `PATCH /me/experts/${id} ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({ status: 200, body: await updateExpert(context, trx, principal, id, patch, locale) }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });
}
