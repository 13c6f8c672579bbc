import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Rows per INSERT. Each column travels as one array parameter, so a batch is a handful of parameters however many
 * rows it holds; the bound is the memory of one batch.
 */
const BATCH_ROWS = 20_000;

/** The array type `unnest` reads a column of the PostgreSQL table as. */
function arrayTypeOf(dataType: string): string {
  switch (dataType) {
    case 'bigint':
      return 'int8[]';
    case 'integer':
      return 'int4[]';
    case 'double precision':
      return 'float8[]';
    case 'real':
      return 'float4[]';
    case 'text':
      return 'text[]';
    case 'bytea':
      return 'bytea[]';
    default:
      throw new Error(`No copy rule for PostgreSQL type ${dataType}`);
  }
}

interface TargetColumn {
  readonly name: string;
  readonly arrayType: string;
  readonly identity: boolean;
}

async function targetColumns(db: Kysely<Database>, table: string): Promise<TargetColumn[]> {
  const result = await sql<{ column_name: string; data_type: string; is_identity: string }>`
    select column_name, data_type, is_identity from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return result.rows.map((row) => ({
    name: row.column_name,
    arrayType: arrayTypeOf(row.data_type),
    identity: row.is_identity === 'YES',
  }));
}

/** The platform's tables, each after those it references. SQLite's own tables and the migrator's are left out. */
function sourceTables(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'
       and name not like 'kysely\\_%' escape '\\' order by rowid`,
    )
    .all() as { name: string }[];
  return referencedFirst(
    sqlite,
    rows.map((row) => row.name),
  );
}

/**
 * The tables in an order where each comes after those it references, so that every foreign key finds its row. The
 * order of creation is not enough: a table rebuilt by a later migration (`files`) is created after its referrers.
 */
function referencedFirst(sqlite: BetterSqlite3.Database, tables: readonly string[]): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (table: string, path: ReadonlySet<string>) => {
    if (placed.has(table) || path.has(table)) return;
    const references = sqlite.prepare(`select "table" from pragma_foreign_key_list(?)`).all(table) as {
      table: string;
    }[];
    for (const reference of references) {
      if (reference.table !== table) place(reference.table, new Set([...path, table]));
    }
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) place(table, new Set());
  return ordered;
}

async function copyTable(sqlite: BetterSqlite3.Database, db: Kysely<Database>, table: string): Promise<number> {
  const columns = await targetColumns(db, table);
  if (columns.length === 0) throw new Error(`PostgreSQL has no table ${table}: migrate it first`);
  const select = sqlite
    .prepare(`select ${columns.map((column) => `"${column.name}"`).join(', ')} from "${table}"`)
    .raw(true);
  const insert = (arrays: unknown[][]) =>
    sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column.name)))})
      ${columns.some((column) => column.identity) ? sql`overriding system value` : sql``}
      select * from unnest(${sql.join(columns.map((column, i) => sql`${arrays[i]}::${sql.raw(column.arrayType)}`))})`.execute(
      db,
    );
  let arrays: unknown[][] = columns.map(() => []);
  let pending = 0;
  let copied = 0;
  for (const row of select.iterate() as Iterable<unknown[]>) {
    for (let i = 0; i < columns.length; i += 1) arrays[i]?.push(row[i]);
    pending += 1;
    if (pending === BATCH_ROWS) {
      await insert(arrays);
      copied += pending;
      arrays = columns.map(() => []);
      pending = 0;
    }
  }
  if (pending > 0) await insert(arrays);
  copied += pending;
  // Rows came with their keys: the identity must continue after the highest.
  for (const column of columns.filter((candidate) => candidate.identity)) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column.name}),
      (select coalesce(max(${sql.ref(column.name)}), 0) + 1 from ${sql.table(table)}), false)`.execute(db);
  }
  return copied;
}

/**
 * Copies every row of a migrated and seeded SQLite database into a migrated, empty PostgreSQL database (call it
 * inside a transaction: a failure then leaves nothing half-copied). The seed is written once, for SQLite; this is
 * how PostgreSQL gets the same data.
 */
export async function copySqliteToPostgres(
  sqlite: BetterSqlite3.Database,
  db: Kysely<Database>,
): Promise<Record<string, number>> {
  const copied: Record<string, number> = {};
  for (const table of sourceTables(sqlite)) copied[table] = await copyTable(sqlite, db, table);
  return copied;
}
