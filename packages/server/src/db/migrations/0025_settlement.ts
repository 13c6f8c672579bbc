import { sql, type Kysely } from 'kysely';

// The settlement of voucher-paid services: the files a provider attaches to an engagement (its contract, proofs of
// delivery), each file once per engagement; and why the center last refused to settle it, cleared when the provider
// adds proof (the engagement is then queued again).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('engagement_proofs')
    .addColumn('engagement_seq', 'integer', (column) => column.notNull().references('engagements.seq'))
    .addColumn('file_id', 'text', (column) => column.notNull().references('files.id'))
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('contract', 'proof')`))
    .addColumn('added_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('engagement_proofs_pk', ['engagement_seq', 'file_id'])
    .execute();
  await db.schema.createIndex('engagement_proofs_file').on('engagement_proofs').columns(['file_id']).execute();
  await db.schema.alterTable('engagements').addColumn('settlement_refusal', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('engagements').dropColumn('settlement_refusal').execute();
  await db.schema.dropTable('engagement_proofs').execute();
}
