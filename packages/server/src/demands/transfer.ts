// A demand handed to another center on its line: up (the city above, the province) or down (a county or city below
// the sender's region), never sideways. The demand's region moves with it, so the receiving center sees it and a
// sender now outside no longer does; its deadlines count again from the transfer.
import type { Demand, DemandTransferInput, Principal } from '@smec/schemas';
import { isRegionWithin } from '@smec/schemas/rules';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, validationFailed } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { deadlinesOf } from './deadlines.js';
import { demandDeadlinesFrom } from './deadline-days.js';
import { demandInRegion, fullDemand, type DemandContext } from './store.js';

const TEXT = {
  unknown: { 'zh-CN': '没有这个地区。', 'zh-HK': '沒有這個地區。', en: 'No such region.' },
  notOnLine: {
    'zh-CN':
      '只能转交给本中心的上级（所在地市、省）或下级中心，且须在该需求所属地区的同一条线上；不能转交给同级的其他地区或本中心自己。',
    'zh-HK':
      '只能轉交給本中心的上級（所在地市、省）或下級中心，且須在該需求所屬地區的同一條線上；不能轉交給同級的其他地區或本中心自己。',
    en: 'A demand goes up (to the city above, the province) or down (to a region below yours) on its own region’s line; not to a sibling region nor to your own.',
  },
  already: {
    'zh-CN': '该需求已在 {region}。',
    'zh-HK': '該需求已在 {region}。',
    en: 'The demand is in {region} already.',
  },
  finished: {
    'zh-CN': '该需求已办结或不予受理，不能转交。',
    'zh-HK': '該需求已辦結或不予受理，不能轉交。',
    en: 'A closed or rejected demand cannot be transferred.',
  },
  movedMeanwhile: {
    'zh-CN': '该需求已被他人处理，请刷新后重试。',
    'zh-HK': '該需求已被他人處理，請重新載入後再試。',
    en: 'The demand was moved by someone else meanwhile; reload it.',
  },
} as const satisfies Record<string, Localized>;

/** Up or down the sender's line, and on the demand's: an ancestor of both, or a region below the sender's. */
function onLine(target: string, own: string, demandRegion: string): boolean {
  if (target === own) return false;
  const up = isRegionWithin(own, target) && isRegionWithin(demandRegion, target);
  const down =
    isRegionWithin(target, own) && (isRegionWithin(target, demandRegion) || isRegionWithin(demandRegion, target));
  return up || down;
}

/** Transfers a demand of the staff member's region, in the caller's transaction. */
export async function transferDemand(
  context: DemandContext,
  principal: Principal,
  id: string,
  input: DemandTransferInput,
  trx: Transaction<Database>,
): Promise<Demand> {
  const row = await demandInRegion(trx, context, principal, id);
  const own = principal.regionCode ?? '';
  const target = context.regions.get(input.toRegion);
  const refuse = (message: Localized) => validationFailed([{ path: 'body.toRegion', message, code: 'invalid' }]);
  if (!target) throw refuse(TEXT.unknown);
  if (row.status === 'closed' || row.status === 'rejected') throw new ProblemError('conflict', TEXT.finished);
  if (target.code === row.region_code) throw refuse(fill(TEXT.already, { region: target.name }));
  if (!onLine(target.code, own, row.region_code)) throw refuse(TEXT.notOnLine);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const due = demandDeadlinesFrom(now, await deadlinesOf(trx, context.regions, target.code));
  const updated = await trx
    .updateTable('demands')
    .set({
      region_code: target.code,
      city_code: context.regions.cityOf(target.code)?.code ?? null,
      accept_by_ts: due.acceptBy,
      first_match_by_ts: due.firstMatchBy,
      updated_at: at,
    })
    .where('seq', '=', row.seq)
    .where('region_code', '=', row.region_code)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new ProblemError('conflict', TEXT.movedMeanwhile);
  await trx
    .insertInto('demand_timeline')
    .values({
      demand_seq: row.seq,
      status: row.status,
      at,
      actor: 'center',
      note: `转交至${target.name}：${input.reason.trim()}`,
      kind: 'transferred',
      to_region: target.code,
    })
    .execute();
  return fullDemand(context, trx, row.seq);
}
