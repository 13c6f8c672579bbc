import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMainlandMobile, isValidUscc, regionAncestors, regionLevelOf, usccCheckCharacter } from '@smec/schemas';

test('a USCC with the right check character is valid, any other check character is not', () => {
  // Published codes of real organisations (their check characters are known to be right).
  for (const code of ['91350100M000100Y43', '91110108551385082Q', '914403001922038216']) {
    assert.equal(isValidUscc(code), true, code);
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    assert.equal(isValidUscc(wrong), false, wrong);
  }
});

test('a USCC must be 18 characters from the allowed set', () => {
  assert.equal(isValidUscc(''), false);
  assert.equal(isValidUscc('91350100M000100Y4'), false);
  assert.equal(isValidUscc('91350100M000100Y433'), false);
  assert.equal(isValidUscc('91350100I000100Y43'), false, 'I is not used in USCCs');
  assert.equal(isValidUscc('91350100m000100y43'), false, 'lower case is not accepted');
});

test('the check character is computed over the first 17 characters', () => {
  assert.equal(usccCheckCharacter('91350100M000100Y4'), '3');
  assert.equal(usccCheckCharacter('short'), null);
  assert.equal(usccCheckCharacter('9135010OM000100Y4'), null, 'O is not in the character set');
});

test('mainland mobile numbers are 11 digits starting with 1', () => {
  assert.equal(isMainlandMobile('13812341234'), true);
  assert.equal(isMainlandMobile('19912341234'), true);
  assert.equal(isMainlandMobile('1381234123'), false);
  assert.equal(isMainlandMobile('23812341234'), false);
  assert.equal(isMainlandMobile('0757-83331234'), false);
});

test('region levels and ancestors follow the GB/T 2260 code structure', () => {
  assert.equal(regionLevelOf('440000'), 'province');
  assert.equal(regionLevelOf('440600'), 'city');
  assert.equal(regionLevelOf('440605'), 'county');
  assert.deepEqual(regionAncestors('440605'), ['440600', '440000']);
  assert.deepEqual(regionAncestors('440600'), ['440000']);
  assert.deepEqual(regionAncestors('440000'), []);
});
