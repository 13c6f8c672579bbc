import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DemandInput, DemandUscc, issueMessageKey, messageText, textLength, todayInShanghai } from '@smec/schemas';
import { USCC_CASES } from '../../../test-support/uscc-cases.js';

const VALID: DemandInput = {
  enterprise: { uscc: '91440604MA51K8QX3Q', name: '佛山市禅城区明德机械有限公司' },
  contact: { name: '王小明', phone: '13812341234' },
  regionCode: '440604',
  categoryId: 'legal',
  title: '需要常年法律顾问',
  description: '公司有员工八十人，需要律师协助审查采购合同并完善劳动用工制度。',
  budget: 2_000_000,
  expectedBy: null,
  consent: true,
};

test('every USCC case gets the right answer and message from the schema', () => {
  for (const { code, valid, message, why } of USCC_CASES) {
    const result = DemandUscc.safeParse(code);
    assert.equal(result.success, valid, `${code}: ${why}`);
    // A valid code has no message; a refused one the case's.
    assert.equal(result.error?.issues[0]?.message, valid ? undefined : message, `${code}: ${why}`);
  }
});

test('a complete demand is valid; consent must be given', () => {
  assert.equal(DemandInput.safeParse(VALID).success, true);
  const refused = DemandInput.safeParse({ ...VALID, consent: false });
  assert.deepEqual(
    refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
    [['consent', 'consent']],
  );
});

test('each bad field is named with its message key, in both languages', () => {
  const result = DemandInput.safeParse({
    ...VALID,
    contact: { name: '王小明', phone: '23812341234' },
    title: '太短',
    budget: 0,
    expectedBy: '2020-01-01',
  });
  const keys = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issueMessageKey(issue)]));
  assert.deepEqual(keys, {
    'contact.phone': 'contact.phone',
    title: 'title',
    budget: 'budget',
    expectedBy: 'expectedBy.past',
  });
  assert.equal(messageText('contact.phone', 'zh-CN'), '请输入 11 位手机号码，以 1 开头');
  assert.match(messageText('contact.phone', 'en'), /mobile number/);
});

test('a missing field is reported as required', () => {
  const result = DemandInput.safeParse({ ...VALID, title: undefined });
  const issue = result.error!.issues[0]!;
  assert.deepEqual(issue.path, ['title']);
  assert.equal(issueMessageKey(issue), 'required');
});

test('lengths count characters as a person does', () => {
  assert.equal(textLength('法律'), 2);
  assert.equal(textLength('👍🏻'), 1, 'an emoji with a skin tone is one character to a reader');
  assert.equal(textLength('👨‍👩‍👧'), 1, 'a family emoji joined by zero-width joiners is one');
  assert.equal(textLength('😀'), 1);
  const title = '😀'.repeat(60);
  assert.equal(DemandInput.safeParse({ ...VALID, title }).success, true, '60 emoji fit a 60-character title');
  assert.equal(DemandInput.safeParse({ ...VALID, title: title + '😀' }).success, false);
});

test('the expected date may be today in Shanghai but not yesterday', () => {
  const today = todayInShanghai();
  assert.equal(DemandInput.safeParse({ ...VALID, expectedBy: today }).success, true);
  const yesterday = todayInShanghai(new Date(Date.now() - 86_400_000));
  assert.equal(DemandInput.safeParse({ ...VALID, expectedBy: yesterday }).success, false);
  assert.equal(todayInShanghai(new Date('2026-11-27T16:30:00Z')), '2026-11-28', 'Shanghai is 8 hours ahead');
});
