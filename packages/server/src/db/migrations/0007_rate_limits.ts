import type { Kysely } from 'kysely';

// The rate limits' counters, in the database so that every instance on it counts the same requests
// (http/rate-limit-store.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('window_started_ts', 'integer', (column) => column.notNull())
    .addColumn('hits', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_counters_started')
    .on('rate_limit_counters')
    .column('window_started_ts')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_counters').execute();
}
