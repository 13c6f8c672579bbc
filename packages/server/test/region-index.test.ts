import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Region } from '@smec/schemas';
import { RegionIndex } from '../src/catalog/regions.js';
import { guangdongRegions } from '../src/seed/index.js';

const regions = guangdongRegions();
const index = new RegionIndex(regions);
const byCode = new Map(regions.map((region) => [region.code, region]));

/** The ancestry the table's parent codes give, walked one parent at a time: the oracle of the code rule. */
function parentWalk(code: string): string[] {
  const chain: string[] = [];
  for (let region = byCode.get(code); region; region = byCode.get(region.parentCode ?? '')) chain.push(region.code);
  return chain;
}

test("the code rule agrees with the table's parent codes for every pair of Guangdong's regions", () => {
  for (const region of regions) {
    assert.deepEqual(index.lineageOf(region.code), parentWalk(region.code), region.code);
    for (const scope of regions) {
      assert.equal(
        index.isWithin(region.code, scope.code),
        parentWalk(region.code).includes(scope.code),
        `${region.code} in ${scope.code}`,
      );
    }
  }
});

test('a county lies within itself, its city and the province; an unknown code within nothing', () => {
  assert.equal(index.isWithin('440605', '440605'), true);
  assert.equal(index.isWithin('440605', '440600'), true);
  assert.equal(index.isWithin('440605', '440000'), true);
  assert.equal(index.isWithin('440605', '440100'), false);
  assert.equal(index.isWithin('440699', '440600'), false, 'no such county');
  assert.equal(index.isWithin('440699', '440699'), false, 'not even itself');
});

test("a region's city is the city's record; the province and unknown codes have none", () => {
  assert.equal(index.cityOf('440605')?.name, '佛山市');
  assert.equal(index.cityOf('440600')?.code, '440600');
  assert.equal(index.cityOf('441900')?.code, '441900', 'Dongguan has no counties');
  assert.equal(index.cityOf('440000'), undefined);
  assert.equal(index.cityOf('440699'), undefined);
});

test('the lineage of an unknown code is empty', () => {
  assert.deepEqual(index.lineageOf('440605'), ['440605', '440600', '440000']);
  assert.deepEqual(index.lineageOf('440699'), []);
});

test('a table whose parent codes disagree with the codes is refused', () => {
  const moved: Region[] = regions.map((region) =>
    region.code === '440605' ? { ...region, parentCode: '440100' } : region,
  );
  assert.throws(() => new RegionIndex(moved), /440605 has parent 440100/);
});
