// Property: whatever bad body arrives, POST /demands answers a 400 or 422 problem naming a body field, never a 5xx,
// and stores nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { Problem, isMainlandMobile, isValidUscc } from '@smec/schemas';
import { openTestApp, validDemand, type TestApp } from './demand-helpers.js';

let t: TestApp;
before(async () => {
  t = await openTestApp({ rateLimits: { demandSubmit: { max: 1_000_000, windowMs: 60_000 } } });
});
after(() => t.close());

type Body = Record<string, unknown>;
type Mutation = (body: Body) => Body;

const set =
  (path: readonly string[], value: unknown): Mutation =>
  (body) => {
    const copy = structuredClone(body);
    let node = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1] as string] = value;
    return copy;
  };

const remove =
  (path: readonly string[]): Mutation =>
  (body) => {
    const copy = structuredClone(body);
    let node = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = (node[key] ?? {}) as Record<string, unknown>;
    delete node[path[path.length - 1] as string];
    return copy;
  };

const REQUIRED = [
  ['enterprise'],
  ['enterprise', 'uscc'],
  ['enterprise', 'name'],
  ['contact'],
  ['contact', 'name'],
  ['contact', 'phone'],
  ['regionCode'],
  ['categoryId'],
  ['title'],
  ['description'],
  ['budget'],
  ['consent'],
];
const STRING_FIELDS = REQUIRED.filter(
  (path) => !['enterprise', 'contact', 'budget', 'consent'].includes(path.join('.')),
);

const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const edgeChars = fc.constantFrom(
  '😀',
  '👨‍👩‍👧',
  '\u200b',
  '\u3000',
  '\ufeff',
  '\ud800',
  '\udfff',
  'é',
  '\u0000',
  '𠀀',
  '\u202e',
);
const edgeText = (min: number, max: number) =>
  fc.array(edgeChars, { minLength: min, maxLength: max }).map((chars) => chars.join(''));
const huge = (min: number) => fc.string({ minLength: min, maxLength: min + 2000, unit: 'grapheme-ascii' });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...REQUIRED).map(remove),
  fc.tuple(fc.constantFrom(...STRING_FIELDS), notString).map(([path, value]) => set(path, value)),
  fc
    .constantFrom<[string[], number]>(
      [['title'], 61],
      [['description'], 1001],
      [['enterprise', 'name'], 101],
      [['contact', 'name'], 31],
    )
    .chain(([path, min]) => huge(min).map((value) => set(path, value))),
  fc
    .string({ maxLength: 30 })
    .filter((code) => !isValidUscc(code))
    .map((code) => set(['enterprise', 'uscc'], code)),
  fc
    .string({ maxLength: 20 })
    .filter((phone) => !isMainlandMobile(phone))
    .map((phone) => set(['contact', 'phone'], phone)),
  fc
    .oneof(
      fc.constantFrom('2020-01-01', '2026-02-30x', '2026-13-01', '01/02/2027', 'tomorrow', ''),
      fc
        .date({ min: new Date('1970-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
    )
    .map((date) => set(['expectedBy'], date)),
  fc
    .oneof(fc.constantFrom(0, -1, 1.5, '100', 'free', 1e15, null, true), fc.integer({ max: 0 }))
    .map((budget) => set(['budget'], budget)),
  fc.constantFrom(false, 'true', 1, null, 'yes').map((consent) => set(['consent'], consent)),
  fc
    .oneof(fc.constantFrom('999999', '440699', '4406', 'abcdef', ''), fc.string({ maxLength: 8 }))
    .map((code) => set(['regionCode'], code)),
  fc.string({ maxLength: 20 }).map((id) => set(['categoryId'], `x-${id}`)),
  fc.string({ maxLength: 12 }).map((id) => set(['productId'], `PRD ${id}`)),
  fc
    .constantFrom(['enterprise', 'uscc'], ['contact', 'phone'], ['title'])
    .map((path) => set(path, { a: { b: { c: [1, [2, [3]]] } } })),
  fc.oneof(edgeText(0, 4), edgeText(61, 80)).map((text) => set(['title'], text)),
  fc
    .constantFrom('     ', '\u3000\u3000\u3000\u3000\u3000\u3000', '\n\t\n\t\n\t')
    .map((blank) => set(['title'], blank)),
  fc.oneof(edgeText(0, 19), fc.constantFrom(' '.repeat(25))).map((text) => set(['description'], text)),
);

const badBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .array(mutation, { minLength: 1, maxLength: 3 })
      .map((ms) => ms.reduce((body, m) => m(body), validDemand() as Body)),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.string({ maxLength: 20 }),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.constant({}),
    ),
  },
);

test('at least 500 generated bad bodies: each a 400/422 problem naming a body field, none stored', async () => {
  const before = await t.countDemands();
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(badBody, fc.boolean(), async (body, withKey) => {
      runs++;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/demands',
        headers: { 'content-type': 'application/json', ...(withKey ? { 'idempotency-key': `prop-${runs}` } : {}) },
        payload: JSON.stringify(body),
      });
      assert.ok(
        response.statusCode === 400 || response.statusCode === 422,
        `${response.statusCode} ${response.body.slice(0, 300)}`,
      );
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const problem = Problem.parse(JSON.parse(response.body));
      assert.ok(problem.errors && problem.errors.length > 0, response.body.slice(0, 300));
      assert.match(problem.errors[0]?.path ?? '', /^body(\.|$)/);
      for (const error of problem.errors) assert.ok(error.message.length > 0 && error.code);
    }),
    { numRuns: 600, seed: 20261128 },
  );
  assert.ok(runs >= 500);
  assert.equal(await t.countDemands(), before, 'nothing stored');
  const keys = await t.database.db
    .selectFrom('idempotency_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(keys.n, 0, 'no idempotency key kept for a refused body');
});
