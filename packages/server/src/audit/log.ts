// Reading the audit log: a center's administrators see its entries and those of the centers below it, newest
// first, filtered by actor, action, entity and days, paged by cursor. Nothing here writes.
import type { AuditEntry, AuditLogPage, Principal, StaffRole } from '@smec/schemas';
import type { Kysely, Selectable } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { AuditLogTable, Database } from '../db/schema.js';
import { cursorScope, decodeTimeSeqCursor, encodeCursor } from '../http/cursor.js';
import { dayStart } from '../time/shanghai.js';
import { parsedJson } from './audited-write.js';
import { centerScope, withinRegion } from './center-scope.js';

export interface AuditLogContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
}

export interface AuditLogListQuery {
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly entityType?: string | undefined;
  readonly entityId?: string | undefined;
  readonly regionCode?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

const DAY_MS = 86_400_000;
const STAFF_ROLES: readonly string[] = ['admin', 'staff', 'viewer'];

/** The Shanghai midnight that starts a `YYYY-MM-DD` day. */
function dayStartOf(day: string): number {
  return dayStart(Date.parse(`${day}T00:00:00+08:00`));
}

function entryOf(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: {
      userId: row.actor_user_id,
      name: row.actor_name,
      // Rows written before staff levels name the account's role, `admin`: a center's administrator.
      role: (STAFF_ROLES.includes(row.actor_role) ? row.actor_role : 'admin') as StaffRole,
    },
    centerRegionCode: row.center_region_code,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: parsedJson(row.before) as AuditEntry['before'],
    after: parsedJson(row.after) as AuditEntry['after'],
    requestId: row.request_id,
  };
}

export async function listAuditLog(
  context: AuditLogContext,
  principal: Principal,
  query: AuditLogListQuery,
): Promise<AuditLogPage> {
  const region = centerScope(context.regions, principal, query.regionCode, 'query.regionCode');
  const limit = query.limit ?? 20;
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const scope = cursorScope('audit-log', { ...filters, regionCode: region });
  const [op, value] = withinRegion(context.regions, region);
  const filtered = () => {
    let builder = context.db.selectFrom('audit_log').where('center_region_code', op, value);
    if (query.actor) builder = builder.where('actor_user_id', '=', query.actor);
    if (query.action) builder = builder.where('action', '=', query.action);
    if (query.entityType) builder = builder.where('entity_type', '=', query.entityType);
    if (query.entityId) builder = builder.where('entity_id', '=', query.entityId);
    if (query.from) builder = builder.where('at_ts', '>=', dayStartOf(query.from));
    if (query.to) builder = builder.where('at_ts', '<', dayStartOf(query.to) + DAY_MS);
    return builder;
  };
  const total = await filtered()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = filtered().selectAll();
  if (query.cursor) {
    const [ts, seq] = decodeTimeSeqCursor(context.secret, query.cursor, scope);
    page = page.where((eb) => eb.or([eb('at_ts', '<', ts), eb.and([eb('at_ts', '=', ts), eb('seq', '<', seq)])]));
  }
  const rows = await page
    .orderBy('at_ts', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(entryOf),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.at_ts, last.seq], scope) : null,
    total: Number(total.n),
  };
}
