// A center's staff accounts: listed for its administrators (and the levels above), invited by the identity
// provider's subject or by mobile with a level, their level changed and deactivated with If-Match. A center never
// loses its last active administrator; every write is on the audit log.
import type { Principal, StaffInvite, StaffMember, StaffPage, StaffPatch, StaffRole } from '@smec/schemas';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { createHash } from 'node:crypto';
import { auditedWrite, type Snapshot, type SnapshotReader } from '../audit/audited-write.js';
import { centerScope, withinRegion } from '../audit/center-scope.js';
import type { AuditActor } from '../audit/record.js';
import { userIdOfSubject } from '../auth/accounts.js';
import type { RegionIndex } from '../catalog/regions.js';
import type { Clock } from '../clock.js';
import type { Database, UserTable } from '../db/schema.js';
import { cursorScope, decodeCursor, encodeCursor, invalidCursor } from '../http/cursor.js';
import { ifMatchHolds, staleEdit } from '../http/if-match.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound } from '../http/problem.js';
import { serializeCenterStaffWrites } from './lock.js';

export interface StaffContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  readonly clock: Clock;
}

type Trx = Transaction<Database>;
type UserRow = Selectable<UserTable>;

const TEXT = {
  noStaff: {
    'zh-CN': '您管理的地区内没有工作人员账号 {id}。',
    'zh-HK': '您管理的地區內沒有工作人員帳戶 {id}。',
    en: 'No staff account {id} in your region.',
  },
  taken: {
    'zh-CN': '该身份已有账号 {id}，不能再次邀请；如需调整请修改该账号。',
    'zh-HK': '該身份已有帳戶 {id}，不能再次邀請；如需調整請修改該帳戶。',
    en: 'This person already has an account, {id}: change that one instead.',
  },
  lastAdmin: {
    'zh-CN': '这是该服务中心最后一名在职管理员，不能停用或降级；请先另设一名管理员。',
    'zh-HK': '這是該服務中心最後一名在職管理員，不能停用或降級；請先另設一名管理員。',
    en: "This is the center's last active administrator: make another one first, then demote or deactivate this one.",
  },
} as const satisfies Record<string, Localized>;

/** A staff account's ETag: its id and revision, which `If-Match` names. */
export function staffEtag(member: Pick<StaffMember, 'id' | 'revision'>): string {
  return `"${member.id}.r${member.revision}"`;
}

