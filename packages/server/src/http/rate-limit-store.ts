import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';

/** What @fastify/rate-limit asks of a store: the count of a key in its window, and how long the window has left. */
interface Count {
  readonly current: number;
  readonly ttl: number;
}
type Answer = (error: Error | null, count?: Count) => void;

/** Counters whose window ended this long ago are deleted (at most every ten minutes). */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * The rate limits' counters in the platform's database, so that every instance on one database counts one client's
 * requests together: N instances allow the limit, not N times it. A window begins with a client's first request
 * (as the plugin's own store does) and ends `timeWindow` later; one statement counts a request, so two instances
 * counting at once never lose a hit. Time is the server's clock.
 */
export function databaseRateLimitStore(db: Kysely<Database>, clock: Clock) {
  let lastSweep = 0;
  let longestWindow = 0;

  async function hit(key: string, timeWindow: number): Promise<Count> {
    const now = clock.now();
    longestWindow = Math.max(longestWindow, timeWindow);
    const row = await db
      .insertInto('rate_limit_counters')
      .values({ key, window_started_ts: now, hits: 1 })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet((eb) => {
          const ended = eb('rate_limit_counters.window_started_ts', '<=', now - timeWindow);
          return {
            hits: eb
              .case()
              .when(ended)
              .then(1)
              .else(eb('rate_limit_counters.hits', '+', 1))
              .end(),
            window_started_ts: eb
              .case()
              .when(ended)
              .then(now)
              .else(eb.ref('rate_limit_counters.window_started_ts'))
              .end(),
          };
        }),
      )
      .returning(['hits', 'window_started_ts'])
      .executeTakeFirstOrThrow();
    if (now - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = now;
      await db
        .deleteFrom('rate_limit_counters')
        .where('window_started_ts', '<', now - longestWindow)
        .execute();
    }
    return { current: Number(row.hits), ttl: Number(row.window_started_ts) + timeWindow - now };
  }

  async function peek(key: string, timeWindow: number): Promise<Count> {
    const now = clock.now();
    const row = await db
      .selectFrom('rate_limit_counters')
      .select(['hits', 'window_started_ts'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row || Number(row.window_started_ts) + timeWindow <= now) return { current: 0, ttl: 0 };
    return { current: Number(row.hits), ttl: Number(row.window_started_ts) + timeWindow - now };
  }

  const answer = (work: Promise<Count>, callback: Answer) =>
    void work.then(
      (count) => callback(null, count),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );

  return class DatabaseRateLimitStore {
    incr(key: string, callback: Answer, timeWindow: number): void {
      answer(hit(key, timeWindow), callback);
    }

    read(key: string, callback: Answer, timeWindow: number): void {
      answer(peek(key, timeWindow), callback);
    }

    /** Every route shares the one table: a route's counters differ by their key (its group and the address). */
    child(): DatabaseRateLimitStore {
      return this;
    }
  };
}
