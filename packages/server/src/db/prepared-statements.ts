import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * The statement texts worth preparing: those of a hot path, compiled once (`QueryTemplate`). Only these: a prepared
 * statement soon runs on a generic plan, one plan for every value, which suits a lookup by key but not a catalog
 * search, whose best plan depends on its values (how many matches, which region).
 */
const hot = new Map<string, string>();

/** Marks `text` to be prepared on every connection that runs it; returns its name there. */
export function prepareWherever(text: string): string {
  let name = hot.get(text);
  if (name === undefined) {
    name = `smec_${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`;
    hot.set(text, name);
  }
  return name;
}

/**
 * A pool whose connections prepare the hot statements: PostgreSQL then parses one once per connection and, after a
 * few runs, reuses its plan. For the lookups of a busy moment (a batch's opening: thousands a second), parsing and
 * planning cost more than running.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      const query = (text: string, values: readonly unknown[]) => {
        const name = hot.get(text);
        return name === undefined
          ? client.query(text, values as unknown[])
          : client.query({ name, text, values: values as unknown[] });
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
