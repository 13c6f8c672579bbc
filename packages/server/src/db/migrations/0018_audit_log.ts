import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The audit log of staff writes (who, in which role and center, when, what, on which entity, before and after, the
// request). Append-only: no API changes or deletes a row, and the database refuses it too, on both dialects, so that
// neither a bug nor the application's own role can rewrite the record.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('at_ts', 'integer', (column) => column.notNull())
    .addColumn('actor_user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('actor_name', 'text', (column) => column.notNull())
    .addColumn('actor_role', 'text', (column) => column.notNull())
    // The region of the center the actor acts for: the log is read by that center and the levels above it.
    .addColumn('center_region_code', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull().check(sql`length(action) between 3 and 80`))
    .addColumn('entity_type', 'text', (column) => column.notNull().check(sql`length(entity_type) between 2 and 40`))
    .addColumn('entity_id', 'text', (column) => column.notNull())
    /** JSON of the changed fields as they were, or null for a creation. */
    .addColumn('before', 'text')
    /** JSON of the changed fields as they are now, or null for a deletion. */
    .addColumn('after', 'text')
    .addColumn('request_id', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('audit_log_region').on('audit_log').columns(['center_region_code', 'seq']).execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity_type', 'entity_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_user_id', 'seq']).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege'; end $$`.execute(
      db,
    );
    await sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    // TRUNCATE bypasses row triggers: refuse it too.
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function audit_log_append_only()`.execute(db);
  }
}
