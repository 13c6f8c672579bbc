import { sql, type Kysely } from 'kysely';

// What the platform tells an enterprise or a provider user (an event cancelled or changed, a demand's matches,
// changes requested on an application, a follow-up due, a voucher expiring). A notification names its kind and the
// entity it is about, with the facts its text needs as JSON: the text itself is made when it is read, in the
// reader's language. Sending by SMS or e-mail goes through a sender and leaves `sent_at`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`length(kind) between 3 and 60`))
    .addColumn('subject_type', 'text', (column) => column.notNull())
    .addColumn('subject_id', 'text', (column) => column.notNull())
    .addColumn('data', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('created_ts', 'integer', (column) => column.notNull())
    .addColumn('read_at', 'text')
    .addColumn('read_ts', 'integer')
    .addColumn('sent_at', 'text')
    .addCheckConstraint(
      'notifications_read',
      sql`(read_at is null and read_ts is null) or (read_at is not null and read_ts is not null and read_ts >= created_ts)`,
    )
    .execute();
  // A reader's list, newest first, and its unread count.
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_ts', 'seq'])
    .execute();
  await db.schema
    .createIndex('notifications_unread')
    .on('notifications')
    .columns(['user_id', 'seq'])
    .where(sql.ref('read_ts'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}
