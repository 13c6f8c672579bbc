// The expert database's rules: each bound refused just past it and kept at it, with texts in the three languages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EXPERT_MESSAGES,
  checkExpertBio,
  checkExpertName,
  checkExpertSpecialties,
  checkExpertTitle,
  checkExpertYears,
  isExpertMessageKey,
  issueMessageKey,
  messageText,
} from '@smec/schemas/rules';
import { ExpertInput } from '@smec/schemas';

test('a name is 2 to 30 characters, counted as people count them', () => {
  assert.equal(checkExpertName('李'), 'expert.name');
  assert.equal(checkExpertName('李明'), null);
  assert.equal(checkExpertName('明'.repeat(30)), null);
  assert.equal(checkExpertName('明'.repeat(31)), 'expert.name');
  assert.equal(checkExpertName('  李  '), 'expert.name');
});

test('a title is 2 to 30 characters', () => {
  assert.equal(checkExpertTitle('师'), 'expert.title');
  assert.equal(checkExpertTitle('高级会计师'), null);
  assert.equal(checkExpertTitle('师'.repeat(31)), 'expert.title');
});

test('specialties are 1 to 5 categories, none twice', () => {
  assert.equal(checkExpertSpecialties([]), 'expert.specialties');
  assert.equal(checkExpertSpecialties(['finance']), null);
  assert.equal(checkExpertSpecialties(['a', 'b', 'c', 'd', 'e']), null);
  assert.equal(checkExpertSpecialties(['a', 'b', 'c', 'd', 'e', 'f']), 'expert.specialties');
  assert.equal(checkExpertSpecialties(['a', 'a']), 'expert.specialties');
});

test('years of practice are a whole number from 0 to 60', () => {
  assert.equal(checkExpertYears(0), null);
  assert.equal(checkExpertYears(60), null);
  assert.equal(checkExpertYears(61), 'expert.years');
  assert.equal(checkExpertYears(-1), 'expert.years');
  assert.equal(checkExpertYears(2.5), 'expert.years');
});

test('a bio is at most 1000 characters', () => {
  assert.equal(checkExpertBio(''), null);
  assert.equal(checkExpertBio('字'.repeat(1000)), null);
  assert.equal(checkExpertBio('字'.repeat(1001)), 'expert.bio');
});

test('every refusal has a text in zh-CN, zh-HK and en', () => {
  for (const [key, texts] of Object.entries(EXPERT_MESSAGES)) {
    for (const locale of ['zh-CN', 'zh-HK', 'en'] as const) assert.ok(texts[locale].length > 0, `${key} ${locale}`);
  }
  assert.notEqual(EXPERT_MESSAGES['expert.name']['zh-CN'], EXPERT_MESSAGES['expert.name']['zh-HK']);
});

test('the expert keys are message keys of their own, with their texts in each language', () => {
  assert.equal(isExpertMessageKey('expert.years'), true);
  assert.equal(isExpertMessageKey('expert.unknown'), false);
  assert.equal(isExpertMessageKey('toString'), false);
  assert.equal(messageText('expert.years', 'en'), EXPERT_MESSAGES['expert.years'].en);
  assert.equal(messageText('expert.bio', 'zh-HK'), EXPERT_MESSAGES['expert.bio']['zh-HK']);
});

test('an expert input is refused field by field with the shared rules’ keys', () => {
  const valid = { name: '李明', title: '高级会计师', specialties: ['finance-tax'], years: 12 };
  assert.equal(ExpertInput.safeParse(valid).success, true);
  const keysOf = (input: unknown) =>
    (ExpertInput.safeParse(input).error?.issues ?? []).map(
      (issue) => `${issue.path.join('.')} ${issueMessageKey(issue)}`,
    );
  assert.deepEqual(keysOf({ ...valid, name: '李' }), ['name expert.name']);
  assert.deepEqual(keysOf({ ...valid, title: '师'.repeat(31) }), ['title expert.title']);
  assert.deepEqual(keysOf({ ...valid, specialties: ['legal', 'legal'] }), ['specialties expert.specialties']);
  assert.deepEqual([...new Set(keysOf({ ...valid, years: 61 }))], ['years expert.years']);
  assert.deepEqual([...new Set(keysOf({ ...valid, years: 2.5 }))], ['years expert.years']);
  assert.deepEqual(keysOf({ ...valid, bio: '字'.repeat(1001) }), ['bio expert.bio']);
});
