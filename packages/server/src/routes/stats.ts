import { ScorecardQuery } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../http/validate.js';
import { scorecard, type ScorecardContext } from '../stats/scorecard.js';

export function statsRoutes(app: FastifyInstance, context: ScorecardContext): void {
  app.get('/stats/scorecard', async (request, reply) => {
    const query = parseInput(ScorecardQuery, request.query, 'query');
    // Counted afresh on every request; a minute in shared caches spares the database a center's busy homepage.
    return reply.header('cache-control', 'public, max-age=60').send(await scorecard(context, query.region, query.year));
  });
}
