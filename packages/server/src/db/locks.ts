import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * Makes the writes of one enterprise that check a sum over its rows (the yearly cap of its vouchers) run one after
 * the other, so two of them cannot both pass the check. On PostgreSQL the enterprise's row is locked until the
 * transaction ends; other enterprises are not held up. SQLite needs nothing: one connection serialises every write.
 */
export async function serializeEnterpriseWrites(trx: Transaction<Database>, enterpriseId: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select 1 from enterprises where id = ${enterpriseId} for update`.execute(trx);
}
