// What an application to join looks like in answers: its status, its timeline and the application as kept. Apart
// from the input's rules (provider-application.ts), so that a client checking answers does not carry them.
import { OrgType } from './catalog.js';
import { DateTime, Id, RegionCode } from './common.js';
import { CategoryId } from './reference.js';
import { APPLICATION_STATUSES } from './rules/provider-application.js';
import { ApplicationObjection } from './public-notice.js';
import * as z from './zod.js';

export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** One step of an application's life, oldest first, with the reviewer's note where there is one. */
export const ApplicationTimelineEntry = z.object({
  status: ApplicationStatus,
  at: DateTime,
  actor: z.enum(['applicant', 'center', 'platform']),
  note: z.nullable(z.string()),
});
export type ApplicationTimelineEntry = z.infer<typeof ApplicationTimelineEntry>;

/** What the application number and the contact's mobile let anyone see: where it stands and what the reviewer said. */
export const ProviderApplicationStatusView = z.object({
  applicationNo: z.string(),
  name: z.string(),
  uscc: z.string(),
  regionCode: RegionCode,
  categoryIds: z.array(CategoryId),
  status: ApplicationStatus,
  timeline: z.array(ApplicationTimelineEntry),
  /** The reviewer's notes per field while changes are requested; empty otherwise. */
  changeNotes: z.array(z.object({ field: z.string(), note: z.string() })),
  /** The last day of the public notice (Asia/Shanghai) once approved; null before. */
  noticeEndsOn: z.nullable(z.string()),
  submittedAt: DateTime,
  updatedAt: DateTime,
});
export type ProviderApplicationStatusView = z.infer<typeof ProviderApplicationStatusView>;

/**
 * The application as kept: as sent, its files named by id alone (a file's key is its uploader's, never kept). An
 * answer's shape, without the input's rules: what was stored passed them.
 */
export const StoredApplication = z.object({
  organisation: z.object({
    name: z.string(),
    uscc: z.string(),
    orgType: OrgType,
    legalRepresentative: z.string(),
    foundedOn: z.string(),
    address: z.string(),
    regionCode: RegionCode,
  }),
  scope: z.object({
    categoryIds: z.array(CategoryId),
    regionsServed: z.array(RegionCode),
    acceptsVouchers: z.boolean(),
    staff: z.int(),
    professionalStaff: z.int(),
    description: z.string(),
  }),
  contact: z.object({ name: z.string(), mobile: z.string(), email: z.string() }),
  files: z.object({ licence: z.object({ id: Id }), certificates: z.array(z.object({ id: Id })) }),
});
export type StoredApplication = z.infer<typeof StoredApplication>;

/** The answer to an application: its status view, its id, and the application as stored. */
export const ProviderApplication = z.object({
  ...ProviderApplicationStatusView.shape,
  id: Id,
  application: StoredApplication,
  /** The objections filed during its public notice, oldest first: in the reviewers' answers only. */
  objections: z.optional(z.array(ApplicationObjection)),
});
export type ProviderApplication = z.infer<typeof ProviderApplication>;
