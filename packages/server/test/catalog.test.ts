import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CategoryList,
  PRICE_BANDS,
  ProductPage,
  Provider,
  ProviderPage,
  RegionList,
  ServiceProductDetail,
  regionAncestors,
  type ProductPage as ProductPageType,
  type ServiceProduct,
} from '@smec/schemas';
import { startTestServer } from '../../../test-support/server.js';
import { query, request } from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let categoryNames: Map<string, string>;

before(async () => {
  server = await startTestServer();
  const categories = CategoryList.parse((await request(server.apiUrl, '/categories')).body);
  categoryNames = new Map(categories.items.map((category) => [category.id, category.name]));
});
after(() => server.close());

type Params = Record<string, string | number | boolean | undefined>;

async function products(params: Params): Promise<ProductPageType> {
  const response = await request(server.apiUrl, `/products${query(params)}`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return ProductPage.parse(response.body);
}

/** Follows nextCursor to the end and returns every item. */
async function walk(params: Params): Promise<{ items: ServiceProduct[]; total: number }> {
  const items: ServiceProduct[] = [];
  let cursor: string | undefined;
  let total = -1;
  for (let pages = 0; pages < 500; pages++) {
    const page = await products({ ...params, cursor });
    if (total === -1) total = page.total;
    assert.equal(page.total, total, 'total is stable across pages');
    items.push(...page.items);
    if (page.nextCursor === null) return { items, total };
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

const effectivePrice = (product: ServiceProduct) =>
  product.fee.isFree ? 0 : (product.fee.discountPrice ?? product.fee.listPrice);

/** A product serves region R when it names R, an ancestor of R, or a descendant of R. */
function serves(product: ServiceProduct, region: string): boolean {
  return product.regionCodes.some(
    (code) => code === region || regionAncestors(region).includes(code) || regionAncestors(code).includes(region),
  );
}

describe('reference data', () => {
  test('health checks the database', async () => {
    const response = await request<{ status: string; database: string }>(server.apiUrl, '/health');
    assert.equal(response.status, 200);
    assert.equal(response.body.status, 'ok');
    assert.equal(response.body.database, 'ok');
  });

  test('regions: the province, 21 cities, and counties whose parents exist', async () => {
    const all = RegionList.parse((await request(server.apiUrl, '/regions')).body).items;
    const codes = new Set(all.map((region) => region.code));
    assert.equal(all.filter((region) => region.level === 'city').length, 21);
    assert.ok(all.filter((region) => region.level === 'county').length >= 110);
    for (const region of all) if (region.parentCode) assert.ok(codes.has(region.parentCode), region.code);
    const cities = RegionList.parse((await request(server.apiUrl, '/regions?level=city')).body).items;
    assert.equal(cities.length, 21);
    const foshan = RegionList.parse((await request(server.apiUrl, '/regions?parent=440600')).body).items;
    assert.deepEqual(
      foshan.map((region) => region.name),
      ['禅城区', '南海区', '顺德区', '三水区', '高明区'],
    );
    const dongguan = RegionList.parse((await request(server.apiUrl, '/regions?parent=441900')).body).items;
    assert.deepEqual(dongguan, []);
  });

  test('categories: the twelve, in Chinese and English', async () => {
    assert.equal(categoryNames.size, 12);
    assert.equal(categoryNames.get('finance-tax'), '财税服务');
    assert.equal(categoryNames.get('legal'), '法律服务');
  });
});

describe('providers', () => {
  test('list and filters', async () => {
    const all = ProviderPage.parse((await request(server.apiUrl, '/providers')).body);
    assert.ok(all.total >= 2000, `${all.total} admitted providers`);
    assert.equal(all.items.length, 20);
    for (const provider of all.items) assert.equal(provider.admission, 'admitted');

    const legal = ProviderPage.parse(
      (await request(server.apiUrl, '/providers?category=legal&region=440600&limit=100')).body,
    );
    assert.ok(legal.total > 0 && legal.total < all.total);
    for (const provider of legal.items) {
      assert.ok(provider.categoryIds.includes('legal'));
      assert.equal(provider.regionCode.slice(0, 4), '4406');
    }
    const county = ProviderPage.parse((await request(server.apiUrl, '/providers?region=440604&limit=100')).body);
    for (const provider of county.items) assert.equal(provider.regionCode, '440604');
    const vouchers = ProviderPage.parse((await request(server.apiUrl, '/providers?acceptsVouchers=true')).body);
    assert.ok(vouchers.total < all.total);
    for (const provider of vouchers.items) assert.equal(provider.acceptsVouchers, true);
    const searched = ProviderPage.parse(
      (await request(server.apiUrl, `/providers?q=${encodeURIComponent('律师')}`)).body,
    );
    assert.ok(searched.total > 0);
    for (const provider of searched.items) assert.ok(`${provider.name}${provider.shortName}`.includes('律师'));
  });

  test('cursor walk by rating returns every provider once, in order', async () => {
    const seen: Provider[] = [];
    let cursor: string | undefined;
    let total = 0;
    do {
      const page = ProviderPage.parse(
        (
          await request(
            server.apiUrl,
            `/providers${query({ category: 'intellectual-property', sort: 'rating', limit: 50, cursor })}`,
          )
        ).body,
      );
      total = page.total;
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen.map((provider) => provider.id)).size, total);
    for (let i = 1; i < seen.length; i++) {
      assert.ok((seen[i - 1]?.rating.averageScore ?? -1) >= (seen[i]?.rating.averageScore ?? -1));
    }
  });

  test('get by id, and 404 for an unknown one', async () => {
    const provider = Provider.parse((await request(server.apiUrl, '/providers/prv-00001')).body);
    assert.equal(provider.id, 'prv-00001');
    assert.equal((await request(server.apiUrl, '/providers/prv-99999')).status, 404);
  });
});

describe('products', () => {
  test('the default page: published products of admitted providers, with facets', async () => {
    const page = await products({});
    assert.ok(page.total >= 10_000, `${page.total} listed products`);
    assert.equal(page.items.length, 20);
    assert.ok(page.nextCursor);
    for (const product of page.items) assert.equal(product.status, 'published');
    assert.equal(page.facets.categories.length, 12);
    assert.equal(page.facets.regions.length, 21);
    assert.equal(
      page.facets.categories.reduce((sum, facet) => sum + facet.count, 0),
      page.total,
    );
    assert.equal(
      page.facets.priceBands.reduce((sum, band) => sum + band.count, 0),
      page.total,
    );
  });

  test('detail has the five publics and the provider in full', async () => {
    const response = await request(server.apiUrl, '/products/prd-00001');
    assert.equal(response.status, 200);
    const product = ServiceProductDetail.parse(response.body);
    assert.equal(product.providerDetail.id, product.providerId);
    assert.ok(product.function && product.standard && product.process.length >= 3 && product.fee.note);
    assert.equal((await request(server.apiUrl, '/products/prd-99999')).status, 404);
  });

  for (const q of ['法', '财税', '代理记账', 'ISO']) {
    test(`search q=${q} finds products that contain it`, async () => {
      const { items, total } = await walk({ q, limit: 100 });
      assert.ok(total > 0, `q=${q} finds something`);
      assert.equal(items.length, total);
      for (const product of items) {
        const text = [product.name, product.provider.name, categoryNames.get(product.categoryId), product.summary].join(
          '\n',
        );
        assert.ok(text.toLowerCase().includes(q.toLowerCase()), `${product.id} ${product.name} contains ${q}`);
      }
    });
  }

  test('relevance ranks matches in the name first', async () => {
    // In Foshan about 50 products have 财税 in their name and some 240 more match elsewhere: one page holds both kinds.
    const page = await products({ q: '财税', region: '440600', limit: 100 });
    const firstOutside = page.items.findIndex((product) => !product.name.includes('财税'));
    const lastInside = page.items.map((product) => product.name.includes('财税')).lastIndexOf(true);
    assert.ok(lastInside >= 0, 'some names contain 财税');
    assert.ok(firstOutside >= 0, 'some matches are outside the name');
    assert.ok(lastInside < firstOutside, 'name matches come first');
  });

  test('a query with nothing searchable finds nothing, an unknown word too', async () => {
    assert.equal((await products({ q: '《》' })).total, 0);
    for (const q of ['鼹鼠', '鼹鼠鼹鼠', 'zzzz', '法鼹', '财税 鼹']) {
      for (const sort of ['relevance', 'rating'] as const) assert.equal((await products({ q, sort })).total, 0, q);
    }
  });

  test('each filter narrows correctly', async () => {
    const all = await products({ limit: 1 });
    const checks: [Params, (product: ServiceProduct) => boolean][] = [
      [{ category: 'legal' }, (p) => p.categoryId === 'legal'],
      [{ region: '440600' }, (p) => serves(p, '440600')],
      [{ region: '440604' }, (p) => serves(p, '440604')],
      [{ region: '441900' }, (p) => serves(p, '441900')],
      [{ voucherEligible: true }, (p) => p.voucherEligible],
      [{ voucherEligible: false }, (p) => !p.voucherEligible],
      [{ free: true }, (p) => p.fee.isFree],
      [{ minPrice: 100_000, maxPrice: 500_000 }, (p) => effectivePrice(p) >= 100_000 && effectivePrice(p) <= 500_000],
      [{ minRating: 95 }, (p) => (p.rating.averageScore ?? -1) >= 95],
      [{ provider: 'prv-00001' }, (p) => p.providerId === 'prv-00001'],
    ];
    for (const [params, holds] of checks) {
      const page = await products({ ...params, limit: 100, sort: 'priceAsc' });
      assert.ok(page.total > 0 && page.total < all.total, `${JSON.stringify(params)}: ${page.total}`);
      for (const product of page.items) assert.ok(holds(product), `${JSON.stringify(params)} ${product.id}`);
    }
    const province = await products({ region: '440000', limit: 1 });
    assert.equal(province.total, all.total, 'the province covers everything');
    const combined = await products({ category: 'finance-tax', region: '440600', voucherEligible: true, limit: 100 });
    for (const product of combined.items) {
      assert.ok(product.categoryId === 'finance-tax' && serves(product, '440600') && product.voucherEligible);
    }
  });

  test('a region filter includes province-wide, city-wide and county products', async () => {
    const { items } = await walk({ region: '440604', category: 'legal', limit: 100 });
    const scopes = new Set(
      items.flatMap((product) =>
        product.regionCodes.map((code) => (code === '440000' ? 'province' : code === '440600' ? 'city' : 'county')),
      ),
    );
    assert.ok(scopes.has('county') && scopes.has('city'), [...scopes].join());
    const city = await walk({ region: '440600', category: 'legal', limit: 100 });
    assert.ok(
      city.items.some((product) => product.regionCodes.some((code) => code.startsWith('4406') && code !== '440600')),
      'a city includes its counties’ products',
    );
  });

  for (const params of [
    {},
    { q: '财税' },
    { region: '440600', voucherEligible: true },
    { region: '440605', category: 'legal', minPrice: 100_000 },
    { q: '法', free: false, maxPrice: 2_000_000, minRating: 80 },
  ] satisfies Params[]) {
    test(`facet counts equal the totals of filtering: ${JSON.stringify(params)}`, async () => {
      const page = await products({ ...params, limit: 1 });
      for (const facet of page.facets.categories) {
        assert.equal(
          (await products({ ...params, category: facet.value, limit: 1 })).total,
          facet.count,
          `category ${facet.value}`,
        );
      }
      for (const facet of page.facets.regions) {
        assert.equal(
          (await products({ ...params, region: facet.value, limit: 1 })).total,
          facet.count,
          `region ${facet.value}`,
        );
      }
      assert.equal((await products({ ...params, voucherEligible: true, limit: 1 })).total, page.facets.voucherEligible);
      assert.equal((await products({ ...params, free: true, limit: 1 })).total, page.facets.free);
      for (const band of page.facets.priceBands) {
        const range = { minPrice: band.min, maxPrice: band.max === null ? undefined : band.max - 1 };
        assert.equal((await products({ ...params, ...range, limit: 1 })).total, band.count, `band ${band.key}`);
      }
      assert.deepEqual(
        page.facets.priceBands.map((band) => band.key),
        PRICE_BANDS.map((band) => band.key),
      );
    });
  }

  test('precomputed facet counts agree with counting the matching rows', async () => {
    // maxPrice=1e9 keeps every product but is not a price band edge, so it forces the counting path.
    for (const params of [
      {},
      { region: '440600' },
      { region: '440604', category: 'legal' },
      { region: '441900', voucherEligible: true, free: false },
      { category: 'digitalization', minPrice: 100_000 },
      { free: true, sort: 'rating' },
    ] satisfies Params[]) {
      const fromTable = await products({ ...params, limit: 5 });
      const counted = await products({ ...params, maxPrice: 1_000_000_000, limit: 5 });
      assert.equal(fromTable.total, counted.total, JSON.stringify(params));
      assert.deepEqual(fromTable.facets, counted.facets, JSON.stringify(params));
      assert.deepEqual(
        fromTable.items.map((p) => p.id),
        counted.items.map((p) => p.id),
      );
    }
  });

  test('the region facet lists cities, a city’s counties, or a county’s siblings', async () => {
    const cityCodes = (await products({ limit: 1 })).facets.regions.map((facet) => facet.value);
    assert.equal(cityCodes.length, 21);
    assert.deepEqual(
      (await products({ region: '440000', limit: 1 })).facets.regions.map((f) => f.value),
      cityCodes,
    );
    const foshan = ['440604', '440605', '440606', '440607', '440608'];
    assert.deepEqual(
      (await products({ region: '440600', limit: 1 })).facets.regions.map((f) => f.value),
      foshan,
    );
    assert.deepEqual(
      (await products({ region: '440606', limit: 1 })).facets.regions.map((f) => f.value),
      foshan,
    );
    assert.deepEqual((await products({ region: '441900', limit: 1 })).facets.regions, []);
  });

  const sorts: [Params, (a: ServiceProduct, b: ServiceProduct) => boolean][] = [
    [{ sort: 'priceAsc' }, (a, b) => effectivePrice(a) <= effectivePrice(b)],
    [{ sort: 'priceDesc' }, (a, b) => effectivePrice(a) >= effectivePrice(b)],
    [{ sort: 'rating' }, (a, b) => (a.rating.averageScore ?? -1) >= (b.rating.averageScore ?? -1)],
    [{ sort: 'newest' }, (a, b) => Date.parse(a.publishedAt ?? '') >= Date.parse(b.publishedAt ?? '')],
    [{ sort: 'popular' }, (a, b) => a.soldCount >= b.soldCount],
    [{ sort: 'relevance', q: '服务' }, () => true],
  ];
  for (const [params, ordered] of sorts) {
    test(`cursor walk (${JSON.stringify(params)}) returns total distinct items in order`, async () => {
      const { items, total } = await walk({ ...params, category: 'finance-tax', region: '440600', limit: 17 });
      assert.ok(total > 17, `${total} items`);
      assert.equal(items.length, total);
      assert.equal(new Set(items.map((product) => product.id)).size, total);
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1], items[i]] as [ServiceProduct, ServiceProduct];
        assert.ok(ordered(a, b), `${a.id} before ${b.id}`);
      }
    });
  }

  test('limit bounds the page', async () => {
    assert.equal((await products({ limit: 1 })).items.length, 1);
    assert.equal((await products({ limit: 100 })).items.length, 100);
  });
});
