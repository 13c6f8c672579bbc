import type { Kysely } from 'kysely';

// The centers' own writes of voucher batches and policies. A batch has a status of its center's (a draft is not
// public; open, paused, closed), the staff member who created it and a revision (its ETag for If-Match); the batches
// seeded before are open. A policy has a status (withdrawn ones leave the public list, with the reason), a revision,
// who published it, and one document number per issuer (a unique index).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('voucher_batches')
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('open'))
    .execute();
  await db.schema.alterTable('voucher_batches').addColumn('created_by', 'text').execute();
  await db.schema
    .alterTable('voucher_batches')
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('voucher_batches_issuer').on('voucher_batches').columns(['issuer_region_code']).execute();

  await db.schema
    .alterTable('policies')
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('published'))
    .execute();
  await db.schema.alterTable('policies').addColumn('withdraw_reason', 'text').execute();
  await db.schema.alterTable('policies').addColumn('created_by', 'text').execute();
  await db.schema
    .alterTable('policies')
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('policies_doc_number')
    .on('policies')
    .columns(['issuer', 'doc_number'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('policies_doc_number').execute();
  for (const column of ['revision', 'created_by', 'withdraw_reason', 'status']) {
    await db.schema.alterTable('policies').dropColumn(column).execute();
  }
  await db.schema.dropIndex('voucher_batches_issuer').execute();
  for (const column of ['revision', 'created_by', 'status']) {
    await db.schema.alterTable('voucher_batches').dropColumn(column).execute();
  }
}
