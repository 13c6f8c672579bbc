import type { Kysely } from 'kysely';

// A center's review of an application: the notes per field it asked changes on, the staff user who moved it last
// (for the audit log to come), and the end of its public notice once approved.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('provider_applications').addColumn('change_notes', 'text').execute();
  await db.schema.alterTable('provider_applications').addColumn('reviewed_by', 'text').execute();
  await db.schema.alterTable('provider_applications').addColumn('notice_ends_ts', 'integer').execute();
  await db.schema.alterTable('provider_applications').addColumn('notice_ends_on', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['notice_ends_on', 'notice_ends_ts', 'reviewed_by', 'change_notes']) {
    await db.schema.alterTable('provider_applications').dropColumn(column).execute();
  }
}
