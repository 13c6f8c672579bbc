import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Problem, ProductsQuery, ProvidersQuery, RegionCode, Uscc } from '@smec/schemas';

test('product search query strings are coerced to their types', () => {
  const parsed = ProductsQuery.parse({
    q: '财税',
    limit: '12',
    free: 'true',
    voucherEligible: '0',
    minPrice: '100000',
    minRating: '80',
    sort: 'priceAsc',
  });
  assert.deepEqual(parsed, {
    q: '财税',
    limit: 12,
    free: true,
    voucherEligible: false,
    minPrice: 100000,
    minRating: 80,
    sort: 'priceAsc',
  });
});

test('bad product search values are refused field by field', () => {
  const cases: [Record<string, string>, string][] = [
    [{ limit: '0' }, 'limit'],
    [{ limit: '10000' }, 'limit'],
    [{ limit: '1.5' }, 'limit'],
    [{ minPrice: 'abc' }, 'minPrice'],
    [{ minPrice: '-1' }, 'minPrice'],
    [{ minRating: '101' }, 'minRating'],
    [{ category: 'astrology' }, 'category'],
    [{ region: '4406' }, 'region'],
    [{ sort: 'random' }, 'sort'],
    [{ free: 'maybe' }, 'free'],
    [{ q: '法'.repeat(101) }, 'q'],
  ];
  for (const [query, field] of cases) {
    const result = ProductsQuery.safeParse(query);
    assert.equal(result.success, false, JSON.stringify(query));
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      [field],
    );
  }
});

test('provider queries accept the documented filters only with valid values', () => {
  assert.equal(ProvidersQuery.safeParse({ category: 'legal', acceptsVouchers: 'true', sort: 'rating' }).success, true);
  assert.equal(ProvidersQuery.safeParse({ sort: 'price' }).success, false);
});

test('region codes are six digits and USCCs carry a valid check character', () => {
  assert.equal(RegionCode.safeParse('440600').success, true);
  assert.equal(RegionCode.safeParse('44060').success, false);
  assert.equal(Uscc.safeParse('91350100M000100Y43').success, true);
  assert.equal(Uscc.safeParse('91350100M000100Y44').success, false);
});

test('a problem body needs its type, title, status and code', () => {
  assert.equal(
    Problem.safeParse({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }).success,
    true,
  );
  assert.equal(Problem.safeParse({ title: 'Not found', status: 404 }).success, false);
  assert.equal(
    Problem.safeParse({ type: 'about:blank', title: 'x', status: 200, code: 'not_found' }).success,
    false,
    'a problem is never a success status',
  );
});
