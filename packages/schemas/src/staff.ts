// A center's staff accounts (工作人员): its administrators invite people by the identity provider's subject or by
// mobile, with a level, change the level, and deactivate accounts; a center always keeps one active administrator.
import { StaffRole } from './auth.js';
import { Id, RegionCode, pageOf } from './common.js';
import { MobilePhone } from './demand.js';
import { ListQuery, QueryBool } from './query.js';
import * as z from './zod.js';

/** A staff account of a center, as its administrators see it. */
export const StaffMember = z.object({
  id: Id,
  name: z.string(),
  role: StaffRole,
  /** The region of the center the account acts for. */
  regionCode: RegionCode,
  organization: z.string(),
  active: z.boolean(),
  /** The mobile it was invited by, masked (138****1234); null when invited by subject or seeded. */
  mobile: z.nullable(z.string()),
  /** The count of the account's edits by its center: the ETag's version. */
  revision: z.int().check(z.minimum(0)),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffPage = pageOf(StaffMember);
export type StaffPage = z.infer<typeof StaffPage>;

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
