import { sql, type Kysely } from 'kysely';

// The expert database (服务专家库). An expert belongs to a provider or was added by a center for its region; the
// database holds the rules every writer must keep: one owner of a known kind, years 0–60, 1–5 specialties
// (the count is kept by the writer, the join table refuses duplicates and unknown categories).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('experts')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull().check(sql`length(name) between 2 and 30`))
    .addColumn('title', 'text', (column) => column.notNull().check(sql`length(title) between 2 and 30`))
    .addColumn('years', 'integer', (column) => column.notNull().check(sql`years between 0 and 60`))
    .addColumn('bio', 'text', (column) => column.notNull().check(sql`length(bio) <= 1000`))
    .addColumn('region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('provider_id', 'text', (column) => column.references('providers.id'))
    // The center (admin region) that added the expert when no provider did.
    .addColumn('center_region_code', 'text', (column) => column.references('regions.code'))
    .addColumn('listed', 'integer', (column) =>
      column
        .notNull()
        .defaultTo(1)
        .check(sql`listed in (0, 1)`),
    )
    // Name, title, specialties and bio folded for the n-gram search.
    .addColumn('search_text', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addCheckConstraint('experts_owner', sql`provider_id is not null or center_region_code is not null`)
    .execute();
  await db.schema.createIndex('experts_provider').on('experts').columns(['provider_id', 'seq']).execute();
  await db.schema.createIndex('experts_region').on('experts').columns(['region_code', 'seq']).execute();

  await db.schema
    .createTable('expert_specialties')
    .addColumn('expert_seq', 'integer', (column) => column.notNull().references('experts.seq'))
    .addColumn('category_id', 'text', (column) => column.notNull().references('categories.id'))
    .addPrimaryKeyConstraint('expert_specialties_pk', ['expert_seq', 'category_id'])
    .execute();
  await db.schema
    .createIndex('expert_specialties_category')
    .on('expert_specialties')
    .columns(['category_id', 'expert_seq'])
    .execute();

  await db.schema
    .createTable('expert_products')
    .addColumn('expert_seq', 'integer', (column) => column.notNull().references('experts.seq'))
    .addColumn('product_id', 'text', (column) => column.notNull().references('products.id'))
    .addPrimaryKeyConstraint('expert_products_pk', ['expert_seq', 'product_id'])
    .execute();

  // The n-gram terms of an expert's search text (see search/ngrams.ts), as product_terms are for products.
  await db.schema
    .createTable('expert_terms')
    .addColumn('term', 'text', (column) => column.notNull())
    .addColumn('expert_seq', 'integer', (column) => column.notNull().references('experts.seq'))
    .addPrimaryKeyConstraint('expert_terms_pk', ['term', 'expert_seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('expert_terms').execute();
  await db.schema.dropTable('expert_products').execute();
  await db.schema.dropTable('expert_specialties').execute();
  await db.schema.dropTable('experts').execute();
}
