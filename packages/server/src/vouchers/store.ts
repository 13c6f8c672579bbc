import type { Clock } from '../clock.js';
import { randomBytes } from 'node:crypto';
import {
  voucherPayment,
  type BatchClaimState,
  type Engagement,
  type MessageLocale,
  type Principal,
  type Voucher,
  type VoucherBatch,
  type VoucherBatchPage,
  type VoucherPage,
  type VoucherQuote,
  type VoucherStatus,
  type VoucherUseInput,
} from '@smec/schemas';
import type { Kysely, Transaction } from 'kysely';
import { principalFromUser } from '../auth/verifier.js';
import type { RegionIndex } from '../catalog/regions.js';
import type { ActorRole, Database } from '../db/schema.js';
import { serializeEnterpriseWrites } from '../db/locks.js';
import { QueryTemplate } from '../db/query-template.js';
import { cursorScope, decodeCursor, encodeCursor } from '../http/cursor.js';
import type { StoredKey } from '../http/idempotency.js';
import { ProblemError } from '../http/problem.js';

import { problem, statusWord, voucherNotFound, yuan } from './problems.js';
import { takeFromQuota } from './quota.js';
import {
  batchOf,
  claimStateOf,
  engagementOf,
  voucherOf,
  type BatchRow,
  type HistoryRow,
  type VoucherRow,
} from './rows.js';
import { shanghaiDateTime } from '../time/shanghai.js';

export interface VoucherContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  /** The clock of claim windows and deadlines. */
  readonly clock: Clock;
}

export type Db = Kysely<Database> | Transaction<Database>;

const DAY = 86_400_000;
const CODE_CHARS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function invalidCursor(): ProblemError {
  return new ProblemError('invalid_cursor', 'The cursor is not valid for this query; start again without it.');
}

export function enterpriseIdOf(principal: Principal, locale: MessageLocale): string {
  if (!principal.enterpriseId) throw problem('forbidden', locale, 'notEnterprise');
  return principal.enterpriseId;
}

export interface Actor {
  readonly role: ActorRole;
  readonly name: string;
}

export function actorOf(principal: Principal): Actor {
  return { role: principal.role, name: principal.name };
}

export async function appendHistory(
  db: Db,
  voucherSeq: number,
  status: VoucherStatus,
  at: string,
  actor: Actor,
  note: string | null,
): Promise<void> {
  await db
    .insertInto('voucher_history')
    .values({ voucher_seq: voucherSeq, status, at, actor_role: actor.role, actor_name: actor.name, note })
    .execute();
}

// ---- batches ----

export interface BatchListQuery {
  readonly region?: string | undefined;
  readonly state?: BatchClaimState | undefined;
  readonly year?: number | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** True when the batch's scope includes `region`: one of its regions is that region or above it. */
function batchCovers(regions: RegionIndex, row: BatchRow, region: string): boolean {
  return (JSON.parse(row.region_codes) as string[]).some((scope) => regions.isWithin(region, scope));
}

/**
 * Batches by claim window opening, then seq. There are tens of batches a year, not thousands: the region and state
 * are filtered in memory (the state depends on the clock), the rest in SQL.
 */
export async function listBatches(context: VoucherContext, query: BatchListQuery): Promise<VoucherBatchPage> {
  if (query.region !== undefined && !context.regions.get(query.region)) {
    throw new ProblemError('validation_failed', `Unknown region code ${query.region}`, {
      errors: [{ path: 'query.region', message: `Unknown region code ${query.region}`, code: 'region.unknown' }],
    });
  }
  const now = context.clock.now();
  const limit = query.limit ?? 20;
  const scope = cursorScope('voucher-batches', { region: query.region, state: query.state, year: query.year });
  let select = context.db.selectFrom('voucher_batches').selectAll();
  if (query.year !== undefined) select = select.where('year', '=', query.year);
  const rows = (await select.orderBy('opens_ts').orderBy('seq').execute()).filter(
    (row) =>
      (query.state === undefined || claimStateOf(row, now) === query.state) &&
      (query.region === undefined || batchCovers(context.regions, row, query.region)),
  );
  let start = 0;
  if (query.cursor) {
    const [ts, seq] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof ts !== 'number' || typeof seq !== 'number') throw invalidCursor();
    start = rows.findIndex((row) => row.opens_ts > ts || (row.opens_ts === ts && row.seq > seq));
    if (start < 0) start = rows.length;
  }
  const items = rows.slice(start, start + limit);
  const last = items[items.length - 1];
  return {
    items: items.map((row) => batchOf(row, now)),
    nextCursor:
      start + limit < rows.length && last ? encodeCursor(context.secret, [last.opens_ts, last.seq], scope) : null,
    total: rows.length,
  };
}

