// The centers of the three-level network: the public list and record of each, with its basic-requirement check
// computed from the stored facts on every read (a change of the facts or of the rules shows at once), and the change
// a center's administrators make to their own center's record (If-Match, audited).
import type { Center, CenterPage, CenterPatch, CentersQuery, Principal } from '@smec/schemas';
import { centerShortfalls, qualifiedShareOf } from '@smec/schemas/rules';
import { sql, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import { auditedWrite, type SnapshotReader } from '../audit/audited-write.js';
import type { AuditActor } from '../audit/record.js';
import type { RegionIndex } from '../catalog/regions.js';
import { regionsBelow } from '../catalog/regions.js';
import type { Clock } from '../clock.js';
import type { CenterTable, Database } from '../db/schema.js';
import { cursorScope, decodeCursor, encodeCursor } from '../http/cursor.js';
import { staleEdit } from '../http/if-match.js';
import { fill, type Localized } from '../http/localized.js';
import { notFound, ProblemError } from '../http/problem.js';
import { revisionHolds } from '../http/revision-etag.js';
import { shanghaiDay } from '../time/shanghai.js';

export interface CenterContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  readonly clock: Clock;
}

type CenterRow = Selectable<CenterTable>;
type ListQuery = Omit<CentersQuery, 'limit' | 'meetsRequirements'> & {
  readonly limit?: number | undefined;
  readonly meetsRequirements?: boolean | undefined;
};

const DEFAULT_LIMIT = 50;

const TEXT = {
  noCenter: {
    'zh-CN': '没有服务中心 {id}。',
    'zh-HK': '沒有服務中心 {id}。',
    en: 'No center {id}.',
  },
  notYours: {
    'zh-CN': '只有本服务中心的管理员可以修改中心信息。',
    'zh-HK': '只有本服務中心的管理員可以修改中心資料。',
    en: 'Only the center’s own administrators may change its record.',
  },
  rules: {
    'zh-CN': '中心信息有误：请修改以下各项。',
    'zh-HK': '中心資料有誤：請修改以下各項。',
    en: 'The record breaks a rule: correct each field listed.',
  },
  qualifiedAboveStaff: {
    'zh-CN': '具有中级职称或本科以上学历的人数不能多于工作人员总数',
    'zh-HK': '具有中級職稱或本科以上學歷的人數不能多於工作人員總數',
    en: 'Qualified staff cannot outnumber the staff',
  },
  establishedAhead: {
    'zh-CN': '成立日期不能晚于今天',
    'zh-HK': '成立日期不能晚於今天',
    en: 'The center cannot be set up after today',
  },
} as const satisfies Record<string, Localized>;

export function centerIdOf(regionCode: string): string {
  return `ctr-${regionCode}`;
}

export function centerOf(regions: RegionIndex, row: CenterRow): Center {
  const region = regions.get(row.region_code);
  const level = region?.level ?? 'county';
  const facts = {
    floorArea: row.floor_area,
    staffCount: row.staff_count,
    qualifiedStaffCount: row.qualified_staff_count,
    ownSpace: row.own_space === 1,
  };
  const shortfalls = centerShortfalls(level, facts);
  return {
    id: row.id,
    name: row.name,
    level,
    regionCode: row.region_code,
    regionName: region?.name ?? row.region_code,
    cityCode: regions.cityOf(row.region_code)?.code ?? null,
    orgForm: row.org_form,
    setup: row.setup,
    setupDocument: row.setup_document,
    establishedOn: row.established_on,
    address: row.address,
    phone: row.phone,
    website: row.website,
    openingHours: row.opening_hours,
    ...facts,
    qualifiedShare: qualifiedShareOf(facts),
    requirements: { met: shortfalls.length === 0, shortfalls },
    revision: row.revision,
  };
}

/**
 * The centers matching the filters, the province first, then by region code (a city before its counties). The
 * requirement filter is applied to the computed check: the network holds one center per region, some hundreds of
 * rows, so they are read whole and paged by an offset in a signed cursor.
 */
