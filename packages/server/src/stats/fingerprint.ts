import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * A fingerprint of the rows the scorecard and the evaluation count (and of the province's settings of the years): for each table, its highest sequence number and, where rows
 * change, its latest `updated_at` (providers and products change only through the seed, which adds rows). The platform never deletes these rows (an engagement is cancelled, a voucher withdrawn, a demand
 * rejected) and every write stamps `updated_at`, so any insert or update changes the fingerprint. Each part is one
 * probe of an index, so it costs well under a millisecond however many rows there are.
 */
export async function dataFingerprint(db: Kysely<Database>): Promise<string> {
  const result = await sql<Record<string, unknown>>`
    select (select max(seq) from engagements) as a, (select max(updated_at) from engagements) as b,
      (select max(seq) from ratings) as c,
      (select max(seq) from vouchers) as d, (select max(updated_at) from vouchers) as e,
      (select max(seq) from demands) as f, (select max(updated_at) from demands) as g,
      (select max(seq) from events) as h, (select max(updated_at) from events) as i,
      (select max(seq) from providers) as j, (select max(seq) from products) as k,
      (select max(seq) from registrations) as l, (select max(updated_at) from registrations) as m,
      (select max(seq) from event_ratings) as o,
      (select max(seq) from follow_ups) as p, (select max(updated_at) from follow_ups) as q,
      (select sum(revision) from evaluation_years) as r`.execute(db);
  return `${JSON.stringify(Object.values(result.rows[0] ?? {}))} ${await changesOfThisConnection(db)}`;
}

/**
 * SQLite also counts the rows this connection changed (every write of an embedded server goes through it), which
 * catches an update whatever its `updated_at`. Other databases have no such counter; the fingerprint above holds.
 */
async function changesOfThisConnection(db: Kysely<Database>): Promise<string> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return '';
  const result = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return String(result.rows[0]?.n ?? '');
}

/** A small map that forgets its oldest entry beyond `capacity`. */
export class BoundedMemo<V> {
  readonly #entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
