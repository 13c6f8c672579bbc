import type {
  ProductPage,
  ProductSort,
  ProductsQueryParsed,
  ServiceProduct,
  ServiceProductDetail,
} from '@smec/schemas';
import { sql } from 'kysely';
import { decodeCursor, encodeCursor, cursorScope, type CursorPosition } from '../http/cursor.js';
import type { CatalogContext } from './context.js';
import { countsFromTable, facetsByScanning, facetsFromCounts } from './product-facets.js';
import { allBut, and, baseConditions, dimensions, planOf, type Fragment, type Plan } from './product-query.js';
import { facetsFromColumns, matchFilters, relevancePageFromColumns } from './match-filters.js';
import { productColumns } from './product-columns.js';
import { matchSet, membership } from './search-matches.js';
import { productFromRow, providerFromRow, type ProductRow } from './rows.js';
import { cursorOfOtherSort } from '../http/common-problems.js';

const DEFAULT_LIMIT = 20;

interface SortSpec {
  readonly key: Fragment;
  readonly descending: boolean;
}

function sortSpec(sort: ProductSort, searching: boolean): SortSpec {
  switch (sort) {
    case 'relevance':
      // A search's relevance order is the remembered matches' own (relevancePageFromColumns); the key is never read.
      return searching ? { key: sql`null`, descending: true } : { key: sql`p.sold_count`, descending: true };
    case 'rating':
      return { key: sql`p.rating_sort`, descending: true };
    case 'priceAsc':
      return { key: sql`p.price`, descending: false };
    case 'priceDesc':
      return { key: sql`p.price`, descending: true };
    case 'newest':
      return { key: sql`p.published_ts`, descending: true };
    case 'popular':
      return { key: sql`p.sold_count`, descending: true };
  }
}

function keysetCondition(spec: SortSpec, position: CursorPosition): Fragment {
  const [key, seq] = position;
  if (typeof key !== 'number' || typeof seq !== 'number') {
    throw cursorOfOtherSort();
  }
  const beyond = spec.descending ? sql`<` : sql`>`;
  return sql`(${spec.key} ${beyond} ${key} or (${spec.key} = ${key} and p.seq > ${seq}))`;
}

export async function listProducts(context: CatalogContext, query: ProductsQueryParsed): Promise<ProductPage> {
  const { db, cursorSecret } = context;
  const plan = await planOf(context, query);
  const sort = query.sort ?? 'relevance';
  const limit = query.limit ?? DEFAULT_LIMIT;
  const spec = sortSpec(sort, plan.terms.length > 0);
  const scope = cursorScope('products', { ...query, sort });
  const position = query.cursor === undefined ? undefined : decodeCursor(cursorSecret, query.cursor, scope);

  // A keyword search filters and counts its matches against the products' columns in memory; the database is asked
  // for the page's texts only (and for pages in other orders than relevance).
  const matched = plan.terms.length > 0 ? await matchSet(context, plan) : undefined;
  const search = matched && { matched, ...(await filtersOf(db, plan)) };
  const base = baseConditions(plan);
  const dims = dimensions(plan);

  // The page: keys only, from the narrow table; the texts are read for these rows alone.
  let page: { seq: number; sort_key: number }[];
  if (search && sort === 'relevance') {
    page = relevancePageFromColumns(search.matched, search.filters, position, limit + 1);
  } else {
    // The matches as a list of numbers, built only for a statement that takes them.
    const pageConditions = [...base, ...(search ? [membership(db, search.matched.seqs)] : []), ...allBut(dims)];
    if (position) pageConditions.push(keysetCondition(spec, position));
    const rows = await sql<{ seq: number; sort_key: number }>`
      select p.seq, ${spec.key} as sort_key from products p
      where ${and(pageConditions)}
      order by ${spec.key} ${spec.descending ? sql`desc` : sql`asc`}, p.seq asc
      limit ${limit + 1}`.execute(db);
    page = rows.rows;
  }
  const pageRows = page.slice(0, limit);
  const items =
    pageRows.length === 0
      ? []
      : await productsBySeq(
          context,
          pageRows.map((row) => row.seq),
        );

  const bands = countsFromTable(plan);
  const { total, facets } = search
    ? facetsFromColumns(context, plan, search.matched, search.filters, search.columns)
    : bands
      ? await facetsFromCounts(context, plan, bands)
      : await facetsByScanning(context, plan, base, dims);
  const last = pageRows[pageRows.length - 1];
  const nextCursor = page.length > limit && last ? encodeCursor(cursorSecret, [last.sort_key, last.seq], scope) : null;
  return { items, nextCursor, total, facets };
}

const PRODUCT_COLUMNS = sql`p.*, t.*, pr.name as provider_name, pr.short_name as provider_short_name,
  pr.region_code as provider_region_code`;

/** The products' columns as of now, and the query's filters over them. */
async function filtersOf(db: CatalogContext['db'], plan: Plan) {
  const columns = await productColumns(db);
  return { columns, filters: matchFilters(plan, columns) };
}

/** Full products for the given seqs, in the given order. */
async function productsBySeq(context: CatalogContext, seqs: readonly number[]): Promise<ServiceProduct[]> {
  const rows = await sql<ProductRow>`
    select ${PRODUCT_COLUMNS}
    from products p join product_texts t on t.product_seq = p.seq join providers pr on pr.seq = p.provider_seq
    where p.seq in (${sql.join(seqs)})`.execute(context.db);
  const bySeq = new Map(rows.rows.map((row) => [row.seq, productFromRow(row)]));
  return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
}

export async function getProduct(context: CatalogContext, id: string): Promise<ServiceProductDetail | undefined> {
  const row = await sql<ProductRow>`
    select ${PRODUCT_COLUMNS}
    from products p join product_texts t on t.product_seq = p.seq join providers pr on pr.seq = p.provider_seq
    where p.id = ${id} and p.listed = 1`.execute(context.db);
  const product = row.rows[0];
  if (!product) return undefined;
  const provider = await context.db
    .selectFrom('providers')
    .selectAll()
    .where('seq', '=', product.provider_seq)
    .executeTakeFirstOrThrow();
  return { ...productFromRow(product), providerDetail: providerFromRow(provider) };
}
