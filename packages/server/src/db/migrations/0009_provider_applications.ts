import { sql, type Kysely } from 'kysely';

// Applications to join the network (入驻申请), their timelines and the files they name. The database holds the rules
// every writer must keep: a known status, one open application per organisation, files that exist.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('provider_applications')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('application_no', 'text', (column) =>
      column
        .notNull()
        .unique()
        .check(sql`length(application_no) = 16`),
    )
    .addColumn('uscc', 'text', (column) => column.notNull().check(sql`length(uscc) = 18`))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('region_code', 'text', (column) => column.notNull().references('regions.code'))
    .addColumn('phone_hash', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status in ('submitted', 'changesRequested', 'publicNotice', 'admitted', 'rejected')`),
    )
    // The application as the applicant sent it (ProviderApplicationInput), files named by id without their keys.
    .addColumn('input', 'text', (column) => column.notNull())
    .addColumn('submitted_at', 'text', (column) => column.notNull())
    .addColumn('submitted_ts', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  // One application under way per organisation: a second is refused until the first is admitted or rejected.
  await db.schema
    .createIndex('provider_applications_open_uscc')
    .on('provider_applications')
    .column('uscc')
    .unique()
    .where(sql.ref('status'), 'in', sql`('submitted', 'changesRequested', 'publicNotice')`)
    .execute();
  await db.schema
    .createIndex('provider_applications_region')
    .on('provider_applications')
    .columns(['region_code', 'submitted_ts', 'seq'])
    .execute();

  await db.schema
    .createTable('provider_application_timeline')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('application_seq', 'integer', (column) => column.notNull().references('provider_applications.seq'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull().check(sql`actor in ('applicant', 'center', 'platform')`))
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('provider_application_timeline_application')
    .on('provider_application_timeline')
    .columns(['application_seq', 'seq'])
    .execute();

  // The files an application names: who may read them follows from the application (its reviewers), not a key.
  await db.schema
    .createTable('provider_application_files')
    .addColumn('application_seq', 'integer', (column) => column.notNull().references('provider_applications.seq'))
    .addColumn('file_id', 'text', (column) => column.notNull().references('files.id'))
    .addColumn('role', 'text', (column) => column.notNull().check(sql`role in ('licence', 'certificate')`))
    .addPrimaryKeyConstraint('provider_application_files_pk', ['application_seq', 'file_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('provider_application_files').execute();
  await db.schema.dropTable('provider_application_timeline').execute();
  await db.schema.dropTable('provider_applications').execute();
}
