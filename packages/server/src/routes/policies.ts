import { IdParams, PoliciesQuery } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../http/validate.js';
import { getPolicy, listPolicies, type PolicyContext } from '../policies/store.js';
import { cacheCatalog } from './cache.js';
import { revisionEtag } from '../http/revision-etag.js';

export function policyRoutes(app: FastifyInstance, context: PolicyContext): void {
  app.get('/policies', async (request, reply) => {
    const query = parseInput(PoliciesQuery, request.query, 'query');
    return cacheCatalog(reply).send(await listPolicies(context, query));
  });

  app.get('/policies/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const { policy, revision } = await getPolicy(context, id);
    // The ETag names the center's revision (what If-Match compares) and the bytes (what a revalidation compares).
    return cacheCatalog(reply)
      .header('etag', revisionEtag(id, revision, policy))
      .send(policy);
  });
}
