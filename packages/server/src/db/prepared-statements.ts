import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Statements prepared on one connection at most; past it, new texts run unprepared (parsed and planned each time). */
const PER_CONNECTION = 400;
/** Longer texts or more parameters are bulk writes (seeding, copies) whose text varies with the row count. */
const MAX_TEXT = 4000;
const MAX_PARAMETERS = 64;
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

const names = new Map<string, string>();

/** The statement's name: a hash of its text, so that one name never stands for two texts. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= 4 * PER_CONNECTION) names.clear();
    name = `smec_${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A pool whose connections prepare the statements they run again and again. PostgreSQL then parses a statement once
 * per connection and, after a few runs, reuses its plan: for the short lookups of a busy moment (a batch's opening:
 * a user, a batch, an idempotency key, thousands of times a second) parsing and planning cost more than running.
 * Kysely writes the same text for the same query shape, so the hot statements are few.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let own = prepared.get(client);
      if (!own) prepared.set(client, (own = new Set()));
      const names = own;
      const query = (text: string, values: readonly unknown[]) => {
        // Without parameters a text is either static and cheap, or several statements, which cannot be prepared.
        if (values.length === 0 || text.length > MAX_TEXT || values.length > MAX_PARAMETERS || !PREPARABLE.test(text)) {
          return client.query(text, values as unknown[]);
        }
        const name = nameOf(text);
        if (!names.has(name)) {
          if (names.size >= PER_CONNECTION) return client.query(text, values as unknown[]);
          names.add(name);
        }
        return client.query({ name, text, values: values as unknown[] });
      };
      return {
        query: ((textOrCursor: unknown, values?: readonly unknown[]) =>
          typeof textOrCursor === 'string'
            ? query(textOrCursor, values ?? [])
            : client.query(textOrCursor as never)) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}
