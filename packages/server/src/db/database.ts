import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type SqliteDatabase,
} from 'kysely';
import type { Database } from './schema.js';

/** Which engine the platform's data lives in: the embedded file, or a shared PostgreSQL server. */
export type DatabaseDialect = 'sqlite' | 'postgres';

/** An open database of either engine: every query of the platform goes through `db`. */
export interface PlatformDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: DatabaseDialect;
  close(): Promise<void>;
}

/** An open SQLite database. The seed writes through the raw connection (the fastest way to insert in bulk). */
export interface DatabaseHandle extends PlatformDatabase {
  readonly dialect: 'sqlite';
  /** The raw connection, for the seed's bulk inserts only; queries go through Kysely. */
  readonly sqlite: BetterSqlite3.Database;
}

/** True for a `postgres://` or `postgresql://` URL, false for a SQLite data folder. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** SQLite's wait for a lock before it answers busy (the server then answers 503): `SMEC_DB_BUSY_TIMEOUT_MS`. */
function busyTimeoutMs(): number {
  const value = Number(process.env['SMEC_DB_BUSY_TIMEOUT_MS']);
  return Number.isInteger(value) && value >= 0 ? value : 5000;
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew, and better-sqlite3 compiles SQL on each prepare (tens of microseconds for a
 * catalog query). Our SQL is parameterised, so there are few distinct texts: keep the compiled statements of the
 * most recent ones. A statement still being iterated is never handed out twice.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText) {
      const cached = cache.get(sqlText);
      if (cached && !cached.busy) {
        cache.delete(sqlText);
        cache.set(sqlText, cached);
        return cached;
      }
      const statement = sqlite.prepare(sqlText);
      cache.set(sqlText, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return statement;
    },
  };
}

/**
 * Every transaction of the platform writes, so it starts with BEGIN IMMEDIATE: it takes the write lock first (waiting
 * up to the busy timeout for another process to finish), instead of reading first and then finding, when it comes to
 * write, that another process wrote meanwhile (SQLITE_BUSY at once, with no wait). One process never sees the
 * difference; several processes on one file do.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Opens (creating if needed) the SQLite file with WAL and foreign keys on. */
export function openDatabase(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  let closed = false;
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      // Kysely's destroy closes the better-sqlite3 connection too.
      await db.destroy();
    },
  };
}
