import {
  ApplicationTransition,
  IdParams,
  ProviderApplicationInput,
  ProviderApplicationLookupQuery,
  ProviderApplicationsQuery,
  type ProviderApplication,
} from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { listApplications, transitionApplication } from '../applications/review.js';
import { auditActor } from '../audit/record.js';
import { auditedWrite } from '../audit/audited-write.js';
import { applicationSnapshot, objectionSnapshot } from '../audit/snapshots.js';
import { requireStaff } from '../auth/principal.js';
import {
  checkApplicationReferences,
  createApplication,
  lookupApplication,
  type ApplicationContext,
} from '../applications/store.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import type { Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { limitedRoute, type RateLimitRule } from '../http/rate-limit.js';
import { parseBody, parseInput } from '../http/validate.js';

export interface ApplicationRouteOptions {
  readonly submitLimit: RateLimitRule;
  readonly lookupLimit: RateLimitRule;
}

const SUBMIT_SCOPE = 'POST /provider-applications';

const NO_MATCH_DETAIL: Localized = {
  'zh-CN': '没有与该申请编号和手机号码相符的入驻申请，请核对后重试。',
  'zh-HK': '沒有與該申請編號和手提電話號碼相符的入駐申請，請核對後再試。',
  en: 'No application matches this application number and mobile number. Check both and try again.',
};

/** Applications to join: anyone applies without an account and follows the application by its number and mobile. */
export function providerApplicationRoutes(
  app: FastifyInstance,
  context: ApplicationContext,
  options: ApplicationRouteOptions,
): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);
  const isReplay = idempotency.replayExemption(SUBMIT_SCOPE);

  app.post(
    '/provider-applications',
    limitedRoute('application-submit', options.submitLimit, isReplay),
    async (request, reply) => {
      const key = idempotencyKeyOf(request);
      const locale = requestLocale(request);
      const input = parseBody(ProviderApplicationInput, request.body, locale);
      await checkApplicationReferences(context, input, locale);
      const result = await idempotency.run(SUBMIT_SCOPE, key, request.body, async (trx) => ({
        status: 201,
        body: await createApplication(context, trx, input),
      }));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      const application = result.body as ProviderApplication;
      return reply.code(result.status).header('cache-control', 'no-store').send(application);
    },
  );

  app.get(
    '/provider-applications/lookup',
    limitedRoute('application-lookup', options.lookupLimit),
    async (request, reply) => {
      const { applicationNo, phone } = parseInput(ProviderApplicationLookupQuery, request.query, 'query');
      const view = await lookupApplication(context, applicationNo, phone);
      if (!view) throw new ProblemError('not_found', NO_MATCH_DETAIL);
      return reply.header('cache-control', 'no-store').send(view);
    },
  );

  app.get('/provider-applications', async (request, reply) => {
    const principal = await requireStaff(request, 'viewer');
    const query = parseInput(ProviderApplicationsQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listApplications(context, principal, query));
  });

  app.post('/provider-applications/:id/transitions', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const move = parseBody(ApplicationTransition, request.body, requestLocale(request));
    const audit = {
      action: `providerApplication.${move.action}`,
      entityType: 'providerApplication',
      entityId: id,
      read: 'objectionId' in move ? objectionSnapshot(move.objectionId) : applicationSnapshot,
    };
    // Keys are the reviewer's own: another administrator's key never replays into this one's answer.
    const result = await idempotency.run(
      `POST /provider-applications/${id}/transitions ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({
        status: 200,
        body: await auditedWrite(trx, auditActor(request, principal), context.clock.now(), audit, () =>
          transitionApplication(context, principal, id, move, trx),
        ),
      }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });
}
