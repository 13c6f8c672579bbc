import { regionCityOf } from '@smec/schemas/rules';
import type { Statement } from 'better-sqlite3';
import type { DatabaseHandle } from '../db/database.js';
import type { Database, ProductCoverageTable } from '../db/schema.js';
import { indexTerms, normalizeText } from '../search/ngrams.js';
import { REBUILD_FACET_COUNTS } from '../search/facet-counts.js';
import { encodeFacetKey } from '../search/facet-key.js';
import { priceBandOf } from '../search/price-band.js';
import { coverageOf, TERM_WEIGHTS } from '../search/product-index.js';
import { generateCatalog, type Catalog, type CatalogOptions } from './catalog.js';

export { TERM_WEIGHTS } from '../search/product-index.js';

const bool = (value: boolean) => (value ? 1 : 0);

function seqOf(id: string): number {
  return Number(id.slice(id.indexOf('-') + 1));
}

/**
 * A prepared INSERT for one table, bound by column name: the row's type is the table's, so a missing or misspelt
 * column fails to compile. The statement is built from the first row's keys.
 */
function inserter<T extends keyof Database>(sqlite: DatabaseHandle['sqlite'], table: T) {
  let statement: Statement | undefined;
  return (row: Database[T]) => {
    if (!statement) {
      const columns = Object.keys(row);
      statement = sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
      );
    }
    statement.run(row);
  };
}

/**
 * Writes a generated catalog into an empty, migrated database in one transaction with prepared statements
 * (the n-gram index alone is a million rows; row by row through a query builder would take minutes).
 * With `append`, the regions and categories are already there and only the providers and products are added (the
 * province-scale seed); the caller then runs ANALYZE once, after its other bulk inserts.
 */
