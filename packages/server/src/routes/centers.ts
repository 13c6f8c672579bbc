import { CenterPatch, CentersQuery, CoverageQuery, IdParams } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { auditActor } from '../audit/record.js';
import { requireStaff } from '../auth/principal.js';
import { coverageOf } from '../centers/coverage.js';
import { getCenter, listCenters, updateCenter, type CenterContext } from '../centers/store.js';
import type { Center } from '@smec/schemas';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requireIfMatch } from '../http/if-match.js';
import { requestLocale } from '../http/locale.js';
import { revisionEtag } from '../http/revision-etag.js';
import { parseBody, parseInput } from '../http/validate.js';
import { cacheCatalog } from './cache.js';

/** The network of centers: public reads, and the change of a center's record by its own administrators. */
export function centerRoutes(app: FastifyInstance, context: CenterContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/centers', async (request, reply) => {
    const query = parseInput(CentersQuery, request.query, 'query');
    return cacheCatalog(reply).send(await listCenters(context, query));
  });

  app.get('/centers/coverage', async (request, reply) => {
    const { year } = parseInput(CoverageQuery, request.query, 'query');
    return cacheCatalog(reply).send(await coverageOf(context, year, requestLocale(request)));
  });

  app.get('/centers/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const center = await getCenter(context, id);
    return cacheCatalog(reply)
      .header('etag', revisionEtag(id, center.revision, center))
      .send(center);
  });

  app.patch('/centers/:id', async (request, reply) => {
    const principal = await requireStaff(request, 'admin');
    const { id } = parseInput(IdParams, request.params, 'params');
    const patch = parseBody(CenterPatch, request.body, requestLocale(request));
    // The key is read before If-Match: a malformed key is the 400 it is, whatever else is missing.
    const key = idempotencyKeyOf(request);
    const ifMatch = requireIfMatch(request);
    const result = await idempotency.run(
      `PATCH /centers/${id} ${principal.userId}`,
      key,
      request.body,
      async (trx) => ({
        status: 200,
        body: await updateCenter(context, trx, auditActor(request, principal), id, ifMatch, patch),
      }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const center = result.body as Center;
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('etag', revisionEtag(id, center.revision))
      .send(center);
  });
}
