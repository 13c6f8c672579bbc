import { IdParams, ObjectionInput, PublicNoticesQuery } from '@smec/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fileObjection } from '../applications/objections.js';
import { listPublicNotices } from '../applications/public-notices.js';
import type { ApplicationContext } from '../applications/store.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { limitedRoute, type RateLimitRule } from '../http/rate-limit.js';
import { parseBody, parseInput } from '../http/validate.js';
import { revalidateCatalog } from './cache.js';

export interface PublicNoticeRouteOptions {
  readonly objectionLimit: RateLimitRule;
}

const objectionScope = (id: string) => `POST /public-notices/${id}/objections`;

/** The public notice: anyone reads who is under notice and files an objection against one, no account needed. */
export function publicNoticeRoutes(
  app: FastifyInstance,
  context: ApplicationContext,
  options: PublicNoticeRouteOptions,
): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);
  // A replayed objection does no work, so it is not counted against the address (as the applications' submit).
  const isReplay = async (request: FastifyRequest) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return false;
    return idempotency.replayExemption(objectionScope(params.data.id))(request);
  };

  app.get('/public-notices', async (request, reply) => {
    const query = parseInput(PublicNoticesQuery, request.query, 'query');
    return revalidateCatalog(reply).send(await listPublicNotices(context, query));
  });

  app.post(
    '/public-notices/:id/objections',
    limitedRoute('objection-submit', options.objectionLimit, isReplay),
    async (request, reply) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const input = parseBody(ObjectionInput, request.body, requestLocale(request));
      const result = await idempotency.run(
        objectionScope(id),
        idempotencyKeyOf(request),
        request.body,
        async (trx) => ({
          status: 201,
          body: await fileObjection(context, trx, id, input),
        }),
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
    },
  );
}
