import {
  DemandDeadlinesInput,
  DemandInput,
  DemandLookupQuery,
  DemandProposalAcceptInput,
  DemandProposalParams,
  DemandProposalsInput,
  DemandTransferInput,
  DemandTransition,
  DemandsQuery,
  IdParams,
  MyDemandProposalsQuery,
  RegionCodeParams,
  type Demand,
  type DemandDeadlines,
  type Engagement,
  type Principal,
} from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { auditActor } from '../audit/record.js';
import { auditedWrite } from '../audit/audited-write.js';
import { demandDeadlinesSnapshot, demandSnapshot } from '../audit/snapshots.js';
import { requireRole, requireStaff } from '../auth/principal.js';
import { deadlinesEtag, deadlinesOf, setDeadlines } from '../demands/deadlines.js';
import { listMyProposals } from '../demands/provider-proposals.js';
import { transferDemand } from '../demands/transfer.js';
import { acceptProposal } from '../demands/served.js';
import {
  checkDemandReferences,
  createDemand,
  getDemand,
  listDemands,
  lookupDemand,
  proposeForDemand,
  transitionDemand,
  type DemandContext,
} from '../demands/store.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { ProblemError, notFound } from '../http/problem.js';
import { requireIfMatch } from '../http/if-match.js';
import { limitedRoute, type RateLimitRule } from '../http/rate-limit.js';
import { parseBody, parseInput } from '../http/validate.js';
import { fill, type Localized } from '../http/localized.js';

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

const NO_REGION: Localized = {
  'zh-CN': '您管理的地区内没有地区 {code}。',
  'zh-HK': '您管理的地區內沒有地區 {code}。',
  en: 'No region {code} in your region.',
};

/** A region at or below the staff member's own; any other (or none) is the same 404. */
function regionInScope(context: DemandContext, principal: Principal, code: string): string {
  const own = principal.regionCode;
  if (!own || !context.regions.isWithin(code, own)) throw notFound(fill(NO_REGION, { code }));
  return code;
}

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

  /** A staff write on one demand, keyed per user and audited. */
  const demandWrite = async (
    request: Parameters<typeof idempotencyKeyOf>[0],
    principal: Principal,
    scope: string,
    action: string,
    id: string,
    write: (trx: Parameters<Parameters<typeof idempotency.run>[3]>[0]) => Promise<Demand>,
  ) =>
    idempotency.run(`${scope} ${principal.userId}`, idempotencyKeyOf(request), request.body, async (trx) => ({
      status: 200,
      body: await auditedWrite(
        trx,
        auditActor(request, principal),
        context.clock.now(),
        { action, entityType: 'demand', entityId: id, read: demandSnapshot },
        () => write(trx),
      ),
    }));

  app.post('/demands/:id/proposals', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const input = parseBody(DemandProposalsInput, request.body, locale);
    const result = await demandWrite(request, principal, `POST /demands/${id}/proposals`, 'demand.propose', id, (trx) =>
      proposeForDemand(context, principal, id, input, locale, trx),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });

  app.post('/demands/:id/transfer', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const input = parseBody(DemandTransferInput, request.body, requestLocale(request));
    const result = await demandWrite(request, principal, `POST /demands/${id}/transfer`, 'demand.transfer', id, (trx) =>
      transferDemand(context, principal, id, input, trx),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });

  app.post('/demands/:id/proposals/:proposalId/accept', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const { id, proposalId } = parseInput(DemandProposalParams, request.params, 'params');
    const locale = requestLocale(request);
    const input = parseBody(DemandProposalAcceptInput, request.body ?? {}, locale);
    const result = await idempotency.run(
      `POST /demands/${id}/proposals/${proposalId}/accept ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({
        status: 201,
        body: await acceptProposal(context, trx, principal, id, proposalId, input, locale),
      }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const engagement = result.body as Engagement;
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('location', `/api/v1/engagements/${engagement.id}`)
      .send(engagement);
  });

  app.get('/me/demand-proposals', async (request, reply) => {
    const principal = await requireRole(request, 'provider');
    const query = parseInput(MyDemandProposalsQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listMyProposals(context, principal, query));
  });

  app.get('/regions/:code/demand-deadlines', async (request, reply) => {
    const principal = await requireStaff(request, 'viewer');
    const { code } = parseInput(RegionCodeParams, request.params, 'params');
    const deadlines = await deadlinesOf(context.db, context.regions, regionInScope(context, principal, code));
    return reply.header('cache-control', 'private, no-store').header('etag', deadlinesEtag(deadlines)).send(deadlines);
  });

  app.put('/regions/:code/demand-deadlines', async (request, reply) => {
    const principal = await requireStaff(request, 'admin');
    const { code } = parseInput(RegionCodeParams, request.params, 'params');
    const input = parseBody(DemandDeadlinesInput, request.body, requestLocale(request));
    regionInScope(context, principal, code);
    // If-Match is optional here: a center sets its two numbers whole, and a setting over another is audited.
    const ifMatch = request.headers['if-match'] ? requireIfMatch(request) : undefined;
    const audit = {
      action: 'demandDeadlines.set',
      entityType: 'demandDeadlines',
      entityId: code,
      read: demandDeadlinesSnapshot,
    };
    const result = await idempotency.run(
      `PUT /regions/${code}/demand-deadlines ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({
        status: 200,
        body: await auditedWrite(trx, auditActor(request, principal), context.clock.now(), audit, () =>
          setDeadlines(trx, context.regions, code, input, ifMatch, principal.userId, context.clock.now()),
        ),
      }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const deadlines = result.body as DemandDeadlines;
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('etag', deadlinesEtag(deadlines))
      .send(deadlines);
  });
}
