// What drafts and the applicant's own access look like in answers: apart from the inputs' rules
// (provider-application-draft.ts), so that a client checking answers does not carry them.
import { impliedMaxLength } from './bounds.js';
import { DateTime, Id } from './common.js';
import { ProviderApplication, StoredApplication } from './provider-application-view.js';
import { RESUME_KEY_PATTERN } from './rules/application-draft.js';
import { FILE_MEDIA_TYPES } from './rules/file.js';
import * as z from './zod.js';

/** A key the platform drew for an application or a draft; said once, kept only as a hash. */
export const ResumeKey = z.string().check(z.regex(RESUME_KEY_PATTERN, { error: 'invalid' }), impliedMaxLength(43));

/** An object of the fields, each optional (a draft may lack any). */
export function optionalEach<T extends Record<string, z.ZodMiniType>>(fields: T) {
  return z.object(
    Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, z.optional(schema)])) as {
      [K in keyof T]: z.ZodMiniOptional<T[K]>;
    },
  );
}

/** A file a draft names, as its applicant sees it again. */
export const DraftFile = z.object({
  id: Id,
  name: z.optional(z.string()),
  mediaType: z.enum(FILE_MEDIA_TYPES),
  size: z.int(),
});
export type DraftFile = z.infer<typeof DraftFile>;

/** A draft as kept: what was saved, its files with their names and sizes. An answer's shape, without the rules. */
export const StoredApplicationDraft = z.object({
  organisation: z.optional(optionalEach(StoredApplication.shape.organisation.shape)),
  scope: z.optional(optionalEach(StoredApplication.shape.scope.shape)),
  contact: z.optional(optionalEach(StoredApplication.shape.contact.shape)),
  files: z.object({ licence: z.optional(DraftFile), certificates: z.array(DraftFile) }),
});
export type StoredApplicationDraft = z.infer<typeof StoredApplicationDraft>;

/** A draft: the number the application will keep, what it holds, and until when it is kept. */
export const ProviderApplicationDraft = z.object({
  applicationNo: z.string(),
  draft: StoredApplicationDraft,
  savedAt: DateTime,
  expiresAt: DateTime,
});
export type ProviderApplicationDraft = z.infer<typeof ProviderApplicationDraft>;

/** A new draft, with its resume key: said only here. */
export const CreatedApplicationDraft = z.object({ ...ProviderApplicationDraft.shape, resumeKey: ResumeKey });
export type CreatedApplicationDraft = z.infer<typeof CreatedApplicationDraft>;

/** A submitted application with its resume key, said only here: the applicant's way back to it. */
export const SubmittedProviderApplication = z.object({ ...ProviderApplication.shape, resumeKey: ResumeKey });
export type SubmittedProviderApplication = z.infer<typeof SubmittedProviderApplication>;