export function batchNotFound(locale: MessageLocale, id: string): ProblemError {
  return problem('not_found', locale, 'batchNotFound', id);
}

async function batchRow(db: Db, id: string, locale: MessageLocale): Promise<BatchRow> {
  const row = await db.selectFrom('voucher_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw batchNotFound(locale, id);
  return row;
}

export async function getBatch(context: VoucherContext, id: string, locale: MessageLocale): Promise<VoucherBatch> {
  return batchOf(await batchRow(context.db, id, locale), context.clock.now());
}

// ---- vouchers ----

/** Vouchers with their batches and histories, in the order given. */
async function vouchersOf(db: Db, rows: readonly VoucherRow[]): Promise<Voucher[]> {
  if (rows.length === 0) return [];
  const batchSeqs = [...new Set(rows.map((row) => row.batch_seq))];
  const batches = new Map(
    (await db.selectFrom('voucher_batches').selectAll().where('seq', 'in', batchSeqs).execute()).map((row) => [
      row.seq,
      row,
    ]),
  );
  const history = new Map<number, HistoryRow[]>();
  const entries = await db
    .selectFrom('voucher_history')
    .selectAll()
    .where(
      'voucher_seq',
      'in',
      rows.map((row) => row.seq),
    )
    .orderBy('seq')
    .execute();
  for (const entry of entries) {
    const list = history.get(entry.voucher_seq);
    if (list) list.push(entry);
    else history.set(entry.voucher_seq, [entry]);
  }
  return rows.map((row) => {
    const batch = batches.get(row.batch_seq);
    if (!batch) throw new Error(`Voucher ${row.id} has no batch`);
    return voucherOf(row, batch, history.get(row.seq) ?? []);
  });
}

export async function voucherById(db: Db, row: VoucherRow): Promise<Voucher> {
  const [voucher] = await vouchersOf(db, [row]);
  if (!voucher) throw new Error('unreachable');
  return voucher;
}

/** The enterprise's own voucher; anyone else's is the same 404 as a voucher that does not exist. */
async function ownVoucher(db: Db, id: string, enterpriseId: string, locale: MessageLocale): Promise<VoucherRow> {
  const row = await db
    .selectFrom('vouchers')
    .selectAll()
    .where('id', '=', id)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if (!row) throw voucherNotFound(locale, id);
  return row;
}

/**
 * Marks the issued vouchers past their `useBy` expired, each with a history entry by the platform; all of them, or
 * the one given. Conditional on `issued`, so a voucher used or handed back meanwhile is left alone.
 */
export async function expireDue(db: Kysely<Database>, now: number, voucherId?: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let update = trx
      .updateTable('vouchers')
      .set({ status: 'expired', updated_at: shanghaiDateTime(now) })
      .where('status', '=', 'issued')
      .where('use_by_ts', '<=', now);
    if (voucherId !== undefined) update = update.where('id', '=', voucherId);
    const expired = await update.returning('seq').execute();
    const at = shanghaiDateTime(now);
    for (const { seq } of expired) {
      await appendHistory(
        trx,
        seq,
        'expired',
        at,
        { role: 'system', name: '服务券平台' },
        '超过使用期限未使用，自动作废',
      );
    }
    return expired.length;
  });
}

