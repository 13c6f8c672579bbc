import { IdParams, PoliciesQuery } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../http/validate.js';
import { getPolicy, listPolicies, type PolicyContext } from '../policies/store.js';
import { cacheCatalog } from './cache.js';

export function policyRoutes(app: FastifyInstance, context: PolicyContext): void {
  app.get('/policies', async (request, reply) => {
    const query = parseInput(PoliciesQuery, request.query, 'query');
    return cacheCatalog(reply).send(await listPolicies(context, query));
  });

  app.get('/policies/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    return cacheCatalog(reply).send(await getPolicy(context, id));
  });
}
