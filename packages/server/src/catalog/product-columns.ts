/**
 * The columns a search filters and facets on, for every product, in memory. A keyword search's matches are a list
 * of product numbers (search-matches.ts); asking the database which of several thousand of them pass the filters,
 * and counting their facets, took a statement over an array of that many numbers (planned anew each time: 20 to
 * 40 ms at province scale). The same answers come from these columns in well under a millisecond.
 *
 * The columns are the products' own, which the seed appends and a provider's change or a center's suspension
 * rewrites, and their ratings, which change with each rating; those writes count in `meta.catalog_version`
 * (`copyToCatalog`, products/catalog-index.ts). A request checks both versions (one statement) and reloads the
 * columns when either moved, so every instance on a shared database answers the same.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface ProductColumns {
  /** One past the highest product number: the arrays are indexed by product number. */
  readonly size: number;
  readonly listed: Uint8Array;
  readonly facetKey: Int32Array;
  readonly provinceWide: Uint8Array;
  /** Index into `cityCodes`; 0 when the product lies in no one city (province-wide, or several cities). */
  readonly city: Uint16Array;
  readonly cityCodes: readonly (string | null)[];
  readonly price: Float64Array;
  readonly ratingSort: Float64Array;
  /** Index into `providerIds`. */
  readonly provider: Int32Array;
  readonly providerIndex: ReadonlyMap<string, number>;
  /** Per region code, the products its coverage lists (province-wide products are not listed), as a bitmap. */
  readonly coverage: ReadonlyMap<string, Uint32Array>;
}

/** True when product `seq` is in the coverage bitmap. */
export function covers(bitmap: Uint32Array | undefined, seq: number): boolean {
  return bitmap !== undefined && ((bitmap[seq >>> 5] ?? 0) & (1 << (seq & 31))) !== 0;
}

interface Loaded {
  readonly version: string;
  readonly columns: ProductColumns;
}

const loaded = new WeakMap<Kysely<Database>, Promise<Loaded>>();

/** The columns as of now: the remembered ones, or read again when the products or their ratings changed. */
export async function productColumns(db: Kysely<Database>): Promise<ProductColumns> {
  const version = await catalogVersion(db);
  const known = loaded.get(db);
  if (known) {
    const current = await known.catch(() => undefined);
    if (current?.version === version) return current.columns;
  }
  // One load at a time: concurrent requests after a change share it.
  const loading = load(db).then((columns) => ({ version, columns }));
  loaded.set(db, loading);
  return (await loading).columns;
}

/**
 * What the catalog's answers depend on, as one string: the highest product number (the seed appends) and the count
 * of the catalog's changes (ratings, providers' products, suspensions). Equal versions give equal answers, on every instance of a shared database.
 */
export async function catalogVersion(db: Kysely<Database>): Promise<string> {
  const probe = await sql<{ products: number | null; ratings: string | null }>`
    select (select max(seq) from products) as products,
      (select value from meta where key = 'catalog_version') as ratings`.execute(db);
  return `${String(probe.rows[0]?.products ?? 0)}/${probe.rows[0]?.ratings ?? ''}`;
}

async function load(db: Kysely<Database>): Promise<ProductColumns> {
  const products = await sql<{
    seq: number;
    listed: number;
    facet_key: number;
    province_wide: number;
    city_code: string | null;
    price: number;
    rating_sort: number;
    provider_id: string;
  }>`select seq, listed, facet_key, province_wide, city_code, price, rating_sort, provider_id from products`.execute(
    db,
  );
  let size = 1;
  for (const row of products.rows) size = Math.max(size, Number(row.seq) + 1);
  const listed = new Uint8Array(size);
  const facetKey = new Int32Array(size);
  const provinceWide = new Uint8Array(size);
  const city = new Uint16Array(size);
  const price = new Float64Array(size);
  const ratingSort = new Float64Array(size);
  const provider = new Int32Array(size).fill(-1);
  const cityCodes: (string | null)[] = [null];
  const cityIndex = new Map<string, number>();
  const providerIndex = new Map<string, number>();
  for (const row of products.rows) {
    const seq = Number(row.seq);
    listed[seq] = Number(row.listed);
    facetKey[seq] = Number(row.facet_key);
    provinceWide[seq] = Number(row.province_wide);
    price[seq] = Number(row.price);
    ratingSort[seq] = Number(row.rating_sort);
    if (row.city_code !== null) {
      let index = cityIndex.get(row.city_code);
      if (index === undefined) {
        index = cityCodes.length;
        cityCodes.push(row.city_code);
        cityIndex.set(row.city_code, index);
      }
      city[seq] = index;
    }
    let index = providerIndex.get(row.provider_id);
    if (index === undefined) {
      index = providerIndex.size;
      providerIndex.set(row.provider_id, index);
    }
    provider[seq] = index;
  }
  const coverageRows = await sql<{ region_code: string; seq: number }>`
    select region_code, seq from product_coverage`.execute(db);
  const coverage = new Map<string, Uint32Array>();
  const words = Math.ceil(size / 32);
  for (const row of coverageRows.rows) {
    const seq = Number(row.seq);
    let bitmap = coverage.get(row.region_code);
    if (!bitmap) {
      bitmap = new Uint32Array(words);
      coverage.set(row.region_code, bitmap);
    }
    bitmap[seq >>> 5] = (bitmap[seq >>> 5] ?? 0) | (1 << (seq & 31));
  }
  return {
    size,
    listed,
    facetKey,
    provinceWide,
    city,
    cityCodes,
    price,
    ratingSort,
    provider,
    providerIndex,
    coverage,
  };
}
