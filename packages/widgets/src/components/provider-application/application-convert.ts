// What is sent and what comes back: the form's values as the platform's application or draft, and back.
import type { CategoryId, ProviderApplicationDraftInput, ProviderApplicationRevision } from '@smec/schemas';
import type { ProviderOrgType } from '@smec/schemas/rules';
import {
  checkField,
  countOf,
  regionCodeOf,
  type ApplicationField,
  type ApplicationValues,
  type CheckContext,
} from './application-values.js';
import type { Uploads } from './uploads.js';

/** The whole application as sent: the values converted to the platform's types, the files by id (and key, if new). */
export function toRevision(values: ApplicationValues, uploads: Uploads): ProviderApplicationRevision {
  return {
    organisation: {
      name: values.name.trim(),
      uscc: values.uscc,
      orgType: values.orgType as ProviderOrgType,
      legalRepresentative: values.legalRepresentative.trim(),
      foundedOn: values.foundedOn,
      address: values.address.trim(),
      regionCode: regionCodeOf(values),
    },
    scope: {
      categoryIds: values.categoryIds as CategoryId[],
      regionsServed: values.regionsServed,
      acceptsVouchers: values.acceptsVouchers,
      staff: countOf(values.staff),
      professionalStaff: countOf(values.professionalStaff),
      description: values.description.trim(),
    },
    contact: { name: values.contactName.trim(), mobile: values.mobile.trim(), email: values.email.trim() },
    files: {
      licence: uploads.licence?.file ?? { id: '' },
      certificates: uploads.certificates.flatMap((upload) => (upload.file ? [upload.file] : [])),
    },
  };
}

/**
 * What a draft keeps: each field that is right by its own rule (a draft takes any of them, each held to its rule),
 * and the names of those left out because they are not right yet.
 */
export function toDraft(
  values: ApplicationValues,
  context: CheckContext,
): { input: ProviderApplicationDraftInput; left: ApplicationField[] } {
  const revision = toRevision(values, context.uploads);
  const left: ApplicationField[] = [];
  const keep = <T>(field: ApplicationField, filled: boolean, value: T): T | undefined => {
    if (!filled) return undefined;
    // The credit code's type and the staff counts are checked across fields only on submitting.
    const problem = checkField(field, field === 'uscc' ? { ...values, orgType: '' } : values, context);
    const ok = field === 'professionalStaff' ? countOf(values.professionalStaff) >= 0 : !problem;
    if (ok) return value;
    left.push(field);
    return undefined;
  };
  const { organisation, scope, contact } = revision;
  const pick = <T extends object>(entries: [string, unknown][]): T =>
    Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as T;
  const input: ProviderApplicationDraftInput = {
    organisation: pick([
      ['name', keep('name', values.name.trim() !== '', organisation.name)],
      ['uscc', keep('uscc', values.uscc !== '', organisation.uscc)],
      ['orgType', keep('orgType', values.orgType !== '', organisation.orgType)],
      [
        'legalRepresentative',
        keep('legalRepresentative', values.legalRepresentative.trim() !== '', organisation.legalRepresentative),
      ],
      ['foundedOn', keep('foundedOn', values.foundedOn !== '', organisation.foundedOn)],
      ['address', keep('address', values.address.trim() !== '', organisation.address)],
      ['regionCode', keep('city', values.city !== '', organisation.regionCode)],
    ]),
    scope: pick([
      ['categoryIds', keep('categoryIds', values.categoryIds.length > 0, scope.categoryIds)],
      ['regionsServed', keep('regionsServed', values.regionsServed.length > 0, scope.regionsServed)],
      ['acceptsVouchers', scope.acceptsVouchers],
      ['staff', keep('staff', values.staff.trim() !== '', scope.staff)],
      ['professionalStaff', keep('professionalStaff', values.professionalStaff.trim() !== '', scope.professionalStaff)],
      ['description', keep('description', values.description.trim() !== '', scope.description)],
    ]),
    contact: pick([
      ['name', keep('contactName', values.contactName.trim() !== '', contact.name)],
      ['mobile', keep('mobile', values.mobile.trim() !== '', contact.mobile)],
      ['email', keep('email', values.email.trim() !== '', contact.email)],
    ]),
    files: {
      ...(context.uploads.licence?.file
        ? { licence: { ...context.uploads.licence.file, name: context.uploads.licence.name } }
        : {}),
      certificates: context.uploads.certificates.flatMap((upload) =>
        upload.file ? [{ ...upload.file, name: upload.name }] : [],
      ),
    },
  };
  return { input, left };
}

/** Some part of an application as kept (a draft's, or the whole of one), back into the form's values. */
export interface StoredParts {
  organisation?:
    | Partial<
        Record<'name' | 'uscc' | 'orgType' | 'legalRepresentative' | 'foundedOn' | 'address' | 'regionCode', string>
      >
    | undefined;
  scope?:
    | {
        categoryIds?: readonly string[] | undefined;
        regionsServed?: readonly string[] | undefined;
        acceptsVouchers?: boolean | undefined;
        staff?: number | undefined;
        professionalStaff?: number | undefined;
        description?: string | undefined;
      }
    | undefined;
  contact?: Partial<Record<'name' | 'mobile' | 'email', string>> | undefined;
}

/** The form's values for what was kept; `cityOf` names the city of a county code. */
export function valuesOf(stored: StoredParts, cityOf: (code: string) => string | undefined): ApplicationValues {
  const { organisation = {}, scope = {}, contact = {} } = stored;
  const region = organisation.regionCode ?? '';
  const city = region ? (cityOf(region) ?? region) : '';
  return {
    name: organisation.name ?? '',
    uscc: organisation.uscc ?? '',
    orgType: organisation.orgType ?? '',
    legalRepresentative: organisation.legalRepresentative ?? '',
    foundedOn: organisation.foundedOn ?? '',
    address: organisation.address ?? '',
    city,
    county: region && region !== city ? region : '',
    categoryIds: [...(scope.categoryIds ?? [])],
    regionsServed: [...(scope.regionsServed ?? [])],
    acceptsVouchers: scope.acceptsVouchers ?? false,
    staff: scope.staff === undefined ? '' : String(scope.staff),
    professionalStaff: scope.professionalStaff === undefined ? '' : String(scope.professionalStaff),
    description: scope.description ?? '',
    contactName: contact.name ?? '',
    mobile: contact.mobile ?? '',
    email: contact.email ?? '',
  };
}
