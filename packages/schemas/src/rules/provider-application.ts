// The rules of an application to join the network (入驻申请), without zod: the server's schema is built on these
// functions and the application form checks each field with them as the applicant types, so both say the same thing.
// Their messages are in provider-application-messages.ts, apart from the public forms' messages, so that the widgets
// that do not take applications do not carry them.
import { textLength } from './text.js';

/** The organisation types of a provider (机构类型): the legal forms the policy admits. */
export const PROVIDER_ORG_TYPES = [
  'company',
  'partnership',
  'publicInstitution',
  'privateNonEnterprise',
  'association',
] as const;
export type ProviderOrgType = (typeof PROVIDER_ORG_TYPES)[number];

/**
 * Where an application stands: submitted for review, sent back for changes, under public notice (公示) after approval,
 * admitted, or rejected (by the reviewer, or by an objection upheld during the notice).
 */
export const APPLICATION_STATUSES = ['submitted', 'changesRequested', 'publicNotice', 'admitted', 'rejected'] as const;
export type ApplicationStatusName = (typeof APPLICATION_STATUSES)[number];

/** `RZ` (入驻) + the day in Asia/Shanghai (yyyymmdd) + six characters, e.g. `RZ20261207K7M3Q9`. */
export const APPLICATION_NO_PATTERN = /^RZ\d{8}[0-9A-Z]{6}$/;

/** The policy's admission rule: a provider has operated for two years or more (运营两年以上). */
export const MIN_YEARS_OPERATING = 2;

/** At most this many service categories: a provider names what it does, not everything. */
export const MAX_APPLICATION_CATEGORIES = 5;

/** At most this many qualification certificates besides the licence. */
export const MAX_CERTIFICATES = 10;

/** Length limits of the free-text fields, as a person counts characters, with the message of each. */
export const APPLICATION_TEXT_LIMITS = {
  name: { min: 2, max: 100, key: 'application.name' },
  legalRepresentative: { min: 2, max: 30, key: 'application.legalRepresentative' },
  address: { min: 5, max: 200, key: 'application.address' },
  description: { min: 20, max: 2000, key: 'application.description' },
  contactName: { min: 1, max: 30, key: 'application.contactName' },
} as const;
export type ApplicationTextField = keyof typeof APPLICATION_TEXT_LIMITS;

/**
 * The first two characters of a USCC (GB 32100-2015) name who registered the organisation and what kind it is; each
 * organisation type may carry only its own. A law firm is a partnership registered by the justice department (31).
 */
const USCC_PREFIXES: Readonly<Record<ProviderOrgType, readonly string[]>> = {
  company: ['91'],
  partnership: ['91', '31'],
  publicInstitution: ['12'],
  privateNonEnterprise: ['52'],
  association: ['51'],
};

/** 个体工商户: registered by market regulation as an individual business, not a legal entity (DOMAIN.md). */
const INDIVIDUAL_BUSINESS_PREFIX = '92';

const DAY_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ApplicationMessageKey =
  | (typeof APPLICATION_TEXT_LIMITS)[ApplicationTextField]['key']
  | 'application.uscc.individual'
  | 'application.uscc.orgType'
  | 'application.foundedOn.format'
  | 'application.foundedOn.future'
  | 'application.foundedOn.tooRecent'
  | 'application.categories'
  | 'application.regionsServed'
  | 'application.staff'
  | 'application.professionalStaff'
  | 'application.email'
  | 'application.licence'
  | 'application.no';

export function checkApplicationText(field: ApplicationTextField, value: string): ApplicationMessageKey | undefined {
  const { min, max, key } = APPLICATION_TEXT_LIMITS[field];
  return textLength(value.trim()) >= min && textLength(value) <= max ? undefined : key;
}

/**
 * A USCC with a right check character may still not join: an individual business is not a legal entity, and the code
 * must be of the organisation type the applicant chose. (The check character itself is `checkUscc`'s.)
 */
export function checkUsccForOrgType(uscc: string, orgType: ProviderOrgType): ApplicationMessageKey | undefined {
  const prefix = uscc.slice(0, 2);
  if (prefix === INDIVIDUAL_BUSINESS_PREFIX) return 'application.uscc.individual';
  return USCC_PREFIXES[orgType].includes(prefix) ? undefined : 'application.uscc.orgType';
}

/** The same day `years` years earlier; 29 February becomes 28 February in a year without one. */
export function yearsBefore(day: string, years: number): string {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const year = Number(match[1]) - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const date = match[2] === '02' && match[3] === '29' && !leap ? '28' : match[3];
  return `${String(year).padStart(4, '0')}-${match[2]}-${date}`;
}

/** True for a day that exists in the calendar, written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  const match = DAY_PATTERN.exec(day);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]);
}

/**
 * The founding date against today by the platform's clock (the server passes its clock's day; a form passes the
 * visitor's, which the server checks again): a real day, not in the future, and two years or more ago.
 */
export function checkFoundedOn(value: string, today: string): ApplicationMessageKey | undefined {
  if (!isCalendarDay(value)) return 'application.foundedOn.format';
  if (value > today) return 'application.foundedOn.future';
  return value <= yearsBefore(today, MIN_YEARS_OPERATING) ? undefined : 'application.foundedOn.tooRecent';
}

/** One to five categories, none twice. */
export function checkApplicationCategories(ids: readonly string[]): ApplicationMessageKey | undefined {
  const ok = ids.length >= 1 && ids.length <= MAX_APPLICATION_CATEGORIES && new Set(ids).size === ids.length;
  return ok ? undefined : 'application.categories';
}

/** At least one region served, none twice. */
export function checkRegionsServed(codes: readonly string[]): ApplicationMessageKey | undefined {
  return codes.length >= 1 && new Set(codes).size === codes.length ? undefined : 'application.regionsServed';
}

/** Staff from 1 to 100,000; professional staff from 0 to the staff count. */
export function checkStaffCounts(
  staff: number,
  professionalStaff: number,
): { staff?: ApplicationMessageKey; professionalStaff?: ApplicationMessageKey } {
  const staffOk = Number.isInteger(staff) && staff >= 1 && staff <= 100_000;
  const professionalOk =
    Number.isInteger(professionalStaff) && professionalStaff >= 0 && (!staffOk || professionalStaff <= staff);
  return {
    ...(staffOk ? {} : { staff: 'application.staff' }),
    ...(professionalOk ? {} : { professionalStaff: 'application.professionalStaff' }),
  };
}

export function checkEmail(value: string): ApplicationMessageKey | undefined {
  return value.length <= 254 && EMAIL_PATTERN.test(value) ? undefined : 'application.email';
}

/** The fields of an application a reviewer may attach a note to (审核意见), by their path in the application. */
export const APPLICATION_FIELD_PATHS = [
  'organisation.name',
  'organisation.uscc',
  'organisation.orgType',
  'organisation.legalRepresentative',
  'organisation.foundedOn',
  'organisation.address',
  'organisation.regionCode',
  'scope.categoryIds',
  'scope.regionsServed',
  'scope.acceptsVouchers',
  'scope.staff',
  'scope.professionalStaff',
  'scope.description',
  'contact.name',
  'contact.mobile',
  'contact.email',
  'files.licence',
  'files.certificates',
] as const;

/** The days a public notice runs after approval (公示期), calendar days by the platform's clock. */
export const NOTICE_DAYS = 7;