/** Marks expired vouchers every `intervalMs` (and once now); the timer never keeps the process alive. */
export function startExpirySweep(db: Kysely<Database>, clock: Clock, intervalMs = 10 * 60_000) {
  const sweep = () => {
    expireDue(db, clock.now()).catch(() => {
      // The database may be closing; the next sweep or the check at use does the work.
    });
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export interface MyVoucherListQuery {
  readonly status?: VoucherStatus | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** The enterprise's vouchers, newest claim first. */
export async function myVouchers(
  context: VoucherContext,
  principal: Principal,
  query: MyVoucherListQuery,
  locale: MessageLocale,
): Promise<VoucherPage> {
  const enterpriseId = enterpriseIdOf(principal, locale);
  const limit = query.limit ?? 20;
  const scope = cursorScope(`me/vouchers ${enterpriseId}`, { status: query.status });
  const base = () => {
    const mine = context.db.selectFrom('vouchers').where('enterprise_id', '=', enterpriseId);
    return query.status ? mine.where('status', '=', query.status) : mine;
  };
  const total = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = base().selectAll();
  if (query.cursor) {
    const [ts, seq] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof ts !== 'number' || typeof seq !== 'number') throw invalidCursor();
    page = page.where((eb) =>
      eb.or([eb('claimed_ts', '<', ts), eb.and([eb('claimed_ts', '=', ts), eb('seq', '<', seq)])]),
    );
  }
  const rows = await page
    .orderBy('claimed_ts', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await vouchersOf(context.db, items),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.claimed_ts, last.seq], scope) : null,
    total: Number(total.n),
  };
}

/**
 * One voucher, to the enterprise holding it, the provider it was used with, and administrators of the batch's or the
 * enterprise's region; a 404 to anyone else, the same as for a voucher that does not exist.
 */
export async function getVoucher(
  context: VoucherContext,
  principal: Principal,
  id: string,
  locale: MessageLocale,
): Promise<Voucher> {
  const row = await context.db.selectFrom('vouchers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await canSeeVoucher(context, principal, row))) throw voucherNotFound(locale, id);
  return voucherById(context.db, row);
}

async function canSeeVoucher(context: VoucherContext, principal: Principal, row: VoucherRow): Promise<boolean> {
  if (principal.role === 'enterprise') return principal.enterpriseId === row.enterprise_id;
  if (principal.role === 'provider') {
    if (!row.engagement_id || !principal.providerId) return false;
    const engagement = await context.db
      .selectFrom('engagements')
      .select('provider_id')
      .where('id', '=', row.engagement_id)
      .executeTakeFirst();
    return engagement?.provider_id === principal.providerId;
  }
  const scope = principal.regionCode;
  if (!scope) return false;
  const batch = await context.db
    .selectFrom('voucher_batches')
    .select('issuer_region_code')
    .where('seq', '=', row.batch_seq)
    .executeTakeFirst();
  if (batch && context.regions.isWithin(batch.issuer_region_code, scope)) return true;
  const enterprise = await context.db
    .selectFrom('enterprises')
    .select('region_code')
    .where('id', '=', row.enterprise_id)
    .executeTakeFirst();
  return enterprise !== undefined && context.regions.isWithin(enterprise.region_code, scope);
}

/**
 * The voucher money an enterprise has committed in a year: what its used vouchers paid (engagements not cancelled)
 * plus the face value of the unused ones it still holds. Expired, handed-back and revoked vouchers commit nothing.
 */
async function committedMoney(db: Db, enterpriseId: string, year: number): Promise<number> {
  const { unused, used } = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('vouchers')
        .select((sum) => sum.fn.sum<number>('face_value').as('n'))
        .where('enterprise_id', '=', enterpriseId)
        .where('year', '=', year)
        .where('status', '=', 'issued')
        .as('unused'),
      usedMoneyQuery(db, enterpriseId, year).as('used'),
    ])
    .executeTakeFirstOrThrow();
  return Number(unused ?? 0) + Number(used ?? 0);
}

