// The settlement queue (结算) of a center: the voucher-paid engagements of enterprises in its region and below that
// their enterprise accepted and the center has not settled, oldest acceptance first, with the provider's proofs.
import type { MessageLocale, Principal, Settlement, SettlementPage, SettlementsQuery } from '@smec/schemas';
import type { Readable } from 'node:stream';
import type { RegionIndex } from '../catalog/regions.js';
import { csvStream, type CsvValue } from '../http/csv.js';
import { cursorScope, decodeCursor, encodeCursor, invalidCursor } from '../http/cursor.js';
import type { Db, VoucherContext } from '../vouchers/context.js';
import { proofsOf } from './proofs.js';
import { regionsBelow } from '../catalog/regions.js';

/** The regions at and below the principal's own; none for a principal without a region. */
function scopeOf(regions: RegionIndex, principal: Principal): string[] | 'all' {
  if (principal.regionCode === regions.province.code) return 'all';
  return principal.regionCode ? regionsBelow(regions, principal.regionCode) : [];
}

function queueRows(db: Db, regions: RegionIndex, principal: Principal, query: SettlementsQuery, afterSeq: number) {
  const scope = scopeOf(regions, principal);
  let select = db
    .selectFrom('engagements as e')
    .innerJoin('vouchers as v', 'v.id', 'e.voucher_id')
    .innerJoin('voucher_batches as b', 'b.seq', 'v.batch_seq')
    .select([
      'e.seq',
      'e.id',
      'e.enterprise_name',
      'e.provider_id',
      'e.provider_name',
      'e.product_name',
      'e.contract_amount',
      'e.voucher_amount',
      'e.self_paid',
      'e.accepted_at',
      'e.settlement_refusal',
      'v.id as voucher_id',
      'v.code as voucher_code',
      'b.id as batch_id',
      'b.name as batch_name',
      'b.settle_by',
      'b.settle_ts',
    ])
    .where('e.status', '=', 'delivered')
    .where('e.accepted_at', 'is not', null)
    .where('e.seq', '>', afterSeq);
  if (scope !== 'all') select = select.where('e.enterprise_region_code', 'in', scope.length > 0 ? scope : ['']);
  if (query.state === 'waiting') select = select.where('e.settlement_refusal', 'is', null);
  if (query.state === 'refused') select = select.where('e.settlement_refusal', 'is not', null);
  if (query.batchId) select = select.where('b.id', '=', query.batchId);
  return select.orderBy('e.seq');
}

type QueueRow = Awaited<ReturnType<ReturnType<typeof queueRows>['execute']>>[number];

function settlementOf(row: QueueRow, now: number, proofs: Settlement['proofs']): Settlement {
  return {
    engagementId: row.id,
    state: row.settlement_refusal === null || row.settlement_refusal === undefined ? 'waiting' : 'refused',
    enterpriseName: row.enterprise_name,
    providerId: row.provider_id,
    providerName: row.provider_name,
    productName: row.product_name,
    voucherId: row.voucher_id,
    voucherCode: row.voucher_code,
    batchId: row.batch_id,
    batchName: row.batch_name,
    contractAmount: row.contract_amount,
    voucherAmount: row.voucher_amount,
    selfPaid: row.self_paid,
    acceptedAt: row.accepted_at ?? '',
    settleBy: row.settle_by,
    late: now > row.settle_ts,
    refusalReason: row.settlement_refusal ?? null,
    proofs,
  };
}

export async function listSettlements(
  context: VoucherContext,
  principal: Principal,
  query: SettlementsQuery,
): Promise<SettlementPage> {
  const limit = Number(query.limit ?? 20);
  const scope = cursorScope(`settlements ${principal.userId}`, { state: query.state, batchId: query.batchId });
  let after = 0;
  if (query.cursor) {
    const [seq] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof seq !== 'number') throw invalidCursor();
    after = seq;
  }
  const counted = await queueRows(context.db, context.regions, principal, { ...query, cursor: undefined }, 0)
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await queueRows(context.db, context.regions, principal, query, after)
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const proofs = await proofsOf(
    context.db,
    items.map((row) => row.seq),
  );
  const now = context.clock.now();
  const last = items[items.length - 1];
  return {
    items: items.map((row) => settlementOf(row, now, proofs.get(row.seq) ?? [])),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.seq], scope) : null,
    total: Number(counted.n),
  };
}

const HEADERS: Record<MessageLocale, readonly string[]> = {
  'zh-CN': [
    '服务单号',
    '状态',
    '企业',
    '服务机构',
    '服务项目',
    '服务券',
    '批次',
    '合同金额（元）',
    '用券金额（元）',
    '自付金额（元）',
    '验收时间',
    '结算截止',
    '退回原因',
    '材料份数',
  ],
  'zh-HK': [
    '服務單號',
    '狀態',
    '企業',
    '服務機構',
    '服務項目',
    '服務券',
    '批次',
    '合同金額（元）',
    '用券金額（元）',
    '自付金額（元）',
    '驗收時間',
    '結算截止',
    '退回原因',
    '材料份數',
  ],
  en: [
    'Engagement',
    'State',
    'Enterprise',
    'Provider',
    'Service',
    'Voucher',
    'Batch',
    'Contract (CNY)',
    'Voucher (CNY)',
    'Self-paid (CNY)',
    'Accepted',
    'Settle by',
    'Refusal reason',
    'Proofs',
  ],
};

const STATE_TEXT: Record<MessageLocale, Record<Settlement['state'], string>> = {
  'zh-CN': { waiting: '待结算', refused: '已退回' },
  'zh-HK': { waiting: '待結算', refused: '已退回' },
  en: { waiting: 'Waiting', refused: 'Refused' },
};

/** Yuan with two decimals, as a spreadsheet adds them up (fen are whole numbers). */
function yuanCell(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** Rows read per statement while the file is written. */
const BATCH = 500;

/** The whole queue (the filters apply, the paging does not) as one CSV file in the request's language. */
export async function settlementsCsv(
  context: VoucherContext,
  principal: Principal,
  query: SettlementsQuery,
  locale: MessageLocale,
): Promise<Readable> {
  const now = context.clock.now();
  async function* chunks(): AsyncGenerator<CsvValue[][]> {
    let after = 0;
    for (;;) {
      const rows = await queueRows(context.db, context.regions, principal, query, after).limit(BATCH).execute();
      if (rows.length === 0) return;
      const proofs = await proofsOf(
        context.db,
        rows.map((row) => row.seq),
      );
      yield rows.map((row) => {
        const item = settlementOf(row, now, proofs.get(row.seq) ?? []);
        return [
          item.engagementId,
          STATE_TEXT[locale][item.state],
          item.enterpriseName,
          item.providerName,
          item.productName,
          item.voucherCode,
          item.batchName,
          yuanCell(item.contractAmount),
          yuanCell(item.voucherAmount),
          yuanCell(item.selfPaid),
          item.acceptedAt,
          item.settleBy,
          item.refusalReason,
          item.proofs.length,
        ];
      });
      after = rows[rows.length - 1]?.seq ?? after;
      if (rows.length < BATCH) return;
    }
  }
  return csvStream(HEADERS[locale], chunks());
}
