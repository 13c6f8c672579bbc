import type { ServiceProduct } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';
import { indexTerms, normalizeText } from '../search/ngrams.js';
import { generateCatalog, type Catalog, type CatalogOptions } from './catalog.js';

/** Field weights of the n-gram index: a match in the product's name ranks above one in its provider's name, … */
export const TERM_WEIGHTS = { name: 8, providerName: 4, category: 2, summary: 1 } as const;

const bool = (value: boolean) => (value ? 1 : 0);

function seqOf(id: string): number {
  return Number(id.slice(id.indexOf('-') + 1));
}

/** Every region code a product counts as serving: what it names, their ancestors, and their descendants. */
function coverageOf(product: ServiceProduct, childrenOf: Map<string, string[]>, parentOf: Map<string, string | null>) {
  const covered = new Set<string>();
  const addDescendants = (code: string) => {
    for (const child of childrenOf.get(code) ?? []) {
      covered.add(child);
      addDescendants(child);
    }
  };
  for (const code of product.regionCodes) {
    covered.add(code);
    for (let parent = parentOf.get(code) ?? null; parent; parent = parentOf.get(parent) ?? null) covered.add(parent);
    addDescendants(code);
  }
  return covered;
}

/**
 * Writes a generated catalog into an empty, migrated database in one transaction with prepared statements
 * (the n-gram index alone is over a million rows; row-by-row through a query builder would take minutes).
 */
export function loadCatalog(handle: DatabaseHandle, catalog: Catalog): void {
  const { sqlite } = handle;
  const categoryName = new Map(catalog.categories.map((category) => [category.id, category.name]));
  const childrenOf = new Map<string, string[]>();
  const parentOf = new Map<string, string | null>();
  for (const region of catalog.regions) {
    parentOf.set(region.code, region.parentCode);
    if (region.parentCode) childrenOf.set(region.parentCode, [...(childrenOf.get(region.parentCode) ?? []), region.code]);
  }
  const providerById = new Map(catalog.providers.map((provider) => [provider.id, provider]));

  const insertRegion = sqlite.prepare('INSERT INTO regions (code, name, level, parent_code) VALUES (?, ?, ?, ?)');
  const insertCategory = sqlite.prepare('INSERT INTO categories (id, name, name_en, position) VALUES (?, ?, ?, ?)');
  const insertProvider = sqlite.prepare(
    `INSERT INTO providers (seq, id, name, short_name, uscc, org_type, region_code, city_code, address, contact, phone,
       email, website, founded_on, description, category_ids, accepts_vouchers, admission, admitted_on, product_count,
       rating_count, rating_average, rating_sort, listed, search_text)
     VALUES (${Array.from({ length: 25 }, () => '?').join(', ')})`,
  );
  const insertProviderCategory = sqlite.prepare('INSERT INTO provider_categories (provider_seq, category_id) VALUES (?, ?)');
  const insertProduct = sqlite.prepare(
    `INSERT INTO products (seq, id, provider_seq, provider_id, name, category_id, list_price, discount_price, is_free,
       price, time_limit_days, voucher_eligible, status, sold_count, rating_count, rating_average, rating_sort,
       published_at, published_ts, listed)
     VALUES (${Array.from({ length: 20 }, () => '?').join(', ')})`,
  );
  const insertProductText = sqlite.prepare(
    `INSERT INTO product_texts (product_seq, summary, function, process, standard, fee_note, suitable_for, region_codes,
       search_text)
     VALUES (${Array.from({ length: 9 }, () => '?').join(', ')})`,
  );
  const insertCoverage = sqlite.prepare('INSERT INTO product_coverage (region_code, product_seq) VALUES (?, ?)');
  const insertTerm = sqlite.prepare('INSERT INTO product_terms (term, product_seq, weight) VALUES (?, ?, ?)');
  const insertMeta = sqlite.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');

  // Terms are collected first and inserted in key order: appending to a WITHOUT ROWID b-tree is far faster
  // than inserting at random places.
  const postings: [string, number, number][] = [];

  sqlite.transaction(() => {
    for (const region of catalog.regions) insertRegion.run(region.code, region.name, region.level, region.parentCode);
    catalog.categories.forEach((category, position) =>
      insertCategory.run(category.id, category.name, category.nameEn, position),
    );
    for (const provider of catalog.providers) {
      const seq = seqOf(provider.id);
      const cityCode = provider.regionCode.endsWith('00') ? provider.regionCode : `${provider.regionCode.slice(0, 4)}00`;
      insertProvider.run(
        seq, provider.id, provider.name, provider.shortName, provider.uscc, provider.orgType, provider.regionCode,
        cityCode, provider.address, provider.contact, provider.phone, provider.email, provider.website,
        provider.foundedOn, provider.description, JSON.stringify(provider.categoryIds), bool(provider.acceptsVouchers),
        provider.admission, provider.admittedOn, provider.productCount, provider.rating.count,
        provider.rating.averageScore, provider.rating.averageScore ?? -1, bool(provider.admission === 'admitted'),
        normalizeText(`${provider.name}\n${provider.shortName}`),
      );
      for (const categoryId of provider.categoryIds) insertProviderCategory.run(seq, categoryId);
    }
    for (const product of catalog.products) {
      const seq = seqOf(product.id);
      const provider = providerById.get(product.providerId);
      if (!provider) throw new Error(`Product ${product.id} has no provider ${product.providerId}`);
      const category = categoryName.get(product.categoryId) ?? '';
      const listed = product.status === 'published' && provider.admission === 'admitted';
      const price = product.fee.isFree ? 0 : (product.fee.discountPrice ?? product.fee.listPrice);
      insertProduct.run(
        seq, product.id, seqOf(provider.id), provider.id, product.name, product.categoryId, product.fee.listPrice,
        product.fee.discountPrice, bool(product.fee.isFree), price, product.timeLimitDays, bool(product.voucherEligible),
        product.status, product.soldCount, product.rating.count, product.rating.averageScore,
        product.rating.averageScore ?? -1, product.publishedAt, product.publishedAt ? Date.parse(product.publishedAt) : 0,
        bool(listed),
      );
      insertProductText.run(
        seq, product.summary, product.function, JSON.stringify(product.process), product.standard, product.fee.note,
        product.suitableFor, JSON.stringify(product.regionCodes),
        normalizeText([product.name, provider.name, category, product.summary].join('\n')),
      );
      for (const code of [...coverageOf(product, childrenOf, parentOf)].sort()) insertCoverage.run(code, seq);

      const weights = new Map<string, number>();
      const add = (text: string, weight: number) => {
        for (const term of indexTerms(text)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      };
      add(product.name, TERM_WEIGHTS.name);
      add(provider.name, TERM_WEIGHTS.providerName);
      add(category, TERM_WEIGHTS.category);
      add(product.summary, TERM_WEIGHTS.summary);
      for (const [term, weight] of weights) postings.push([term, seq, weight]);
    }
    postings.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    for (const [term, seq, weight] of postings) insertTerm.run(term, seq, weight);
    insertMeta.run('seeded_at', new Date().toISOString());
    sqlite.exec('ANALYZE');
  })();
}

/** Generates the default catalog and loads it. */
export function seedDatabase(handle: DatabaseHandle, options?: CatalogOptions): { providers: number; products: number } {
  const catalog = generateCatalog(options);
  loadCatalog(handle, catalog);
  return { providers: catalog.providers.length, products: catalog.products.length };
}
