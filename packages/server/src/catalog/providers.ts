import type { Provider, ProviderPage, ProviderSort, ProvidersQuery, z } from '@smec/schemas';
import { sql, type RawBuilder } from 'kysely';
import { decodeCursor, encodeCursor, cursorScope, type CursorPosition } from '../http/cursor.js';
import { normalizeText } from '../search/ngrams.js';
import type { CatalogContext } from './context.js';
import { providerFromRow, type ProviderRow } from './rows.js';
import { cursorOfOtherSort } from '../http/common-problems.js';

export type ProvidersQueryParsed = z.output<typeof ProvidersQuery>;
type Fragment = RawBuilder<unknown>;

interface SortSpec {
  readonly key: Fragment;
  readonly descending: boolean;
  readonly read: (row: ProviderRow) => string | number;
}

const SORTS: Record<ProviderSort, SortSpec> = {
  name: { key: sql`p.name`, descending: false, read: (row) => row.name },
  rating: { key: sql`p.rating_sort`, descending: true, read: (row) => row.rating_sort },
  newest: { key: sql`p.admitted_on`, descending: true, read: (row) => row.admitted_on ?? '' },
};

function keyset(spec: SortSpec, position: CursorPosition, sort: ProviderSort): Fragment {
  const [key, seq] = position;
  const keyType = sort === 'rating' ? 'number' : 'string';
  if (typeof key !== keyType || typeof seq !== 'number') {
    throw cursorOfOtherSort();
  }
  const beyond = spec.descending ? sql`<` : sql`>`;
  return sql`(${spec.key} ${beyond} ${key} or (${spec.key} = ${key} and p.seq > ${seq}))`;
}

/** Admitted providers, filtered: a provider is in a region when it is registered there or in one of its counties. */
export async function listProviders(context: CatalogContext, query: ProvidersQueryParsed): Promise<ProviderPage> {
  const { db, regions, cursorSecret } = context;
  const sort = query.sort ?? 'name';
  const spec = SORTS[sort];
  const limit = query.limit ?? 20;
  const scope = cursorScope('providers', { ...query, sort });
  const position = query.cursor === undefined ? undefined : decodeCursor(cursorSecret, query.cursor, scope);

  const conditions: Fragment[] = [sql`p.listed = 1`];
  const text = normalizeText(query.q?.trim() ?? '');
  // 2,400 providers: a substring scan is as fast as an index would be, and finds any one character.
  for (const word of text.split(/\s+/).filter(Boolean))
    conditions.push(sql`p.search_text like ${`%${word.replace(/[\\%_]/g, '\\$&')}%`} escape '\\'`);
  if (query.category !== undefined) {
    conditions.push(
      sql`exists (select 1 from provider_categories pc where pc.provider_seq = p.seq and pc.category_id = ${query.category})`,
    );
  }
  const region = query.region === undefined ? undefined : regions.get(query.region);
  if (region?.level === 'city') conditions.push(sql`p.city_code = ${region.code}`);
  if (region?.level === 'county') conditions.push(sql`p.region_code = ${region.code}`);
  if (query.acceptsVouchers !== undefined) conditions.push(sql`p.accepts_vouchers = ${query.acceptsVouchers ? 1 : 0}`);

  const where = sql.join(conditions, sql` and `);
  const total = await sql<{ n: number }>`select count(*) as n from providers p where ${where}`.execute(db);
  const page = position ? sql.join([where, keyset(spec, position, sort)], sql` and `) : where;
  const rows = await sql<ProviderRow>`
    select p.* from providers p where ${page}
    order by ${spec.key} ${spec.descending ? sql`desc` : sql`asc`}, p.seq asc
    limit ${limit + 1}`.execute(db);

  const items = rows.rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.rows.length > limit && last ? encodeCursor(cursorSecret, [spec.read(last), last.seq], scope) : null;
  return { items: items.map(providerFromRow), nextCursor, total: Number(total.rows[0]?.n ?? 0) };
}

export async function getProvider(context: CatalogContext, id: string): Promise<Provider | undefined> {
  const row = await context.db
    .selectFrom('providers')
    .selectAll()
    .where('id', '=', id)
    .where('listed', '=', 1)
    .executeTakeFirst();
  return row ? providerFromRow(row) : undefined;
}
