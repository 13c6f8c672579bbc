// A `fetch` for the SDK that answers the catalog's API calls from the JSON fixtures, so that the static Storybook
// build needs no server. The fixtures are a slice of the reference server's seed (scripts/fixtures.ts writes them);
// filtering, facets, sorting and paging are a small in-memory imitation of the server's, good enough to preview.
import {
  PRICE_BANDS,
  type ProductFacets,
  type ProductPage,
  type Provider,
  type Region,
  type ServiceCategory,
  type ServiceProduct,
} from '@smec/schemas';
import { createClient, type SmecClient } from '@smec/sdk/core';

export interface CatalogFixtures {
  regions: Region[];
  categories: ServiceCategory[];
  products: ServiceProduct[];
  providers: Provider[];
}

/**
 * How the fake platform behaves: `normal`; `loading` never answers; `stalled` answers after `stallMs` (5 s);
 * `error` fails as an unreachable platform does; `empty` finds no products.
 */
export type FixtureMode = 'normal' | 'loading' | 'stalled' | 'error' | 'empty';

export const FIXTURE_MODES: readonly FixtureMode[] = ['normal', 'loading', 'stalled', 'error', 'empty'];

export const FIXTURE_BASE_URL = 'https://fixtures.invalid/api/v1';

export interface FixtureFetchOptions {
  mode?: FixtureMode;
  /** How long the `stalled` mode waits, in milliseconds. */
  stallMs?: number;
  /** The data; by default stories/fixtures/catalog.json, fetched once. */
  fixtures?: () => Promise<CatalogFixtures>;
}

let loaded: Promise<CatalogFixtures> | undefined;

/** stories/fixtures/catalog.json, bundled by Vite as an asset (it is generated, so it is not imported as a module). */
export function loadFixtures(): Promise<CatalogFixtures> {
  loaded ??= fetch(new URL('../fixtures/catalog.json', import.meta.url)).then((response) => {
    if (!response.ok) throw new Error('stories/fixtures/catalog.json is missing: run `npm run fixtures`');
    return response.json() as Promise<CatalogFixtures>;
  });
  return loaded;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function json(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

function notFound(detail: string): Response {
  return json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail }, 404);
}

const priceOf = (product: ServiceProduct) =>
  product.fee.isFree ? 0 : (product.fee.discountPrice ?? product.fee.listPrice);

const cityOf = (code: string) => `${code.slice(0, 4)}00`;

/** A product serves a region when it names it, the region's city, the region's counties, or the whole province. */
function serves(product: ServiceProduct, region: string): boolean {
  return product.regionCodes.some(
    (code) => code === region || code === '440000' || code === cityOf(region) || cityOf(code) === region,
  );
}

function matchesText(product: ServiceProduct, q: string): boolean {
  const text = [product.name, product.summary, product.function, product.provider.name].join(' ');
  return text.includes(q);
}

type Predicates = Record<string, (product: ServiceProduct) => boolean>;

function predicates(params: URLSearchParams): Predicates {
  const result: Predicates = {};
  const q = params.get('q')?.trim();
  const category = params.get('category');
  const region = params.get('region');
  const minPrice = params.get('minPrice');
  const maxPrice = params.get('maxPrice');
  const minRating = params.get('minRating');
  if (q) result['q'] = (product) => matchesText(product, q);
  if (category) result['category'] = (product) => product.categoryId === category;
  if (region) result['region'] = (product) => serves(product, region);
  if (params.get('voucherEligible') === 'true') result['voucherEligible'] = (product) => product.voucherEligible;
  if (params.get('free') === 'true') result['free'] = (product) => product.fee.isFree;
  if (minPrice || maxPrice) {
    result['price'] = (product) =>
      priceOf(product) >= Number(minPrice ?? 0) && priceOf(product) <= Number(maxPrice ?? Infinity);
  }
  if (minRating) result['minRating'] = (product) => (product.rating.averageScore ?? 0) >= Number(minRating);
  return result;
}

