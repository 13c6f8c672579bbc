import type { ApplicationField } from './application-values.js';

/**
 * The form's field for a path of the application (`organisation.uscc`): the platform's error paths are these under
 * `body.`, and a reviewer's notes name them as they are (`APPLICATION_FIELD_PATHS`).
 */
const FIELD_OF_PATH: Readonly<Record<string, ApplicationField>> = {
  'organisation.name': 'name',
  'organisation.uscc': 'uscc',
  'organisation.orgType': 'orgType',
  'organisation.legalRepresentative': 'legalRepresentative',
  'organisation.foundedOn': 'foundedOn',
  'organisation.address': 'address',
  'organisation.regionCode': 'city',
  'scope.categoryIds': 'categoryIds',
  'scope.regionsServed': 'regionsServed',
  'scope.acceptsVouchers': 'acceptsVouchers',
  'scope.staff': 'staff',
  'scope.professionalStaff': 'professionalStaff',
  'scope.description': 'description',
  'contact.name': 'contactName',
  'contact.mobile': 'mobile',
  'contact.email': 'email',
  'files.licence': 'licence',
  'files.certificates': 'certificates',
};

/** The field of a path, deeper paths (`scope.regionsServed.2`, `body.files.licence.id`) included. */
export function fieldOfPath(path: string): ApplicationField | undefined {
  const parts = path.replace(/^body\./, '').split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const field = FIELD_OF_PATH[parts.slice(0, length).join('.')];
    if (field) return field;
  }
  return undefined;
}
