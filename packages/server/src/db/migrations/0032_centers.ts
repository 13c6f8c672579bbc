import { sql, type Kysely } from 'kysely';

// The three-level network as data: one center per region, its organisation form and how it was set up, its
// contacts and the facts its basic requirements are checked on. The counts hold together here: no negative area or
// staff, and never more qualified staff than staff.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('centers')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('region_code', 'text', (column) => column.notNull().unique().references('regions.code'))
    .addColumn('name', 'text', (column) => column.notNull().check(sql`length(trim(name)) >= 4`))
    .addColumn('org_form', 'text', (column) =>
      column.notNull().check(sql`org_form in ('publicInstitution', 'privateNonEnterprise', 'enterprise')`),
    )
    .addColumn('setup', 'text', (column) =>
      column.notNull().check(sql`setup in ('established', 'recognized', 'designated')`),
    )
    .addColumn('setup_document', 'text', (column) => column.notNull())
    .addColumn('established_on', 'text', (column) => column.notNull())
    .addColumn('address', 'text', (column) => column.notNull())
    .addColumn('phone', 'text', (column) => column.notNull())
    .addColumn('website', 'text')
    .addColumn('opening_hours', 'text', (column) => column.notNull())
    .addColumn('floor_area', 'integer', (column) => column.notNull().check(sql`floor_area >= 0`))
    .addColumn('staff_count', 'integer', (column) => column.notNull().check(sql`staff_count >= 0`))
    .addColumn('qualified_staff_count', 'integer', (column) => column.notNull().check(sql`qualified_staff_count >= 0`))
    .addColumn('own_space', 'integer', (column) => column.notNull().check(sql`own_space in (0, 1)`))
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addCheckConstraint('centers_qualified_within_staff', sql`qualified_staff_count <= staff_count`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('centers').execute();
}
