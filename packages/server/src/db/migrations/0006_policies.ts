import { sql, type Kysely } from 'kysely';

// The policy library, and the indexes the scorecard (stats/scorecard.ts) needs on the tables of earlier migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policies')
    .addColumn('seq', 'integer', (column) => column.primaryKey())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('issuer', 'text', (column) => column.notNull())
    .addColumn('doc_number', 'text', (column) => column.notNull())
    .addColumn('published_on', 'text', (column) => column.notNull())
    .addColumn('effective_from', 'text', (column) => column.notNull())
    .addColumn('effective_until', 'text')
    .addColumn('region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('category_ids', 'text', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('url', 'text', (column) => column.notNull())
    .addColumn('search_text', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('policies_region').on('policies').columns(['region_code', 'published_on']).execute();
  await db.schema.createIndex('policies_published').on('policies').columns(['published_on', 'seq']).execute();

  // The n-gram index of the policies (search/ngrams.ts), so that 「税」 or 「融资」 finds them.
  await db.schema
    .createTable('policy_terms')
    .addColumn('term', 'text', (column) => column.notNull())
    .addColumn('policy_seq', 'integer', (column) => column.notNull().references('policies.seq'))
    .addPrimaryKeyConstraint('policy_terms_pk', ['term', 'policy_seq'])
    .modifyEnd(sql`without rowid`)
    .execute();

  // The scorecard counts a year of rows of a region. A province-wide count reads the time-led index, a county or a
  // city the region-led one; both cover every column it reads, so neither visits the table.
  await db.schema
    .createIndex('engagements_scorecard_time')
    .on('engagements')
    .columns([
      'created_ts',
      'status',
      'enterprise_region_code',
      'enterprise_id',
      'product_id',
      'voucher_id',
      'voucher_amount',
    ])
    .execute();
  await db.schema
    .createIndex('engagements_scorecard_region')
    .on('engagements')
    .columns([
      'enterprise_region_code',
      'created_ts',
      'status',
      'enterprise_id',
      'product_id',
      'voucher_id',
      'voucher_amount',
    ])
    .execute();
  // Free products are few: their engagements are counted through this index, not by reading every engagement.
  await db.schema
    .createIndex('engagements_scorecard_product')
    .on('engagements')
    .columns(['product_id', 'created_ts', 'status', 'enterprise_region_code'])
    .execute();
  // The scorecard's fingerprint of the data (stats/fingerprint.ts): the latest change of each table, one index probe.
  for (const table of ['engagements', 'vouchers', 'demands', 'events']) {
    await db.schema.createIndex(`${table}_updated_at`).on(table).columns(['updated_at']).execute();
  }
  await db.schema
    .createIndex('ratings_scorecard_time')
    .on('ratings')
    .columns(['created_ts', 'region_code', 'level'])
    .execute();
  await db.schema
    .createIndex('ratings_scorecard_region')
    .on('ratings')
    .columns(['region_code', 'created_ts', 'level'])
    .execute();
  await db.schema
    .createIndex('vouchers_scorecard')
    .on('vouchers')
    .columns(['claimed_ts', 'enterprise_id', 'face_value'])
    .execute();
  await db.schema
    .createIndex('demands_scorecard')
    .on('demands')
    .columns(['submitted_ts', 'region_code', 'status'])
    .execute();
  await db.schema
    .createIndex('events_scorecard')
    .on('events')
    .columns(['starts_ts', 'region_code', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'engagements_scorecard_product',
    'engagements_updated_at',
    'vouchers_updated_at',
    'demands_updated_at',
    'events_updated_at',
    'events_scorecard',
    'demands_scorecard',
    'vouchers_scorecard',
    'ratings_scorecard_region',
    'ratings_scorecard_time',
    'engagements_scorecard_region',
    'engagements_scorecard_time',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable('policy_terms').execute();
  await db.schema.dropTable('policies').execute();
}
