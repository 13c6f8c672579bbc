// A center's review of applications to join: the list it works from and the moves it makes on one.
import { ruledText } from './bounds.js';
import { Id, RegionCode, pageOf } from './common.js';
import { ApplicationStatus, ProviderApplication } from './provider-application-view.js';
import { APPLICATION_FIELD_PATHS } from './rules/provider-application.js';
import { OBJECTION_NOTE_MAX, checkObjectionNote } from './rules/public-notice.js';
import * as z from './zod.js';

const note = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

function objectionNote() {
  return ruledText(OBJECTION_NOTE_MAX, 'objection.note', checkObjectionNote);
}

/** One reviewer's note on one field of the application. */
export const ChangeNote = z.object({ field: z.enum(APPLICATION_FIELD_PATHS), note: note(1, 200) });
export type ChangeNote = z.infer<typeof ChangeNote>;

/** The body of `POST /provider-applications/{id}/transitions`. */
export const ApplicationTransition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), note: z.optional(note(0, 200)) }),
  z.object({
    action: z.literal('requestChanges'),
    notes: z.array(ChangeNote).check(z.minLength(1), z.maxLength(20)),
    note: z.optional(note(0, 200)),
  }),
  z.object({ action: z.literal('reject'), reason: note(2, 200) }),
  // During the public notice, the reviewer decides each objection: upholding rejects the application (the note is
  // the reason), dismissing lets the notice run on to admission.
  z.object({ action: z.literal('upholdObjection'), objectionId: Id, note: objectionNote() }),
  z.object({ action: z.literal('dismissObjection'), objectionId: Id, note: objectionNote() }),
]);
export type ApplicationTransition = z.infer<typeof ApplicationTransition>;

/** Which moves each status allows; anything else is a 409 conflict. */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationTransition['action'][]> = {
  submitted: ['approve', 'requestChanges', 'reject'],
  changesRequested: ['reject'],
  publicNotice: ['upholdObjection', 'dismissObjection'],
  admitted: [],
  rejected: [],
};

/** Filters of a center's application list; `regionCode` must lie within the administrator's own. */
export const ProviderApplicationsQuery = z.object({
  status: z.optional(ApplicationStatus),
  regionCode: z.optional(RegionCode),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});
export type ProviderApplicationsQuery = z.input<typeof ProviderApplicationsQuery>;

export const ProviderApplicationPage = pageOf(ProviderApplication);
export type ProviderApplicationPage = z.infer<typeof ProviderApplicationPage>;
