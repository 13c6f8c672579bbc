// The SDK against the real reference server, on a loopback port with a freshly seeded database: both ends of the
// contract are checked at once, and every response below went through the shared schemas.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createClient,
  isAbortError,
  isSmecNotFoundError,
  SmecNotFoundError,
  SmecValidationError,
  type ServiceProduct,
  type SmecClient,
} from '@smec/sdk';
import { createClient as createCoreClient } from '@smec/sdk/core';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: SmecClient;

before(async () => {
  server = await startTestServer();
  client = createClient({ baseUrl: server.apiUrl });
});
after(() => server?.close());

/** A fetch that records the status of every response, to see what went over the wire. */
function recordingFetch(statuses: number[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
}

describe('reference data', () => {
  it('health', async () => {
    const health = await client.health.get();
    assert.equal(health.status, 'ok');
    assert.equal(health.database, 'ok');
  });

  it('regions: all, cities, and the counties of one city', async () => {
    const all = await client.regions.list();
    assert.ok(all.items.some((region) => region.code === '440000' && region.level === 'province'));

    const cities = await client.regions.list({ level: 'city' });
    assert.equal(cities.items.length, 21);
    assert.ok(cities.items.every((region) => region.level === 'city' && region.parentCode === '440000'));
    assert.ok(cities.items.some((region) => region.code === '440600' && region.name === '佛山市'));

    const foshan = await client.regions.list({ parent: '440600' });
    assert.deepEqual(
      foshan.items.map((region) => region.name).sort(),
      ['三水区', '南海区', '禅城区', '顺德区', '高明区'].sort(),
    );
  });

  it('categories: the twelve of DOMAIN.md', async () => {
    const { items } = await client.categories.list();
    assert.equal(items.length, 12);
    assert.ok(items.some((category) => category.id === 'legal' && category.name.length > 0 && category.nameEn));
  });
});

describe('providers', () => {
  it('lists a page, filters, and gets one by id', async () => {
    const page = await client.providers.list({ limit: 5 });
    assert.equal(page.items.length, 5);
    assert.ok(page.total >= 2_000);
    assert.equal(typeof page.nextCursor, 'string');

    const legal = await client.providers.list({ category: 'legal', acceptsVouchers: true, limit: 20 });
    assert.ok(legal.items.length > 0);
    for (const provider of legal.items) {
      assert.ok(provider.categoryIds.includes('legal'));
      assert.equal(provider.acceptsVouchers, true);
    }

    const first = page.items[0];
    assert.ok(first);
    const provider = await client.providers.get(first.id);
    assert.deepEqual(provider, first);
  });

  it('404 for an unknown provider', async () => {
    await assert.rejects(client.providers.get('prv-99999999'), SmecNotFoundError);
  });
});

describe('products', () => {
  it('searches one Chinese character and returns facets', async () => {
    const page = await client.products.list({ q: '法', limit: 12 });
    assert.ok(page.total > 0);
    assert.ok(page.items.length > 0 && page.items.length <= 12);
    assert.equal(page.facets.categories.length > 0, true);
  });

  it('applies filters (serialised booleans and numbers)', async () => {
    const page = await client.products.list({ category: 'finance-tax', voucherEligible: true, limit: 20 });
    assert.ok(page.items.length > 0);
    for (const product of page.items) {
      assert.equal(product.categoryId, 'finance-tax');
      assert.equal(product.voucherEligible, true);
    }

    const free = await client.products.list({ free: true, limit: 20 });
    assert.ok(free.items.length > 0);
    assert.ok(free.items.every((product) => product.fee.isFree));

    const band = await client.products.list({ minPrice: 100_000, maxPrice: 500_000, sort: 'priceAsc', limit: 20 });
    assert.ok(band.items.length > 0);
    const prices = band.items.map((product) => product.fee.discountPrice ?? product.fee.listPrice);
    assert.ok(
      prices.every((price) => price >= 100_000 && price <= 500_000),
      String(prices),
    );
    assert.deepEqual(
      prices,
      [...prices].sort((a, b) => a - b),
    );
  });

  it('gets one product with its provider in full', async () => {
    const { items } = await client.products.list({ limit: 1 });
    const summary = items[0];
    assert.ok(summary);
    const product = await client.products.get(summary.id);
    assert.equal(product.id, summary.id);
    assert.equal(product.providerDetail.id, product.providerId);
    assert.ok(product.process.length > 0);
  });

  it('iterate() walks every page of a filtered query and yields total distinct items', async () => {
    const params = { q: '财税', region: '440600', limit: 7 } as const;
    const first = await client.products.list(params);
    assert.ok(first.total > params.limit, `need several pages, total is ${first.total}`);
    assert.ok(first.total < 1_000, `keep the test bounded, total is ${first.total}`);

    const ids: string[] = [];
    for await (const product of client.products.list(params).iterate()) ids.push(product.id);
    assert.equal(ids.length, first.total);
    assert.equal(new Set(ids).size, first.total);

    // The list result is itself an async iterable, and pages() yields every page.
    const again: ServiceProduct[] = [];
    for await (const product of client.products.list(params)) again.push(product);
    assert.deepEqual(
      again.map((product) => product.id),
      ids,
    );
    let pages = 0;
    for await (const page of client.products.list(params).pages()) {
      pages++;
      assert.ok(page.items.length <= params.limit);
    }
    assert.equal(pages, Math.ceil(first.total / params.limit));
  });
});

describe('errors from the real server', () => {
  it('404 → SmecNotFoundError with code, requestId and problem', async () => {
    const error = await client.products.get('prd-99999999').catch((e: unknown) => e);
    assert.ok(error instanceof SmecNotFoundError);
    assert.ok(isSmecNotFoundError(error));
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
    assert.equal(typeof error.requestId, 'string');
    assert.ok(error.requestId);
    assert.equal(error.problem.status, 404);
    assert.ok(error.problem.title);
  });

  it('400 → SmecValidationError with field errors (limit=0 through the raw request)', async () => {
    const error = await client.request({ path: '/products', query: { limit: 0 } }).catch((e: unknown) => e);
    assert.ok(error instanceof SmecValidationError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation_failed');
    assert.ok(
      error.errors.some((fieldError) => fieldError.path === 'query.limit'),
      JSON.stringify(error.errors),
    );
  });

  it('400 for a tampered cursor', async () => {
    await assert.rejects(client.products.list({ cursor: 'not-a-real-cursor' }), SmecValidationError);
  });

  it('redacts the token in error.request', async () => {
    const authed = createClient({ baseUrl: server.apiUrl, getToken: () => 'real-secret-token' });
    const error = await authed.products.get('prd-99999999').catch((e: unknown) => e);
    assert.ok(error instanceof SmecNotFoundError);
    assert.equal(error.request.headers['authorization'], 'Bearer [REDACTED]');
    assert.equal(JSON.stringify(error).includes('real-secret-token'), false);
    assert.equal(error.message.includes('real-secret-token'), false);
  });
});

describe('transport against the real server', () => {
  it('aborts a request in flight', async () => {
    const controller = new AbortController();
    const aborting = createClient({
      baseUrl: server.apiUrl,
      // Abort right after the request has gone out, so the abort always lands mid-request.
      fetch: (input, init) => {
        const response = fetch(input, init);
        controller.abort();
        return response;
      },
    });
    const error = await aborting.products.list({ q: '法' }, { signal: controller.signal }).catch((e: unknown) => e);
    assert.ok(isAbortError(error), String(error));
  });

  it('revalidates with ETag: the second call gets 304 and the same data', async () => {
    const statuses: number[] = [];
    const caching = createClient({ baseUrl: server.apiUrl, fetch: recordingFetch(statuses) });
    const first = await caching.products.list({ q: '财税', limit: 5 });
    const second = await caching.products.list({ q: '财税', limit: 5 });
    assert.deepEqual(statuses, [200, 304]);
    assert.deepEqual(second, first);
  });

  it('does not revalidate with cache: false', async () => {
    const statuses: number[] = [];
    const uncached = createClient({ baseUrl: server.apiUrl, fetch: recordingFetch(statuses), cache: false });
    await uncached.categories.list();
    await uncached.categories.list();
    assert.deepEqual(statuses, [200, 200]);
  });
});

describe('@smec/sdk/core against the real server', () => {
  it('answers what the validating client answers, and its own objects from a 304', async () => {
    const statuses: number[] = [];
    const core = createCoreClient({ baseUrl: server.apiUrl, fetch: recordingFetch(statuses) });
    const checked = await client.products.get('prd-00001');
    const first = await core.products.get('prd-00001');
    const second = await core.products.get('prd-00001');
    assert.deepEqual(statuses, [200, 304]);
    assert.deepEqual(first, checked);
    assert.deepEqual(second, first);
    assert.notEqual(second, first, 'the cache hands out a fresh copy, not the object another caller holds');
  });

  it('maps errors to the same classes', async () => {
    const core = createCoreClient({ baseUrl: server.apiUrl });
    const notFound = await core.products.get('prd-99999999').catch((error: unknown) => error);
    assert.ok(notFound instanceof SmecNotFoundError);
    assert.equal(notFound.code, 'not_found');
    const invalid = await core.request({ path: '/products', query: { limit: 0 } }).catch((error: unknown) => error);
    assert.ok(invalid instanceof SmecValidationError);
    assert.ok(invalid.errors.some((error) => error.path === 'query.limit'));
  });
});
