// The review's rules apart from the view, so that they are tested without a browser.
import type { ApplicationStatus, ChangeNote, ProviderApplication } from '@smec/schemas';
import { APPLICATION_FIELD_PATHS } from '@smec/schemas/rules';

export type ApplicationFieldPath = (typeof APPLICATION_FIELD_PATHS)[number];

/** The statuses the queue filters by, the one waiting for a review first. */
export const QUEUE_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'publicNotice',
  'changesRequested',
  'admitted',
  'rejected',
];

/** A reason the platform takes: 2 to 200 characters once trimmed (the schema's rule for a rejection). */
export const REASON_MIN = 2;
export const REASON_MAX = 200;
export const NOTE_MAX = 200;

export function reasonFits(text: string): boolean {
  const length = text.trim().length;
  return length >= REASON_MIN && length <= REASON_MAX;
}

/** The reviewer's notes as the platform takes them: the fields with a note, in the application's order, trimmed. */
export function changeNotes(notes: ReadonlyMap<string, string>): ChangeNote[] {
  return APPLICATION_FIELD_PATHS.flatMap((field) => {
    const note = notes.get(field)?.trim() ?? '';
    return note ? [{ field, note }] : [];
  });
}

/** The objections still to decide. */
export function openObjectionsOf(application: ProviderApplication): NonNullable<ProviderApplication['objections']> {
  return (application.objections ?? []).filter((objection) => objection.status === 'open');
}

/**
 * The field a refusal's path names (`body.notes.2.note` → the third note's field, `body.reason` → `reason`), so that
 * the refusal shows next to it.
 */
export function refusedField(path: string, sent: readonly ChangeNote[]): string | undefined {
  const parts = path.replace(/^body\./, '').split('.');
  if (parts[0] === 'notes') {
    const index = Number(parts[1]);
    return Number.isInteger(index) ? sent[index]?.field : 'notes';
  }
  return parts[0] === 'reason' || parts[0] === 'note' ? parts[0] : undefined;
}
