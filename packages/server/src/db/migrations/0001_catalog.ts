import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they must not depend on the current table types, which change later.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('level', 'text', (column) => column.notNull())
    .addColumn('parent_code', 'text', (column) => column.references('regions.code'))
    .execute();
  await db.schema.createIndex('regions_parent').on('regions').columns(['parent_code', 'code']).execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('name_en', 'text', (column) => column.notNull())
    .addColumn('position', 'integer', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('providers')
    .addColumn('seq', 'integer', (column) => column.primaryKey())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('short_name', 'text', (column) => column.notNull())
    .addColumn('uscc', 'text', (column) => column.notNull().unique())
    .addColumn('org_type', 'text', (column) => column.notNull())
    .addColumn('region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('city_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('address', 'text', (column) => column.notNull())
    .addColumn('contact', 'text', (column) => column.notNull())
    .addColumn('phone', 'text', (column) => column.notNull())
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('founded_on', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('category_ids', 'text', (column) => column.notNull())
    .addColumn('accepts_vouchers', 'integer', (column) => column.notNull())
    .addColumn('admission', 'text', (column) => column.notNull())
    .addColumn('admitted_on', 'text')
    .addColumn('product_count', 'integer', (column) => column.notNull())
    .addColumn('rating_count', 'integer', (column) => column.notNull())
    .addColumn('rating_average', 'real')
    .addColumn('rating_sort', 'real', (column) => column.notNull())
    .addColumn('listed', 'integer', (column) => column.notNull())
    .addColumn('search_text', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('providers_listed_name').on('providers').columns(['listed', 'name', 'seq']).execute();
  await db.schema.createIndex('providers_region').on('providers').columns(['region_code']).execute();
  await db.schema.createIndex('providers_city').on('providers').columns(['city_code']).execute();

  await db.schema
    .createTable('provider_categories')
    .addColumn('provider_seq', 'integer', (column) => column.notNull().references('providers.seq'))
    .addColumn('category_id', 'text', (column) => column.notNull().references('categories.id'))
    .addPrimaryKeyConstraint('provider_categories_pk', ['category_id', 'provider_seq'])
    .modifyEnd(sql`without rowid`)
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('seq', 'integer', (column) => column.primaryKey())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('provider_seq', 'integer', (column) => column.notNull().references('providers.seq'))
    .addColumn('provider_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('category_id', 'text', (column) => column.notNull().references('categories.id'))
    .addColumn('list_price', 'integer', (column) => column.notNull())
    .addColumn('discount_price', 'integer')
    .addColumn('is_free', 'integer', (column) => column.notNull())
    .addColumn('price', 'integer', (column) => column.notNull())
    .addColumn('price_band', 'integer', (column) => column.notNull())
    .addColumn('time_limit_days', 'integer', (column) => column.notNull())
    .addColumn('voucher_eligible', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('sold_count', 'integer', (column) => column.notNull())
    .addColumn('rating_count', 'integer', (column) => column.notNull())
    .addColumn('rating_average', 'real')
    .addColumn('rating_sort', 'real', (column) => column.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_ts', 'integer', (column) => column.notNull())
    .addColumn('listed', 'integer', (column) => column.notNull())
    .addColumn('province_wide', 'integer', (column) => column.notNull())
    .addColumn('facet_key', 'integer', (column) => column.notNull())
    .addColumn('city_code', 'text')
    .execute();
  // One index per sort order, each led by `listed`, so that an unfiltered page is read in index order.
  await db.schema
    .createIndex('products_popular')
    .on('products')
    .columns(['listed', 'sold_count desc', 'seq'])
    .execute();
  await db.schema
    .createIndex('products_rating')
    .on('products')
    .columns(['listed', 'rating_sort desc', 'seq'])
    .execute();
  await db.schema.createIndex('products_price').on('products').columns(['listed', 'price', 'seq']).execute();
  await db.schema
    .createIndex('products_newest')
    .on('products')
    .columns(['listed', 'published_ts desc', 'seq'])
    .execute();
  // Covers the facet scan: it groups by facet_key in index order and reads every column a filter may test,
  // so it never visits the table and never sorts.
  await db.schema
    .createIndex('products_facets')
    .on('products')
    .columns([
      'listed',
      'facet_key',
      'city_code',
      'category_id',
      'voucher_eligible',
      'is_free',
      'province_wide',
      'price',
      'rating_sort',
      'provider_id',
    ])
    .execute();
  await db.schema.createIndex('products_provider').on('products').columns(['provider_seq', 'listed']).execute();

  await db.schema
    .createTable('product_texts')
    .addColumn('product_seq', 'integer', (column) => column.primaryKey().references('products.seq'))
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('function', 'text', (column) => column.notNull())
    .addColumn('process', 'text', (column) => column.notNull())
    .addColumn('standard', 'text', (column) => column.notNull())
    .addColumn('fee_note', 'text', (column) => column.notNull())
    .addColumn('suitable_for', 'text', (column) => column.notNull())
    .addColumn('region_codes', 'text', (column) => column.notNull())
    .execute();

  // Apart from the long texts, so that confirming a phrase in thousands of rows reads few pages.
  await db.schema
    .createTable('product_search')
    .addColumn('seq', 'integer', (column) => column.primaryKey().references('products.seq'))
    .addColumn('text', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('product_coverage')
    .addColumn('region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('seq', 'integer', (column) => column.notNull().references('products.seq'))
    .addColumn('listed', 'integer', (column) => column.notNull())
    .addColumn('category_id', 'text', (column) => column.notNull())
    .addColumn('voucher_eligible', 'integer', (column) => column.notNull())
    .addColumn('is_free', 'integer', (column) => column.notNull())
    .addColumn('price', 'integer', (column) => column.notNull())
    .addColumn('rating_sort', 'real', (column) => column.notNull())
    .addColumn('provider_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('product_coverage_pk', ['region_code', 'seq'])
    .modifyEnd(sql`without rowid`)
    .execute();
  // For a search it is cheaper to go from each matching product to its few regions than to probe every region for
  // every product: this index covers the facet's columns with region_code last, so it is read per product.
  await db.schema
    .createIndex('product_coverage_seq')
    .on('product_coverage')
    .columns([
      'seq',
      'listed',
      'category_id',
      'voucher_eligible',
      'is_free',
      'price',
      'rating_sort',
      'provider_id',
      'region_code',
    ])
    .execute();

  await db.schema
    .createTable('product_terms')
    .addColumn('term', 'text', (column) => column.notNull())
    .addColumn('product_seq', 'integer', (column) => column.notNull())
    .addColumn('weight', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('product_terms_pk', ['term', 'product_seq'])
    .modifyEnd(sql`without rowid`)
    .execute();

  await db.schema
    .createTable('facet_counts')
    .addColumn('region_code', 'text', (column) => column.notNull())
    .addColumn('facet_key', 'integer', (column) => column.notNull())
    .addColumn('n', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('facet_counts_pk', ['region_code', 'facet_key'])
    .modifyEnd(sql`without rowid`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'product_terms',
    'product_coverage',
    'product_search',
    'product_texts',
    'products',
    'provider_categories',
    'providers',
    'categories',
    'regions',
    'meta',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
