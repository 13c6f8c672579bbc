import type { Health } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

import { databaseErrorCode, databaseTrouble, serviceUnavailable } from '../http/database-errors.js';
import type { CatalogContext } from '../catalog/context.js';
import { shanghaiDateTime } from '../time/shanghai.js';

export const SERVER_VERSION = '0.1.0';

export function healthRoutes(app: FastifyInstance, context: CatalogContext): void {
  app.get('/health', async (request, reply) => {
    try {
      await sql`select count(*) from categories`.execute(context.db);
    } catch (error) {
      // A load balancer polls this: a failing database is a state to report (503), not an error to shout about.
      request.log.warn({ code: databaseErrorCode(error) }, 'health check: database unavailable');
      throw serviceUnavailable(databaseTrouble(error) ?? 'down');
    }
    const body: Health = {
      status: 'ok',
      database: 'ok',
      version: SERVER_VERSION,
      time: shanghaiDateTime(context.clock.now()),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });
}
