import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Engagement, MyProduct, ProviderAccount, Rating } from '@smec/schemas';
import { requiredActions, followUpsDue } from '../../src/components/provider-workbench/required-actions.js';
import { workingDaysUntil } from '../../src/workbench/working-days.js';
import { newestFirst, ratingsShown, RATINGS_PAGE } from '../../src/components/provider-workbench/rating-values.js';
import {
  EMPTY_EXPERT,
  expertFieldOf,
  expertInputOf,
  expertPatchOf,
  expertProblems,
  parseYears,
  type ExpertValues,
} from '../../src/components/provider-workbench/expert-values.js';
import {
  moveStep,
  parseDays,
  parseYuan,
  patchOf,
  publishableOf,
  type ProductValues,
} from '../../src/components/provider-workbench/product-values.js';

function account(admission: string, pendingChange: unknown = null): ProviderAccount {
  return { profile: { admission }, pendingChange } as unknown as ProviderAccount;
}

function rating(status: string, dueOn: string): Rating {
  return { followUp: { status, dueOn } } as unknown as Rating;
}

test('working days skip weekends: Friday 2026-12-04 to Wednesday 2026-12-09 is 3', () => {
  assert.equal(workingDaysUntil('2026-12-04', '2026-12-09'), 3);
  assert.equal(workingDaysUntil('2026-12-04', '2026-12-10'), 4);
  assert.equal(workingDaysUntil('2026-12-07', '2026-12-07'), 0);
  assert.equal(workingDaysUntil('2026-12-07', '2026-12-05'), -2);
});

test('follow-ups due within 3 working days count, answered or later ones do not', () => {
  const ratings = [
    rating('open', '2026-12-09'),
    rating('reopened', '2026-12-01'),
    rating('open', '2026-12-10'),
    rating('answered', '2026-12-08'),
  ];
  assert.equal(followUpsDue(ratings, '2026-12-04').length, 2);
});

test('the banner lists each required action with its count, the suspension first, none with 0', () => {
  const products = [
    { status: 'draft', missing: [{ path: 'function', code: 'product.function.required' }] },
    { status: 'draft', missing: [] },
    { status: 'published', missing: [] },
    { status: 'withdrawn', missing: [{ path: 'summary', code: 'product.summary.required' }] },
  ] as unknown as MyProduct[];
  const engagements = [{ status: 'ordered' }, { status: 'ordered' }, { status: 'confirmed' }] as Engagement[];
  const actions = requiredActions(
    { account: account('suspended', { fields: {} }), products, engagements, ratings: [rating('open', '2026-12-08')] },
    '2026-12-07',
  );
  assert.deepEqual(
    actions.map(({ kind, count, view }) => [kind, count, view]),
    [
      ['suspended', 1, 'profile'],
      ['engagementsToConfirm', 2, 'engagements'],
      ['followUpsDue', 1, 'engagements'],
      ['productsMissing', 2, 'products'],
      ['pendingChange', 1, 'profile'],
    ],
  );
  assert.deepEqual(
    requiredActions({ account: account('admitted'), products: [], engagements: [], ratings: [] }, '2026-12-07'),
    [],
  );
});

test('yuan as typed become fen; what is no amount is undefined, nothing is null', () => {
  assert.equal(parseYuan('1,200'), 120000);
  assert.equal(parseYuan('¥99.5'), 9950);
  assert.equal(parseYuan(' '), null);
  assert.equal(parseYuan('12.345'), undefined);
  assert.equal(parseYuan('abc'), undefined);
  assert.equal(parseDays('15'), 15);
  assert.equal(parseDays('1.5'), null);
});

test('a step moves by one place, and stays when it cannot', () => {
  assert.deepEqual(moveStep(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
  assert.deepEqual(moveStep(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c']);
  assert.deepEqual(moveStep(['a', 'b'], 0, -1), ['a', 'b']);
});

const VALUES: ProductValues = {
  name: ' 知识产权托管 ',
  categoryId: 'intellectual-property',
  summary: 's',
  function: 'f',
  process: [],
  standard: '',
  isFree: false,
  listPrice: '800',
  discountPrice: 'x',
  note: '',
  timeLimitDays: '400',
  suitableFor: '',
  voucherEligible: true,
  regionCodes: ['440100'],
};

test('a free service is sent priced 0 without a discount; an unreadable amount is left out', () => {
  assert.deepEqual(patchOf({ ...VALUES, isFree: true }).fee, {
    isFree: true,
    note: '',
    listPrice: 0,
    discountPrice: null,
  });
  const patch = patchOf(VALUES);
  assert.deepEqual(patch.fee, { isFree: false, note: '', listPrice: 80000 });
  assert.equal(patch.name, '知识产权托管');
  assert.equal(patch.timeLimitDays, null);
  assert.deepEqual(publishableOf(VALUES).fee, { listPrice: 80000, discountPrice: null, isFree: false, note: '' });
});

test('ratings received: newest first (the later id first at the same moment), ten a page', () => {
  const at = (id: string, createdAt: string) => ({ id, createdAt }) as unknown as Rating;
  const ratings = [
    at('r1', '2026-11-01T08:00:00+08:00'),
    at('r3', '2026-11-03T08:00:00+08:00'),
    at('r2', '2026-11-03T08:00:00+08:00'),
  ];
  assert.deepEqual(
    newestFirst(ratings).map((rating) => rating.id),
    ['r3', 'r2', 'r1'],
  );
  const many = Array.from({ length: 23 }, (_, index) =>
    at(`r${String(index).padStart(2, '0')}`, `2026-11-${String(index + 1).padStart(2, '0')}T08:00:00+08:00`),
  );
  const first = ratingsShown(many, 1);
  assert.equal(first.shown.length, RATINGS_PAGE);
  assert.equal(first.shown[0]!.id, 'r22');
  assert.equal(first.more, true);
  assert.equal(ratingsShown(many, 2).shown.length, 20);
  const last = ratingsShown(many, 3);
  assert.equal(last.shown.length, 23);
  assert.equal(last.more, false);
});

test('the expert form: the shared rules name each field in error, years as typed (full-width too)', () => {
  assert.deepEqual(Object.keys(expertProblems(EMPTY_EXPERT)).sort(), ['name', 'specialties', 'title', 'years']);
  const values: ExpertValues = {
    name: '黎嘉欣',
    title: '注册审核员',
    specialties: ['testing-certification'],
    years: '９',
    bio: '',
    productIds: ['prd-00001'],
  };
  assert.deepEqual(expertProblems(values), {});
  assert.equal(parseYears(' 12 '), 12);
  assert.ok(Number.isNaN(parseYears('七十')));
  assert.equal(expertProblems({ ...values, years: '61' }).years, 'expert.years');
  assert.equal(expertProblems({ ...values, specialties: ['legal', 'legal'] }).specialties, 'expert.specialties');
  assert.equal(expertProblems({ ...values, bio: '字'.repeat(1001) }).bio, 'expert.bio');
  assert.deepEqual(expertInputOf(values), {
    name: '黎嘉欣',
    title: '注册审核员',
    specialties: ['testing-certification'],
    years: 9,
    productIds: ['prd-00001'],
  });
  assert.equal(expertPatchOf(values).bio, '');
  assert.equal(expertFieldOf('body.productIds.2'), 'productIds');
  assert.equal(expertFieldOf('body.regionCode'), undefined);
});
