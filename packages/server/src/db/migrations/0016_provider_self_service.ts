import { sql, type Kysely } from 'kysely';

// The provider after admission keeps its own products and profile: products gain the count of their edits (the ETag
// of `If-Match`) and of their publications; each publication is kept as a version that engagements name, so that
// an engagement shows the product as ordered; a provider's suspensions, reinstatements and removals are kept on its
// timeline, and a change of its name, credit code or legal representative waits for a center as a pending change.
// Every column added to an existing table has a default: inserts that do not know them keep working.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('products')
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('products')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('products').addColumn('updated_at', 'text').execute();

  await db.schema
    .createTable('product_versions')
    .addColumn('product_id', 'text', (column) => column.notNull().references('products.id'))
    .addColumn('version', 'integer', (column) => column.notNull().check(sql`version >= 1`))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('category_id', 'text', (column) => column.notNull())
    .addColumn('list_price', 'integer', (column) => column.notNull())
    .addColumn('discount_price', 'integer')
    .addColumn('is_free', 'integer', (column) => column.notNull())
    .addColumn('price', 'integer', (column) => column.notNull())
    .addColumn('fee_note', 'text', (column) => column.notNull())
    .addColumn('function', 'text', (column) => column.notNull())
    .addColumn('process', 'text', (column) => column.notNull())
    .addColumn('standard', 'text', (column) => column.notNull())
    .addColumn('time_limit_days', 'integer', (column) => column.notNull())
    .addColumn('published_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('product_versions_pk', ['product_id', 'version'])
    .execute();

  // Null for an engagement ordered before versions: it shows the product as it is.
  await db.schema.alterTable('engagements').addColumn('product_version', 'integer').execute();

  await db.schema
    .alterTable('providers')
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  // JSON array of region codes, as the application to join named them; empty as seeded.
  await db.schema
    .alterTable('providers')
    .addColumn('regions_served', 'text', (column) => column.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('provider_timeline')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('provider_id', 'text', (column) => column.notNull().references('providers.id'))
    .addColumn('action', 'text', (column) =>
      column
        .notNull()
        .check(sql`action in ('suspend', 'reinstate', 'remove', 'requestChange', 'approveChange', 'refuseChange')`),
    )
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_user_id', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('provider_timeline_provider')
    .on('provider_timeline')
    .columns(['provider_id', 'seq'])
    .execute();

  // At most one pending change per provider (the unique index): a second request replaces nothing.
  await db.schema
    .createTable('provider_changes')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('provider_id', 'text', (column) => column.notNull().references('providers.id'))
    // JSON object of the fields asked for: name, uscc, legalRepresentative.
    .addColumn('fields', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('pending', 'approved', 'refused')`))
    .addColumn('requested_at', 'text', (column) => column.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('provider_changes_pending')
    .on('provider_changes')
    .column('provider_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('provider_changes').execute();
  await db.schema.dropTable('provider_timeline').execute();
  await db.schema.alterTable('providers').dropColumn('regions_served').execute();
  await db.schema.alterTable('providers').dropColumn('revision').execute();
  await db.schema.alterTable('engagements').dropColumn('product_version').execute();
  await db.schema.dropTable('product_versions').execute();
  await db.schema.alterTable('products').dropColumn('updated_at').execute();
  await db.schema.alterTable('products').dropColumn('version').execute();
  await db.schema.alterTable('products').dropColumn('revision').execute();
}
