import { sql, type Kysely } from 'kysely';

// Notifications leave the platform by e-mail (`notifications/sender*.ts`): each one keeps where its delivery stands
// (pending, sent, failed after its attempts, skipped when there is nobody to mail), its attempts, when the next one
// may start, the last error, and the claim of the sweep sending it now (two servers never send it twice). A user
// gets an address to mail and a language to be written in. An applicant to join, who has no account, is mailed at
// the address of the application (`mail_notices`, the same delivery columns). The sweep's reminders carry a key
// that makes each one once.
const DELIVERY_STATES = sql`('pending', 'sent', 'failed', 'skipped')`;

async function addDeliveryColumns(db: Kysely<unknown>, table: string): Promise<void> {
  await db.schema
    .alterTable(table)
    .addColumn('delivery', 'text', (column) =>
      column
        .notNull()
        .defaultTo('pending')
        .check(sql`delivery in ${DELIVERY_STATES}`),
    )
    .execute();
  await db.schema
    .alterTable(table)
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable(table).addColumn('next_attempt_ts', 'integer').execute();
  await db.schema.alterTable(table).addColumn('last_error', 'text').execute();
  await db.schema.alterTable(table).addColumn('claimed_until_ts', 'integer').execute();
  await db.schema.alterTable(table).addColumn('claim_token', 'text').execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  await db.schema
    .alterTable('users')
    .addColumn('locale', 'text', (column) => column.check(sql`locale in ('zh-CN', 'zh-HK', 'en')`))
    .execute();

  await addDeliveryColumns(db, 'notifications');
  // What was told before there was a sender stays in the app: mailing old news after an upgrade would confuse.
  await sql`update notifications set delivery = 'skipped', last_error = 'written before the sender'`.execute(db);
  // A reminder the sweep writes (a voucher expiring, a follow-up due) is written once per user and occasion, however
  // many sweeps of however many servers see it due: the key says which occasion.
  await db.schema.alterTable('notifications').addColumn('once_key', 'text').execute();
  await db.schema.createIndex('notifications_once').on('notifications').column('once_key').unique().execute();
  await db.schema
    .createIndex('notifications_undelivered')
    .on('notifications')
    .columns(['seq'])
    .where(sql.ref('delivery'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('mail_notices')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('to_address', 'text', (column) => column.notNull().check(sql`length(to_address) between 3 and 254`))
    .addColumn('locale', 'text', (column) => column.check(sql`locale in ('zh-CN', 'zh-HK', 'en')`))
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`length(kind) between 3 and 60`))
    .addColumn('subject_type', 'text', (column) => column.notNull())
    .addColumn('subject_id', 'text', (column) => column.notNull())
    .addColumn('data', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('created_ts', 'integer', (column) => column.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await addDeliveryColumns(db, 'mail_notices');
  await db.schema
    .createIndex('mail_notices_undelivered')
    .on('mail_notices')
    .columns(['seq'])
    .where(sql.ref('delivery'), '=', 'pending')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_notices').execute();
  await db.schema.dropIndex('notifications_undelivered').execute();
  await db.schema.dropIndex('notifications_once').execute();
  for (const column of [
    'once_key',
    'claim_token',
    'claimed_until_ts',
    'last_error',
    'next_attempt_ts',
    'attempts',
    'delivery',
  ]) {
    await db.schema.alterTable('notifications').dropColumn(column).execute();
  }
  for (const column of ['locale', 'email']) await db.schema.alterTable('users').dropColumn(column).execute();
}
