import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { resolveOptions, type ServerOptions } from './config.js';
import { prepareDatabase, seededAtOf } from './db/prepare.js';

export { buildApp, type AppOptions } from './app.js';
export {
  prepareDatabase,
  prepareSqliteDatabase,
  loadSqliteIntoPostgres,
  openPlatformDatabase,
  DATABASE_FILE,
  type PreparedDatabase,
  type PrepareOptions,
} from './db/prepare.js';
export type { ServerOptions } from './config.js';
export type { S3Settings } from './files/s3-store.js';
export { systemClock, fixedClock, clockFromEnv, parseInstant, type Clock } from './clock.js';
export { openDatabase } from './db/database.js';
export type { Database } from './db/schema.js';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` */
  readonly url: string;
  /** `url` + `/api/v1` */
  readonly apiUrl: string;
  /** The instant the database's seed data is relative to (ms), or undefined when it holds no seed. */
  readonly seededAt: number | undefined;
  close(): Promise<void>;
}

/** Creates, migrates and seeds the database if needed, then listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const resolved = resolveOptions(options);
  const database = await prepareDatabase(resolved.database, { asOf: resolved.clock.now() });
  try {
    const app = await buildApp({
      database,
      logger: resolved.logger,
      demo: resolved.demo,
      demoAuth: resolved.demoAuth,
      auth: resolved.auth,
      rateLimits: resolved.rateLimits,
      trustProxy: resolved.trustProxy,
      hstsMaxAge: resolved.hstsMaxAge,
      ...(resolved.fileStore ? { fileStore: resolved.fileStore } : {}),
      ...(resolved.mail ? { mail: resolved.mail } : {}),
      ...(options.logStream ? { logStream: options.logStream } : {}),
      clock: resolved.clock,
      checkProblemCodes: options.checkProblemCodes ?? false,
    });
    const seededAt = await seededAtOf(database.db);
    await app.listen({ port: resolved.port, host: resolved.host });
    const { port } = app.server.address() as AddressInfo;
    const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
    const url = `http://${host}:${port}`;
    let closing: Promise<void> | undefined;
    return {
      url,
      apiUrl: `${url}/api/v1`,
      seededAt,
      close() {
        closing ??= app.close().then(() => database.close());
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
