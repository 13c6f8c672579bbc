// Each region's deadlines for its demands, inherited down the line: a county without a setting of its own takes its
// city's, a city the province's, the province the platform's defaults.
import type { DemandDeadlines, DemandDeadlinesInput } from '@smec/schemas';
import type { Kysely, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { staleEdit } from '../http/if-match.js';
import { revisionEtag, revisionHolds } from '../http/revision-etag.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { DEFAULT_DEADLINES } from './deadline-days.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The deadlines a region's demands get, with the region whose setting they come from. */
export async function deadlinesOf(db: Db, regions: RegionIndex, code: string): Promise<DemandDeadlines> {
  const lineage = regions.lineageOf(code);
  const rows = lineage.length
    ? await db.selectFrom('demand_deadlines').selectAll().where('region_code', 'in', lineage).execute()
    : [];
  const own = rows.find((row) => row.region_code === code);
  for (const region of lineage) {
    const row = rows.find((candidate) => candidate.region_code === region);
    if (!row) continue;
    return {
      regionCode: code,
      acceptDays: row.accept_days,
      firstMatchDays: row.first_match_days,
      setIn: row.region_code,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
      revision: own?.revision ?? 0,
    };
  }
  return { regionCode: code, ...DEFAULT_DEADLINES, setIn: null, updatedAt: null, updatedBy: null, revision: 0 };
}

/**
 * The ETag of a region's deadlines: its own setting's revision (0 while it inherits), which If-Match compares, and the
 * hash of what was read, so that a revalidation sees a change made above that it inherits.
 */
export function deadlinesEtag(deadlines: DemandDeadlines): string {
  return revisionEtag(`deadlines-${deadlines.regionCode}`, deadlines.revision, deadlines);
}

/**
 * Sets a region's own deadlines. With `If-Match`, only over the version read (a region that inherits is revision 0);
 * without, whatever is there.
 */
export async function setDeadlines(
  trx: Transaction<Database>,
  regions: RegionIndex,
  code: string,
  input: DemandDeadlinesInput,
  ifMatch: readonly string[] | '*' | undefined,
  userId: string,
  now: number,
): Promise<DemandDeadlines> {
  const current = await trx
    .selectFrom('demand_deadlines')
    .selectAll()
    .where('region_code', '=', code)
    .executeTakeFirst();
  const revision = current?.revision ?? 0;
  if (ifMatch !== undefined && !revisionHolds(ifMatch, `deadlines-${code}`, revision)) {
    throw staleEdit();
  }
  const values = {
    accept_days: input.acceptDays,
    first_match_days: input.firstMatchDays,
    updated_at: shanghaiDateTime(now),
    updated_by: userId,
  };
  if (current) {
    const updated = await trx
      .updateTable('demand_deadlines')
      .set({ ...values, revision: revision + 1 })
      .where('region_code', '=', code)
      .where('revision', '=', revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleEdit();
  } else {
    // Two first settings at once: the primary key keeps one, the other is told it came second.
    const inserted = await trx
      .insertInto('demand_deadlines')
      .values({ region_code: code, ...values, revision: 1 })
      .onConflict((conflict) => conflict.column('region_code').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw staleEdit();
  }
  return deadlinesOf(trx, regions, code);
}
