import { sql, type Kysely } from 'kysely';

// The files of the platform's processes (licences, proofs), kept in the database with their SHA-256: never in a
// folder of guessed names. The checks hold the rules an upload is held to, whatever writes the row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('media_type', 'text', (column) =>
      column.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`),
    )
    .addColumn('size', 'integer', (column) => column.notNull().check(sql`size between 1 and 5242880`))
    .addColumn('sha256', 'text', (column) => column.notNull().check(sql`length(sha256) = 64`))
    .addColumn('content', 'blob', (column) => column.notNull())
    .addColumn('key_hash', 'text', (column) => column.notNull())
    .addColumn('uploaded_at', 'text', (column) => column.notNull())
    .addColumn('uploaded_ts', 'integer', (column) => column.notNull())
    .addCheckConstraint('files_size_is_length', sql`size = length(content)`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('files').execute();
}
