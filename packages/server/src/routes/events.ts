import {
  EventFeedQuery,
  EventsQuery,
  IdParams,
  MyRegistrationsQuery,
  RegistrationInput,
  RegistrationParams,
  type Registration,
} from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireRole, requireStaff } from '../auth/principal.js';
import { regionsBelow } from '../catalog/regions.js';
import { calendarOf, type CalendarEntry } from '../events/ics.js';
import { myRegistrations } from '../events/my-registrations.js';
import {
  activeRegistration,
  alreadyRegistered,
  cancelRegistration,
  registerForEvent,
} from '../events/registrations.js';
import { runsEvent, staffEvent } from '../events/admin.js';
import {
  eventEntry,
  eventRow,
  eventWithExperts,
  feedEvents,
  getEvent,
  listEvents,
  type EventContext,
} from '../events/store.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { parseBody, parseInput } from '../http/validate.js';

/** True when the error is the database refusing a second active registration (the unique partial index). */
function isDuplicateRegistration(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /UNIQUE constraint failed: registrations\.|registrations_active/.test(message);
}

/** Seats change with every registration: lists and events are revalidated (ETag, 304) on every use, never stale. */
const REVALIDATE = 'no-cache';

function sendCalendar(
  reply: FastifyReply,
  entries: readonly CalendarEntry[],
  name: string,
  filename: string,
  cacheControl: string,
) {
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', cacheControl)
    .send(calendarOf(entries, { name }));
}

export function eventRoutes(app: FastifyInstance, context: EventContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/events', async (request, reply) => {
    const query = parseInput(EventsQuery, request.query, 'query');
    if (query.status === 'draft') {
      const principal = await requireStaff(request, 'viewer');
      const draftsOf = principal.regionCode ? regionsBelow(context.regions, principal.regionCode) : [];
      return reply.header('cache-control', 'private, no-store').send(await listEvents(context, { ...query, draftsOf }));
    }
    return reply.header('cache-control', REVALIDATE).send(await listEvents(context, query));
  });

  app.get('/events.ics', async (request, reply) => {
    const query = parseInput(EventFeedQuery, request.query, 'query');
    const entries = await feedEvents(context, query);
    const suffix = [query.region, query.type].filter(Boolean).join('-');
    return sendCalendar(
      reply,
      entries,
      '广东省中小企业服务活动 SME service events',
      `smec-events${suffix ? `-${suffix}` : ''}.ics`,
      // Calendar applications poll a feed; five minutes late is fine for them.
      'public, max-age=300',
    );
  });

  app.get('/events/:id.ics', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const entry = await eventEntry(context, id);
    return sendCalendar(reply, [entry], entry.event.title, `${id}.ics`, REVALIDATE);
  });

  app.get('/events/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    // The center running the event (and those above it) sees its draft and its own fields; everyone else the
    // public event, and no draft. A stale token left in a widget reads the public event, as if signed out.
    const principal = request.headers.authorization === undefined ? null : await request.principal().catch(() => null);
    if (principal?.role === 'admin') {
      const row = await eventRow(context.db, id).catch(() => undefined);
      if (row && runsEvent(context, principal, row)) {
        return reply
          .header('cache-control', 'private, no-cache')
          .header('vary', 'authorization')
          .send({ ...(await eventWithExperts(context, row)), ...(await staffEvent(context.db, row)) });
      }
    }
    return reply.header('cache-control', REVALIDATE).send(await getEvent(context, id));
  });

  app.post('/events/:id/registrations', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const input = parseBody(RegistrationInput, request.body ?? {}, locale);
    let result;
    try {
      // Keys are the user's own: another enterprise's key never replays into this one's answer.
      result = await idempotency.run(
        `POST /events/${id}/registrations ${principal.userId}`,
        idempotencyKeyOf(request),
        request.body ?? {},
        async (trx) => ({
          status: 201,
          body: await registerForEvent(context, trx, principal, id, input, locale),
        }),
      );
    } catch (error) {
      if (!isDuplicateRegistration(error) || !principal.enterpriseId) throw error;
      // A concurrent request of the same enterprise won the race; the unique index refused this one.
      const existing = await activeRegistration(context.db, id, principal.enterpriseId);
      throw alreadyRegistered(locale, existing?.id ?? '');
    }
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const registration = result.body as Registration;
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('location', `/api/v1/events/${id}/registrations/${registration.id}`)
      .send(registration);
  });

  app.delete('/events/:id/registrations/:registrationId', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const { id, registrationId } = parseInput(RegistrationParams, request.params, 'params');
    const locale = requestLocale(request);
    const result = await idempotency.run(
      `DELETE /events/${id}/registrations/${registrationId} ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({
        status: 200,
        body: await cancelRegistration(context, trx, principal, id, registrationId, locale),
      }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .send(result.body as Registration);
  });

  app.get('/me/registrations', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const query = parseInput(MyRegistrationsQuery, request.query, 'query');
    const locale = requestLocale(request);
    return reply
      .header('cache-control', 'private, no-store')
      .send(await myRegistrations(context, principal, query, locale));
  });
}
