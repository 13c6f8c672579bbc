import {
  IdParams,
  VoucherBatchInput,
  VoucherBatchPatch,
  VoucherBatchTransition,
  VoucherRevokeInput,
  type Voucher,
  type VoucherBatch,
} from '@smec/schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditActor } from '../audit/record.js';
import { requireStaff } from '../auth/principal.js';
import { IdempotencyStore, idempotencyKeyOf, type IdempotentResult } from '../http/idempotency.js';
import { requireIfMatch } from '../http/if-match.js';
import { requestLocale } from '../http/locale.js';
import { revisionEtag } from '../http/revision-etag.js';
import { parseBody, parseInput } from '../http/validate.js';
import { createBatch, transitionBatch, updateBatch } from '../vouchers/batch-admin.js';
import type { VoucherContext } from '../vouchers/context.js';
import { revokeVoucher } from '../vouchers/revoke.js';

/** What a batch write answers: the batch and, for the next If-Match, its revision's ETag. */
interface BatchAnswer {
  readonly batch: VoucherBatch;
  readonly etag: string;
}

function sendBatch(reply: FastifyReply, result: IdempotentResult): FastifyReply {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  const { batch, etag } = result.body as BatchAnswer;
  return reply.code(result.status).header('cache-control', 'no-store').header('etag', etag).send(batch);
}

/** `If-Match` when sent (a move may name the revision it saw), else undefined. */
function optionalIfMatch(request: FastifyRequest): readonly string[] | '*' | undefined {
  return request.headers['if-match'] === undefined ? undefined : requireIfMatch(request);
}

/** A center's own batches (create, change, open, pause, close) and revoking a voucher: staff of the issuer's region. */
export function voucherBatchAdminRoutes(app: FastifyInstance, context: VoucherContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.post('/voucher-batches', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const input = parseBody(VoucherBatchInput, request.body, requestLocale(request));
    const result = await idempotency.run(
      `POST /voucher-batches ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => {
        const { batch, row } = await createBatch(context, trx, auditActor(request, principal), input);
        return { status: 201, body: { batch, etag: revisionEtag(row.id, row.revision) } satisfies BatchAnswer };
      },
    );
    const { batch } = result.body as BatchAnswer;
    return sendBatch(reply.header('location', `/api/v1/voucher-batches/${batch.id}`), result);
  });

  app.patch('/voucher-batches/:id', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const patch = parseBody(VoucherBatchPatch, request.body, requestLocale(request));
    // What is malformed is a 400 before a missing precondition is a 428.
    const key = idempotencyKeyOf(request);
    const ifMatch = requireIfMatch(request);
    const result = await idempotency.run(
      `PATCH /voucher-batches/${id} ${principal.userId}`,
      key,
      request.body,
      async (trx) => {
        const { batch, row } = await updateBatch(context, trx, auditActor(request, principal), id, ifMatch, patch);
        return { status: 200, body: { batch, etag: revisionEtag(row.id, row.revision) } satisfies BatchAnswer };
      },
    );
    return sendBatch(reply, result);
  });

  app.post('/voucher-batches/:id/transitions', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const move = parseBody(VoucherBatchTransition, request.body, requestLocale(request));
    const key = idempotencyKeyOf(request);
    const ifMatch = optionalIfMatch(request);
    const result = await idempotency.run(
      `POST /voucher-batches/${id}/transitions ${principal.userId}`,
      key,
      request.body,
      async (trx) => {
        const { batch, row } = await transitionBatch(context, trx, auditActor(request, principal), id, ifMatch, move);
        return { status: 200, body: { batch, etag: revisionEtag(row.id, row.revision) } satisfies BatchAnswer };
      },
    );
    return sendBatch(reply, result);
  });

  app.post('/vouchers/:id/revoke', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const input = parseBody(VoucherRevokeInput, request.body, requestLocale(request));
    const result = await idempotency.run(
      `POST /vouchers/${id}/revoke ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({
        status: 200,
        body: await revokeVoucher(context, trx, auditActor(request, principal), id, input),
      }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .send(result.body as Voucher);
  });
}