/** Each facet counts the matches of every other filter, as the platform's do. */
function facets(data: CatalogFixtures, rules: Predicates, region: string | null): ProductFacets {
  const matching = (except: string) =>
    data.products.filter((product) => Object.entries(rules).every(([name, rule]) => name === except || rule(product)));
  const count = <T>(items: readonly T[], values: readonly string[], has: (item: T, value: string) => boolean) =>
    values
      .map((value) => ({ value, count: items.filter((item) => has(item, value)).length }))
      .filter((entry) => entry.count > 0);
  const city = region ? cityOf(region) : undefined;
  const regionCodes = data.regions
    .filter((candidate) => (city ? candidate.parentCode === city : candidate.level === 'city'))
    .map((candidate) => candidate.code);
  const byPrice = matching('price');
  return {
    categories: count(
      matching('category'),
      data.categories.map((category) => category.id),
      (product, id) => product.categoryId === id,
    ),
    regions: count(matching('region'), regionCodes, serves),
    voucherEligible: matching('voucherEligible').filter((product) => product.voucherEligible).length,
    free: matching('free').filter((product) => product.fee.isFree).length,
    priceBands: PRICE_BANDS.map((band) => ({
      key: band.key,
      min: band.min,
      max: band.max,
      count: byPrice.filter(
        (product) => priceOf(product) >= band.min && (band.max === null || priceOf(product) < band.max),
      ).length,
    })),
  };
}

const SORTS: Record<string, (a: ServiceProduct, b: ServiceProduct) => number> = {
  rating: (a, b) => (b.rating.averageScore ?? 0) - (a.rating.averageScore ?? 0),
  priceAsc: (a, b) => priceOf(a) - priceOf(b),
  priceDesc: (a, b) => priceOf(b) - priceOf(a),
  newest: (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
  popular: (a, b) => b.soldCount - a.soldCount,
};

function listProducts(data: CatalogFixtures, params: URLSearchParams, empty: boolean): ProductPage {
  const rules = predicates(params);
  const all = empty ? [] : data.products.filter((product) => Object.values(rules).every((rule) => rule(product)));
  const sort = SORTS[params.get('sort') ?? ''];
  if (sort) all.sort(sort);
  const limit = Number(params.get('limit') ?? 20);
  const offset = Number(/^offset:(\d+)$/.exec(params.get('cursor') ?? '')?.[1] ?? 0);
  const items = all.slice(offset, offset + limit);
  return {
    items,
    nextCursor: offset + limit < all.length ? `offset:${offset + limit}` : null,
    total: all.length,
    facets: empty
      ? {
          categories: [],
          regions: [],
          voucherEligible: 0,
          free: 0,
          priceBands: PRICE_BANDS.map(({ key, min, max }) => ({ key, min, max, count: 0 })),
        }
      : facets(data, rules, params.get('region')),
  };
}

function answer(data: CatalogFixtures, url: URL, mode: FixtureMode): Response {
  const path = url.pathname.replace(/^.*\/api\/v1/, '');
  const params = url.searchParams;
  if (path === '/categories') return json({ items: data.categories });
  if (path === '/regions') {
    const parent = params.get('parent');
    const level = params.get('level');
    return json({
      items: data.regions.filter(
        (region) => (!parent || region.parentCode === parent) && (!level || region.level === level),
      ),
    });
  }
  if (path === '/products') return json(listProducts(data, params, mode === 'empty'));
  const id = /^\/products\/([^/]+)$/.exec(path)?.[1];
  if (id) {
    const product = data.products.find((candidate) => candidate.id === decodeURIComponent(id));
    const provider = data.providers.find((candidate) => candidate.id === product?.providerId);
    if (!product || !provider) return notFound(`No product ${id}`);
    return json({ ...product, providerDetail: provider });
  }
  return notFound(`No fixture for ${path}`);
}

/** A `fetch` that answers from the fixtures, behaving as `mode` says. */
export function createFixtureFetch(options: FixtureFetchOptions = {}): typeof fetch {
  const { mode = 'normal', stallMs = 5000, fixtures = loadFixtures } = options;
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    // The caller's own signal: a Request copy's signal only follows it weakly in some engines.
    const signal = init?.signal ?? (input instanceof Request ? input.signal : new AbortController().signal);
    if (mode === 'loading') await wait(Infinity, signal);
    if (mode === 'stalled') await wait(stallMs, signal);
    if (mode === 'error') throw new TypeError('Failed to fetch');
    const data = await fixtures();
    signal.throwIfAborted();
    return answer(data, new URL(url), mode);
  };
}

/**
 * An SDK client on the fixtures. No retries, so that an error story shows its error at once; in the `loading` mode
 * no timeout either (the longest a timer can wait), so that the story stays loading.
 */
export function fixtureClient(mode: FixtureMode = 'normal', stallMs?: number): SmecClient {
  return createClient({
    baseUrl: FIXTURE_BASE_URL,
    fetch: createFixtureFetch({ mode, stallMs }),
    retry: 0,
    timeout: mode === 'loading' ? 2_147_483_647 : undefined,
  });
}
