import { CLAIM_NAME_VARIABLES, DEFAULT_CLAIM_NAMES, type ClaimNames } from './auth/claims.js';
import type { AuthSettings } from './auth/verifier.js';
import { clockFromEnv, type Clock } from './clock.js';
import type { S3Settings } from './files/s3-store.js';
import { parseRateLimit, type RateLimitRule } from './http/rate-limit.js';
import type { SmtpSettings } from './notifications/sender-smtp.js';

export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. Default: env `PORT`, else 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Folder of the SQLite file. Default: env `SMEC_DATA_DIR`, else `.data`. */
  dataDir?: string;
  /**
   * A `postgres://` URL: the data lives in that PostgreSQL database instead of the SQLite file (then `dataDir` is not
   * used). Default: env `DATABASE_URL`.
   */
  databaseUrl?: string;
  /** Log one line per request. */
  logger?: boolean;
  /** Demo mode: serve the demo site at `/` and the CDN build at `/cdn/`. Default: env `SMEC_DEMO=1`. */
  demo?: boolean;
  /**
   * Issue demo tokens for the seeded users (`/api/v1/demo/*`). Default: in demo mode unless env `SMEC_DEMO_AUTH=0`;
   * never when an external issuer is configured (`SMEC_JWKS_URL`). Outside demo mode only a program embedding the
   * server (the tests) can turn it on; no environment variable does.
   */
  demoAuth?: boolean;
  /** Tests only: a problem code its operation does not list becomes a loud 500 (see `AppOptions`). Default false. */
  checkProblemCodes?: boolean;
  /** The server's clock. Default: env `SMEC_NOW` (an RFC 3339 instant) pins it, else the real time. */
  clock?: Clock;
  /**
   * An S3-compatible bucket for the files' bytes. Default: env `SMEC_S3_ENDPOINT`, `SMEC_S3_BUCKET`,
   * `SMEC_S3_ACCESS_KEY_ID`, `SMEC_S3_SECRET_ACCESS_KEY` (all four, or none) and `SMEC_S3_REGION`; else the database.
   */
  fileStore?: S3Settings;
  /**
   * The SMTP relay notifications are mailed through. Default: env `SMEC_SMTP_URL` with `SMEC_MAIL_FROM` (both, or
   * neither); else the log sender writes one line per message.
   */
  mail?: SmtpSettings;
  /** Where the log's lines (and the log sender's, one per mail) are written. Default: standard output. */
  logStream?: { write(line: string): unknown };
}

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Where the data lives: the `postgres://` URL when one is given, else the SQLite data folder. */
  readonly database: string;
  readonly logger: boolean;
  readonly demo: boolean;
  readonly demoAuth: boolean;
  readonly auth: Partial<AuthSettings>;
  readonly rateLimits: { demandSubmit?: RateLimitRule; demandLookup?: RateLimitRule };
  readonly trustProxy: boolean | number | string;
  /** `SMEC_HSTS_MAX_AGE`: seconds of `Strict-Transport-Security` on HTTPS requests; 0 (default) sends none. */
  readonly hstsMaxAge: number;
  readonly clock: Clock;
  /** True when `SMEC_NOW` (or a given clock) stands in for the real time: the startup log says so. */
  readonly clockPinned: boolean;
  readonly fileStore: S3Settings | undefined;
  readonly mail: SmtpSettings | undefined;
}

export const DEFAULT_PORT = 8787;

function portFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0–65535, not ${value}`);
  return port;
}

function databaseUrlFrom(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^postgres(ql)?:\/\//i.test(value)) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  return value;
}

export function resolveOptions(options: ServerOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  const dataDir = options.dataDir ?? (env['SMEC_DATA_DIR'] || '.data');
  const demo = options.demo ?? env['SMEC_DEMO'] === '1';
  return {
    port: options.port ?? portFrom(env['PORT']) ?? DEFAULT_PORT,
    host: options.host ?? '127.0.0.1',
    dataDir,
    database:
      databaseUrlFrom(options.databaseUrl ?? (options.dataDir === undefined ? env['DATABASE_URL'] : undefined)) ??
      dataDir,
    logger: options.logger ?? false,
    demo,
    demoAuth: !env['SMEC_JWKS_URL'] && (options.demoAuth ?? (demo && env['SMEC_DEMO_AUTH'] !== '0')),
    auth: {
      ...(env['SMEC_JWT_ISSUER'] ? { issuer: env['SMEC_JWT_ISSUER'] } : {}),
      ...(env['SMEC_JWT_AUDIENCE'] ? { audience: env['SMEC_JWT_AUDIENCE'] } : {}),
      ...(env['SMEC_JWKS_URL'] ? { jwksUrl: env['SMEC_JWKS_URL'] } : {}),
      claims: claimNamesFrom(env),
    },
    trustProxy: trustProxyFrom(env['SMEC_TRUST_PROXY']),
    hstsMaxAge: hstsMaxAgeFrom(env['SMEC_HSTS_MAX_AGE']),
    clock: options.clock ?? clockFromEnv(env),
    clockPinned: options.clock !== undefined || Boolean(env['SMEC_NOW']?.trim()),
    fileStore: options.fileStore ?? s3SettingsFrom(env),
    mail: options.mail ?? smtpSettingsFrom(env),
    rateLimits: definedRules({
      demandSubmit: parseRateLimit(env['SMEC_DEMAND_RATE_LIMIT'], 'SMEC_DEMAND_RATE_LIMIT'),
      demandLookup: parseRateLimit(env['SMEC_LOOKUP_RATE_LIMIT'], 'SMEC_LOOKUP_RATE_LIMIT'),
    }),
  };
}

const S3_VARIABLES = ['SMEC_S3_ENDPOINT', 'SMEC_S3_BUCKET', 'SMEC_S3_ACCESS_KEY_ID', 'SMEC_S3_SECRET_ACCESS_KEY'];

/** The bucket the `SMEC_S3_*` variables name; some set and others not is a mistake said at startup. */
export function s3SettingsFrom(env: NodeJS.ProcessEnv): S3Settings | undefined {
  const [endpoint, bucket, accessKeyId, secretAccessKey] = S3_VARIABLES.map((name) => env[name]?.trim() || undefined);
  const missing = S3_VARIABLES.filter((name) => !env[name]?.trim());
  if (missing.length === S3_VARIABLES.length) return undefined;
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) {
    throw new Error(`An S3 file store needs ${missing.join(', ')} as well`);
  }
  if (!/^https?:\/\//i.test(endpoint)) throw new Error('SMEC_S3_ENDPOINT must be an http:// or https:// URL');
  const region = env['SMEC_S3_REGION']?.trim();
  return { endpoint, bucket, accessKeyId, secretAccessKey, ...(region ? { region } : {}) };
}

/** The relay `SMEC_SMTP_URL` names, with the From address of `SMEC_MAIL_FROM`; one without the other is a mistake. */
export function smtpSettingsFrom(env: NodeJS.ProcessEnv): SmtpSettings | undefined {
  const url = env['SMEC_SMTP_URL']?.trim();
  const from = env['SMEC_MAIL_FROM']?.trim();
  if (!url && !from) return undefined;
  if (!url || !from) throw new Error('Mail by SMTP needs both SMEC_SMTP_URL and SMEC_MAIL_FROM');
  if (!/^smtps?:\/\/[^/]/i.test(url)) throw new Error('SMEC_SMTP_URL must be an smtp:// or smtps:// URL');
  if (!/^[^\s@]+@[^\s@]+$|<[^\s@]+@[^\s@]+>$/.test(from)) throw new Error('SMEC_MAIL_FROM must be an e-mail address');
  return { url, from };
}

function definedRules(rules: Record<string, RateLimitRule | undefined>): Record<string, RateLimitRule> {
  return Object.fromEntries(Object.entries(rules).filter(([, rule]) => rule !== undefined)) as Record<
    string,
    RateLimitRule
  >;
}

/**
 * The claims' names, each from its `SMEC_CLAIM_*` variable (`DEFAULT_CLAIM_NAMES` when unset): a top-level claim of
 * the token, so a name is one word. Two roles of one claim would read one value twice, so names must differ.
 */
export function claimNamesFrom(env: NodeJS.ProcessEnv): ClaimNames {
  const names = { ...DEFAULT_CLAIM_NAMES };
  for (const [key, variable] of Object.entries(CLAIM_NAME_VARIABLES) as [keyof ClaimNames, string][]) {
    const value = env[variable]?.trim();
    if (!value) continue;
    if (!/^[A-Za-z0-9_:.$/-]{1,100}$/.test(value)) {
      throw new Error(
        `${variable} must be a claim name (letters, digits and _ : . $ / -), not ${JSON.stringify(value)}`,
      );
    }
    if (['sub', 'iss', 'aud', 'exp', 'nbf', 'iat', 'jti'].includes(value)) {
      throw new Error(`${variable} cannot be the registered claim ${value}`);
    }
    names[key] = value;
  }
  const values = Object.values(names);
  const repeated = values.find((value, index) => values.indexOf(value) !== index);
  if (repeated) throw new Error(`SMEC_CLAIM_* name the claim ${repeated} twice: each must name its own claim`);
  return names;
}

/** `SMEC_TRUST_PROXY`: `true`, a hop count (`1`), or addresses/CIDRs (`10.0.0.0/8,127.0.0.1`). Unset: trust none. */
function trustProxyFrom(value: string | undefined): boolean | number | string {
  if (value === undefined || value.trim() === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function hstsMaxAgeFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  if (!/^\d+$/.test(value.trim())) throw new Error(`SMEC_HSTS_MAX_AGE must be a number of seconds, not ${value}`);
  return Number(value);
}

/**
 * Why the production command must not start with these options, or undefined: outside demo mode every sign-in
 * comes from the province's identity provider, so a server without one could only refuse every user.
 */
export function startupRefusal(options: ResolvedOptions): string | undefined {
  if (options.demo || options.auth.jwksUrl) return undefined;
  return 'no token issuer: set SMEC_JWKS_URL (with SMEC_JWT_ISSUER and SMEC_JWT_AUDIENCE), or SMEC_DEMO=1 for the demo';
}

/** The startup log's line naming the mode the server runs in. */
export function modeNote(options: ResolvedOptions): string {
  if (!options.demo)
    return `mode: production, tokens from ${options.auth.issuer ?? 'the issuer'} (${options.auth.jwksUrl})`;
  return options.demoAuth
    ? 'mode: demo (SMEC_DEMO=1), signing its own tokens for the seeded users (GET /api/v1/demo/users)'
    : 'mode: demo (SMEC_DEMO=1), demo sign-in off';
}
