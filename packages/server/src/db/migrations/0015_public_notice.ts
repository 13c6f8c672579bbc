import { sql, type Kysely } from 'kysely';

// The public notice's objections (异议) and the link from an admitted application to the provider it became. The
// database keeps the rules every writer must: a known status, a decision that carries its note, its reviewer and its
// instant exactly when the objection is no longer open, at most one objection upheld per application, and one
// application per provider. Text lengths are bounded in code points by the API's caps (4 per character as a person
// counts them, `bounds.ts`), so the database never refuses what the rules allow.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('application_objections')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('application_seq', 'integer', (column) => column.notNull().references('provider_applications.seq'))
    .addColumn('name', 'text', (column) => column.notNull().check(sql`length(name) between 2 and 120`))
    // HMAC of the objector's mobile, as the applications keep theirs: enough to tell one objector's repeats apart.
    .addColumn('phone_hash', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull().check(sql`length(reason) between 10 and 2000`))
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('open', 'upheld', 'dismissed')`))
    .addColumn('decided_note', 'text', (column) => column.check(sql`length(decided_note) between 2 and 800`))
    .addColumn('decided_by', 'text', (column) => column.references('users.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('created_ts', 'integer', (column) => column.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_ts', 'integer')
    .addCheckConstraint(
      'application_objections_decided',
      sql`(status = 'open' and decided_note is null and decided_by is null and decided_at is null and decided_ts is null)
        or (status <> 'open' and decided_note is not null and decided_by is not null and decided_at is not null
          and decided_ts is not null and decided_ts >= created_ts)`,
    )
    .execute();
  await db.schema
    .createIndex('application_objections_application')
    .on('application_objections')
    .columns(['application_seq', 'status'])
    .execute();
  // Upholding one objection rejects the application: a second can never be upheld.
  await db.schema
    .createIndex('application_objections_one_upheld')
    .on('application_objections')
    .column('application_seq')
    .unique()
    .where(sql.ref('status'), '=', 'upheld')
    .execute();

  await db.schema
    .alterTable('provider_applications')
    .addColumn('provider_id', 'text', (column) => column.references('providers.id'))
    .execute();
  await db.schema
    .createIndex('provider_applications_provider')
    .on('provider_applications')
    .column('provider_id')
    .unique()
    .where('provider_id', 'is not', null)
    .execute();
  // The sweep reads the notices that ended, soonest first; the public list reads them in the same order.
  await db.schema
    .createIndex('provider_applications_notice')
    .on('provider_applications')
    .columns(['status', 'notice_ends_ts', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('provider_applications_notice').execute();
  await db.schema.dropIndex('provider_applications_provider').execute();
  await db.schema.alterTable('provider_applications').dropColumn('provider_id').execute();
  await db.schema.dropTable('application_objections').execute();
}
