// The public notice (公示) of applications the center approved: the list anyone may read, the objection anyone may
// file while a notice runs (rules in rules/public-notice.ts), and the objections as the reviewers see them.
import { ruledText } from './bounds.js';
import { DateOnly, DateTime, Id, RegionCode, pageOf } from './common.js';
import { MobilePhone } from './demand.js';
import { CategoryId } from './reference.js';
import {
  OBJECTION_NAME_MAX,
  OBJECTION_REASON_MAX,
  OBJECTION_STATUSES,
  checkObjectionName,
  checkObjectionReason,
} from './rules/public-notice.js';
import * as z from './zod.js';

export const ObjectionStatus = z.enum(OBJECTION_STATUSES);
export type ObjectionStatus = z.infer<typeof ObjectionStatus>;

/** The body of `POST /public-notices/{id}/objections`: who objects, a mobile to reach them, and why. */
export const ObjectionInput = z.object({
  name: ruledText(OBJECTION_NAME_MAX, 'objection.name', checkObjectionName),
  mobile: MobilePhone,
  reason: ruledText(OBJECTION_REASON_MAX, 'objection.reason', checkObjectionReason),
});
export type ObjectionInput = z.infer<typeof ObjectionInput>;

/** The answer to a filed objection: its id and where it stands (open until a reviewer decides it). */
export const FiledObjection = z.object({
  id: Id,
  noticeId: Id,
  status: ObjectionStatus,
  createdAt: DateTime,
});
export type FiledObjection = z.infer<typeof FiledObjection>;

/** An objection as the reviewers see it: never the objector's mobile, which is kept only as a hash. */
export const ApplicationObjection = z.object({
  id: Id,
  name: z.string(),
  reason: z.string(),
  status: ObjectionStatus,
  /** The reviewer's note once decided; null while open. */
  note: z.nullable(z.string()),
  createdAt: DateTime,
  decidedAt: z.nullable(DateTime),
});
export type ApplicationObjection = z.infer<typeof ApplicationObjection>;

/** One applicant under notice, as the public sees it: never its contact or files. */
export const PublicNotice = z.object({
  /** The application's id: objections are filed against it. */
  id: Id,
  name: z.string(),
  uscc: z.string(),
  categories: z.array(z.object({ id: CategoryId, name: z.string() })),
  region: z.object({ code: RegionCode, name: z.string() }),
  /** The notice's first and last day (Asia/Shanghai). */
  startsOn: DateOnly,
  endsOn: DateOnly,
  objectionCount: z.int().check(z.minimum(0)),
});
export type PublicNotice = z.infer<typeof PublicNotice>;

export const PublicNoticePage = pageOf(PublicNotice);
export type PublicNoticePage = z.infer<typeof PublicNoticePage>;

export const PublicNoticesQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});
export type PublicNoticesQuery = z.input<typeof PublicNoticesQuery>;
