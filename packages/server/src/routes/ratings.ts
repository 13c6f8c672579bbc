import {
  FollowUpAnswerInput,
  FollowUpCloseInput,
  FollowUpEscalateInput,
  FollowUpNoteInput,
  FollowUpReopenInput,
  FollowUpResolveInput,
  IdParams,
  PublicRatingsQuery,
  RatingInput,
  RatingsQuery,
  type Rating,
} from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditedWrite } from '../audit/audited-write.js';
import { auditActor } from '../audit/record.js';
import { requireRole, requireRoleOrStaff, requireStaff } from '../auth/principal.js';
import { IdempotencyStore, idempotencyKeyOf, type IdempotentResult } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { notFound } from '../http/problem.js';
import { parseBody, parseInput } from '../http/validate.js';
import { problems } from '../ratings/problems.js';
import { answerFollowUp, closeFollowUp, reopenFollowUp } from '../ratings/follow-ups.js';
import { escalateFollowUp, followUpSnapshot, noteFollowUp, resolveFollowUp } from '../ratings/center-follow-ups.js';
import { engagementRating, listRatings, publicRatings, rateEngagement, type RatingContext } from '../ratings/store.js';
import { fill, type Localized } from '../http/localized.js';

const NO_SUBJECT: Record<'provider' | 'product', Localized> = {
  provider: { 'zh-CN': '未找到服务机构 {id}。', 'zh-HK': '找不到服務機構 {id}。', en: 'No provider {id}.' },
  product: { 'zh-CN': '未找到服务产品 {id}。', 'zh-HK': '找不到服務產品 {id}。', en: 'No product {id}.' },
};

/** True when the error is the database refusing a second rating of an engagement (the unique index). */
function isDuplicateRating(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  // SQLite names the column, PostgreSQL the constraint.
  return /UNIQUE constraint failed: ratings\.engagement_id|ratings_engagement_id_key/.test(message);
}

/** A new rating changes the figures at once: public lists are revalidated (ETag, 304) on every use. */
const REVALIDATE = 'public, no-cache';

/** The rating after a follow-up step, first sent or replayed to a retry with the same key. */
function sendFollowUp(reply: FastifyReply, result: IdempotentResult) {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply
    .code(result.status)
    .header('cache-control', 'no-store')
    .send(result.body as Rating);
}

export function ratingRoutes(app: FastifyInstance, context: RatingContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.post('/engagements/:id/rating', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const input = parseBody(RatingInput, request.body ?? {}, locale);
    let result;
    try {
      result = await idempotency.run(
        `POST /engagements/${id}/rating ${principal.userId}`,
        idempotencyKeyOf(request),
        request.body ?? {},
        async (trx) => ({ status: 201, body: await rateEngagement(context, trx, principal, id, input, locale) }),
      );
    } catch (error) {
      if (!isDuplicateRating(error)) throw error;
      const existing = await context.db
        .selectFrom('ratings')
        .select('id')
        .where('engagement_id', '=', id)
        .executeTakeFirst();
      throw problems.alreadyRated(locale, existing?.id ?? '');
    }
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('location', `/api/v1/engagements/${id}/rating`)
      .send(result.body as Rating);
  });

  app.get('/engagements/:id/rating', async (request, reply) => {
    const principal = await requireRoleOrStaff(request, 'viewer', 'enterprise', 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    const rating = await engagementRating(context, principal, id, requestLocale(request));
    return reply.header('cache-control', 'private, no-store').send(rating);
  });

  app.get('/ratings', async (request, reply) => {
    const principal = await requireRoleOrStaff(request, 'viewer', 'enterprise', 'provider');
    const query = parseInput(RatingsQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listRatings(context, principal, query));
  });

  for (const subject of ['provider', 'product'] as const) {
    app.get(`/${subject}s/:id/ratings`, async (request, reply) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const query = parseInput(PublicRatingsQuery, request.query, 'query');
      const page = await publicRatings(context, subject, id, query);
      if (!page) throw notFound(fill(NO_SUBJECT[subject], { id }));
      return reply.header('cache-control', REVALIDATE).send(page);
    });
  }

  app.post('/ratings/:id/follow-up/answers', async (request, reply) => {
    const principal = await requireRole(request, 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const { text } = parseBody(FollowUpAnswerInput, request.body ?? {}, locale);
    const result = await idempotency.run(
      `POST /ratings/${id}/follow-up/answers ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({ status: 200, body: await answerFollowUp(context, trx, principal, id, text, locale) }),
    );
    return sendFollowUp(reply, result);
  });

  app.post('/ratings/:id/follow-up/reopen', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const { reason } = parseBody(FollowUpReopenInput, request.body ?? {}, locale);
    const result = await idempotency.run(
      `POST /ratings/${id}/follow-up/reopen ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({ status: 200, body: await reopenFollowUp(context, trx, principal, id, reason, locale) }),
    );
    return sendFollowUp(reply, result);
  });

  app.post('/ratings/:id/follow-up/close', async (request, reply) => {
    // The enterprise closes its own follow-up once answered; the staff of the rating's region close it as resolved.
    const principal = await requireRoleOrStaff(request, 'staff', 'enterprise');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    // Whoever closes, a body sent must be a valid one; only the center's close needs the note.
    parseBody(FollowUpCloseInput, request.body ?? {}, locale);
    const resolution = principal.role === 'admin' ? parseBody(FollowUpResolveInput, request.body ?? {}, locale) : null;
    const result = await idempotency.run(
      `POST /ratings/${id}/follow-up/close ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({
        status: 200,
        body: resolution
          ? await auditedWrite(
              trx,
              auditActor(request, principal),
              context.clock.now(),
              { action: 'followUp.resolve', entityType: 'followUp', entityId: id, read: followUpSnapshot },
              () => resolveFollowUp(context, trx, principal, id, resolution.note, locale),
            )
          : await closeFollowUp(context, trx, principal, id, locale),
      }),
    );
    return sendFollowUp(reply, result);
  });

  app.post('/ratings/:id/follow-up/notes', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const { text } = parseBody(FollowUpNoteInput, request.body ?? {}, locale);
    const result = await idempotency.run(
      `POST /ratings/${id}/follow-up/notes ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({
        status: 201,
        body: await auditedWrite(
          trx,
          auditActor(request, principal),
          context.clock.now(),
          { action: 'followUp.note', entityType: 'followUp', entityId: id, read: followUpSnapshot },
          () => noteFollowUp(context, trx, principal, id, text, locale),
        ),
      }),
    );
    return sendFollowUp(reply, result);
  });

  app.post('/ratings/:id/follow-up/escalate', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const { reason } = parseBody(FollowUpEscalateInput, request.body ?? {}, locale);
    const result = await idempotency.run(
      `POST /ratings/${id}/follow-up/escalate ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({
        status: 200,
        body: await auditedWrite(
          trx,
          auditActor(request, principal),
          context.clock.now(),
          { action: 'followUp.escalate', entityType: 'followUp', entityId: id, read: followUpSnapshot },
          () => escalateFollowUp(context, trx, principal, id, reason, locale),
        ),
      }),
    );
    return sendFollowUp(reply, result);
  });
}
