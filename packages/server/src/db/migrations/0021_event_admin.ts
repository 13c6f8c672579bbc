import { sql, type Kysely } from 'kysely';
import { derivedRegistrationCode } from '../../events/code.js';

// Events run by the centers: an event starts as a draft (`status` 'draft', unseen by the public) until published
// ('scheduled'), and a cancellation keeps its reason. `revision` counts the staff's edits (the ETag of `If-Match`),
// `created_by` names who made it, `waitlist_size` caps the waitlist (null: no cap), `audience` says for whom it is.
// Registrations gain the code shown at the door and when the enterprise attended; attendees rate the event once.
// Every column added to an existing table has a default or may be null: inserts that do not know them keep working.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('cancel_reason', 'text').execute();
  await db.schema.alterTable('events').addColumn('created_by', 'text').execute();
  await db.schema
    .alterTable('events')
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('events').addColumn('waitlist_size', 'integer').execute();
  await db.schema.alterTable('events').addColumn('audience', 'text').execute();

  await db.schema.alterTable('registrations').addColumn('code', 'text').execute();
  await db.schema.alterTable('registrations').addColumn('attended_at', 'text').execute();
  // Registrations made before codes existed get one derived from their id (none on a new database).
  const typed = db as unknown as Kysely<{ registrations: { seq: number; id: string; code: string | null } }>;
  for (;;) {
    const rows = await typed
      .selectFrom('registrations')
      .select(['seq', 'id'])
      .where('code', 'is', null)
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      await typed
        .updateTable('registrations')
        .set({ code: derivedRegistrationCode(row.id) })
        .where('seq', '=', row.seq)
        .execute();
    }
  }
  await db.schema.createIndex('registrations_code').on('registrations').column('code').unique().execute();

  await db.schema
    .createTable('event_ratings')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('event_seq', 'integer', (column) => column.notNull().references('events.seq'))
    // One rating per attendance, whatever the concurrency.
    .addColumn('registration_seq', 'integer', (column) => column.notNull().unique().references('registrations.seq'))
    .addColumn('enterprise_id', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('score', 'integer', (column) => column.notNull().check(sql`score between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('created_ts', 'integer', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('event_ratings_event').on('event_ratings').columns(['event_seq', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_ratings').execute();
  await db.schema.dropIndex('registrations_code').execute();
  for (const column of ['attended_at', 'code'])
    await db.schema.alterTable('registrations').dropColumn(column).execute();
  for (const column of ['audience', 'waitlist_size', 'revision', 'created_by', 'cancel_reason']) {
    await db.schema.alterTable('events').dropColumn(column).execute();
  }
}
