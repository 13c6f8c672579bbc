import {
  CenterParams,
  EvaluationQuery,
  EvaluationsQuery,
  ScorecardQuery,
  TargetsInput,
  TargetsParams,
  type Targets,
} from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditActor } from '../audit/record.js';
import { requireStaff } from '../auth/principal.js';
import { IdempotencyStore, idempotencyKeyOf } from '../http/idempotency.js';
import { requireIfMatch } from '../http/if-match.js';
import { requestLocale } from '../http/locale.js';
import { revisionEtag } from '../http/revision-etag.js';
import { parseBody, parseInput } from '../http/validate.js';
import { addVary } from '../http/vary.js';
import { evaluationOf, evaluations } from '../stats/evaluation.js';
import { scorecard, type ScorecardContext } from '../stats/scorecard.js';
import { readTargets, setTargets, targetsEntityId } from '../stats/target-writes.js';

/** Counted afresh on every request; a minute in shared caches spares the database a center's busy homepage. */
function publicMinute(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'public, max-age=60');
}

export function statsRoutes(app: FastifyInstance, context: ScorecardContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/stats/scorecard', async (request, reply) => {
    const query = parseInput(ScorecardQuery, request.query, 'query');
    // The explanation of the targets is in the request's language, so caches keep one copy per language.
    const card = await scorecard(context, query.region, query.year, requestLocale(request));
    addVary(reply, 'Accept-Language');
    return publicMinute(reply).send(card);
  });

  app.get('/evaluations', async (request, reply) => {
    const query = parseInput(EvaluationsQuery, request.query, 'query');
    return publicMinute(reply).send(await evaluations(context, query.year, query.level));
  });

  app.get('/evaluations/:centerId', async (request, reply) => {
    const { centerId } = parseInput(CenterParams, request.params, 'params');
    const query = parseInput(EvaluationQuery, request.query, 'query');
    return publicMinute(reply).send(await evaluationOf(context, centerId, query.year));
  });

  app.get('/targets/:year', async (request, reply) => {
    const year = Number(parseInput(TargetsParams, request.params, 'params').year);
    const targets = await readTargets(context, context.db, year, requestLocale(request));
    addVary(reply, 'Accept-Language');
    return publicMinute(reply)
      .header('etag', revisionEtag(targetsEntityId(year), targets.revision, targets))
      .send(targets);
  });

  app.put('/targets/:year', async (request, reply) => {
    const principal = await requireStaff(request, 'admin');
    const year = Number(parseInput(TargetsParams, request.params, 'params').year);
    const locale = requestLocale(request);
    const input = parseBody(TargetsInput, request.body, locale);
    const key = idempotencyKeyOf(request);
    const ifMatch = requireIfMatch(request);
    const result = await idempotency.run(
      `PUT /targets/${year} ${principal.userId}`,
      key,
      request.body,
      async (trx) => ({
        status: 200,
        body: await setTargets(context, trx, auditActor(request, principal), year, ifMatch, input, locale),
      }),
    );
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const targets = result.body as Targets;
    return reply
      .code(result.status)
      .header('cache-control', 'no-store')
      .header('etag', revisionEtag(targetsEntityId(year), targets.revision))
      .send(targets);
  });
}
