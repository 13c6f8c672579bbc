import { PostgresAdapter, sql, type Kysely } from 'kysely';

const STATUSES = sql`('open', 'answered', 'reopened', 'closed')`;

// What a center does with a bad rating's follow-up: a note on its history, an escalation to the level above (who
// and when, and the center it now sits with), or its close as resolved with a note. The follow-up's status, never
// checked before, is held to its four values here too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('follow_up_actions')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('follow_up_seq', 'integer', (column) => column.notNull().references('follow_ups.seq'))
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('note', 'escalation', 'resolution')`))
    .addColumn('text', 'text', (column) => column.notNull().check(sql`length(trim(text)) >= 2`))
    .addColumn('actor_user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('actor_name', 'text', (column) => column.notNull())
    .addColumn('actor_region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('to_region_code', 'text', (column) => column.references('regions.code'))
    .addColumn('at', 'text', (column) => column.notNull())
    // An escalation names the center it goes to; nothing else does.
    .addCheckConstraint(
      'follow_up_actions_escalation_target',
      sql`(kind = 'escalation' and to_region_code is not null) or (kind <> 'escalation' and to_region_code is null)`,
    )
    .execute();
  await db.schema
    .createIndex('follow_up_actions_follow_up')
    .on('follow_up_actions')
    .columns(['follow_up_seq', 'seq'])
    .execute();
  // The center the follow-up sits with once escalated (null: the rating's own region's).
  await db.schema
    .alterTable('follow_ups')
    .addColumn('escalated_to', 'text', (column) => column.references('regions.code'))
    .execute();
  await db.schema.createIndex('follow_ups_escalated').on('follow_ups').columns(['escalated_to']).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table follow_ups add constraint follow_ups_status check (status in ${STATUSES})`.execute(db);
  } else {
    // SQLite adds no table CHECK to an existing table: triggers refuse the same rows.
    for (const event of ['insert', 'update']) {
      await sql`create trigger ${sql.raw(`follow_ups_status_${event}`)} before ${sql.raw(event)} on follow_ups
        when new.status not in ${STATUSES}
        begin select raise(abort, 'CHECK constraint failed: follow_ups_status'); end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table follow_ups drop constraint follow_ups_status`.execute(db);
  } else {
    await sql`drop trigger follow_ups_status_insert`.execute(db);
    await sql`drop trigger follow_ups_status_update`.execute(db);
  }
  await db.schema.dropIndex('follow_ups_escalated').execute();
  await db.schema.alterTable('follow_ups').dropColumn('escalated_to').execute();
  await db.schema.dropTable('follow_up_actions').execute();
}