export function loadCatalog(
  handle: DatabaseHandle,
  catalog: Catalog,
  options: { append?: boolean; asOf?: number } = {},
): void {
  const { sqlite } = handle;
  const categoryName = new Map(catalog.categories.map((category) => [category.id, category.name]));
  const childrenOf = new Map<string, string[]>();
  for (const region of catalog.regions) {
    if (region.parentCode)
      childrenOf.set(region.parentCode, [...(childrenOf.get(region.parentCode) ?? []), region.code]);
  }
  const provinceCodes = new Set(catalog.regions.filter((region) => region.parentCode === null).map((r) => r.code));
  const providerById = new Map(catalog.providers.map((provider) => [provider.id, provider]));

  const insertRegion = inserter(sqlite, 'regions');
  const insertCategory = inserter(sqlite, 'categories');
  const insertProvider = inserter(sqlite, 'providers');
  const insertProviderCategory = inserter(sqlite, 'provider_categories');
  const insertProduct = inserter(sqlite, 'products');
  const insertProductText = inserter(sqlite, 'product_texts');
  const insertSearchText = inserter(sqlite, 'product_search');
  const insertCoverage = inserter(sqlite, 'product_coverage');
  const insertMeta = sqlite.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const TERM_BATCH = 300;
  const insertTerms = sqlite.prepare(
    `INSERT INTO product_terms (term, product_seq, weight)
     VALUES ${Array.from({ length: TERM_BATCH }, () => '(?, ?, ?)').join(', ')}`,
  );
  const insertTerm = sqlite.prepare('INSERT INTO product_terms (term, product_seq, weight) VALUES (?, ?, ?)');

  // Terms are collected first and inserted in key order, many rows per statement: appending to a WITHOUT ROWID
  // b-tree is far faster than inserting at random places. Products come in seq order, so each term's list is
  // already sorted and only the distinct terms need sorting. Coverage rows likewise go in key order.
  const postings = new Map<string, number[]>();
  const coverage: ProductCoverageTable[] = [];

  sqlite.transaction(() => {
    if (!options.append) {
      for (const region of catalog.regions) {
        insertRegion({ code: region.code, name: region.name, level: region.level, parent_code: region.parentCode });
      }
      catalog.categories.forEach((category, position) =>
        insertCategory({ id: category.id, name: category.name, name_en: category.nameEn, position }),
      );
    }

    for (const provider of catalog.providers) {
      const seq = seqOf(provider.id);
      insertProvider({
        seq,
        id: provider.id,
        name: provider.name,
        short_name: provider.shortName,
        uscc: provider.uscc,
        org_type: provider.orgType,
        region_code: provider.regionCode,
        // A provider of the province counts as its own city.
        city_code: regionCityOf(provider.regionCode) ?? provider.regionCode,
        address: provider.address,
        contact: provider.contact,
        phone: provider.phone,
        email: provider.email,
        website: provider.website,
        founded_on: provider.foundedOn,
        description: provider.description,
        category_ids: JSON.stringify(provider.categoryIds),
        accepts_vouchers: bool(provider.acceptsVouchers),
        admission: provider.admission,
        admitted_on: provider.admittedOn,
        product_count: provider.productCount,
        rating_count: provider.rating.count,
        rating_average: provider.rating.averageScore,
        rating_sort: provider.rating.averageScore ?? -1,
        listed: bool(provider.admission === 'admitted'),
        search_text: normalizeText(`${provider.name}\n${provider.shortName}`),
      });
      for (const categoryId of provider.categoryIds)
        insertProviderCategory({ provider_seq: seq, category_id: categoryId });
    }

    for (const product of catalog.products) {
      const seq = seqOf(product.id);
      const provider = providerById.get(product.providerId);
      if (!provider) throw new Error(`Product ${product.id} has no provider ${product.providerId}`);
      const category = categoryName.get(product.categoryId) ?? '';
      const listed = bool(product.status === 'published' && provider.admission === 'admitted');
      const price = product.fee.isFree ? 0 : (product.fee.discountPrice ?? product.fee.listPrice);
      const ratingSort = product.rating.averageScore ?? -1;
      const provinceWide = product.regionCodes.some((code) => provinceCodes.has(code));
      const cities = new Set(product.regionCodes.map((code) => regionCityOf(code)));
      insertProduct({
        seq,
        id: product.id,
        provider_seq: seqOf(provider.id),
        provider_id: provider.id,
        name: product.name,
        category_id: product.categoryId,
        list_price: product.fee.listPrice,
        discount_price: product.fee.discountPrice,
        is_free: bool(product.fee.isFree),
        price,
        price_band: priceBandOf(price),
        time_limit_days: product.timeLimitDays,
        voucher_eligible: bool(product.voucherEligible),
        status: product.status,
        sold_count: product.soldCount,
        rating_count: product.rating.count,
        rating_average: product.rating.averageScore,
        rating_sort: ratingSort,
        published_at: product.publishedAt,
        published_ts: product.publishedAt ? Date.parse(product.publishedAt) : 0,
        listed,
        province_wide: bool(provinceWide),
        facet_key: encodeFacetKey({
          categoryId: product.categoryId,
          voucherEligible: product.voucherEligible,
          isFree: product.fee.isFree,
          priceBand: priceBandOf(price),
          provinceWide,
        }),
        city_code: provinceWide || cities.size !== 1 ? null : ([...cities][0] ?? null),
      });
      insertProductText({
        product_seq: seq,
        summary: product.summary,
        function: product.function,
        process: JSON.stringify(product.process),
        standard: product.standard,
        fee_note: product.fee.note,
        suitable_for: product.suitableFor,
        region_codes: JSON.stringify(product.regionCodes),
      });
      insertSearchText({
        seq,
        text: normalizeText([product.name, provider.name, category, product.summary].join('\n')),
      });
      if (!provinceWide) {
        for (const code of coverageOf(product.regionCodes, childrenOf)) {
          coverage.push({
            region_code: code,
            seq,
            listed,
            category_id: product.categoryId,
            voucher_eligible: bool(product.voucherEligible),
            is_free: bool(product.fee.isFree),
            price,
            rating_sort: ratingSort,
            provider_id: provider.id,
          });
        }
      }

      const weights = new Map<string, number>();
      const add = (text: string, weight: number) => {
        for (const term of indexTerms(text)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      };
      add(product.name, TERM_WEIGHTS.name);
      add(provider.name, TERM_WEIGHTS.providerName);
      add(category, TERM_WEIGHTS.category);
      add(product.summary, TERM_WEIGHTS.summary);
      for (const [term, weight] of weights) {
        const list = postings.get(term);
        if (list) list.push(seq, weight);
        else postings.set(term, [seq, weight]);
      }
    }

    coverage.sort((a, b) => (a.region_code === b.region_code ? a.seq - b.seq : a.region_code < b.region_code ? -1 : 1));
    for (const row of coverage) insertCoverage(row);

    const batch: (string | number)[] = [];
    for (const term of [...postings.keys()].sort()) {
      const list = postings.get(term) ?? [];
      for (let i = 0; i < list.length; i += 2) {
        batch.push(term, list[i] as number, list[i + 1] as number);
        if (batch.length === TERM_BATCH * 3) {
          insertTerms.run(batch);
          batch.length = 0;
        }
      }
    }
    for (let i = 0; i < batch.length; i += 3) insertTerm.run(batch[i], batch[i + 1], batch[i + 2]);

    sqlite.exec(REBUILD_FACET_COUNTS);
    // The instant the data is relative to (read back by seededAtOf for the stale-seed note); an append keeps it.
    if (!options.append) {
      if (options.asOf === undefined) throw new Error("loadCatalog needs asOf to record the seed's instant");
      insertMeta.run('seeded_at', new Date(options.asOf).toISOString());
    }
    // Statistics let the planner pick the covering indexes over the table scans.
    if (!options.append) sqlite.exec('ANALYZE');
  })();
}

/** Generates the default catalog and loads it. */
export function seedDatabase(handle: DatabaseHandle, options: CatalogOptions): { providers: number; products: number } {
  const catalog = generateCatalog(options);
  loadCatalog(handle, catalog, { asOf: options.asOf });
  return { providers: catalog.providers.length, products: catalog.products.length };
}
