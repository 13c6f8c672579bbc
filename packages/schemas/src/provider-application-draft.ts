// An application to join saved as a draft (any field may be missing, each is held to its own rules), the applicant's
// own reading of its application by the resume key, and resubmitting it after the reviewer asked for changes.
import { Id } from './common.js';
import {
  APPLICATION_PARTS,
  ApplicationNo,
  CONTACT_FIELDS,
  MAX_CERTIFICATES,
  ORGANISATION_FIELDS,
  SCOPE_FIELDS,
} from './provider-application.js';
import { optionalEach } from './provider-application-draft-view.js';
import * as z from './zod.js';

/**
 * A file named by a draft, a submission from a draft or a resubmission: with the key its upload answered, or without
 * one when the draft or application already names it (another device never had the key).
 */
export const AttachedFileReference = z.object({
  id: Id,
  key: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
});
export type AttachedFileReference = z.infer<typeof AttachedFileReference>;

/** A draft's file: also its name as the applicant chose it, to show it again on another device. */
export const DraftFileReference = z.object({
  ...AttachedFileReference.shape,
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
});
export type DraftFileReference = z.infer<typeof DraftFileReference>;

/**
 * What a draft holds: any part of an application, each field typed and bounded as in the application. The rules
 * across fields (the credit code against the type, professional staff within the staff) wait for the submission.
 */
export const ProviderApplicationDraftInput = z.object({
  organisation: z.optional(optionalEach(ORGANISATION_FIELDS)),
  scope: z.optional(optionalEach(SCOPE_FIELDS)),
  contact: z.optional(optionalEach(CONTACT_FIELDS)),
  files: z.optional(
    z.object({
      licence: z.optional(DraftFileReference),
      certificates: z.optional(z.array(DraftFileReference).check(z.maxLength(MAX_CERTIFICATES))),
    }),
  ),
});
export type ProviderApplicationDraftInput = z.infer<typeof ProviderApplicationDraftInput>;

/** A whole application whose files already named (by the draft or the application) need no key again. */
export const ProviderApplicationRevision = z.object({
  ...APPLICATION_PARTS,
  contact: z.object(CONTACT_FIELDS),
  files: z.object({
    licence: AttachedFileReference,
    certificates: z.array(AttachedFileReference).check(z.maxLength(MAX_CERTIFICATES)),
  }),
});
export type ProviderApplicationRevision = z.infer<typeof ProviderApplicationRevision>;

export const ApplicationNoParams = z.object({ applicationNo: ApplicationNo });
export type ApplicationNoParams = z.infer<typeof ApplicationNoParams>;
