import {
  PROVIDER_ORG_TYPES,
  checkApplicationCategories,
  checkApplicationText,
  checkEmail,
  checkFoundedOn,
  checkMobile,
  checkRegionsServed,
  checkStaffCounts,
  checkUscc,
  checkUsccForOrgType,
  type ProviderOrgType,
} from '@smec/schemas/rules';
import type { Uploads } from './uploads.js';

/** What the application holds while the applicant types: strings as the inputs give them, converted on sending. */
export interface ApplicationValues {
  name: string;
  uscc: string;
  orgType: string;
  legalRepresentative: string;
  foundedOn: string;
  address: string;
  city: string;
  /** Empty for the whole city. */
  county: string;
  categoryIds: string[];
  regionsServed: string[];
  acceptsVouchers: boolean;
  staff: string;
  professionalStaff: string;
  description: string;
  contactName: string;
  mobile: string;
  email: string;
}

export const EMPTY_VALUES: ApplicationValues = {
  name: '',
  uscc: '',
  orgType: '',
  legalRepresentative: '',
  foundedOn: '',
  address: '',
  city: '',
  county: '',
  categoryIds: [],
  regionsServed: [],
  acceptsVouchers: false,
  staff: '',
  professionalStaff: '',
  description: '',
  contactName: '',
  mobile: '',
  email: '',
};

/** The steps in order, each with the fields it shows (the error summary lists a step's problems in this order). */
export const STEPS = {
  organisation: ['name', 'uscc', 'orgType', 'legalRepresentative', 'foundedOn', 'address', 'city'],
  scope: ['categoryIds', 'regionsServed', 'acceptsVouchers', 'staff', 'professionalStaff', 'description'],
  contact: ['contactName', 'mobile', 'email'],
  files: ['licence', 'certificates'],
  review: [],
} as const;
export type StepId = keyof typeof STEPS;
export const STEP_IDS = Object.keys(STEPS) as StepId[];

export type ApplicationField = (typeof STEPS)[StepId][number];
export const APPLICATION_FIELDS = STEP_IDS.flatMap((step) => STEPS[step]) as ApplicationField[];

/** The step that shows a field. */
export function stepOf(field: ApplicationField): StepId {
  return STEP_IDS.find((step) => (STEPS[step] as readonly string[]).includes(field)) ?? 'organisation';
}

/** The regions the form knows, to tell that a chosen one exists (the platform checks again). */
export interface KnownRegions {
  has(code: string): boolean;
}

export function regionCodeOf(values: ApplicationValues): string {
  return values.county || values.city;
}

/** A count as typed: a whole number, or NaN (which every count rule refuses). */
export function countOf(text: string): number {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/** What the form needs besides the values to check a field: today by the platform's clock, the regions, the files. */
export interface CheckContext {
  today: string;
  regions: KnownRegions | undefined;
  uploads: Uploads;
}

/**
 * The message key for one field of the application, or undefined when it is right: the rules of
 * `@smec/schemas/rules`, which the platform's schema is built on, so the form and the server say the same thing.
 */
export function checkField(
  field: ApplicationField,
  values: ApplicationValues,
  context: CheckContext,
): string | undefined {
  switch (field) {
    case 'name':
    case 'legalRepresentative':
    case 'address':
    case 'description':
    case 'contactName':
      return checkApplicationText(field, values[field]);
    case 'uscc': {
      const format = checkUscc(values.uscc);
      if (format) return format;
      return (PROVIDER_ORG_TYPES as readonly string[]).includes(values.orgType)
        ? checkUsccForOrgType(values.uscc, values.orgType as ProviderOrgType)
        : undefined;
    }
    case 'orgType':
      return (PROVIDER_ORG_TYPES as readonly string[]).includes(values.orgType) ? undefined : 'required';
    case 'foundedOn':
      return values.foundedOn ? checkFoundedOn(values.foundedOn, context.today) : 'application.foundedOn.format';
    case 'city': {
      const code = regionCodeOf(values);
      if (!/^\d{6}$/.test(code)) return 'region';
      return context.regions && !context.regions.has(code) ? 'region.unknown' : undefined;
    }
    case 'categoryIds':
      return checkApplicationCategories(values.categoryIds);
    case 'regionsServed':
      return checkRegionsServed(values.regionsServed);
    case 'staff':
    case 'professionalStaff':
      return checkStaffCounts(countOf(values.staff), countOf(values.professionalStaff))[field];
    case 'mobile':
      return checkMobile(values.mobile.trim());
    case 'email':
      return checkEmail(values.email.trim());
    case 'acceptsVouchers':
      return undefined;
    case 'licence':
      return context.uploads.licence?.file ? undefined : 'application.licence';
    case 'certificates':
      return context.uploads.certificates.some((upload) => !upload.file) ? 'application.certificates' : undefined;
  }
}
