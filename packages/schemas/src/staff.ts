// A center's staff accounts (工作人员): its administrators invite people by the identity provider's subject or by
// mobile, with a level, change the level, and deactivate accounts; a center always keeps one active administrator.
import { StaffRole } from './auth.js';
import { Id, RegionCode, pageOf } from './common.js';
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