/** What the enterprise's vouchers of a year paid on engagements not cancelled, leaving out one voucher if given. */
function usedMoneyQuery(db: Db, enterpriseId: string, year: number, exceptVoucherId?: string) {
  let query = db
    .selectFrom('engagements')
    .innerJoin('vouchers', 'vouchers.id', 'engagements.voucher_id')
    .select((eb) => eb.fn.sum<number>('engagements.voucher_amount').as('n'))
    .where('engagements.enterprise_id', '=', enterpriseId)
    .where('vouchers.year', '=', year)
    .where('engagements.status', '<>', 'cancelled');
  if (exceptVoucherId !== undefined) query = query.where('vouchers.id', '<>', exceptVoucherId);
  return query;
}

async function usedMoney(db: Db, enterpriseId: string, year: number, exceptVoucherId?: string): Promise<number> {
  const used = await usedMoneyQuery(db, enterpriseId, year, exceptVoucherId).executeTakeFirstOrThrow();
  return Number(used.n ?? 0);
}

const SIZE_WORDS: Record<string, { zh: string; en: string }> = {
  micro: { zh: '微型', en: 'micro' },
  small: { zh: '小型', en: 'small' },
  medium: { zh: '中型', en: 'medium-sized' },
};
const TAG_WORDS: Record<string, { zh: string; en: string }> = {
  specialized: { zh: '专精特新', en: 'specialized (专精特新)' },
  littleGiant: { zh: '专精特新“小巨人”', en: 'little giant (小巨人)' },
  upgraded: { zh: '小升规', en: 'upgraded above the threshold (小升规)' },
  highTech: { zh: '高新技术企业', en: 'high-tech enterprise' },
  techSme: { zh: '科技型中小企业', en: 'technology-based SME' },
};

function words(locale: MessageLocale, values: readonly string[], table: Record<string, { zh: string; en: string }>) {
  const list = values.map((value) => (locale === 'en' ? table[value]?.en : table[value]?.zh) ?? value);
  return list.join(locale === 'en' ? ', ' : '、');
}

async function enterpriseRow(db: Db, enterpriseId: string, locale: MessageLocale) {
  const row = await db.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirst();
  if (!row) throw problem('not_eligible', locale, 'noProfile');
  return row;
}

function newVoucherId(): string {
  return `vch-${randomBytes(8).toString('hex')}`;
}

function newCode(prefix: string): string {
  const bytes = randomBytes(6);
  return `${prefix}-${[...bytes].map((byte) => CODE_CHARS[byte % CODE_CHARS.length]).join('')}`;
}

/** The enterprise's active (not handed-back) voucher of a batch, if any. */
export async function activeVoucher(db: Db, batchId: string, enterpriseId: string) {
  return db
    .selectFrom('vouchers')
    .select(['id', 'code'])
    .where('batch_id', '=', batchId)
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '<>', 'withdrawn')
    .executeTakeFirst();
}

export function alreadyClaimed(locale: MessageLocale, code: string): ProblemError {
  return problem('already_claimed', locale, 'alreadyClaimed', code, { voucherCode: code });
}

/**
 * Claims a voucher: writes it, and gives back the step that takes the batch's quota, to be run last in the same
 * transaction (`takeQuota` throws `quota_exhausted` when none is left, which rolls the voucher back). The quota is
 * taken by one UPDATE that no two transactions can both pass for the last voucher (`takeFromQuota`); one active
 * voucher per enterprise and batch is a unique index, so a concurrent duplicate fails at the INSERT (the caller
 * answers it 409). Taken last, the batch's row (which every claim of the batch waits for) is locked only from that
 * UPDATE to the commit.
 */
export async function claimVoucher(
  context: VoucherContext,
  trx: Transaction<Database>,
  principal: Principal,
  batchId: string,
  locale: MessageLocale,
): Promise<{ voucher: Voucher; takeQuota: () => Promise<void> }> {
  const { enterpriseId, batch, now } = await checkClaim(context, trx, principal, batchId, locale);
  await serializeEnterpriseWrites(trx, enterpriseId);
  if ((await committedMoney(trx, enterpriseId, batch.year)) >= batch.annual_cap) {
    throw problem('annual_cap_reached', locale, 'capReached', yuan(locale, batch.annual_cap));
  }
  const voucher = await issueVoucher(trx, principal, enterpriseId, batch, now);
  const takeQuota = async () => {
    if (!(await takeFromQuota(trx, batch.seq, shanghaiDateTime(now)))) {
      throw problem('quota_exhausted', locale, 'quotaExhausted');
    }
  };
  return { voucher, takeQuota };
}

