import { sql, type Kysely } from 'kysely';

// Enterprises, service-voucher batches, the vouchers with their histories, and the engagements they pay for.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enterprises')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('uscc', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('size', 'text', (column) => column.notNull())
    .addColumn('industry', 'text', (column) => column.notNull())
    .addColumn('region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('city_code', 'text', (column) => column.references('regions.code'))
    .addColumn('founded_on', 'text', (column) => column.notNull())
    .addColumn('employees', 'integer', (column) => column.notNull())
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('legal_representative', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('enterprises_legal').on('enterprises').columns(['legal_representative']).execute();

  // Related parties are refused an order: same USCC or same legal representative. Empty means unknown, never a match.
  await db.schema
    .alterTable('providers')
    .addColumn('legal_representative', 'text', (column) => column.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('voucher_batches')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('year', 'integer', (column) => column.notNull())
    .addColumn('issuer_name', 'text', (column) => column.notNull())
    .addColumn('issuer_region_code', 'text', (column) => column.notNull().references('regions.code'))
    // The prefix of the voucher codes, e.g. `GDQ2026-0001`.
    .addColumn('code_prefix', 'text', (column) => column.notNull())
    .addColumn('face_value', 'integer', (column) => column.notNull())
    .addColumn('quota', 'integer', (column) => column.notNull())
    .addColumn('remaining', 'integer', (column) => column.notNull())
    .addColumn('claim_opens_at', 'text', (column) => column.notNull())
    .addColumn('opens_ts', 'integer', (column) => column.notNull())
    .addColumn('claim_closes_at', 'text', (column) => column.notNull())
    .addColumn('closes_ts', 'integer', (column) => column.notNull())
    .addColumn('sizes', 'text', (column) => column.notNull())
    .addColumn('tags', 'text', (column) => column.notNull())
    .addColumn('region_codes', 'text', (column) => column.notNull())
    .addColumn('category_ids', 'text', (column) => column.notNull())
    .addColumn('annual_cap', 'integer', (column) => column.notNull())
    .addColumn('max_coverage', 'integer', (column) => column.notNull())
    .addColumn('use_within_days', 'integer', (column) => column.notNull())
    .addColumn('settle_by', 'text', (column) => column.notNull())
    .addColumn('settle_ts', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    // The database itself refuses an oversold batch, whatever the code above it does.
    .addCheckConstraint('voucher_batches_quota', sql`remaining >= 0 AND remaining <= quota`)
    .execute();
  await db.schema.createIndex('voucher_batches_opens').on('voucher_batches').columns(['opens_ts', 'seq']).execute();

  await db.schema
    .createTable('vouchers')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('code', 'text', (column) => column.notNull().unique())
    .addColumn('batch_seq', 'integer', (column) => column.notNull().references('voucher_batches.seq'))
    .addColumn('batch_id', 'text', (column) => column.notNull())
    .addColumn('enterprise_id', 'text', (column) => column.notNull())
    .addColumn('face_value', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('claimed_at', 'text', (column) => column.notNull())
    .addColumn('claimed_ts', 'integer', (column) => column.notNull())
    .addColumn('use_by', 'text', (column) => column.notNull())
    .addColumn('use_by_ts', 'integer', (column) => column.notNull())
    .addColumn('settle_by', 'text', (column) => column.notNull())
    .addColumn('engagement_id', 'text')
    // The batch's year: the yearly cap adds up the vouchers of one year.
    .addColumn('year', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  // One active voucher per enterprise and batch. A handed-back (`withdrawn`) voucher is no longer active: its quota
  // went back to the batch for the next claimant, who may be the same enterprise again.
  await db.schema
    .createIndex('vouchers_active')
    .on('vouchers')
    .columns(['batch_id', 'enterprise_id'])
    .unique()
    .where(sql.ref('status'), '<>', 'withdrawn')
    .execute();
  await db.schema.createIndex('vouchers_enterprise').on('vouchers').columns(['enterprise_id', 'year']).execute();
  await db.schema.createIndex('vouchers_expiry').on('vouchers').columns(['status', 'use_by_ts']).execute();

  await db.schema
    .createTable('voucher_history')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('voucher_seq', 'integer', (column) => column.notNull().references('vouchers.seq'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor_role', 'text', (column) => column.notNull())
    .addColumn('actor_name', 'text', (column) => column.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('voucher_history_voucher').on('voucher_history').columns(['voucher_seq']).execute();

  await db.schema
    .createTable('engagements')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('enterprise_id', 'text', (column) => column.notNull())
    .addColumn('enterprise_name', 'text', (column) => column.notNull())
    .addColumn('enterprise_region_code', 'text', (column) => column.notNull())
    .addColumn('provider_id', 'text', (column) => column.notNull())
    .addColumn('provider_name', 'text', (column) => column.notNull())
    .addColumn('product_id', 'text', (column) => column.notNull())
    .addColumn('product_name', 'text', (column) => column.notNull())
    .addColumn('category_id', 'text', (column) => column.notNull())
    .addColumn('voucher_id', 'text')
    .addColumn('contract_amount', 'integer', (column) => column.notNull())
    .addColumn('voucher_amount', 'integer', (column) => column.notNull())
    .addColumn('self_paid', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('rating_id', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('created_ts', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('engagements_enterprise').on('engagements').columns(['enterprise_id', 'seq']).execute();
  await db.schema.createIndex('engagements_provider').on('engagements').columns(['provider_id', 'seq']).execute();
  await db.schema
    .createIndex('engagements_region')
    .on('engagements')
    .columns(['enterprise_region_code', 'seq'])
    .execute();
  await db.schema.createIndex('engagements_voucher').on('engagements').columns(['voucher_id']).execute();

  await db.schema
    .createTable('engagement_timeline')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('engagement_seq', 'integer', (column) => column.notNull().references('engagements.seq'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor_role', 'text', (column) => column.notNull())
    .addColumn('actor_name', 'text', (column) => column.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('engagement_timeline_engagement')
    .on('engagement_timeline')
    .columns(['engagement_seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['engagement_timeline', 'engagements', 'voucher_history', 'vouchers', 'voucher_batches']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('providers').dropColumn('legal_representative').execute();
  await db.schema.dropTable('enterprises').execute();
}
