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

/** The advisory lock of the catalog's derived data: any fixed number no other lock of the platform takes. */
const CATALOG_LOCK = 19_016;

/**
 * Makes the writes that number products or derive the catalog's indexes again (a provider's change, a center's
 * suspension) run one after the other: the facet counts are recounted whole and product numbers follow the highest,
 * so two at once would collide. On PostgreSQL a transaction-level advisory lock, released at commit; SQLite needs
 * nothing.
 */
export async function serializeCatalogWrites(trx: Transaction<Database>): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(${CATALOG_LOCK})`.execute(trx);
}