export async function listCenters(context: CenterContext, query: ListQuery): Promise<CenterPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const scope = cursorScope('centers', { ...query, cursor: undefined });
  const offset = query.cursor === undefined ? 0 : Number(decodeCursor(context.secret, query.cursor, scope)[0] ?? 0);
  let select = context.db.selectFrom('centers').selectAll();
  if (query.region !== undefined) {
    const below = context.regions.get(query.region) ? regionsBelow(context.regions, query.region) : [];
    if (below.length === 0) return { items: [], nextCursor: null, total: 0 };
    select = select.where('region_code', 'in', below);
  }
  if (query.level !== undefined) {
    const codes = context.regions.all.filter((region) => region.level === query.level).map((region) => region.code);
    select = select.where('region_code', 'in', codes);
  }
  const q = query.q?.trim();
  if (q) {
    const named = context.regions.all.filter((region) => region.name.includes(q)).map((region) => region.code);
    const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    select = select.where((eb) =>
      eb.or([
        sql<SqlBool>`name like ${pattern} escape '\\'`,
        ...(named.length > 0 ? [eb('region_code', 'in', named)] : []),
      ]),
    );
  }
  const rows = await select.orderBy('region_code').execute();
  let centers = rows.map((row) => centerOf(context.regions, row));
  if (query.meetsRequirements !== undefined) {
    centers = centers.filter((center) => center.requirements.met === query.meetsRequirements);
  }
  const items = centers.slice(offset, offset + limit);
  const next = offset + items.length;
  return {
    items,
    nextCursor: next < centers.length ? encodeCursor(context.secret, [next], scope) : null,
    total: centers.length,
  };
}

async function centerRow(db: Kysely<Database> | Transaction<Database>, id: string): Promise<CenterRow> {
  const row = await db.selectFrom('centers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(fill(TEXT.noCenter, { id }));
  return row;
}

export async function getCenter(context: CenterContext, id: string): Promise<Center> {
  return centerOf(context.regions, await centerRow(context.db, id));
}

/** What the audit log keeps of a center's record: the fields its administrators change. */
export const centerSnapshot: SnapshotReader = async (trx, id) => {
  const row = await trx.selectFrom('centers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const { revision: _revision, updated_at: _updatedAt, id: _id, region_code: _region, ...fields } = row;
  return fields;
};

const COLUMNS = {
  name: 'name',
  orgForm: 'org_form',
  setup: 'setup',
  setupDocument: 'setup_document',
  establishedOn: 'established_on',
  address: 'address',
  phone: 'phone',
  website: 'website',
  openingHours: 'opening_hours',
  floorArea: 'floor_area',
  staffCount: 'staff_count',
  qualifiedStaffCount: 'qualified_staff_count',
  ownSpace: 'own_space',
} as const satisfies Record<keyof CenterPatch, keyof CenterTable>;

function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/**
 * Changes the record of the administrator's own center: an administrator of the level above keeps their own
 * center's record, not this one's (403). The counts are checked together, as the row will hold them.
 */
export async function updateCenter(
  context: CenterContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  id: string,
  ifMatch: readonly string[] | '*',
  patch: CenterPatch,
): Promise<Center> {
  const row = await centerRow(trx, id);
  if (!ownCenter(actor.principal, row)) throw new ProblemError('forbidden', TEXT.notYours);
  if (!revisionHolds(ifMatch, row.id, row.revision)) throw staleEdit();
  const changes: Partial<Record<keyof CenterTable, unknown>> = {};
  // Each value was checked by CenterPatch; the column map names where it goes.
  for (const [field, value] of Object.entries(patch) as [keyof CenterPatch, unknown][]) {
    if (value === undefined) continue;
    changes[COLUMNS[field]] = field === 'ownSpace' ? (value ? 1 : 0) : trimmed(value);
  }
  const next = { ...row, ...changes } as CenterRow;
  const errors: { path: string; code: string; message: Localized }[] = [];
  if (next.qualified_staff_count > next.staff_count) {
    errors.push({ path: 'body.qualifiedStaffCount', code: 'center.qualified', message: TEXT.qualifiedAboveStaff });
  }
  if (next.established_on > shanghaiDay(context.clock.now())) {
    errors.push({ path: 'body.establishedOn', code: 'center.established', message: TEXT.establishedAhead });
  }
  if (errors.length > 0) throw new ProblemError('rules_not_met', TEXT.rules, { errors });
  const now = context.clock.now();
  const audit = { action: 'center.update', entityType: 'center', entityId: id, read: centerSnapshot };
  return auditedWrite(trx, actor, now, audit, async () => {
    const updated = await trx
      .updateTable('centers')
      .set({ ...(changes as Partial<CenterRow>), revision: row.revision + 1, updated_at: new Date(now).toISOString() })
      .where('id', '=', id)
      .where('revision', '=', row.revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw staleEdit();
    return centerOf(context.regions, { ...next, revision: row.revision + 1 });
  });
}

function ownCenter(principal: Principal, row: CenterRow): boolean {
  return principal.regionCode === row.region_code;
}