/**
 * The checks of a claim, in the order its answers take: the claim window, eligibility, a voucher already held, and
 * a batch visibly used up. Read-only: the claim runs them again in its transaction, and at a batch opening the
 * route runs them first (`readClaim` and `claimRefusal`), so that the thousands of claims that come after the
 * quota is gone are answered from one read instead of a write transaction each.
 */
export async function checkClaim(
  context: VoucherContext,
  db: Db,
  principal: Principal,
  batchId: string,
  locale: MessageLocale,
): Promise<{ enterpriseId: string; batch: BatchRow; now: number }> {
  const enterpriseId = enterpriseIdOf(principal, locale);
  const { state } = await readClaim(db, batchId, principal.userId);
  if (!state) throw batchNotFound(locale, batchId);
  const now = context.clock.now();
  const refusal = claimRefusal(context, state, now, locale);
  if (refusal) throw refusal;
  return { enterpriseId, batch: state.batch, now };
}

/** Why a claim on `state` is refused at `now`, or undefined when it may go ahead. */
export function claimRefusal(
  context: VoucherContext,
  { batch, enterprise, heldCode }: ClaimState,
  now: number,
  locale: MessageLocale,
): ProblemError | undefined {
  if (now < batch.opens_ts || now >= batch.closes_ts) {
    return problem('claim_not_open', locale, 'claimNotOpen', `${batch.claim_opens_at} – ${batch.claim_closes_at}`);
  }
  if (!enterprise) return problem('not_eligible', locale, 'noProfile');
  const sizes = JSON.parse(batch.sizes) as string[];
  if (!sizes.includes(enterprise.size)) {
    return problem('not_eligible', locale, 'notEligibleSize', words(locale, sizes, SIZE_WORDS), {
      reason: 'size',
    });
  }
  const tags = JSON.parse(batch.tags) as string[];
  const held = JSON.parse(enterprise.tags) as string[];
  if (tags.length > 0 && !tags.some((tag) => held.includes(tag))) {
    return problem('not_eligible', locale, 'notEligibleTags', words(locale, tags, TAG_WORDS), { reason: 'tags' });
  }
  const scopes = JSON.parse(batch.region_codes) as string[];
  if (!scopes.some((scope) => context.regions.isWithin(enterprise.regionCode, scope))) {
    const names = scopes.map((code) => context.regions.get(code)?.name ?? code).join(locale === 'en' ? ', ' : '、');
    return problem('not_eligible', locale, 'notEligibleRegion', names, { reason: 'region' });
  }
  if (heldCode !== null) return alreadyClaimed(locale, heldCode);
  // A fast answer when the batch is visibly used up; the claim's quota UPDATE is what actually guards the quota.
  if (batch.remaining <= 0) return problem('quota_exhausted', locale, 'quotaExhausted');
  return undefined;
}

export interface ClaimState {
  readonly batch: BatchRow;
  /** The claiming enterprise's profile, if it has one. */
  readonly enterprise: { readonly size: string; readonly tags: string; readonly regionCode: string } | undefined;
  /** The code of the voucher of this batch it already holds. */
  readonly heldCode: string | null;
  /** The stored answer of the idempotency key asked about, if the store has one. */
  readonly stored: StoredKey | undefined;
}

