import {
  IdParams,
  MyVouchersQuery,
  VoucherBatchesQuery,
  VoucherUseInput,
  type Engagement,
  type Voucher,
} from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { forbidden, invalidToken, requireRole, requireRoleOrStaff, requireSubject } from '../auth/principal.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { parseBody, parseInput } from '../http/validate.js';
import { batchNotFound, getBatch, listBatches } from '../vouchers/batches.js';
import { readClaim } from '../vouchers/claim-read.js';
import {
  activeVoucher,
  alreadyClaimed,
  claimRefusal,
  claimVoucher,
  QuotaRefused,
  quotaRefusal,
} from '../vouchers/claims.js';
import { enterpriseIdOf, type VoucherContext } from '../vouchers/context.js';
import { expireDue } from '../vouchers/expiry.js';
import { returnVoucher } from '../vouchers/hand-back.js';
import { getVoucher, myVouchers } from '../vouchers/read.js';
import { quoteUse, useVoucher } from '../vouchers/use.js';
import { revisionEtag } from '../http/revision-etag.js';
import { staffRegionOf } from '../auth/staff-region.js';

/** True when the error is the database refusing a second active voucher of a batch (the unique partial index). */
function isDuplicateVoucher(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /UNIQUE constraint failed: vouchers\.batch_id|vouchers_active/.test(message);
}

/** The quota changes with every claim: lists and batches are revalidated (ETag, 304) on every use, never stale. */
const REVALIDATE = 'no-cache';

export function voucherRoutes(app: FastifyInstance, context: VoucherContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/voucher-batches', async (request, reply) => {
    const query = parseInput(VoucherBatchesQuery, request.query, 'query');
    return reply.header('cache-control', REVALIDATE).send(await listBatches(context, query));
  });

  app.get('/voucher-batches/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const { batch, row } = await getBatch(context, id, requestLocale(request), await staffRegionOf(request));
    // The ETag names the center's revision (what If-Match compares) and the bytes (what a revalidation compares).
    return reply
      .header('cache-control', batch.status === 'draft' ? 'private, no-store' : REVALIDATE)
      .header('etag', revisionEtag(row.id, row.revision, batch))
      .send(batch);
  });

  app.post('/voucher-batches/:id/claims', async (request, reply) => {
    const userId = await requireSubject(request);
    // A malformed id: who may claim is told first, as on every route.
    if (!IdParams.safeParse(request.params).success) await requireRole(request, 'enterprise');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    // Keys are the user's own: another enterprise's key never replays into this one's answer.
    const scope = `POST /voucher-batches/${id}/claims ${userId}`;
    const key = idempotencyKeyOf(request);
    // Who claims, what, and whether they may, in one read: at a batch's opening thousands of claims come at once, and
    // those after the quota is gone are answered from it alone, without a write transaction; unless one is the retry
    // of a claim that went through, which is replayed (a claim that went through is refused now: the voucher is
    // held, or the quota gone).
    const { principal, state } = await readClaim(context.db, id, userId, { scope, key });
    if (!principal) throw invalidToken();
    if (principal.role !== 'enterprise') throw forbidden();
    enterpriseIdOf(principal, locale);
    if (!state || state.batch.status === 'draft') throw batchNotFound(locale, id);
    const refusal = claimRefusal(context, state, context.clock.now(), locale);
    if (refusal && !idempotency.replays(state.stored, {})) throw refusal;
    let result;
    try {
      let takeQuota: (() => Promise<void>) | undefined;
      result = await idempotency.run(
        scope,
        key,
        {},
        async (trx) => {
          const claim = await claimVoucher(context, trx, principal, id, locale);
          takeQuota = claim.takeQuota;
          return { status: 201, body: claim.voucher };
        },
        async () => takeQuota?.(),
      );
    } catch (error) {
      if (error instanceof QuotaRefused) throw await quotaRefusal(context.db, error, locale);
      if (!isDuplicateVoucher(error) || !principal.enterpriseId) throw error;
      // A concurrent claim of the same enterprise won the race; the unique index refused this one.
      const existing = await activeVoucher(context.db, id, principal.enterpriseId);
      throw alreadyClaimed(locale, existing?.code ?? '');
    }
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const voucher = result.body as Voucher;
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('location', `/api/v1/vouchers/${voucher.id}`)
      .send(voucher);
  });

  app.get('/me/vouchers', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const query = parseInput(MyVouchersQuery, request.query, 'query');
    return reply
      .header('cache-control', 'private, no-store')
      .send(await myVouchers(context, principal, query, requestLocale(request)));
  });

  app.get('/vouchers/:id', async (request, reply) => {
    const principal = await requireRoleOrStaff(request, 'viewer', 'enterprise', 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    return reply
      .header('cache-control', 'private, no-store')
      .send(await getVoucher(context, principal, id, requestLocale(request)));
  });

  app.post('/vouchers/:id/quote', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const input = parseBody(VoucherUseInput, request.body ?? {}, locale);
    // A voucher past its deadline is marked expired (and says so) before anything is quoted on it.
    await expireDue(context.db, context.clock.now(), id);
    return reply.header('cache-control', 'no-store').send(await quoteUse(context, principal, id, input, locale));
  });

  app.post('/vouchers/:id/use', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    const input = parseBody(VoucherUseInput, request.body ?? {}, locale);
    // The expiry is committed on its own: the refusal that follows rolls back only the use.
    await expireDue(context.db, context.clock.now(), id);
    const result = await idempotency.run(
      `POST /vouchers/${id}/use ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({ status: 201, body: await useVoucher(context, trx, principal, id, input, locale) }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const engagement = result.body as Engagement;
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('location', `/api/v1/engagements/${engagement.id}`)
      .send(engagement);
  });

  app.post('/vouchers/:id/return', async (request, reply) => {
    const principal = await requireRole(request, 'enterprise');
    const { id } = parseInput(IdParams, request.params, 'params');
    const locale = requestLocale(request);
    await expireDue(context.db, context.clock.now(), id);
    // A hand-back whose answer was lost is retried: it gets the first answer, not a refusal of a voucher now withdrawn.
    const result = await idempotency.run(
      `POST /vouchers/${id}/return ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body ?? {},
      async (trx) => ({ status: 200, body: await returnVoucher(context, trx, principal, id, locale) }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .send(result.body as Voucher);
  });
}
