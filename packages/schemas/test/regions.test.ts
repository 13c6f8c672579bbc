import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isRegionCode, isRegionWithin, regionAncestors, regionCityOf, regionLineage } from '@smec/schemas/rules';

test('a region code is six digits', () => {
  assert.equal(isRegionCode('440605'), true);
  assert.equal(isRegionCode('44060'), false);
  assert.equal(isRegionCode('4406050'), false);
  assert.equal(isRegionCode('44060x'), false);
  assert.equal(isRegionCode(''), false);
});

test('a region lies within itself, its city and its province, and nowhere else', () => {
  assert.equal(isRegionWithin('440605', '440605'), true);
  assert.equal(isRegionWithin('440605', '440600'), true);
  assert.equal(isRegionWithin('440605', '440000'), true);
  assert.equal(isRegionWithin('440600', '440000'), true);
  assert.equal(isRegionWithin('440000', '440000'), true);
  assert.equal(isRegionWithin('440605', '440100'), false, 'another city');
  assert.equal(isRegionWithin('440605', '440604'), false, 'a sibling county');
  assert.equal(isRegionWithin('440605', '450000'), false, 'another province');
  assert.equal(isRegionWithin('440600', '440605'), false, 'a city does not lie within its county');
  assert.equal(isRegionWithin('440000', '440600'), false, 'the province does not lie within its city');
});

test('only six-digit codes lie within anything', () => {
  assert.equal(isRegionWithin('4406', '4406'), false);
  assert.equal(isRegionWithin('abcdef', 'ab0000'), false);
  assert.equal(isRegionWithin('440605', ''), false);
  assert.equal(isRegionWithin('', ''), false);
});

test('the lineage is the region, then its ancestors nearest first', () => {
  assert.deepEqual(regionLineage('440605'), ['440605', '440600', '440000']);
  assert.deepEqual(regionLineage('440600'), ['440600', '440000']);
  assert.deepEqual(regionLineage('440000'), ['440000']);
});

test('the city of a county is the one its code names, a city is its own, a province has none', () => {
  assert.equal(regionCityOf('440605'), '440600');
  assert.equal(regionCityOf('441900'), '441900');
  assert.equal(regionCityOf('440000'), null);
});

test('lying within agrees with the lineage, and the city is in the lineage of everything below the province', () => {
  const code = fc.stringMatching(/^\d{6}$/);
  fc.assert(
    fc.property(code, code, (region, scope) => {
      assert.equal(isRegionWithin(region, scope), regionLineage(region).includes(scope));
      assert.equal(
        regionAncestors(region).every((ancestor) => isRegionWithin(region, ancestor)),
        true,
      );
      const city = regionCityOf(region);
      assert.equal(city === null, region.endsWith('0000'));
      assert.equal(city === null || isRegionWithin(region, city), true);
    }),
  );
  // Random pairs rarely share a prefix: the containing pairs are checked on their own.
  fc.assert(
    fc.property(code, (region) => {
      for (const scope of regionLineage(region)) assert.equal(isRegionWithin(region, scope), true);
    }),
  );
});
