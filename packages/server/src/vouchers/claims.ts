// Claiming a voucher of a batch: the checks in the order their answers take, and the voucher it issues.
import { randomBytes } from 'node:crypto';
import { ENTERPRISE_SIZES, type MessageLocale, type Principal, type Voucher } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { serializeEnterpriseWrites } from '../db/locks.js';
import type { ProblemError } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { committedMoney } from './annual-cap.js';
import { batchNotFound } from './batches.js';
import { readClaim, type ClaimState } from './claim-read.js';
import { enterpriseIdOf, type Db, type VoucherContext } from './context.js';
import { actorOf } from './history.js';
import { problem, sizeWords, tagWords, yuan } from './problems.js';
import { takeFromQuota } from './quota.js';
import { voucherOf, type BatchRow } from './rows.js';

const DAY = 86_400_000;
const CODE_CHARS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

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
 * transaction (`takeQuota` throws `QuotaRefused` when none is left, which rolls the voucher back). The quota is
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
    if (!(await takeFromQuota(trx, batch.seq, shanghaiDateTime(now)))) throw new QuotaRefused(batch.seq);
  };
  return { voucher, takeQuota };
}

/**
 * The quota refused a claim: none left, or its center paused or closed the batch since the claim was checked. Which
 * of these is read once the claim's transaction has rolled back (`quotaRefusal`): read inside it, it would wait for
 * a second connection of the pool while holding one, and a batch opening holding every connection so would wait for
 * ever (PostgreSQL ends it at the idle-in-transaction timeout).
 */
export class QuotaRefused extends Error {
  constructor(readonly batchSeq: number) {
    super('quota refused');
  }
}

export async function quotaRefusal(db: Db, refused: QuotaRefused, locale: MessageLocale): Promise<Error> {
  const status = await db
    .selectFrom('voucher_batches')
    .select('status')
    .where('seq', '=', refused.batchSeq)
    .executeTakeFirst();
  if (status?.status === 'paused') return problem('claim_not_open', locale, 'batchPaused');
  if (status?.status === 'closed') return problem('claim_not_open', locale, 'batchClosed');
  return problem('quota_exhausted', locale, 'quotaExhausted');
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
  // A draft is not public: no claim finds it.
  if (!state || state.batch.status === 'draft') throw batchNotFound(locale, batchId);
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
  if (batch.status === 'paused' || batch.status === 'closed') {
    return problem('claim_not_open', locale, batch.status === 'paused' ? 'batchPaused' : 'batchClosed');
  }
  if (now < batch.opens_ts || now >= batch.closes_ts) {
    return problem('claim_not_open', locale, 'claimNotOpen', `${batch.claim_opens_at} – ${batch.claim_closes_at}`);
  }
  if (!enterprise) return problem('not_eligible', locale, 'noProfile');
  const sizes = JSON.parse(batch.sizes) as string[];
  // An enterprise first known from a sign-in has no size on record: telling it the batch is for micro enterprises
  // would suggest it is not one.
  if (!(ENTERPRISE_SIZES as readonly string[]).includes(enterprise.size)) {
    return problem('not_eligible', locale, 'sizeNotRecorded', '', { reason: 'size' });
  }
  if (!sizes.includes(enterprise.size)) {
    return problem('not_eligible', locale, 'notEligibleSize', sizeWords(locale, sizes), {
      reason: 'size',
    });
  }
  const tags = JSON.parse(batch.tags) as string[];
  const held = JSON.parse(enterprise.tags) as string[];
  if (tags.length > 0 && !tags.some((tag) => held.includes(tag))) {
    return problem('not_eligible', locale, 'notEligibleTags', tagWords(locale, tags), { reason: 'tags' });
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
  const actor = await actorOf(trx, principal);
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
