import { DemandInput, DemandLookupQuery, DemandTransition, DemandsQuery, IdParams, type Demand } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { auditActor } from '../audit/record.js';
import { auditedWrite } from '../audit/audited-write.js';
import { demandSnapshot } from '../audit/snapshots.js';
import { requireStaff } from '../auth/principal.js';
import {
  checkDemandReferences,
  createDemand,
  getDemand,
  listDemands,
  lookupDemand,
  transitionDemand,
  type DemandContext,
} from '../demands/store.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { ProblemError } from '../http/problem.js';
import { limitedRoute, type RateLimitRule } from '../http/rate-limit.js';
import { parseBody, parseInput } from '../http/validate.js';
import type { Localized } from '../http/localized.js';

export interface DemandRouteOptions {
  readonly submitLimit: RateLimitRule;
  readonly lookupLimit: RateLimitRule;
}

export const SUBMIT_SCOPE = 'POST /demands';

const NO_MATCH_DETAIL: Localized = {
  'zh-CN': '没有与该受理编号和手机号码相符的需求，请核对后重试。',
  'zh-HK': '沒有與該受理編號和手提電話號碼相符的需求，請核對後再試。',
  en: 'No demand matches this tracking number and phone number. Check both and try again.',
};

export function demandRoutes(app: FastifyInstance, context: DemandContext, options: DemandRouteOptions): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  const isReplay = idempotency.replayExemption(SUBMIT_SCOPE);

  app.post('/demands', limitedRoute('demand-submit', options.submitLimit, isReplay), async (request, reply) => {
    const key = idempotencyKeyOf(request);
    const locale = requestLocale(request);
    const input = parseBody(DemandInput, request.body, locale);
    await checkDemandReferences(context, input, locale);
    const result = await idempotency.run(SUBMIT_SCOPE, key, request.body, async (trx) => ({
      status: 201,
      body: await createDemand(context, trx, input),
    }));
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const demand = result.body as Demand;
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('location', `/api/v1/demands/${demand.id}`)
      .send(demand);
  });

  app.get('/demands/lookup', limitedRoute('demand-lookup', options.lookupLimit), async (request, reply) => {
    const { trackingNo, phone } = parseInput(DemandLookupQuery, request.query, 'query');
    const view = await lookupDemand(context, trackingNo, phone);
    if (!view) throw new ProblemError('not_found', NO_MATCH_DETAIL);
    return reply.header('cache-control', 'no-store').send(view);
  });

  app.get('/demands', async (request, reply) => {
    const principal = await requireStaff(request, 'viewer');
    const query = parseInput(DemandsQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listDemands(context, principal, query));
  });

  app.get('/demands/:id', async (request, reply) => {
    const principal = await requireStaff(request, 'viewer');
    const { id } = parseInput(IdParams, request.params, 'params');
    return reply.header('cache-control', 'private, no-store').send(await getDemand(context, principal, id));
  });

  app.post('/demands/:id/transitions', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const move = parseBody(DemandTransition, request.body, locale);
    const audit = { action: `demand.${move.action}`, entityType: 'demand', entityId: id, read: demandSnapshot };
    // Keys are the user's own: another administrator's key never replays into this one's answer.
    const result = await idempotency.run(
      `POST /demands/${id}/transitions ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({
        status: 200,
        body: await auditedWrite(trx, auditActor(request, principal), context.clock.now(), audit, () =>
          transitionDemand(context, principal, id, move, locale, trx),
        ),
      }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });
}
