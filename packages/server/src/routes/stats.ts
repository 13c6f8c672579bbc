import { ScorecardQuery } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { requestLocale } from '../http/locale.js';
import { parseInput } from '../http/validate.js';
import { addVary } from '../http/vary.js';
import { scorecard, type ScorecardContext } from '../stats/scorecard.js';

export function statsRoutes(app: FastifyInstance, context: ScorecardContext): void {
  app.get('/stats/scorecard', async (request, reply) => {
    const query = parseInput(ScorecardQuery, request.query, 'query');
    // Counted afresh on every request; a minute in shared caches spares the database a center's busy homepage. The
    // explanation of the targets is in the request's language, so caches keep one copy per language.
    const card = await scorecard(context, query.region, query.year, requestLocale(request));
    addVary(reply, 'Accept-Language');
    return reply.header('cache-control', 'public, max-age=60').send(card);
  });
}
