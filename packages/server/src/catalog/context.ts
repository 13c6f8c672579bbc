import type { Clock } from '../clock.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { RegionIndex } from './regions.js';

/** What the catalog queries need: the database, the regions in memory and the cursor key. */
export interface CatalogContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly cursorSecret: Buffer;
  /** The one clock of the server (`clock.ts`). */
  readonly clock: Clock;
}
