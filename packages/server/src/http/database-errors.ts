import type { Localized } from './localized.js';
import { ProblemError } from './problem.js';

/**
 * Errors of a database that is busy, locked, overloaded, restarting or out of reach. They say nothing about the
 * request: the same request succeeds a moment later, so the client is told to retry (503 with Retry-After) rather
 * than that the server failed (500).
 *
 * SQLite (better-sqlite3 sets `code`): another connection holds the write lock past the busy timeout, or a
 * read transaction's snapshot went stale before it could write. PostgreSQL (node-postgres sets `code` to the
 * SQLSTATE): serialization failure and deadlock (40001, 40P01), `lock_timeout` and `statement_timeout` (55P03,
 * 57014), too many connections (53300), an administrator or a crash shutting the server down (57P01–57P03), and
 * the whole connection-exception class 08.
 */
const SQLITE_TRANSIENT = /^SQLITE_(BUSY|LOCKED)(_[A-Z]+)?$/;
const POSTGRES_BUSY = new Set(['40001', '40P01', '55P03', '57014', '53300']);
const POSTGRES_DOWN = new Set(['57P01', '57P02', '57P03']);
const POSTGRES_CONNECTION_CLASS = /^08[0-9A-Z]{3}$/;
/** The socket to the database server failed before any SQLSTATE could arrive. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN']);
/**
 * node-postgres reports a dropped connection and a pool that could not connect in time with messages only, and
 * Kysely refuses queries once the database is being closed (a request that raced a graceful shutdown).
 */
const TRANSIENT_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|driver has already been destroyed)/;

/**
 * How long a client should wait before retrying, in seconds: a lost race for a lock clears within a second; a
 * database that is restarting or out of reach takes a little longer.
 */
export const DATABASE_RETRY_AFTER_SECONDS = { busy: 1, down: 2 } as const;

/** Why the database could not answer: `busy` (a lock, a timeout, overload) or `down` (no connection). */
export type DatabaseTrouble = keyof typeof DATABASE_RETRY_AFTER_SECONDS;

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function troubleOfOne(error: object): DatabaseTrouble | undefined {
  const code = codeOf(error);
  if (code !== undefined) {
    if (SQLITE_TRANSIENT.test(code) || POSTGRES_BUSY.has(code)) return 'busy';
    if (POSTGRES_DOWN.has(code) || POSTGRES_CONNECTION_CLASS.test(code) || NETWORK_CODES.has(code)) return 'down';
  }
  if (error instanceof Error && TRANSIENT_MESSAGES.test(error.message)) return 'down';
  return undefined;
}

/** What kind of transient database error `error` is, or an error it wraps (`cause`); undefined for any other. */
export function databaseTrouble(error: unknown): DatabaseTrouble | undefined {
  // A bounded walk: a cause chain is short, and a cyclic one must not hang the error handler.
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const trouble = troubleOfOne(current);
    if (trouble) return trouble;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when `error` is a transient database error (see above): the request deserves a 503, not a 500. */
export function isTransientDatabaseError(error: unknown): boolean {
  return databaseTrouble(error) !== undefined;
}

/** The code of an error (`SQLITE_BUSY`, `55P03` …) for the log; codes carry no personal data. */
export function databaseErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = codeOf(current);
    if (code !== undefined) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const TEXT = {
  busy: {
    'zh-CN': '系统繁忙，请稍后重试。',
    'zh-HK': '系統繁忙，請稍後重試。',
    en: 'The service is busy; retry in a moment.',
  },
  down: {
    'zh-CN': '数据库暂时无法访问，请稍后重试。',
    'zh-HK': '數據庫暫時無法存取，請稍後重試。',
    en: 'The database is unavailable; retry in a moment.',
  },
} as const satisfies Record<DatabaseTrouble, Localized>;

/**
 * A 503 `service_unavailable` problem with `Retry-After`, its detail in every language. `busy` when a request lost a race for a lock,
 * `down` when the database could not be reached at all.
 */
export function serviceUnavailable(trouble: DatabaseTrouble = 'busy'): ProblemError {
  return new ProblemError('service_unavailable', TEXT[trouble], {
    headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS[trouble]) },
  });
}
