import { IdParams, MyProductInput, MyProductPatch, MyProductsQuery, type MyProduct } from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireRole } from '../auth/principal.js';
import { IdempotencyStore, idempotencyKeyOf, type IdempotentResult } from '../http/idempotency.js';
import { requireIfMatch } from '../http/if-match.js';
import { requestLocale } from '../http/locale.js';
import { parseBody, parseInput } from '../http/validate.js';
import {
  createOwnProduct,
  getOwnProduct,
  listOwnProducts,
  publishOwnProduct,
  updateOwnProduct,
  withdrawOwnProduct,
  type OwnProductContext,
} from '../products/own.js';
import { ownProductEtag } from '../products/rows.js';

/** A write's answer: the product, its ETag for the next `If-Match`, and whether it was replayed. */
function sendProduct(reply: FastifyReply, result: IdempotentResult): FastifyReply {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  const product = result.body as MyProduct;
  return reply
    .code(result.status)
    .header('cache-control', 'no-store')
    .header('etag', ownProductEtag(product))
    .send(product);
}

/** A provider's own products: every status, its drafts, its edits with If-Match, publishing and withdrawing. */
export function meProductRoutes(app: FastifyInstance, context: OwnProductContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/me/products', async (request, reply) => {
    const principal = await requireRole(request, 'provider');
    const query = parseInput(MyProductsQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listOwnProducts(context, principal, query));
  });

  app.post('/me/products', async (request, reply) => {
    const principal = await requireRole(request, 'provider');
    const input = parseBody(MyProductInput, request.body, requestLocale(request));
    // Keys are the user's own: another user's key never replays into this one's answer.
    const result = await idempotency.run(
      `POST /me/products ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({ status: 201, body: await createOwnProduct(context, trx, principal, input) }),
    );
    const product = result.body as MyProduct;
    return sendProduct(reply.header('location', `/api/v1/me/products/${product.id}`), result);
  });

  app.get('/me/products/:id', async (request, reply) => {
    const principal = await requireRole(request, 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    const { product, etag } = await getOwnProduct(context, principal, id);
    // The ETag names the provider's version of it (its edits), the one `If-Match` compares.
    return reply.header('cache-control', 'private, no-cache').header('etag', etag).send(product);
  });

  app.patch('/me/products/:id', async (request, reply) => {
    const principal = await requireRole(request, 'provider');
    const { id } = parseInput(IdParams, request.params, 'params');
    const patch = parseBody(MyProductPatch, request.body, requestLocale(request));
    // What is malformed is a 400 before a missing precondition is a 428.
    const key = idempotencyKeyOf(request);
    const ifMatch = requireIfMatch(request);
    const result = await idempotency.run(
      `PATCH /me/products/${id} ${principal.userId}`,
      key,
      request.body,
      async (trx) => ({
        status: 200,
        body: (await updateOwnProduct(context, trx, principal, id, ifMatch, patch)).product,
      }),
    );
    return sendProduct(reply, result);
  });

  for (const [action, move] of [
    ['publish', publishOwnProduct],
    ['withdraw', withdrawOwnProduct],
  ] as const) {
    app.post(`/me/products/:id/${action}`, async (request, reply) => {
      const principal = await requireRole(request, 'provider');
      const { id } = parseInput(IdParams, request.params, 'params');
      const result = await idempotency.run(
        `POST /me/products/${id}/${action} ${principal.userId}`,
        idempotencyKeyOf(request),
        request.body ?? {},
        async (trx) => ({ status: 200, body: await move(context, trx, principal, id) }),
      );
      return sendProduct(reply, result);
    });
  }
}
