import { IdParams, StaffInvite, StaffPatch, StaffQuery, type StaffMember } from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditActor } from '../audit/record.js';
import { requireStaff } from '../auth/principal.js';
import { IdempotencyStore, idempotencyKeyOf, type IdempotentResult } from '../http/idempotency.js';
import { requireIfMatch } from '../http/if-match.js';
import { requestLocale } from '../http/locale.js';
import { parseBody, parseInput } from '../http/validate.js';
import { inviteStaff, listStaff, staffEtag, updateStaff, type StaffContext } from '../staff/store.js';

/** A write's answer: the account, and its ETag for the next `If-Match`. */
function sendMember(reply: FastifyReply, result: IdempotentResult): FastifyReply {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  const member = result.body as StaffMember;
  return reply.code(result.status).header('cache-control', 'no-store').header('etag', staffEtag(member)).send(member);
}

/** A center's staff accounts, kept by its administrators (and the levels above). */
export function staffRoutes(app: FastifyInstance, context: StaffContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/staff', async (request, reply) => {
    const principal = await requireStaff(request, 'admin');
    const query = parseInput(StaffQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listStaff(context, principal, query));
  });

  app.post('/staff', async (request, reply) => {
    const principal = await requireStaff(request, 'admin');
    const input = parseBody(StaffInvite, request.body, requestLocale(request));
    // Keys are the administrator's own: another's key never replays into this one's answer.
    const result = await idempotency.run(
      `POST /staff ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({ status: 201, body: await inviteStaff(context, trx, auditActor(request, principal), input) }),
    );
    return sendMember(reply, result);
  });

  app.patch('/staff/:id', async (request, reply) => {
    const principal = await requireStaff(request, 'admin');
    const { id } = parseInput(IdParams, request.params, 'params');
    const patch = parseBody(StaffPatch, request.body, requestLocale(request));
    // What is malformed is a 400 before a missing precondition is a 428.
    const key = idempotencyKeyOf(request);
    const ifMatch = requireIfMatch(request);
    const result = await idempotency.run(`PATCH /staff/${id} ${principal.userId}`, key, request.body, async (trx) => ({
      status: 200,
      body: await updateStaff(context, trx, auditActor(request, principal), id, ifMatch, patch),
    }));
    return sendMember(reply, result);
  });
}
