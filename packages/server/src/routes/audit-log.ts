import { AuditLogQuery } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { listAuditLog, type AuditLogContext } from '../audit/log.js';
import { requireStaff } from '../auth/principal.js';
import { parseInput } from '../http/validate.js';

/** The audit log, read only: its center's administrators and the levels above. */
export function auditLogRoutes(app: FastifyInstance, context: AuditLogContext): void {
  app.get('/audit-log', async (request, reply) => {
    const principal = await requireStaff(request, 'admin');
    const query = parseInput(AuditLogQuery, request.query, 'query');
    return reply.header('cache-control', 'private, no-store').send(await listAuditLog(context, principal, query));
  });
}
