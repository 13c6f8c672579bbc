import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { seedDemands } from '../seed/demands.js';
import { seedPolicies } from '../seed/policies.js';
import { seedEvents } from '../seed/events.js';
import { seedRatings } from '../seed/ratings.js';
import { seedDatabase } from '../seed/load.js';
import { seedVouchers } from '../seed/vouchers.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';

export const DATABASE_FILE = 'smec.db';

export interface PreparedDatabase extends DatabaseHandle {
  /** Signs pagination cursors; kept in the database so every instance sharing it accepts the others' cursors. */
  readonly cursorSecret: Buffer;
  /** True when this call created the data. */
  readonly seeded: boolean;
}

/** Opens `<dataDir>/smec.db`, migrates it and, on first start, seeds it. Later starts reuse the data. */
export async function prepareDatabase(dataDir: string, options: { seed?: number } = {}): Promise<PreparedDatabase> {
  const handle = openDatabase(dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE));
  try {
    await migrateToLatest(handle.db);
    const seededAt = await handle.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'seeded_at')
      .executeTakeFirst();
    let seeded = false;
    if (!seededAt) {
      seedDatabase(handle, options.seed === undefined ? {} : { seed: options.seed });
      seeded = true;
    }
    await handle.db
      .insertInto('meta')
      .values({ key: 'cursor_secret', value: randomBytes(32).toString('base64url') })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .execute();
    const secret = await handle.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'cursor_secret')
      .executeTakeFirstOrThrow();
    const cursorSecret = Buffer.from(secret.value, 'base64url');
    // Demands came with the second migration: a database seeded before it gets its users and demands now.
    const demandsSeeded = await handle.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'demands_seeded_at')
      .executeTakeFirst();
    if (!demandsSeeded) {
      seedDemands(handle, cursorSecret, options.seed === undefined ? {} : { seed: options.seed });
      seeded = true;
    }
    // Events came with the third migration, and need the enterprise users.
    const eventsSeeded = await handle.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'events_seeded_at')
      .executeTakeFirst();
    if (!eventsSeeded) {
      seedEvents(handle, options.seed === undefined ? {} : { seed: options.seed });
      seeded = true;
    }
    // Vouchers came with the fourth migration, and need the users and the catalog.
    const vouchersSeeded = await handle.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'vouchers_seeded_at')
      .executeTakeFirst();
    if (!vouchersSeeded) {
      seedVouchers(handle, options.seed === undefined ? {} : { seed: options.seed });
      seeded = true;
    }
    // Ratings came with the fifth migration; they rate the delivered engagements, so they come last.
    const ratingsSeeded = await handle.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'ratings_seeded_at')
      .executeTakeFirst();
    if (!ratingsSeeded) {
      seedRatings(handle, options.seed === undefined ? {} : { seed: options.seed });
      seeded = true;
    }
    // Policies came with the sixth migration; they need only the regions.
    const policiesSeeded = await handle.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'policies_seeded_at')
      .executeTakeFirst();
    if (!policiesSeeded) {
      seedPolicies(handle, options.seed === undefined ? {} : { seed: options.seed });
      seeded = true;
    }
    return { ...handle, cursorSecret, seeded };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
