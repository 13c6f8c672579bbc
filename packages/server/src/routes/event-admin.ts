import {
  CheckInInput,
  EventInput,
  EventPatch,
  EventRatingInput,
  EventTransition,
  IdParams,
  RegistrantsQuery,
  type StaffEvent,
} from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditActor } from '../audit/record.js';
import { requireRole, requireStaff } from '../auth/principal.js';
import { checkIn } from '../events/check-in.js';
import { alreadyRatedEvent, attendanceOf, eventRatingSummary, rateEvent } from '../events/event-ratings.js';
import { publicEventRow } from '../events/store.js';
import { createEvent, updateEvent } from '../events/admin.js';
import { transitionEvent } from '../events/lifecycle.js';
import { listRegistrants, registrantsCsv } from '../events/registrants.js';
import { preferredType } from '../http/accept.js';
import { eventEtag } from '../events/rows.js';
import type { EventContext } from '../events/store.js';
import { IdempotencyStore, idempotencyKeyOf, type IdempotentResult } from '../http/idempotency.js';
import { requireIfMatch } from '../http/if-match.js';
import { requestLocale } from '../http/locale.js';
import { parseBody, parseInput } from '../http/validate.js';

/** A write's answer: the event as its center sees it, its ETag for the next `If-Match`, and whether it was replayed. */
function sendEvent(reply: FastifyReply, result: IdempotentResult): FastifyReply {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  const event = result.body as StaffEvent;
  return reply.code(result.status).header('cache-control', 'no-store').header('etag', eventEtag(event)).send(event);
}

/** The centers' events: create a draft, change it (If-Match), publish and cancel it. */
export function eventAdminRoutes(app: FastifyInstance, context: EventContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.post('/events', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const input = parseBody(EventInput, request.body, requestLocale(request));
    // Keys are the user's own: another user's key never replays into this one's answer.
    const result = await idempotency.run(
      `POST /events ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({ status: 201, body: await createEvent(context, trx, auditActor(request, principal), input) }),
    );
    const event = result.body as StaffEvent;
    return sendEvent(reply.header('location', `/api/v1/events/${event.id}`), result);
  });

  app.patch('/events/:id', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const patch = parseBody(EventPatch, request.body, requestLocale(request));
    // What is malformed is a 400 before a missing precondition is a 428.
    const key = idempotencyKeyOf(request);
    const ifMatch = requireIfMatch(request);
    const result = await idempotency.run(`PATCH /events/${id} ${principal.userId}`, key, request.body, async (trx) => ({
      status: 200,
      body: (await updateEvent(context, trx, auditActor(request, principal), id, ifMatch, patch)).event,
    }));
    return sendEvent(reply, result);
  });

  app.post('/events/:id/transitions', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const move = parseBody(EventTransition, request.body, requestLocale(request));
    const result = await idempotency.run(
      `POST /events/${id}/transitions ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({
        status: 200,
        body: (await transitionEvent(context, trx, auditActor(request, principal), id, move)).event,
      }),
    );
    return sendEvent(reply, result);
  });

  app.get('/events/:id/registrations', async (request, reply) => {
    const principal = await requireStaff(request, 'viewer');
    const { id } = parseInput(IdParams, request.params, 'params');
    const query = parseInput(RegistrantsQuery, request.query, 'query');
    // The list is personal data of the enterprises: never kept by a shared cache, and the answer depends on Accept.
    reply.header('cache-control', 'private, no-store').header('vary', 'accept, accept-language');
    if (preferredType(request, ['application/json', 'text/csv']) === 'text/csv') {
      const locale = requestLocale(request);
      const stream = await registrantsCsv(context, principal, id, query.status, locale);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${id}-registrations.csv"`)
        .send(stream);
    }
    return reply.send(await listRegistrants(context, principal, id, query));
  });

  app.post('/events/:id/check-ins', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const { code } = parseBody(CheckInInput, request.body, requestLocale(request));
    const result = await idempotency.run(
      `POST /events/${id}/check-ins ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({ status: 200, body: await checkIn(context, trx, auditActor(request, principal), id, code) }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });

  app.post('/events/:id/ratings', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const input = parseBody(EventRatingInput, request.body, locale);
    let result;
    try {
      result = await idempotency.run(
        `POST /events/${id}/ratings ${principal.userId}`,
        idempotencyKeyOf(request),
        request.body,
        async (trx) => ({ status: 201, body: await rateEvent(context, trx, principal, id, input, locale) }),
      );
    } catch (error) {
      if (!isDuplicateRating(error) || !principal.enterpriseId) throw error;
      // A concurrent rating of the same attendance won the race; the unique registration refused this one.
      const event = await publicEventRow(context.db, id);
      const rated = (await attendanceOf(context.db, event.seq, principal.enterpriseId)).find((row) => row.rating_id);
      throw alreadyRatedEvent(rated?.rating_id ?? '');
    }
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
  });

  app.get('/events/:id/ratings', async (request, reply) => {
    const principal = await requireStaff(request, 'viewer');
    const { id } = parseInput(IdParams, request.params, 'params');
    return reply.header('cache-control', 'private, no-cache').send(await eventRatingSummary(context, principal, id));
  });
}

/** True when the error is the database refusing a second rating of one attendance (the unique registration). */
function isDuplicateRating(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /UNIQUE constraint failed: event_ratings\.registration_seq|event_ratings_registration_seq/.test(message);
}
