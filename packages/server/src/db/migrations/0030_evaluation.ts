import { sql, type Kysely } from 'kysely';

// The yearly evaluation (综合评价考核): the province's settings of a year (the weights of the three dimensions, its
// revision for If-Match) and the city and county targets it sets; indexes for counting attendances and event ratings
// by year.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evaluation_years')
    .addColumn('year', 'integer', (column) => column.primaryKey().check(sql`year between 2000 and 2100`))
    .addColumn('weight_resources', 'integer', (column) =>
      column.notNull().check(sql`weight_resources between 0 and 100`),
    )
    .addColumn('weight_matching', 'integer', (column) => column.notNull().check(sql`weight_matching between 0 and 100`))
    .addColumn('weight_effect', 'integer', (column) => column.notNull().check(sql`weight_effect between 0 and 100`))
    .addColumn('revision', 'integer', (column) => column.notNull().check(sql`revision >= 1`))
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addCheckConstraint('evaluation_weights_sum', sql`weight_resources + weight_matching + weight_effect = 100`)
    .execute();

  await db.schema
    .createTable('target_shares')
    .addColumn('year', 'integer', (column) => column.notNull().references('evaluation_years.year'))
    .addColumn('region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('providers_integrated', 'integer', (column) => column.notNull().check(sql`providers_integrated >= 0`))
    .addColumn('enterprise_services', 'integer', (column) => column.notNull().check(sql`enterprise_services >= 0`))
    .addPrimaryKeyConstraint('target_shares_pk', ['year', 'region_code'])
    .execute();

  // Attendances are counted by event (each event of the year, its checked-in registrations); the index holds what
  // the count reads, so no registration row is visited.
  await db.schema
    .createIndex('registrations_attended')
    .on('registrations')
    .columns(['status', 'event_seq', 'enterprise_id'])
    .execute();
  // The data fingerprint (`stats/fingerprint.ts`) reads the latest change of each: one probe of an index.
  await db.schema.createIndex('registrations_updated').on('registrations').column('updated_at').execute();
  await db.schema.createIndex('follow_ups_updated').on('follow_ups').column('updated_at').execute();
  await db.schema
    .createIndex('event_ratings_time')
    .on('event_ratings')
    .columns(['created_ts', 'enterprise_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('event_ratings_time').execute();
  await db.schema.dropIndex('follow_ups_updated').execute();
  await db.schema.dropIndex('registrations_updated').execute();
  await db.schema.dropIndex('registrations_attended').execute();
  await db.schema.dropTable('target_shares').execute();
  await db.schema.dropTable('evaluation_years').execute();
}
