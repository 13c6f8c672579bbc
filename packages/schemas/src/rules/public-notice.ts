// Zod-free rules of the public notice (公示): the bounds of an objection anyone may file against an applicant, and
// of the note a reviewer decides it with. Each check answers the message key of its refusal, or undefined.
import { textLength } from './text.js';

export const OBJECTION_NAME_MIN = 2;
export const OBJECTION_NAME_MAX = 30;
export const OBJECTION_REASON_MIN = 10;
export const OBJECTION_REASON_MAX = 500;
export const OBJECTION_NOTE_MIN = 2;
export const OBJECTION_NOTE_MAX = 200;

export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ObjectionStatusName = (typeof OBJECTION_STATUSES)[number];

export type ObjectionMessageKey = 'objection.name' | 'objection.reason' | 'objection.note';

function within(text: string, min: number, max: number): boolean {
  const length = textLength(text.trim());
  return length >= min && length <= max;
}

/** The objector's name, 2–30 characters as a person counts them. */
export function checkObjectionName(name: string): ObjectionMessageKey | undefined {
  return within(name, OBJECTION_NAME_MIN, OBJECTION_NAME_MAX) ? undefined : 'objection.name';
}

/** Why the applicant should not be admitted, 10–500 characters. */
export function checkObjectionReason(reason: string): ObjectionMessageKey | undefined {
  return within(reason, OBJECTION_REASON_MIN, OBJECTION_REASON_MAX) ? undefined : 'objection.reason';
}

/** The reviewer's note on upholding or dismissing an objection, 2–200 characters. */
export function checkObjectionNote(note: string): ObjectionMessageKey | undefined {
  return within(note, OBJECTION_NOTE_MIN, OBJECTION_NOTE_MAX) ? undefined : 'objection.note';
}
