import { sql, type Kysely } from 'kysely';

// Drafts of applications to join, saved and resumed on any device with a resume key, and the resume key of a
// submitted application: the applicant's own way back to it. Keys are kept only as hashes, like the files' keys.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('provider_application_drafts')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    // The number the application will keep when it is submitted.
    .addColumn('application_no', 'text', (column) =>
      column
        .notNull()
        .unique()
        .check(sql`length(application_no) = 16`),
    )
    .addColumn('key_hash', 'text', (column) => column.notNull())
    // The draft as saved (ProviderApplicationDraftInput), files named by id and name without their keys.
    .addColumn('input', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('saved_at', 'text', (column) => column.notNull())
    .addColumn('saved_ts', 'integer', (column) => column.notNull())
    // Thirty days after the last save, by the platform's clock: past it the draft is gone.
    .addColumn('expires_ts', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('provider_application_drafts_expiry')
    .on('provider_application_drafts')
    .column('expires_ts')
    .execute();

  // The files a draft names: its applicant reads them with the resume key, and submits them without their keys.
  await db.schema
    .createTable('provider_application_draft_files')
    .addColumn('draft_seq', 'integer', (column) =>
      column.notNull().references('provider_application_drafts.seq').onDelete('cascade'),
    )
    .addColumn('file_id', 'text', (column) => column.notNull().references('files.id'))
    .addColumn('role', 'text', (column) => column.notNull().check(sql`role in ('licence', 'certificate')`))
    .addColumn('name', 'text')
    .addPrimaryKeyConstraint('provider_application_draft_files_pk', ['draft_seq', 'file_id'])
    .execute();
  await db.schema
    .createIndex('provider_application_draft_files_file')
    .on('provider_application_draft_files')
    .column('file_id')
    .execute();

  // Null for an application made before resume keys: only the lookup by number and mobile finds it.
  await db.schema.alterTable('provider_applications').addColumn('resume_key_hash', 'text').execute();
  await db.schema
    .createIndex('provider_application_files_file')
    .on('provider_application_files')
    .column('file_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('provider_application_files_file').execute();
  await db.schema.alterTable('provider_applications').dropColumn('resume_key_hash').execute();
  await db.schema.dropTable('provider_application_draft_files').execute();
  await db.schema.dropTable('provider_application_drafts').execute();
}
