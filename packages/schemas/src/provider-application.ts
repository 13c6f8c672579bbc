// What an organisation sends to join the network (入驻申请): its details, its services, its contact and its licence.
// The rules and messages are in rules/provider-application.ts; the founding date is checked against the platform's
// clock by the server (a form checks it against the visitor's day first).
import { impliedMaxLength, ruledText } from './bounds.js';
import { Id, RegionCode } from './common.js';
import { DemandUscc, MobilePhone } from './demand.js';
import { OrgType } from './catalog.js';
import { CategoryId } from './reference.js';
import {
  APPLICATION_NO_PATTERN,
  APPLICATION_TEXT_LIMITS,
  MAX_APPLICATION_CATEGORIES,
  MAX_CERTIFICATES,
  checkApplicationCategories,
  checkApplicationText,
  checkEmail,
  checkRegionsServed,
  checkStaffCounts,
  checkUsccForOrgType,
  isCalendarDay,
  type ApplicationTextField,
  type ProviderOrgType,
} from './rules/provider-application.js';
import * as z from './zod.js';

// Zod-free, so the application widget counts with it too.
export { MAX_CERTIFICATES };

function applicationText(field: ApplicationTextField) {
  const { key, max } = APPLICATION_TEXT_LIMITS[field];
  return ruledText(max, key, (value) => checkApplicationText(field, value));
}

/** A file uploaded with `POST /files`, named with the key its upload answered (the proof it is the applicant's). */
export const FileReference = z.object({
  id: Id,
  key: z.string().check(z.minLength(1), z.maxLength(255)),
});
export type FileReference = z.infer<typeof FileReference>;

/** The organisation's fields one by one, each with its own rules: a draft (provider-application-draft.ts) takes any of them. */
export const ORGANISATION_FIELDS = {
  name: applicationText('name'),
  uscc: DemandUscc,
  orgType: OrgType,
  legalRepresentative: applicationText('legalRepresentative'),
  foundedOn: z
    .string()
    .check(
      z.refine(isCalendarDay, { error: 'application.foundedOn.format' }),
      z.meta({ format: 'date', maxLength: 10 }),
    ),
  address: applicationText('address'),
  regionCode: RegionCode.check(z.regex(/^\d{6}$/, { error: 'region' })),
};

const Organisation = z.object(ORGANISATION_FIELDS).check(
  z.refine((organisation) => checkUsccForOrgType(organisation.uscc, organisation.orgType) === undefined, {
    error: (issue) => {
      const { uscc, orgType } = issue.input as { uscc: string; orgType: ProviderOrgType };
      return checkUsccForOrgType(uscc, orgType);
    },
    path: ['uscc'],
  }),
);

/** The scope's fields one by one, each with its own rules. */
export const SCOPE_FIELDS = {
  categoryIds: z.array(z.enum(CategoryId.options, { error: 'application.categories' })).check(
    z.maxLength(MAX_APPLICATION_CATEGORIES, { error: 'application.categories' }),
    z.refine((ids) => checkApplicationCategories(ids) === undefined, { error: 'application.categories' }),
  ),
  regionsServed: z.array(RegionCode.check(z.regex(/^\d{6}$/, { error: 'region' }))).check(
    z.maxLength(200),
    z.refine((codes) => checkRegionsServed(codes) === undefined, { error: 'application.regionsServed' }),
  ),
  acceptsVouchers: z.boolean(),
  staff: z
    .int()
    .check(z.minimum(1, { error: 'application.staff' }), z.maximum(100_000, { error: 'application.staff' })),
  professionalStaff: z
    .int()
    .check(
      z.minimum(0, { error: 'application.professionalStaff' }),
      z.maximum(100_000, { error: 'application.professionalStaff' }),
    ),
  description: applicationText('description'),
};

const Scope = z.object(SCOPE_FIELDS).check(
  z.refine((scope) => checkStaffCounts(scope.staff, scope.professionalStaff).professionalStaff === undefined, {
    error: 'application.professionalStaff',
    path: ['professionalStaff'],
  }),
);

/** The contact's fields one by one, each with its own rules. */
export const CONTACT_FIELDS = {
  name: applicationText('contactName'),
  mobile: MobilePhone,
  email: z.string().check(
    z.refine((value) => checkEmail(value) === undefined, { error: 'application.email' }),
    impliedMaxLength(254),
  ),
};

/** The parts of an application whose rules hold across fields (the credit code's type, the staff counts). */
export const APPLICATION_PARTS = { organisation: Organisation, scope: Scope };

/** What an applicant sends. Anyone may apply, no account needed; the files are uploaded first. */
export const ProviderApplicationInput = z.object({
  ...APPLICATION_PARTS,
  contact: z.object(CONTACT_FIELDS),
  files: z.object({
    licence: FileReference,
    certificates: z.array(FileReference).check(z.maxLength(MAX_CERTIFICATES)),
  }),
});
export type ProviderApplicationInput = z.infer<typeof ProviderApplicationInput>;

export const ApplicationNo = z
  .string()
  .check(z.regex(APPLICATION_NO_PATTERN, { error: 'application.no' }), impliedMaxLength(16));

export const ProviderApplicationLookupQuery = z.object({ applicationNo: ApplicationNo, phone: MobilePhone });
export type ProviderApplicationLookupQuery = z.infer<typeof ProviderApplicationLookupQuery>;
