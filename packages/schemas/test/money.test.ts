import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MESSAGES, parseYuan, type MoneyProblem } from '@smec/schemas';

/** What a person may type, and what the rule makes of it: fen, or the message key of the problem. */
const CASES: readonly (readonly [typed: string, expected: number | MoneyProblem, why: string])[] = [
  ['1234.5', 123450, 'one decimal'],
  ['1234.50', 123450, 'two decimals'],
  ['1234', 123400, 'whole yuan'],
  ['1234.', 123400, 'a point without decimals'],
  ['0.01', 1, 'one fen'],
  ['0', 0, 'zero is an amount; ranges are the caller’s rule'],
  ['007', 700, 'leading zeros'],
  ['1,234.5', 123450, 'ASCII thousands separator'],
  ['1,234,567.89', 123456789, 'several separators'],
  ['1，234', 123400, 'full-width thousands separator'],
  ['１２３', 12300, 'full-width digits'],
  ['１２３．４５', 12345, 'full-width digits and point'],
  ['１，２３４．５', 123450, 'full-width digits, comma and point'],
  ['¥0.01', 1, 'yen sign'],
  ['￥12', 1200, 'full-width yen sign'],
  ['¥ 1,234.50', 123450, 'yen sign, a space and separators'],
  ['12元', 1200, '元 after the amount'],
  ['12.5 元', 1250, 'a space before 元'],
  ['￥１２ 元', 1200, 'both signs'],
  ['  12.5  ', 1250, 'surrounding spaces'],
  ['\u300012\u3000', 1200, 'surrounding ideographic spaces'],
  ['0.07', 7, 'no floating-point error (0.07 × 100 is 7.000000000000001)'],
  ['19.99', 1999, 'no floating-point error (19.99 × 100 is 1998.9999999999998)'],
  ['1.15', 115, 'no floating-point error (1.15 × 100 is 114.99999999999999)'],
  ['4.35', 435, 'no floating-point error (4.35 × 100 is 434.99999999999994)'],
  ['90071992547409.91', 9007199254740991, 'the largest exact fen'],
  ['', 'money.required', 'empty'],
  ['   ', 'money.required', 'only spaces'],
  ['-1', 'money.negative', 'negative'],
  ['－１', 'money.negative', 'full-width minus'],
  ['−1', 'money.format', 'the typographic minus sign (U+2212) is not read as a minus'],
  ['１ａ', 'money.format', 'a full-width letter'],
  ['１²', 'money.format', 'a superscript digit'],
  ['①', 'money.format', 'a circled digit'],
  ['-¥1', 'money.negative', 'minus before the yen sign'],
  ['¥-1', 'money.negative', 'minus after the yen sign'],
  ['1.234', 'money.decimals', 'three decimals'],
  ['1.230', 'money.decimals', 'three decimals, the last a zero'],
  ['１．２３４', 'money.decimals', 'three full-width decimals'],
  ['abc', 'money.format', 'letters'],
  ['12a', 'money.format', 'a letter after digits'],
  ['1e5', 'money.format', 'exponent'],
  ['0x10', 'money.format', 'hexadecimal'],
  ['.5', 'money.format', 'no yuan before the point'],
  ['1.2.3', 'money.format', 'two points'],
  ['1,5', 'money.format', 'a comma that is not a thousands separator'],
  ['12,34', 'money.format', 'a group of two after the separator'],
  [',123', 'money.format', 'a leading separator'],
  ['1 234', 'money.format', 'a space inside the digits'],
  ['+1', 'money.format', 'a plus sign'],
  ['--1', 'money.negative', 'two minus signs'],
  ['-¥-1', 'money.negative', 'a minus on each side of the yen sign'],
  ['1-', 'money.format', 'a minus after the amount'],
  ['1-2', 'money.format', 'a minus inside the amount'],
  ['¥', 'money.format', 'only the yen sign'],
  ['元', 'money.format', 'only 元'],
  ['12美元', 'money.format', 'another currency'],
  ['Infinity', 'money.format', 'not a number'],
  ['90071992547409.92', 'money.format', 'more fen than a number holds exactly'],
];

for (const [typed, expected, why] of CASES) {
  test(`parseYuan(${JSON.stringify(typed)}) is ${expected}: ${why}`, () => {
    assert.equal(parseYuan(typed), expected);
  });
}

test('every problem of the money rule has its words in the three languages', () => {
  const problems = [...new Set(CASES.map(([, expected]) => expected).filter((e) => typeof e === 'string'))];
  assert.deepEqual(problems.sort(), ['money.decimals', 'money.format', 'money.negative', 'money.required']);
  for (const problem of problems) {
    const texts = MESSAGES[problem];
    assert.ok(texts['zh-CN'] && texts['zh-HK'] && texts.en, problem);
  }
  assert.match(MESSAGES['money.decimals']['zh-CN'], /最多两位小数/);
});
