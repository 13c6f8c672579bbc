import { IdParams, PolicyInput, PolicyPatch, PolicyWithdrawInput } from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditActor } from '../audit/record.js';
import { requireStaff } from '../auth/principal.js';
import { IdempotencyStore, idempotencyKeyOf, type IdempotentResult } from '../http/idempotency.js';
import { requireIfMatch } from '../http/if-match.js';
import { requestLocale } from '../http/locale.js';
import { revisionEtag } from '../http/revision-etag.js';
import { parseBody, parseInput } from '../http/validate.js';
import type { PolicyContext } from '../policies/store.js';
import {
  createPolicy,
  docNumberTaken,
  isDuplicateDocNumber,
  updatePolicy,
  withdrawPolicy,
  type PolicyAnswer,
} from '../policies/write.js';

function sendPolicy(reply: FastifyReply, result: IdempotentResult): FastifyReply {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  const { policy, id, revision } = result.body as PolicyAnswer;
  return reply
    .code(result.status)
    .header('cache-control', 'no-store')
    .header('etag', revisionEtag(id, revision))
    .send(policy);
}

/** Runs a write; a duplicate document number that the unique index refused (two at once) is the same 409. */
async function refusingDuplicates<T>(body: unknown, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDuplicateDocNumber(error)) throw error;
    const fields = (body ?? {}) as { issuer?: unknown; docNumber?: unknown };
    throw docNumberTaken(String(fields.issuer ?? ''), String(fields.docNumber ?? ''));
  }
}

/** The policies a center publishes: publish, change with If-Match, withdraw. */
export function policyWriteRoutes(app: FastifyInstance, context: PolicyContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.post('/policies', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const input = parseBody(PolicyInput, request.body, requestLocale(request));
    const result = await refusingDuplicates(request.body, () =>
      idempotency.run(`POST /policies ${principal.userId}`, idempotencyKeyOf(request), request.body, async (trx) => ({
        status: 201,
        body: await createPolicy(context, trx, auditActor(request, principal), input),
      })),
    );
    return sendPolicy(reply.header('location', `/api/v1/policies/${(result.body as PolicyAnswer).id}`), result);
  });

  app.patch('/policies/:id', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const patch = parseBody(PolicyPatch, request.body, requestLocale(request));
    const key = idempotencyKeyOf(request);
    const ifMatch = requireIfMatch(request);
    const result = await refusingDuplicates(request.body, () =>
      idempotency.run(`PATCH /policies/${id} ${principal.userId}`, key, request.body, async (trx) => ({
        status: 200,
        body: await updatePolicy(context, trx, auditActor(request, principal), id, ifMatch, patch),
      })),
    );
    return sendPolicy(reply, result);
  });

  app.post('/policies/:id/withdraw', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const input = parseBody(PolicyWithdrawInput, request.body, requestLocale(request));
    const result = await idempotency.run(
      `POST /policies/${id}/withdraw ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({
        status: 200,
        body: await withdrawPolicy(context, trx, auditActor(request, principal), id, input),
      }),
    );
    return sendPolicy(reply, result);
  });
}
