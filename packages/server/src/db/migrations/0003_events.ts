import { sql, type Kysely } from 'kysely';

// Events of the centers and the enterprises' registrations for them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('organizer_name', 'text', (column) => column.notNull())
    .addColumn('organizer_region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('city_code', 'text', (column) => column.references('regions.code'))
    .addColumn('venue', 'text')
    .addColumn('online_url', 'text')
    .addColumn('starts_at', 'text', (column) => column.notNull())
    .addColumn('starts_ts', 'integer', (column) => column.notNull())
    .addColumn('ends_at', 'text', (column) => column.notNull())
    .addColumn('ends_ts', 'integer', (column) => column.notNull())
    .addColumn('registration_opens_at', 'text', (column) => column.notNull())
    .addColumn('opens_ts', 'integer', (column) => column.notNull())
    .addColumn('registration_closes_at', 'text', (column) => column.notNull())
    .addColumn('closes_ts', 'integer', (column) => column.notNull())
    .addColumn('capacity', 'integer', (column) => column.notNull())
    .addColumn('registered_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('waitlist_count', 'integer', (column) => column.notNull().defaultTo(0))
    // The last waitlist number drawn: arrival order on the waitlist, never reused.
    .addColumn('waitlist_seq', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('waitlist', 'integer', (column) => column.notNull())
    .addColumn('category_ids', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    // The database itself refuses an overbooked event, whatever the code above it does.
    .addCheckConstraint('events_capacity', sql`registered_count >= 0 AND registered_count <= capacity`)
    .addCheckConstraint('events_waitlist', sql`waitlist_count >= 0`)
    .execute();
  await db.schema.createIndex('events_start').on('events').columns(['starts_ts', 'seq']).execute();
  await db.schema.createIndex('events_city_start').on('events').columns(['city_code', 'starts_ts']).execute();
  await db.schema.createIndex('events_region_start').on('events').columns(['region_code', 'starts_ts']).execute();

  await db.schema
    .createTable('registrations')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('event_seq', 'integer', (column) => column.notNull().references('events.seq'))
    .addColumn('event_id', 'text', (column) => column.notNull())
    .addColumn('enterprise_id', 'text', (column) => column.notNull())
    .addColumn('enterprise_name', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('attendee_name', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    // The waitlist number drawn on arrival (null when confirmed at once); the position is its rank.
    .addColumn('waitlist_seq', 'integer')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('created_ts', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  // One active registration per enterprise and event, whatever the concurrency.
  await db.schema
    .createIndex('registrations_active')
    .on('registrations')
    .columns(['event_seq', 'enterprise_id'])
    .unique()
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();
  await db.schema
    .createIndex('registrations_waitlist')
    .on('registrations')
    .columns(['event_seq', 'status', 'waitlist_seq'])
    .execute();
  await db.schema.createIndex('registrations_enterprise').on('registrations').columns(['enterprise_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['registrations', 'events']) await db.schema.dropTable(table).execute();
}
