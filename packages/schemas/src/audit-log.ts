// The audit log (审计日志) of a center's staff writes, as its administrators and the levels above read it. No
// operation changes or deletes an entry.
import { StaffRole } from './auth.js';
import { DateTime, Id, RegionCode, pageOf } from './common.js';
import * as z from './zod.js';

/** The fields a write changed, as they were or as they became; keys are the entity's fields. */
const Fields = z.nullable(z.looseObject({}));

/** One staff write on the record: who, in which role and center, when, what, on which entity, and the change. */
export const AuditEntry = z.object({
  id: Id,
  at: DateTime,
  actor: z.object({
    userId: Id,
    name: z.string(),
    /** The actor's staff level when it wrote (an account made before levels counts as the center's administrator). */
    role: StaffRole,
  }),
  /** The region of the center the actor acted for. */
  centerRegionCode: RegionCode,
  /** `<entity>.<verb>`, e.g. `demand.accept`, `staff.invite`. */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The changed fields before the write; null for a creation. */
  before: Fields,
  /** The changed fields after it. */
  after: Fields,
  /** The request's id (header `x-request-id` of its answer), to find it in the server's logs. */
  requestId: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditLogPage = pageOf(AuditEntry);
export type AuditLogPage = z.infer<typeof AuditLogPage>;
