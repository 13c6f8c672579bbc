import type { ObjectionInput } from '@smec/schemas';
import { checkMobile, checkObjectionName, checkObjectionReason } from '@smec/schemas/rules';

/** What the objection form holds while the visitor types. */
export interface ObjectionValues {
  name: string;
  mobile: string;
  reason: string;
}

export const EMPTY_OBJECTION: ObjectionValues = { name: '', mobile: '', reason: '' };

/** The fields, in the order the form shows them (and the error summary lists them). */
export const OBJECTION_FIELDS = ['name', 'mobile', 'reason'] as const;
export type ObjectionField = (typeof OBJECTION_FIELDS)[number];

export function isObjectionField(name: string): name is ObjectionField {
  return (OBJECTION_FIELDS as readonly string[]).includes(name);
}

/** The message key of a field's problem by the shared rules (the server's own), or undefined. */
export function checkObjectionField(field: ObjectionField, values: ObjectionValues): string | undefined {
  if (field === 'name') return checkObjectionName(values.name);
  if (field === 'mobile') return checkMobile(values.mobile.trim());
  return checkObjectionReason(values.reason);
}

export function toObjectionInput(values: ObjectionValues): ObjectionInput {
  return { name: values.name.trim(), mobile: values.mobile.trim(), reason: values.reason.trim() };
}

/** The field a platform error path (`body.reason`) belongs to. */
export function objectionFieldOfPath(path: string): ObjectionField | undefined {
  const name = /^body\.([a-z]+)/i.exec(path)?.[1];
  return name && isObjectionField(name) ? name : undefined;
}
