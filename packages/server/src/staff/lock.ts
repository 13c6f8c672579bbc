import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** The advisory lock class of a center's staff writes; the region code (six digits) is the lock within it. */
const STAFF_LOCK = 20_020;

/**
 * Makes the writes to one center's staff run one after the other, so that two administrators demoting each other at
 * once cannot both pass the check that the center keeps an active administrator. On PostgreSQL a transaction-level
 * advisory lock per center, released at commit; SQLite needs nothing: one connection serialises every write.
 */
export async function serializeCenterStaffWrites(trx: Transaction<Database>, regionCode: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(${STAFF_LOCK}, ${Number(regionCode)})`.execute(trx);
}
