import { checkMobile, checkTrackingNo, type MessageKey } from '@smec/schemas/rules';

// The lookup mode's fields: they arrive with the lookup, not with the form.

export interface LookupValues {
  trackingNo: string;
  phone: string;
}

export const LOOKUP_FIELDS = ['trackingNo', 'phone'] as const;
export type LookupField = (typeof LOOKUP_FIELDS)[number];

export function checkLookupField(field: LookupField, values: LookupValues): MessageKey | undefined {
  return field === 'trackingNo'
    ? checkTrackingNo(values.trackingNo.trim().toUpperCase())
    : checkMobile(values.phone.trim());
}
