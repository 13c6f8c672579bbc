// The public notice's rules: each bound of an objection and of a reviewer's note refused just past it and kept at
// it, the schema refusing with the rule's message key, and the texts in the three languages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLICATION_TRANSITIONS, ApplicationTransition, ObjectionInput } from '@smec/schemas';
import {
  OBJECTION_MESSAGES,
  checkObjectionName,
  checkObjectionNote,
  checkObjectionReason,
  messageText,
} from '@smec/schemas/rules';

test('an objector’s name is 2 to 30 characters, counted as people count them', () => {
  assert.equal(checkObjectionName('赵'), 'objection.name');
  assert.equal(checkObjectionName('  赵  '), 'objection.name');
  assert.equal(checkObjectionName('赵明'), undefined);
  assert.equal(checkObjectionName('明'.repeat(30)), undefined);
  assert.equal(checkObjectionName('明'.repeat(31)), 'objection.name');
  assert.equal(checkObjectionName('👨‍👩‍👧'.repeat(2)), undefined, 'a family emoji is one character');
});

test('a reason is 10 to 500 characters', () => {
  assert.equal(checkObjectionReason('理'.repeat(9)), 'objection.reason');
  assert.equal(checkObjectionReason('理'.repeat(10)), undefined);
  assert.equal(checkObjectionReason('理'.repeat(500)), undefined);
  assert.equal(checkObjectionReason('理'.repeat(501)), 'objection.reason');
});

test('a reviewer’s note on an objection is 2 to 200 characters', () => {
  assert.equal(checkObjectionNote('否'), 'objection.note');
  assert.equal(checkObjectionNote('不成立'), undefined);
  assert.equal(checkObjectionNote('否'.repeat(200)), undefined);
  assert.equal(checkObjectionNote('否'.repeat(201)), 'objection.note');
});

test('the objection schema refuses with the rules’ keys and takes the shared mobile rule', () => {
  const valid = { name: '赵明', mobile: '13900139000', reason: '理'.repeat(10) };
  assert.equal(ObjectionInput.safeParse(valid).success, true);
  const refused = ObjectionInput.safeParse({ name: '赵', mobile: '12345', reason: '短' });
  assert.equal(refused.success, false);
  const keys = Object.fromEntries((refused.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
  assert.deepEqual(keys, { name: 'objection.name', mobile: 'contact.phone', reason: 'objection.reason' });
});

test('every message has its three texts, and the server’s lookup finds them', () => {
  for (const [key, texts] of Object.entries(OBJECTION_MESSAGES)) {
    for (const locale of ['zh-CN', 'zh-HK', 'en'] as const) {
      assert.ok(texts[locale].length > 0, `${key} ${locale}`);
      assert.equal(messageText(key, locale), texts[locale]);
    }
  }
});

test('a reviewer decides an objection only under notice, naming it, with a note of 2 to 200 characters', () => {
  assert.deepEqual(APPLICATION_TRANSITIONS.publicNotice, ['upholdObjection', 'dismissObjection']);
  assert.equal(APPLICATION_TRANSITIONS.submitted.includes('upholdObjection'), false);
  const move = { action: 'dismissObjection', objectionId: 'obj-demo-open1', note: '异议不成立' };
  assert.equal(ApplicationTransition.safeParse(move).success, true);
  assert.equal(ApplicationTransition.safeParse({ ...move, action: 'upholdObjection' }).success, true);
  assert.equal(ApplicationTransition.safeParse({ action: 'upholdObjection', objectionId: 'obj-1' }).success, false);
  const short = ApplicationTransition.safeParse({ ...move, note: '否' });
  assert.equal(short.error?.issues[0]?.message, 'objection.note');
  assert.equal(ApplicationTransition.safeParse({ ...move, note: '否'.repeat(201) }).success, false);
});
