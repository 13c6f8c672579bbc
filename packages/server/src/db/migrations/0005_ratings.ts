import { sql, type Kysely } from 'kysely';

// Ratings of delivered engagements, the follow-ups of bad ones, and the aggregates the catalog shows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ratings')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    // The database itself refuses a second rating of an engagement, whatever the concurrency.
    .addColumn('engagement_id', 'text', (column) => column.notNull().unique())
    .addColumn('enterprise_id', 'text', (column) => column.notNull())
    // The enterprise's region and city, so that an administrator sees the ratings of its region.
    .addColumn('region_code', 'text', (column) => column.notNull())
    .addColumn('city_code', 'text')
    .addColumn('provider_id', 'text', (column) => column.notNull())
    .addColumn('product_id', 'text', (column) => column.notNull())
    .addColumn('product_name', 'text', (column) => column.notNull())
    .addColumn('attitude', 'integer', (column) => column.notNull())
    .addColumn('expertise', 'integer', (column) => column.notNull())
    .addColumn('conduct', 'integer', (column) => column.notNull())
    .addColumn('fulfilment', 'integer', (column) => column.notNull())
    .addColumn('quality', 'integer', (column) => column.notNull())
    .addColumn('value', 'integer', (column) => column.notNull())
    .addColumn('usefulness', 'integer', (column) => column.notNull())
    .addColumn('after_sales', 'integer', (column) => column.notNull())
    .addColumn('score', 'integer', (column) => column.notNull())
    .addColumn('grade', 'text', (column) => column.notNull())
    .addColumn('level', 'text', (column) => column.notNull())
    .addColumn('solved', 'integer', (column) => column.notNull())
    .addColumn('comment', 'text', (column) => column.notNull())
    // What the public sees of the enterprise ('佛山某科技有限公司'), fixed when the rating is given.
    .addColumn('enterprise_label', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('created_ts', 'integer', (column) => column.notNull())
    .addCheckConstraint('ratings_score', sql`score >= 0 AND score <= 100`)
    .execute();
  await db.schema.createIndex('ratings_provider').on('ratings').columns(['provider_id', 'created_ts', 'seq']).execute();
  await db.schema.createIndex('ratings_product').on('ratings').columns(['product_id', 'created_ts', 'seq']).execute();
  await db.schema
    .createIndex('ratings_enterprise')
    .on('ratings')
    .columns(['enterprise_id', 'created_ts', 'seq'])
    .execute();
  await db.schema.createIndex('ratings_city').on('ratings').columns(['city_code', 'created_ts', 'seq']).execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('rating_seq', 'integer', (column) => column.notNull().unique().references('ratings.seq'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('opened_at', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text', (column) => column.notNull())
    .addColumn('reopened_at', 'text')
    .addColumn('reopen_reason', 'text')
    .addColumn('reopen_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (column) => column.notNull())
    // An enterprise may reopen once: the database refuses a second time too.
    .addCheckConstraint('follow_ups_reopen_once', sql`reopen_count BETWEEN 0 AND 1`)
    .execute();
  await db.schema.createIndex('follow_ups_status').on('follow_ups').columns(['status', 'due_on']).execute();

  await db.schema
    .createTable('follow_up_answers')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('follow_up_seq', 'integer', (column) => column.notNull().references('follow_ups.seq'))
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('follow_up_answers_follow_up')
    .on('follow_up_answers')
    .columns(['follow_up_seq', 'seq'])
    .execute();

  // One row per rated provider and per rated product, changed only by relative updates in the rating's transaction.
  for (const table of ['provider_rating_stats', 'product_rating_stats']) {
    await db.schema
      .createTable(table)
      .addColumn('subject_id', 'text', (column) => column.primaryKey())
      .addColumn('count', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('score_sum', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('very_satisfied', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('satisfied', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('neutral', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('dissatisfied', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('very_dissatisfied', 'integer', (column) => column.notNull().defaultTo(0))
      .modifyEnd(sql`WITHOUT ROWID`)
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['product_rating_stats', 'provider_rating_stats', 'follow_up_answers', 'follow_ups', 'ratings'])
    await db.schema.dropTable(table).execute();
}
