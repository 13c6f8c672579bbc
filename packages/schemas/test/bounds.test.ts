// The lengths the OpenAPI document states for request strings are the ones the schemas refuse past.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  DateOnly,
  DemandInput,
  DemandUscc,
  EventDateBound,
  EventInstant,
  FollowUpAnswerInput,
  FollowUpReopenInput,
  MobilePhone,
  QueryBool,
  RatingComment,
  RegionCode,
  TrackingNo,
  z,
} from '@smec/schemas';
import { CODE_UNITS_PER_CHARACTER } from '../src/bounds.js';

function documented(schema: z.ZodMiniType): { maxLength?: number; pattern?: string; description?: string } {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as never;
}

// The longest value each schema takes, as its own check allows it.
const LONGEST: [string, z.ZodMiniType, string][] = [
  ['a region code', RegionCode, '440604'],
  ['a date', DateOnly, '2026-11-28'],
  ['a USCC', DemandUscc, '91440604MA51K8QX3Q'],
  ['a mobile number', MobilePhone, '13812341234'],
  ['a tracking number', TrackingNo, 'XQ20261128K7M3Q9'],
  ['an event range bound', EventDateBound, '2026-12-05T14:00:00.000+08:00'],
  ['a query boolean', QueryBool, 'FALSE'],
  ['an event instant a center writes', EventInstant, '2027-03-18T14:00:00.000+08:00'],
];

for (const [name, schema, longest] of LONGEST) {
  test(`${name}: the document's maxLength is the longest value the schema takes`, () => {
    assert.equal(documented(schema).maxLength, longest.length);
    assert.equal(schema.safeParse(longest).success, true, longest);
    for (const longer of [`${longest}0`, `0${longest}`, `${longest}${longest}`]) {
      assert.equal(schema.safeParse(longer).success, false, longer);
    }
  });
}

test('a query boolean takes exactly what its documented pattern matches', () => {
  const pattern = new RegExp(documented(QueryBool).pattern ?? '(?!)');
  const word = fc.constantFrom('true', 'false', '1', '0', 'yes', 'no', 'on', '');
  const anyCase = word.chain((text) =>
    fc
      .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
      .map((upper) => [...text].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join('')),
  );
  const near = fc.tuple(anyCase, fc.constantFrom('', ' ', '1', 'e')).map(([text, tail]) => text + tail);
  fc.assert(
    fc.property(fc.oneof(anyCase, near, fc.string({ maxLength: 6 })), (value) => {
      assert.equal(QueryBool.safeParse(value).success, pattern.test(value), JSON.stringify(value));
    }),
  );
});

const VALID_DEMAND = DemandInput.parse({
  enterprise: { uscc: '91440604MA51K8QX3Q', name: '佛山市禅城区示例科技有限公司' },
  contact: { name: '陈女士', phone: '13812341234' },
  regionCode: '440604',
  categoryId: 'finance-tax',
  title: '申请高新技术企业认定辅导',
  description: '公司计划明年申报高新技术企业，希望有机构协助梳理知识产权和研发费用归集。',
  budget: 'negotiable',
  consent: true,
});

// Free texts: their limit in characters, their message key, and how to put a text in their schema.
const FREE_TEXTS: [string, number, string, z.ZodMiniType, (text: string) => unknown][] = [
  [
    'the company name',
    100,
    'enterprise.name',
    DemandInput,
    (name) => ({ ...VALID_DEMAND, enterprise: { ...VALID_DEMAND.enterprise, name } }),
  ],
  [
    'the contact name',
    30,
    'contact.name',
    DemandInput,
    (name) => ({ ...VALID_DEMAND, contact: { ...VALID_DEMAND.contact, name } }),
  ],
  ['the title', 60, 'title', DemandInput, (title) => ({ ...VALID_DEMAND, title })],
  ['the description', 1000, 'description', DemandInput, (description) => ({ ...VALID_DEMAND, description })],
  ['a rating comment', 200, 'rating.comment', RatingComment, (text) => text],
  ['a follow-up answer', 500, 'followUp.text', FollowUpAnswerInput, (text) => ({ text })],
  ['a reason to reopen', 200, 'followUp.reason', FollowUpReopenInput, (reason) => ({ reason })],
];

for (const [name, characters, key, schema, withText] of FREE_TEXTS) {
  const cap = characters * CODE_UNITS_PER_CHARACTER;
  test(`${name}: ${characters} characters of emoji fit, more than ${cap} code units are refused with its message`, () => {
    assert.equal(schema.safeParse(withText('😀'.repeat(characters))).success, true, 'two code units a character');
    assert.equal(schema.safeParse(withText('👍🏻'.repeat(characters))).success, true, 'four code units a character');
    const result = schema.safeParse(withText('字'.repeat(cap + 1)));
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => [issue.code, issue.message]),
      [['too_big', key]],
      'one issue: the cap stops the text before its characters are counted',
    );
  });
}

test('the document states each free text’s cap and, in words, its limit in characters', () => {
  const title = (
    documented(DemandInput) as { properties: Record<string, { maxLength?: number; description?: string }> }
  ).properties['title'];
  assert.equal(title?.maxLength, 60 * CODE_UNITS_PER_CHARACTER);
  assert.match(title?.description ?? '', /^At most 60 characters as a person counts them/);
});
