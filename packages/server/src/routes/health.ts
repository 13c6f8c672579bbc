import type { Health } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { shanghaiDateTime } from '../seed/catalog.js';
import { ProblemError } from '../http/problem.js';
import type { CatalogContext } from '../catalog/context.js';

export const SERVER_VERSION = '0.1.0';

export function healthRoutes(app: FastifyInstance, context: CatalogContext): void {
  app.get('/health', async (request, reply) => {
    try {
      await sql`select count(*) from categories`.execute(context.db);
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unavailable');
      throw new ProblemError(503, 'service_unavailable', 'The database is unavailable.', {
        headers: { 'retry-after': '5' },
      });
    }
    const body: Health = { status: 'ok', database: 'ok', version: SERVER_VERSION, time: shanghaiDateTime(Date.now()) };
    return reply.header('cache-control', 'no-store').send(body);
  });
}