function masked(mobile: string | null): string | null {
  return mobile === null ? null : `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

function memberOf(row: UserRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    role: row.staff_role ?? 'admin',
    regionCode: row.region_code ?? '',
    organization: row.organization,
    active: row.active === 1,
    mobile: masked(row.mobile),
    revision: row.revision,
  };
}

/** The center's name as the platform writes it (as for accounts its identity provider describes). */
function centerName(regions: RegionIndex, code: string): string {
  const region = regions.get(code);
  if (!region || region.level === 'province') return '广东省中小企业服务中心';
  return `${region.name}中小企业服务中心`;
}

/** The id of an account invited by mobile: stable, and not the number itself (ids are shown on the record). */
export function invitedByMobileId(mobile: string): string {
  return `usr-m-${createHash('sha256').update(`mobile:${mobile}`).digest('hex').slice(0, 24)}`;
}

export interface StaffListQuery {
  readonly regionCode?: string | undefined;
  readonly role?: StaffRole | undefined;
  readonly active?: boolean | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** The staff of the reader's center and the centers below it (or of one of them), by center, then id. */
export async function listStaff(
  context: StaffContext,
  principal: Principal,
  query: StaffListQuery,
): Promise<StaffPage> {
  const region = centerScope(context.regions, principal, query.regionCode, 'query.regionCode');
  const limit = query.limit ?? 20;
  const scope = cursorScope('staff', { role: query.role, active: query.active, regionCode: region });
  const [op, value] = withinRegion(context.regions, region);
  const filtered = () => {
    let builder = context.db.selectFrom('users').where('role', '=', 'admin').where('region_code', op, value);
    if (query.role) builder = builder.where('staff_role', '=', query.role);
    if (query.active !== undefined) builder = builder.where('active', '=', query.active ? 1 : 0);
    return builder;
  };
  const total = await filtered()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = filtered().selectAll();
  if (query.cursor) {
    const [code, id] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof code !== 'string' || typeof id !== 'string') throw invalidCursor();
    page = page.where((eb) =>
      eb.or([eb('region_code', '>', code), eb.and([eb('region_code', '=', code), eb('id', '>', id)])]),
    );
  }
  const rows = await page
    .orderBy('region_code')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(memberOf),
    nextCursor:
      rows.length > limit && last ? encodeCursor(context.secret, [last.region_code ?? '', last.id], scope) : null,
    total: Number(total.n),
  };
}

/** What the audit log keeps of a staff account. */
export const staffSnapshot: SnapshotReader = async (trx: Trx, id: string) => {
  const row = await trx
    .selectFrom('users')
    .select(['name', 'staff_role', 'region_code', 'active', 'mobile'])
    .where('id', '=', id)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return (
    row &&
    ({
      name: row.name,
      role: row.staff_role ?? 'admin',
      regionCode: row.region_code,
      active: row.active === 1,
      mobile: masked(row.mobile),
    } satisfies Snapshot)
  );
};

/** Invites a person to the inviter's center (or one below it) with a level; 409 when the person has an account. */
export async function inviteStaff(
  context: StaffContext,
  trx: Trx,
  actor: AuditActor,
  input: StaffInvite,
): Promise<StaffMember> {
  const region = centerScope(context.regions, actor.principal, input.regionCode, 'body.regionCode');
  const byMobile = 'mobile' in input;
  const id = byMobile ? invitedByMobileId(input.mobile) : userIdOfSubject(input.subject);
  const what = { action: 'staff.invite', entityType: 'staff', entityId: id, read: staffSnapshot };
  return auditedWrite(trx, actor, context.clock.now(), what, async () => {
    await serializeCenterStaffWrites(trx, region);
    const existing = await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    if (existing) throw new ProblemError('conflict', fill(TEXT.taken, { id }));
    await trx
      .insertInto('users')
      .values({
        id,
        name: input.name.trim(),
        role: 'admin',
        staff_role: input.role,
        organization: centerName(context.regions, region),
        region_code: region,
        enterprise_id: null,
        provider_id: null,
        mobile: byMobile ? input.mobile : null,
        // After every seeded user, as the accounts tokens make: not demo users.
        position: 1_000_000,
      })
      .execute();
    return memberOf(await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

/** The other active administrators of a center. */
async function otherActiveAdmins(trx: Trx, regionCode: string, id: string): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('region_code', '=', regionCode)
    .where('staff_role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '<>', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Changes a staff account's level or deactivates it, if `If-Match` names its current revision (412 otherwise). An
 * account outside the reader's region does not exist for it (404); the center's last active administrator cannot be
 * demoted or deactivated (409).
 */
export async function updateStaff(
  context: StaffContext,
  trx: Trx,
  actor: AuditActor,
  id: string,
  ifMatch: readonly string[] | '*',
  patch: StaffPatch,
): Promise<StaffMember> {
  const own = centerScope(context.regions, actor.principal, undefined, 'query.regionCode');
  const what = { action: 'staff.update', entityType: 'staff', entityId: id, read: staffSnapshot };
  const found = await trx
    .selectFrom('users')
    .select('region_code')
    .where('id', '=', id)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  if (!found?.region_code || !context.regions.isWithin(found.region_code, own)) {
    throw notFound(fill(TEXT.noStaff, { id }));
  }
  const center = found.region_code;
  await serializeCenterStaffWrites(trx, center);
  return auditedWrite(trx, actor, context.clock.now(), what, async () => {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (!ifMatchHolds(ifMatch, staffEtag(memberOf(row)))) throw staleEdit();
    const role = patch.role ?? row.staff_role ?? 'admin';
    const active = patch.active ?? row.active === 1;
    const wasActiveAdmin = (row.staff_role ?? 'admin') === 'admin' && row.active === 1;
    if (wasActiveAdmin && (role !== 'admin' || !active) && (await otherActiveAdmins(trx, center, id)) === 0) {
      throw new ProblemError('conflict', TEXT.lastAdmin);
    }
    const updated = await trx
      .updateTable('users')
      .set((eb) => ({ staff_role: role, active: active ? 1 : 0, revision: eb(eb.ref('revision'), '+', 1) }))
      .where('id', '=', id)
      .where('revision', '=', row.revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleEdit();
    return memberOf(await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}
