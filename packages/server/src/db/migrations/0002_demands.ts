import type { Kysely } from 'kysely';

// Demands, their timelines, the users the platform signs in, and the stored answers of idempotent writes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('organization', 'text', (column) => column.notNull())
    .addColumn('region_code', 'text', (column) => column.references('regions.code'))
    .addColumn('enterprise_id', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('position', 'integer', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('demands')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('tracking_no', 'text', (column) => column.notNull().unique())
    .addColumn('uscc', 'text', (column) => column.notNull())
    .addColumn('enterprise_name', 'text', (column) => column.notNull())
    .addColumn('contact_name', 'text', (column) => column.notNull())
    .addColumn('contact_phone', 'text', (column) => column.notNull())
    .addColumn('phone_hash', 'text', (column) => column.notNull())
    .addColumn('region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('city_code', 'text', (column) => column.references('regions.code'))
    .addColumn('category_id', 'text', (column) => column.notNull().references('categories.id'))
    .addColumn('product_id', 'text')
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('budget_fen', 'integer')
    .addColumn('expected_by', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('matches', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('submitted_at', 'text', (column) => column.notNull())
    .addColumn('submitted_ts', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  // An administrator's list: newest first within a city or a county, optionally of one status.
  await db.schema.createIndex('demands_city').on('demands').columns(['city_code', 'submitted_ts', 'seq']).execute();
  await db.schema.createIndex('demands_region').on('demands').columns(['region_code', 'submitted_ts', 'seq']).execute();
  await db.schema.createIndex('demands_recent').on('demands').columns(['submitted_ts', 'seq']).execute();

  await db.schema
    .createTable('demand_timeline')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('demand_seq', 'integer', (column) => column.notNull().references('demands.seq'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('demand_timeline_demand').on('demand_timeline').columns(['demand_seq', 'seq']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (column) => column.notNull())
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('body_hash', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_ts', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_ts').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['idempotency_keys', 'demand_timeline', 'demands', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