/** The statement of `readClaim`, compiled once: a batch opening runs it thousands of times a second. */
const CLAIM_READ = new QueryTemplate<[batchId: string, scope: string, key: string, userId: string], ClaimRow>(
  4,
  (db, batchId, scope, key, userId) =>
    db
      .selectFrom('users as u')
      .leftJoin('voucher_batches as b', (join) => join.on('b.id', '=', batchId))
      .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id')
      .leftJoin('idempotency_keys as k', (join) => join.on('k.scope', '=', scope).on('k.key', '=', key))
      .selectAll('b')
      .select([
        'u.id as user_id',
        'u.name as user_name',
        'u.role as user_role',
        'u.region_code as user_region',
        'u.enterprise_id as user_enterprise',
        'u.provider_id as user_provider',
        'e.size as enterprise_size',
        'e.tags as enterprise_tags',
        'e.region_code as enterprise_region',
        'k.body_hash as key_body_hash',
        'k.status as key_status',
        'k.created_ts as key_created_ts',
      ])
      .select((eb) =>
        eb
          .selectFrom('vouchers as v')
          .select('v.code')
          .whereRef('v.batch_id', '=', 'b.id')
          .whereRef('v.enterprise_id', '=', 'u.enterprise_id')
          .where('v.status', '<>', 'withdrawn')
          .limit(1)
          .as('held_code'),
      )
      .where('u.id', '=', userId),
);

type ClaimRow = { [K in keyof BatchRow]: BatchRow[K] | null } & {
  user_id: string;
  user_name: string;
  user_role: Principal['role'];
  user_region: string | null;
  user_enterprise: string | null;
  user_provider: string | null;
  enterprise_size: string | null;
  enterprise_tags: string | null;
  enterprise_region: string | null;
  key_body_hash: string | null;
  key_status: string | null;
  key_created_ts: number | null;
  held_code: string | null;
};

/**
 * Everything a claim is checked against, read in one statement: the user claiming (`userId`, whom a token names),
 * the batch, the user's enterprise, the voucher of this batch it already holds and, when `idempotency` names a key,
 * that key's stored answer. One round trip instead of five matters at a batch's opening, when thousands of claims
 * are checked at once. `principal` is undefined when no such user exists, `state` when no such batch does.
 */
export async function readClaim(
  db: Db,
  batchId: string,
  userId: string,
  idempotency?: { readonly scope: string; readonly key: string | undefined },
): Promise<{ principal: Principal | undefined; state: ClaimState | undefined }> {
  // No key is the empty one, which no request can send: the join then finds nothing.
  const row = await CLAIM_READ.executeTakeFirst(db, batchId, idempotency?.scope ?? '', idempotency?.key ?? '', userId);
  if (!row) return { principal: undefined, state: undefined };
  const {
    user_id,
    user_name,
    user_role,
    user_region,
    user_enterprise,
    user_provider,
    enterprise_size: size,
    enterprise_tags: tags,
    enterprise_region: regionCode,
    held_code,
    key_body_hash,
    key_status,
    key_created_ts,
    ...batch
  } = row;
  const principal = principalFromUser({
    id: user_id,
    name: user_name,
    role: user_role,
    region_code: user_region,
    enterprise_id: user_enterprise,
    provider_id: user_provider,
  });
  if (batch.seq === null) return { principal, state: undefined };
  return {
    principal,
    state: {
      batch: batch as BatchRow,
      enterprise: size !== null && tags !== null && regionCode !== null ? { size, tags, regionCode } : undefined,
      heldCode: held_code ?? null,
      stored:
        key_body_hash !== null && key_status !== null && key_created_ts !== null
          ? { bodyHash: key_body_hash, status: key_status, createdTs: key_created_ts }
          : undefined,
    },
  };
}

