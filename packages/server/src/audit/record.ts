// Every staff write leaves one row in the audit log, written in the write's own transaction: a write that rolls back
// leaves no row, and a row never exists without its write. The log is append-only (migration 0018).
import type { Principal } from '@smec/schemas';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/schema.js';
import { shanghaiDateTime } from '../time/shanghai.js';

/** Who wrote, and in which request: what a staff write needs to be put on the record. */
export interface AuditActor {
  readonly principal: Principal;
  readonly requestId: string;
}

/** What a staff write did. `before` and `after` hold only the fields it changed (null for a creation or deletion). */
export interface AuditEntry {
  /** A verb of the API, e.g. `demand.accept`, `event.publish`, `voucherBatch.create`. */
  readonly action: string;
  /** The entity's kind as the API names it, e.g. `demand`, `event`, `voucherBatch`. */
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
}

export function auditActor(request: FastifyRequest, principal: Principal): AuditActor {
  return { principal, requestId: request.id };
}

/** Puts `entry` on the audit log, at `now` (the platform's clock), inside the transaction of the write it records. */
export async function recordAudit(
  trx: Transaction<Database> | Kysely<Database>,
  actor: AuditActor,
  now: number,
  entry: AuditEntry,
): Promise<void> {
  const { principal } = actor;
  // Only center staff write the log, and every center account acts for a region.
  if (!principal.regionCode) throw new Error(`${principal.userId} acts for no center: its writes are not staff writes`);
  await trx
    .insertInto('audit_log')
    .values({
      id: `aud-${randomBytes(8).toString('hex')}`,
      at: shanghaiDateTime(now),
      at_ts: now,
      actor_user_id: principal.userId,
      actor_name: principal.name,
      actor_role: principal.staffRole ?? principal.role,
      center_region_code: principal.regionCode,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
      request_id: actor.requestId,
    })
    .execute();
}
