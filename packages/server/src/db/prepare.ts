import { seedExperts } from '../seed/experts.js';
import { seedExpertEvents } from '../seed/expert-events.js';
import { seedNotifications } from '../seed/notifications.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { SeedOptions } from '../seed/catalog.js';
import { seedApplications } from '../seed/applications.js';
import { seedApplicationDrafts } from '../seed/application-drafts.js';
import { seedPublicNotices } from '../seed/public-notices.js';
import { seedDemands } from '../seed/demands.js';
import { seedFiles } from '../seed/files.js';
import { seedPolicies } from '../seed/policies.js';
import { seedEvents } from '../seed/events.js';
import { seedEventAdmin } from '../seed/event-admin.js';
import { seedRatings } from '../seed/ratings.js';
import { seedOrders } from '../seed/orders.js';
import { seedDatabase } from '../seed/load.js';
import { seedVouchers } from '../seed/vouchers.js';
import { seedProviderProducts } from '../seed/provider-products.js';
import { seedCenters } from '../seed/centers.js';
import { copySqliteToPostgres } from './copy.js';
import { isPostgresUrl, openDatabase, type DatabaseHandle, type PlatformDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { openPostgres } from './postgres.js';
import type { Database } from './schema.js';

export const DATABASE_FILE = 'smec.db';

interface Prepared {
  /** Signs pagination cursors; kept in the database so every instance sharing it accepts the others' cursors. */
  readonly cursorSecret: Buffer;
  /** True when this call created the data. */
  readonly seeded: boolean;
}

export type PreparedDatabase = PlatformDatabase & Prepared;

export interface PrepareOptions {
  /** The seed of the generated demo data. */
  readonly seed?: number;
  /**
   * The instant (ms) the generated demo data is relative to: the clock's now when it is seeded. Required whenever the
   * database may need seeding (the same seed and as-of instant give byte-identical data).
   */
  readonly asOf?: number;
}

/** The seed's options from `options`; throws when the as-of instant is missing, as a seed needs it. */
function seedOptions(options: PrepareOptions): { seed?: number; asOf: number } {
  const { asOf } = options;
  if (asOf === undefined || !Number.isFinite(asOf)) {
    throw new Error(
      "prepareDatabase: this database needs seeding, and the seed needs options.asOf (the clock's now, in ms)",
    );
  }
  return options.seed === undefined ? { asOf } : { seed: options.seed, asOf };
}

/**
 * Opens the platform's database, migrates it and, on first start, seeds it; later starts reuse the data.
 * `location` is a data folder (SQLite, `<dir>/smec.db`) or a `postgres://` URL.
 */
export async function prepareDatabase(location: string, options: PrepareOptions = {}): Promise<PreparedDatabase> {
  return isPostgresUrl(location) ? preparePostgres(location, options) : prepareSqliteDatabase(location, options);
}

/** Opens the database at `location` (a data folder or a `postgres://` URL) without migrating or seeding it. */
export function openPlatformDatabase(location: string): PlatformDatabase {
  return isPostgresUrl(location) ? openPostgres(location) : openDatabase(join(location, DATABASE_FILE));
}

/** Reads the cursor secret, creating it on first start (whichever instance gets there first wins). */
async function cursorSecretOf(db: Kysely<Database>): Promise<Buffer> {
  await db
    .insertInto('meta')
    .values({ key: 'cursor_secret', value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const secret = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'cursor_secret')
    .executeTakeFirstOrThrow();
  return Buffer.from(secret.value, 'base64url');
}

/** Any number to stop two instances that start together on an empty PostgreSQL database from both seeding it. */
const SEED_LOCK = 0x736d6563;

/**
 * PostgreSQL gets the same seeded data as SQLite: it is generated into a temporary SQLite file (the seed writes
 * SQLite in bulk) and copied over in one transaction, under an advisory lock so that one instance seeds and the
 * others wait and reuse it.
 */
async function preparePostgres(url: string, options: PrepareOptions): Promise<PreparedDatabase> {
  const handle = openPostgres(url);
  try {
    await migrateToLatest(handle.db, 'postgres');
    let seeded = false;
    await handle.db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(${SEED_LOCK})`.execute(connection);
      try {
        if (await isSeeded(connection)) return;
        const work = mkdtempSync(join(tmpdir(), 'smec-seed-'));
        try {
          const source = await prepareSqliteDatabase(work, options);
          try {
            await connection.transaction().execute((trx) => copySqliteToPostgres(source.sqlite, trx));
          } finally {
            await source.close();
          }
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
        await sql`analyze`.execute(connection);
        seeded = true;
      } finally {
        await sql`select pg_advisory_unlock(${SEED_LOCK})`.execute(connection);
      }
    });
    return { ...handle, cursorSecret: await cursorSecretOf(handle.db), seeded };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Migrates the empty PostgreSQL database at `url` and copies a seeded SQLite file into it: what the first start does,
 * for a caller that already has the seeded file (the tests' template).
 */
export async function loadSqliteIntoPostgres(file: string, url: string): Promise<void> {
  const source = new BetterSqlite3(file, { readonly: true });
  const target = openPostgres(url);
  try {
    await migrateToLatest(target.db, 'postgres');
    await target.db.transaction().execute((trx) => copySqliteToPostgres(source, trx));
    await sql`analyze`.execute(target.db);
  } finally {
    source.close();
    await target.close();
  }
}

async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'seeded_at').executeTakeFirst();
  return row !== undefined;
}

/**
 * The parts of the demo data that came with later migrations, in the order they need each other: a database seeded
 * before a part existed gets it at its next start. Each part marks itself done with its `meta` key.
 */
function seedParts(
  cursorSecret: Buffer,
): readonly { key: string; seed: (handle: DatabaseHandle, options: SeedOptions) => void | Promise<void> }[] {
  return [
    // The second migration: users and demands.
    { key: 'demands_seeded_at', seed: (handle, options) => seedDemands(handle, cursorSecret, options) },
    // The third: events, which need the enterprise users.
    { key: 'events_seeded_at', seed: seedEvents },
    // The fourth: vouchers, which need the users and the catalog.
    { key: 'vouchers_seeded_at', seed: seedVouchers },
    // The fifth: ratings of the delivered engagements, so after the vouchers.
    { key: 'ratings_seeded_at', seed: seedRatings },
    // The sixth: policies, which need only the regions.
    { key: 'policies_seeded_at', seed: seedPolicies },
    // The eighth: the demo's sample licence.
    { key: 'files_seeded_at', seed: seedFiles },
    // The ninth: the demo's application to join, whose licence is that sample.
    { key: 'applications_seeded_at', seed: (handle, options) => seedApplications(handle, cursorSecret, options) },
    // The thirteenth: the resume keys of the demo's applications, one waiting for changes, and a draft.
    {
      key: 'application_drafts_seeded_at',
      seed: (handle, options) => seedApplicationDrafts(handle, cursorSecret, options),
    },
    // The fourteenth: experts, which need the providers and their products.
    { key: 'experts_seeded_at', seed: seedExperts },
    // The fifteenth: applications in every state of the review and notice, an admitted one through the sweep.
    { key: 'public_notices_seeded_at', seed: (handle, options) => seedPublicNotices(handle, cursorSecret, options) },
    // The sixteenth: the demo provider's drafts beside its published products.
    { key: 'provider_products_seeded_at', seed: seedProviderProducts },
    // The seventeenth: the experts of the expert clinics, which need the events and the experts.
    { key: 'expert_events_seeded_at', seed: seedExpertEvents },
    // The nineteenth: the demo users' notifications, which need the events and the vouchers.
    { key: 'notifications_seeded_at', seed: seedNotifications },
    // The twenty-first: the events of the centers' examples (a draft, one today to check in, one past to rate).
    { key: 'event_admin_seeded_at', seed: seedEventAdmin },
    // The twenty-ninth: orders beyond vouchers, which need the demands, the vouchers' and the ratings' engagements.
    { key: 'orders_seeded_at', seed: (handle, options) => seedOrders(handle, cursorSecret, options) },
    // The thirty-second: the network's centers, which need only the regions.
    { key: 'centers_seeded_at', seed: seedCenters },
  ];
}

/** Opens `<dataDir>/smec.db`, migrates it and, on first start, seeds it. Later starts reuse the data. */
export async function prepareSqliteDatabase(
  dataDir: string,
  options: PrepareOptions = {},
): Promise<DatabaseHandle & Prepared> {
  const handle = openDatabase(dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE));
  try {
    await migrateToLatest(handle.db, 'sqlite');
    const seededAt = await handle.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'seeded_at')
      .executeTakeFirst();
    let seeded = false;
    if (!seededAt) {
      seedDatabase(handle, seedOptions(options));
      seeded = true;
    }
    const cursorSecret = await cursorSecretOf(handle.db);
    for (const part of seedParts(cursorSecret)) {
      const done = await handle.db.selectFrom('meta').select('value').where('key', '=', part.key).executeTakeFirst();
      if (!done) {
        await part.seed(handle, seedOptions(options));
        seeded = true;
      }
    }
    return { ...handle, cursorSecret, seeded };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The instant the seed data is relative to (its `seeded_at`), or undefined for a database that was never seeded. */
export async function seededAtOf(db: Kysely<Database>): Promise<number | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'seeded_at').executeTakeFirst();
  const at = row ? Date.parse(row.value) : Number.NaN;
  return Number.isFinite(at) ? at : undefined;
}