/** The voucher of a claim that took its quota: its row and its first history entry. */
async function issueVoucher(
  trx: Transaction<Database>,
  principal: Principal,
  enterpriseId: string,
  batch: BatchRow,
  now: number,
): Promise<Voucher> {
  const at = shanghaiDateTime(now);
  const useByTs = Math.min(now + batch.use_within_days * DAY, batch.settle_ts);
  const values = {
    id: newVoucherId(),
    code: newCode(batch.code_prefix),
    batch_seq: batch.seq,
    batch_id: batch.id,
    enterprise_id: enterpriseId,
    face_value: batch.face_value,
    status: 'issued' as const,
    claimed_at: at,
    claimed_ts: now,
    use_by: shanghaiDateTime(useByTs),
    use_by_ts: useByTs,
    settle_by: batch.settle_by,
    engagement_id: null,
    year: batch.year,
    updated_at: at,
  };
  const { seq } = await trx.insertInto('vouchers').values(values).returning('seq').executeTakeFirstOrThrow();
  const actor = actorOf(principal);
  const entry = await trx
    .insertInto('voucher_history')
    .values({
      voucher_seq: seq,
      status: 'issued',
      at,
      actor_role: actor.role,
      actor_name: actor.name,
      note: `领取${batch.name}`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // Built from what was just written: the batch and the one history entry are in hand.
  return voucherOf({ ...values, seq }, batch, [entry]);
}

/** What a use would order: the checks and the amounts, shared by `quote` and `use`. */
interface UsePlan {
  readonly voucher: VoucherRow;
  readonly quote: VoucherQuote;
  readonly enterprise: { id: string; name: string; region_code: string };
  readonly provider: { id: string; name: string };
  readonly product: { id: string; name: string; category_id: string };
}

async function planUse(
  context: VoucherContext,
  db: Db,
  principal: Principal,
  voucherId: string,
  input: VoucherUseInput,
  locale: MessageLocale,
): Promise<UsePlan> {
  const enterpriseId = enterpriseIdOf(principal, locale);
  const voucher = await ownVoucher(db, voucherId, enterpriseId, locale);
  if (voucher.status === 'expired') throw problem('voucher_expired', locale, 'expired', voucher.use_by);
  if (voucher.status !== 'issued') {
    throw problem('voucher_not_usable', locale, 'notUsable', statusWord(locale, voucher.status));
  }
  if (context.clock.now() >= voucher.use_by_ts) throw problem('voucher_expired', locale, 'expired', voucher.use_by);
  const batch = await db
    .selectFrom('voucher_batches')
    .selectAll()
    .where('seq', '=', voucher.batch_seq)
    .executeTakeFirstOrThrow();
  const product = await db
    .selectFrom('products')
    .select(['id', 'name', 'category_id', 'provider_id', 'status', 'listed', 'voucher_eligible'])
    .where('id', '=', input.productId)
    .executeTakeFirst();
  if (!product) throw problem('product_not_eligible', locale, 'productNotFound', input.productId);
  const categories = JSON.parse(batch.category_ids) as string[];
  if (
    product.status !== 'published' ||
    product.listed !== 1 ||
    product.voucher_eligible !== 1 ||
    (categories.length > 0 && !categories.includes(product.category_id))
  ) {
    throw problem('product_not_eligible', locale, 'productNotEligible', product.name);
  }
  const provider = await db
    .selectFrom('providers')
    .select(['id', 'name', 'uscc', 'legal_representative'])
    .where('id', '=', product.provider_id)
    .executeTakeFirstOrThrow();
  const enterprise = await enterpriseRow(db, enterpriseId, locale);
  const providerLegal = provider.legal_representative ?? '';
  if (
    provider.uscc === enterprise.uscc ||
    (providerLegal !== '' && providerLegal === enterprise.legal_representative)
  ) {
    throw problem('related_party', locale, 'relatedParty', provider.name);
  }
  const capLeft = batch.annual_cap - (await usedMoney(db, enterpriseId, voucher.year, voucher.id));
  if (capLeft <= 0) throw problem('annual_cap_reached', locale, 'capReached', yuan(locale, batch.annual_cap));
  const payment = voucherPayment({
    faceValue: voucher.face_value,
    maxCoverage: batch.max_coverage,
    contractAmount: input.contractAmount,
    capLeft,
  });
  return {
    voucher,
    quote: { contractAmount: input.contractAmount, capLeft, ...payment },
    enterprise,
    provider,
    product,
  };
}

export async function quoteUse(
  context: VoucherContext,
  principal: Principal,
  voucherId: string,
  input: VoucherUseInput,
  locale: MessageLocale,
): Promise<VoucherQuote> {
  return (await planUse(context, context.db, principal, voucherId, input, locale)).quote;
}

function newEngagementId(): string {
  return `eng-${randomBytes(8).toString('hex')}`;
}

/**
 * Uses a voucher: orders the engagement. The voucher leaves `issued` by one conditional UPDATE in the same
 * transaction as the engagement's INSERT, so of concurrent uses of one voucher exactly one orders anything.
 */
export async function useVoucher(
  context: VoucherContext,
  trx: Transaction<Database>,
  principal: Principal,
  voucherId: string,
  input: VoucherUseInput,
  locale: MessageLocale,
): Promise<Engagement> {
  await serializeEnterpriseWrites(trx, enterpriseIdOf(principal, locale));
  const plan = await planUse(context, trx, principal, voucherId, input, locale);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const engagementId = newEngagementId();
  const taken = await trx
    .updateTable('vouchers')
    .set({ status: 'ordered', engagement_id: engagementId, updated_at: at })
    .where('seq', '=', plan.voucher.seq)
    .where('status', '=', 'issued')
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) {
    throw problem('voucher_not_usable', locale, 'notUsable', statusWord(locale, 'ordered'));
  }
  const values = {
    id: engagementId,
    enterprise_id: plan.enterprise.id,
    enterprise_name: plan.enterprise.name,
    enterprise_region_code: plan.enterprise.region_code,
    provider_id: plan.provider.id,
    provider_name: plan.provider.name,
    product_id: plan.product.id,
    product_name: plan.product.name,
    category_id: plan.product.category_id,
    voucher_id: plan.voucher.id,
    contract_amount: plan.quote.contractAmount,
    voucher_amount: plan.quote.voucherAmount,
    self_paid: plan.quote.selfPaid,
    status: 'ordered' as const,
    accepted_at: null,
    rating_id: null,
    created_at: at,
    created_ts: now,
    updated_at: at,
  };
  const { seq } = await trx.insertInto('engagements').values(values).returning('seq').executeTakeFirstOrThrow();
  const actor = actorOf(principal);
  const note = `${plan.product.name}：合同金额 ${yuan('zh-CN', values.contract_amount)}，用券抵扣 ${yuan('zh-CN', values.voucher_amount)}`;
  const timeline = {
    engagement_seq: seq,
    status: 'ordered' as const,
    at,
    actor_role: actor.role,
    actor_name: actor.name,
    note,
  };
  await trx.insertInto('engagement_timeline').values(timeline).execute();
  await appendHistory(
    trx,
    plan.voucher.seq,
    'ordered',
    at,
    actor,
    `用于服务项目 ${engagementId}（${plan.product.name}）`,
  );
  return engagementOf({ ...values, seq }, [{ ...timeline, seq: 0 }]);
}

/** Hands an unused voucher back: `withdrawn`, and its quota returns to the batch in the same transaction. */
export async function returnVoucher(
  context: VoucherContext,
  trx: Transaction<Database>,
  principal: Principal,
  voucherId: string,
  locale: MessageLocale,
): Promise<Voucher> {
  const enterpriseId = enterpriseIdOf(principal, locale);
  const row = await ownVoucher(trx, voucherId, enterpriseId, locale);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const withdrawn = await trx
    .updateTable('vouchers')
    .set({ status: 'withdrawn', updated_at: at })
    .where('seq', '=', row.seq)
    .where('status', '=', 'issued')
    .where('use_by_ts', '>', now)
    .executeTakeFirst();
  if (Number(withdrawn.numUpdatedRows) === 0) {
    const status = row.status === 'issued' ? 'expired' : row.status;
    throw problem('voucher_not_returnable', locale, 'notReturnable', statusWord(locale, status));
  }
  await trx
    .updateTable('voucher_batches')
    .set((eb) => ({ remaining: eb('remaining', '+', 1), updated_at: at }))
    .where('seq', '=', row.batch_seq)
    .execute();
  await appendHistory(trx, row.seq, 'withdrawn', at, actorOf(principal), '企业退回，名额返还本批次');
  return voucherById(trx, { ...row, status: 'withdrawn', updated_at: at });
}
