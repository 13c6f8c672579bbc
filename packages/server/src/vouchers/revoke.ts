/**
 * Revoking a voucher for fraud (作废): by staff of the issuing center's region or above, with a reason on its
 * history, the holder told. Only an unused (`issued`) voucher is revoked: DOMAIN.md says nothing of what becomes of
 * an engagement a voucher already pays for, so a voucher with one (ordered, confirmed, delivered, settled) is refused
 * (409) rather than guessed at. Its quota does not return to the batch: unlike a hand-back, a revoked voucher was
 * claimed, and it still holds the enterprise's one voucher of the batch.
 */
import type { Voucher, VoucherRevokeInput } from '@smec/schemas';
import type { Transaction } from 'kysely';
import { recordAudit, type AuditActor } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { centerRegionOf } from './batch-admin.js';
import type { VoucherContext } from './context.js';
import { actorOf, appendHistory } from './history.js';
import { statusWord } from './problems.js';
import { voucherById } from './read.js';

const TEXT = {
  noVoucher: {
    'zh-CN': '本中心及下辖地区发放的批次中没有服务券 {id}。',
    'zh-HK': '本中心及下轄地區發放的批次中沒有服務券 {id}。',
    en: 'No voucher {id} of a batch issued in your center’s region.',
  },
  notRevocable: {
    'zh-CN': '该服务券当前状态为“{status}”，只有未使用的服务券可以作废。',
    'zh-HK': '該服務券目前狀態為「{status}」，只有未使用的服務券可以作廢。',
    en: 'This voucher is {status}: only an unused voucher can be revoked.',
  },
} as const satisfies Record<string, Localized>;

export async function revokeVoucher(
  context: VoucherContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  id: string,
  input: VoucherRevokeInput,
): Promise<Voucher> {
  const region = centerRegionOf(actor.principal);
  const row = await trx
    .selectFrom('vouchers')
    .innerJoin('voucher_batches', 'voucher_batches.seq', 'vouchers.batch_seq')
    .selectAll('vouchers')
    .select(['voucher_batches.issuer_region_code', 'voucher_batches.name as batch_name'])
    .where('vouchers.id', '=', id)
    .executeTakeFirst();
  if (!row || !context.regions.isWithin(row.issuer_region_code, region)) {
    throw new ProblemError('not_found', fill(TEXT.noVoucher, { id }));
  }
  const { issuer_region_code: _issuer, batch_name: batchName, ...voucher } = row;
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const revoked = await trx
    .updateTable('vouchers')
    .set({ status: 'revoked', updated_at: at })
    .where('seq', '=', voucher.seq)
    .where('status', '=', 'issued')
    .executeTakeFirst();
  if (Number(revoked.numUpdatedRows) === 0) {
    const refuse = (locale: keyof Localized) => statusWord(locale, voucher.status);
    throw new ProblemError('conflict', {
      'zh-CN': fill(TEXT.notRevocable, { status: refuse('zh-CN') })['zh-CN'],
      'zh-HK': fill(TEXT.notRevocable, { status: refuse('zh-HK') })['zh-HK'],
      en: fill(TEXT.notRevocable, { status: refuse('en') }).en,
    });
  }
  const reason = input.reason.trim();
  await appendHistory(trx, voucher.seq, 'revoked', at, await actorOf(trx, actor.principal), `作废（违规）：${reason}`);
  await recordAudit(trx, actor, now, {
    action: 'voucher.revoke',
    entityType: 'voucher',
    entityId: id,
    before: { status: voucher.status },
    after: { status: 'revoked', reason },
  });
  const holders = await trx
    .selectFrom('users')
    .select('id')
    .where('enterprise_id', '=', voucher.enterprise_id)
    .execute();
  await notify(
    trx,
    now,
    holders.map((user) => user.id),
    {
      kind: 'voucherRevoked',
      subjectType: 'voucher',
      subjectId: id,
      data: { code: voucher.code, batchName, faceValue: voucher.face_value, reason },
    },
  );
  return voucherById(trx, { ...voucher, status: 'revoked', updated_at: at });
}
