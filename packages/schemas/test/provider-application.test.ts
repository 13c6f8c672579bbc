// The application to join: its rules (founding date, USCC against the organisation type, staff) and its schema,
// whose refusals name the field and the message key, with texts in the three languages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  APPLICATION_MESSAGES,
  ProviderApplicationInput,
  checkFoundedOn,
  checkStaffCounts,
  checkUsccForOrgType,
  issueMessageKey,
  messageText,
  usccCheckCharacter,
  yearsBefore,
} from '@smec/schemas';
import { operations } from '@smec/schemas/openapi';

/** A USCC with its right check character, from its first 17 characters. */
function uscc(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error(`no check character for ${first17}`);
  return `${first17}${check}`;
}

/** The OpenAPI document's example: a Foshan law firm with the demo's sample licence. */
const VALID = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationInput;

/** The refusals of an input: each field's path and message key. */
function refusals(input: unknown): [string, string][] {
  const result = ProviderApplicationInput.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join('.'), issueMessageKey(issue)]);
}

test('the same day some years earlier, 29 February becoming 28 February in a common year', () => {
  assert.equal(yearsBefore('2026-12-07', 2), '2024-12-07');
  assert.equal(yearsBefore('2028-02-29', 2), '2026-02-28');
  assert.equal(yearsBefore('2028-02-29', 4), '2024-02-29');
  assert.throws(() => yearsBefore('2026-13-01', 2), RangeError);
});

test('a provider founded two years ago to the day may apply, a day later it may not; the future and non-days are refused', () => {
  const today = '2026-12-07';
  assert.equal(checkFoundedOn('2024-12-07', today), undefined);
  assert.equal(checkFoundedOn('2010-01-01', today), undefined);
  assert.equal(checkFoundedOn('2024-12-08', today), 'application.foundedOn.tooRecent');
  assert.equal(checkFoundedOn('2026-12-08', today), 'application.foundedOn.future');
  assert.equal(checkFoundedOn('2023-02-29', today), 'application.foundedOn.format');
  assert.equal(checkFoundedOn('2023-2-1', today), 'application.foundedOn.format');
});

test('an individual business cannot apply; a code must be of the organisation type chosen', () => {
  assert.equal(checkUsccForOrgType(uscc('92440604MA5123456'), 'company'), 'application.uscc.individual');
  assert.equal(checkUsccForOrgType(uscc('91440604MA5123456'), 'company'), undefined);
  assert.equal(checkUsccForOrgType(uscc('91440604MA5123456'), 'partnership'), undefined);
  assert.equal(checkUsccForOrgType(uscc('31440000MD0123456'), 'partnership'), undefined, 'a law firm');
  assert.equal(checkUsccForOrgType(uscc('52440000MJ0123456'), 'privateNonEnterprise'), undefined);
  assert.equal(checkUsccForOrgType(uscc('51440000MJ0123456'), 'association'), undefined);
  assert.equal(checkUsccForOrgType(uscc('12440000MB0123456'), 'publicInstitution'), undefined);
  assert.equal(checkUsccForOrgType(uscc('91440604MA5123456'), 'association'), 'application.uscc.orgType');
  assert.equal(checkUsccForOrgType(uscc('31440000MD0123456'), 'company'), 'application.uscc.orgType');
});

test('staff from 1, professional staff no more than the staff', () => {
  assert.deepEqual(checkStaffCounts(26, 18), {});
  assert.deepEqual(checkStaffCounts(1, 0), {});
  assert.deepEqual(checkStaffCounts(10, 11), { professionalStaff: 'application.professionalStaff' });
  assert.deepEqual(checkStaffCounts(0, 0), { staff: 'application.staff' });
  assert.deepEqual(checkStaffCounts(2.5, 1), { staff: 'application.staff' });
});

test('a complete application is valid', () => {
  assert.deepEqual(refusals(VALID), []);
});

test('each refusal names its field and message', () => {
  const organisation = VALID.organisation;
  const scope = VALID.scope;
  const cases: [unknown, [string, string][]][] = [
    [
      { ...VALID, organisation: { ...organisation, uscc: '31440000MD012345AX' } },
      [['organisation.uscc', 'uscc.checksum']],
    ],
    [
      { ...VALID, organisation: { ...organisation, uscc: uscc('92440604MA5123456') } },
      [['organisation.uscc', 'application.uscc.individual']],
    ],
    [
      { ...VALID, organisation: { ...organisation, orgType: 'company' } },
      [['organisation.uscc', 'application.uscc.orgType']],
    ],
    [{ ...VALID, organisation: { ...organisation, name: '明' } }, [['organisation.name', 'application.name']]],
    [
      { ...VALID, organisation: { ...organisation, foundedOn: '2015/03/18' } },
      [['organisation.foundedOn', 'application.foundedOn.format']],
    ],
    [
      { ...VALID, scope: { ...scope, professionalStaff: 27 } },
      [['scope.professionalStaff', 'application.professionalStaff']],
    ],
    [
      { ...VALID, scope: { ...scope, categoryIds: ['legal', 'legal'] } },
      [['scope.categoryIds', 'application.categories']],
    ],
    [{ ...VALID, scope: { ...scope, categoryIds: [] } }, [['scope.categoryIds', 'application.categories']]],
    [{ ...VALID, scope: { ...scope, regionsServed: [] } }, [['scope.regionsServed', 'application.regionsServed']]],
    [{ ...VALID, scope: { ...scope, description: '太短' } }, [['scope.description', 'application.description']]],
    [{ ...VALID, contact: { ...VALID.contact, email: 'service@' } }, [['contact.email', 'application.email']]],
    [{ ...VALID, contact: { ...VALID.contact, mobile: '2381234123' } }, [['contact.mobile', 'contact.phone']]],
  ];
  for (const [input, expected] of cases) assert.deepEqual(refusals(input), expected, JSON.stringify(expected));
});

test('every message of the application is in Chinese and English, never mixed, and the server finds it by key', () => {
  const han = /\p{Script=Han}/u;
  for (const [key, texts] of Object.entries(APPLICATION_MESSAGES)) {
    assert.match(texts['zh-CN'], han, key);
    assert.match(texts['zh-HK'], han, key);
    assert.doesNotMatch(texts.en, han, key);
    assert.equal(messageText(key, 'en'), texts.en);
    assert.equal(messageText(key, 'zh-HK'), texts['zh-HK']);
  }
  // Traditional Chinese is written in its own characters, not the simplified ones.
  assert.notEqual(
    APPLICATION_MESSAGES['application.foundedOn.tooRecent']['zh-HK'],
    APPLICATION_MESSAGES['application.foundedOn.tooRecent']['zh-CN'],
  );
});
