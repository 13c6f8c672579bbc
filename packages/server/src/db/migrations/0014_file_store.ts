import { PostgresAdapter, sql, type Kysely } from 'kysely';

// A file's bytes may live in an S3-compatible store instead of the row: the row says where (`store`), and keeps the
// bytes itself only when the database holds them. A file keeps the store it was written to, so a platform that
// starts using a bucket still serves the files it kept before.
const STORED_WHERE_SAID = sql`(store = 'database' and content is not null and size = length(content)) or (store = 's3' and content is null)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .alterTable('files')
      .addColumn('store', 'text', (column) => column.notNull().defaultTo('database'))
      .execute();
    await db.schema
      .alterTable('files')
      .alterColumn('content', (column) => column.dropNotNull())
      .execute();
    await db.schema.alterTable('files').dropConstraint('files_size_is_length').execute();
    await db.schema.alterTable('files').addCheckConstraint('files_stored_where_said', STORED_WHERE_SAID).execute();
    return;
  }
  // SQLite changes a column's constraints only by rebuilding the table. Foreign keys are off while it is rebuilt (the
  // applications' files name it), and the other tables' references find the new table under the same name.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.schema
      .createTable('files_rebuilt')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('media_type', 'text', (column) =>
        column.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`),
      )
      .addColumn('size', 'integer', (column) => column.notNull().check(sql`size between 1 and 5242880`))
      .addColumn('sha256', 'text', (column) => column.notNull().check(sql`length(sha256) = 64`))
      .addColumn('store', 'text', (column) =>
        column
          .notNull()
          .defaultTo('database')
          .check(sql`store in ('database', 's3')`),
      )
      .addColumn('content', 'blob')
      .addColumn('key_hash', 'text', (column) => column.notNull())
      .addColumn('uploaded_at', 'text', (column) => column.notNull())
      .addColumn('uploaded_ts', 'integer', (column) => column.notNull())
      .addCheckConstraint('files_stored_where_said', STORED_WHERE_SAID)
      .execute();
    await sql`insert into files_rebuilt (id, media_type, size, sha256, store, content, key_hash, uploaded_at, uploaded_ts)
      select id, media_type, size, sha256, 'database', content, key_hash, uploaded_at, uploaded_ts from files`.execute(
      db,
    );
    await db.schema.dropTable('files').execute();
    await db.schema.alterTable('files_rebuilt').renameTo('files').execute();
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error('files: a reference lost its file while the table was rebuilt');
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('0014_file_store cannot be undone: files kept in a bucket have no bytes in the database');
}
