export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. Default: env `PORT`, else 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Folder of the SQLite file. Default: env `SMEC_DATA_DIR`, else `.data`. */
  dataDir?: string;
  /** Log one line per request. */
  logger?: boolean;
  /** Serve the demo site at `/` and the CDN build at `/cdn/`. */
  demo?: boolean;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly logger: boolean;
  readonly demo: boolean;
}

export const DEFAULT_PORT = 8787;

function portFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0–65535, not ${value}`);
  return port;
}

export function resolveOptions(options: ServerOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  return {
    port: options.port ?? portFrom(env['PORT']) ?? DEFAULT_PORT,
    host: options.host ?? '127.0.0.1',
    dataDir: options.dataDir ?? (env['SMEC_DATA_DIR'] || '.data'),
    logger: options.logger ?? false,
    demo: options.demo ?? false,
  };
}
