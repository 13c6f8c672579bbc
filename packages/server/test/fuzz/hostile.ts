// Values a careless server mishandles: Unicode that breaks encoders, collations and layouts, strings that break
// queries, paths and pages, values of the wrong type, and sizes past every limit.
import fc from 'fast-check';

/** Unicode edge cases. Lone surrogates travel as JSON escapes (`"\ud800"`), which is how JSON.stringify writes them. */
export const UNICODE_EDGES: readonly string[] = [
  '\ud800',
  '\udfff',
  'a\udc00b',
  '\ud83d',
  '\u0000',
  'a\u0000b',
  '\u0001\u001f\u007f',
  '\u202e\u202dabc',
  '\u200f\u200e',
  '\u061c',
  'e\u0301\u0301\u0301\u0301',
  'Z\u0351\u0360\u0363\u036b\u0334\u0321',
  '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}',
  '\u{1f3f3}\ufe0f\u200d\u{1f308}',
  '\u{1f44d}\u{1f3fd}',
  '\uff11\uff12\uff13\uff14\uff15\uff16',
  '\uff14\uff14\uff10\uff16\uff10\uff10',
  '\u0664\u0664\u0660\u0666\u0660\u0660',
  '\ufeff',
  '\u3000',
  '\u2028\u2029',
  '\u{20000}\u{2a6d6}',
  '\ufffd\uffff\ufffe',
  '\t\r\n',
  ' ',
  '',
];

/** Injection attempts: SQL (and LIKE wildcards), path traversal, markup, templates, prototype pollution. */
export const INJECTIONS: readonly string[] = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '"; DROP TABLE demands; --',
  '1; SELECT pg_sleep(1) --',
  '%',
  '_',
  '\\',
  '%_\\%',
  '100%',
  "O'Brien",
  '../',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '0x10',
  '99999999999999999999999',
  'true',
];

/** Strings that look like our identifiers but are not quite. */
export const NEAR_IDS: readonly string[] = [
  'PRV-00001',
  'prv_00001',
  'prv 00001',
  '-prv',
  'prv-00001\u0000',
  'prv-\uff10\uff10\uff10\uff10\uff11',
  'a'.repeat(65),
  '440600',
  '0',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...NEAR_IDS) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...UNICODE_EDGES, ...INJECTIONS), { minLength: 2, maxLength: 5 })
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
);

/** A string longer than `maxLength` (or just long when there is none), in ASCII or in three-byte characters. */
export function hugeString(maxLength: number | undefined, cap: number): fc.Arbitrary<string> {
  const length = Math.min(cap, (maxLength ?? 1000) + 1);
  return fc.oneof(
    fc.constant('x'.repeat(length)),
    fc.constant('字'.repeat(length)),
    fc.constant('\u{1f600}'.repeat(Math.ceil(length / 2))),
    fc.integer({ min: length, max: Math.max(length, cap) }).map((n) => 'a'.repeat(n)),
  );
}

/** A JSON value of some other type than the field wanted (the caller filters out the one it wanted). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, '', '0', [], {}),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  hostileString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constant({ $gt: '' }),
  fc.constant([[[[[[[[[[[]]]]]]]]]]]),
);

/** Percent-encodings that do not decode to UTF-8 text, sent as they are in a path or query. */
export const BAD_PERCENT: readonly string[] = ['%', '%zz', '%FF', '%C0%AF', '%ED%A0%80', '%00', '%E5%AD', 'a%2', '%%'];

/** Cursors that are not ours, or are ours but damaged. */
export const BAD_CURSORS: readonly string[] = [
  'abc',
  '.',
  'a.b',
  'a.b.c',
  'W10.AAAAAAAAAAAAAAAAAAAAAAAA',
  'WyJ4Il0.AAAAAAAAAAAAAAAAAAAAAAAA',
  'eyJfX3Byb3RvX18iOnt9fQ.eA',
  Buffer.from('[1e309,"x"]').toString('base64url') + '.AAAAAAAAAAAAAAAAAAAAAAAA',
  '\u0000',
  '%',
  'x'.repeat(513),
];
