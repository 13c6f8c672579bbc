import { sql, type Kysely } from 'kysely';

// Center staff at three levels (admin 管理员, staff 业务员, viewer 只读), and accounts a center's administrators keep:
// invited by the identity provider's subject or by mobile, their role changed, deactivated. Every account that was a
// center's before this keeps its powers: it becomes the center's administrator.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('staff_role', 'text', (column) => column.check(sql`staff_role in ('admin', 'staff', 'viewer')`))
    .execute();
  // A deactivated account's tokens are refused; the row stays, for the audit log names it.
  await db.schema
    .alterTable('users')
    .addColumn('active', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  // The count of a staff account's edits: the ETag of `If-Match`.
  await db.schema
    .alterTable('users')
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  // The mobile a center invited the person by (11 digits), null when invited by subject or not invited at all.
  await db.schema.alterTable('users').addColumn('mobile', 'text').execute();
  await sql`update users set staff_role = 'admin' where role = 'admin'`.execute(db);
  await db.schema.createIndex('users_staff').on('users').columns(['region_code', 'staff_role']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('users_staff').execute();
  for (const column of ['mobile', 'revision', 'active', 'staff_role']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
