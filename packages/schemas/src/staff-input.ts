// What a center's administrators send about staff and the audit log: the lists' filters, an invitation, a change.
// Apart from the answers' schemas, so that a browser bundle, which needs only those, drops this module whole.
import { StaffRole } from './auth.js';
import { DateOnly, Id, RegionCode } from './common.js';
import { MobilePhone } from './demand.js';
import { ListQuery, QueryBool } from './query.js';
import * as z from './zod.js';

const word = (max: number) => z.string().check(z.minLength(2), z.maxLength(max), z.regex(/^[A-Za-z][A-Za-z0-9.]*$/));

/** The filters of `GET /audit-log`; `from`/`to` are Shanghai days, both included. */
export const AuditLogQuery = z.object({
  /** The acting user's id. */
  actor: z.optional(Id),
  action: z.optional(word(80)),
  entityType: z.optional(word(40)),
  entityId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** A center at or below the reader's own: its entries only (those of the centers below it too). */
  regionCode: z.optional(RegionCode),
  from: z.optional(DateOnly),
  to: z.optional(DateOnly),
  ...ListQuery,
});
export type AuditLogQuery = z.input<typeof AuditLogQuery>;

/** The filters of `GET /staff`: the reader's center by default, or a center below it. */
export const StaffQuery = z.object({
  regionCode: z.optional(RegionCode),
  role: z.optional(StaffRole),
  active: z.optional(QueryBool),
  ...ListQuery,
});
export type StaffQuery = z.input<typeof StaffQuery>;

const name = z.string().check(z.minLength(1), z.maxLength(100));
/** An identity provider's subject (`sub`): any characters, as the provider issues them. */
const subject = z.string().check(z.minLength(1), z.maxLength(255));

/**
 * The body of `POST /staff`: a person named by the identity provider's subject, or by mobile, with a level, for the
 * inviter's center or one below it.
 */
export const StaffInvite = z.union([
  z.strictObject({ subject, name, role: StaffRole, regionCode: z.optional(RegionCode) }),
  z.strictObject({ mobile: MobilePhone, name, role: StaffRole, regionCode: z.optional(RegionCode) }),
]);
export type StaffInvite = z.infer<typeof StaffInvite>;

/** The body of `PATCH /staff/{id}`: a new level, or `active: false` to deactivate (true to reactivate). */
export const StaffPatch = z.strictObject({
  role: z.optional(StaffRole),
  active: z.optional(z.boolean()),
});
export type StaffPatch = z.infer<typeof StaffPatch>;
