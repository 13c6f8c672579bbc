/**
 * A center's own voucher batches: drafts created by its staff, changed with If-Match, opened, paused and closed. The
 * issuer is the staff member's center; its staff and those of the regions above act on the batch, and to any other
 * center it does not exist (404). The terms are checked with the shared rules (rules/voucher-batch.ts, 422 naming
 * each field); once opened, those a claimant relies on are frozen (409). Every write is on the audit log.
 */
import { randomBytes } from 'node:crypto';
import {
  BATCH_MESSAGES,
  BATCH_MOVES,
  batchRefusals,
  frozenChanges,
  type BatchTerms,
  type Principal,
  type VoucherBatch,
  type VoucherBatchInput,
  type VoucherBatchPatch,
  type VoucherBatchTransition,
} from '@smec/schemas';
import { sql, type Transaction } from 'kysely';
import { recordAudit, type AuditActor } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { staleEdit } from '../http/if-match.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { revisionHolds } from '../http/revision-etag.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { VoucherContext } from './context.js';
import { batchOf, type BatchRow } from './rows.js';

const TEXT = {
  noBatch: {
    'zh-CN': '本中心及下辖地区没有服务券批次 {id}。',
    'zh-HK': '本中心及下轄地區沒有服務券批次 {id}。',
    en: 'No voucher batch {id} in your center’s region.',
  },
  rules: {
    'zh-CN': '批次的发放规则有误：请修改以下各项。',
    'zh-HK': '批次的發放規則有誤：請修改以下各項。',
    en: 'The batch’s terms break a rule: correct each field listed.',
  },
  frozen: {
    'zh-CN': '批次已开放领取，以下发放规则不能再修改：{fields}。',
    'zh-HK': '批次已開放領取，以下發放規則不能再修改：{fields}。',
    en: 'The batch has opened: these terms can no longer change: {fields}.',
  },
  belowIssued: {
    'zh-CN': '已领取 {issued} 张，发放总量不能少于此数。',
    'zh-HK': '已領取 {issued} 張，發放總量不能少於此數。',
    en: '{issued} vouchers are issued already: the quota cannot drop below that.',
  },
  move: {
    'zh-CN': '批次当前状态为“{status}”，不能执行“{action}”。',
    'zh-HK': '批次目前狀態為「{status}」，不能執行「{action}」。',
    en: 'The batch is {status}: it cannot {action}.',
  },
  windowOver: {
    'zh-CN': '批次的领取截止时间已过，不能再开放领取。',
    'zh-HK': '批次的領取截止時間已過，不能再開放領取。',
    en: 'The batch’s claim window is over: it cannot open.',
  },
  noCenter: {
    'zh-CN': '您的账号未关联服务中心。',
    'zh-HK': '您的帳戶未關聯服務中心。',
    en: 'Your account acts for no center.',
  },
} as const satisfies Record<string, Localized>;

const STATUS_WORDS: Record<string, Localized> = {
  draft: { 'zh-CN': '草稿', 'zh-HK': '草稿', en: 'a draft' },
  open: { 'zh-CN': '已开放', 'zh-HK': '已開放', en: 'open' },
  paused: { 'zh-CN': '已暂停', 'zh-HK': '已暫停', en: 'paused' },
  closed: { 'zh-CN': '已关闭', 'zh-HK': '已關閉', en: 'closed' },
};
const ACTION_WORDS: Record<string, Localized> = {
  open: { 'zh-CN': '开放', 'zh-HK': '開放', en: 'open' },
  pause: { 'zh-CN': '暂停', 'zh-HK': '暫停', en: 'pause' },
  close: { 'zh-CN': '关闭', 'zh-HK': '關閉', en: 'close' },
};

/** Fills a text in every language with values that are themselves texts in every language. */
function fillLocalized(text: Localized, values: Record<string, Localized | string>): Localized {
  const pick = (locale: keyof Localized) =>
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? value : value[locale]]),
    );
  return {
    'zh-CN': fill(text, pick('zh-CN'))['zh-CN'],
    'zh-HK': fill(text, pick('zh-HK'))['zh-HK'],
    en: fill(text, pick('en')).en,
  };
}

export function centerRegionOf(principal: Principal): string {
  if (!principal.regionCode) throw new ProblemError('forbidden', TEXT.noCenter);
  return principal.regionCode;
}

/** The batch, if issued in the staff member's region or below; else the 404 of one that does not exist. */
export async function staffBatchRow(
  context: VoucherContext,
  db: Transaction<Database>,
  principal: Principal,
  id: string,
): Promise<BatchRow> {
  const region = centerRegionOf(principal);
  const row = await db.selectFrom('voucher_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !context.regions.isWithin(row.issuer_region_code, region)) {
    throw new ProblemError('not_found', fill(TEXT.noBatch, { id }));
  }
  return row;
}

/** A row's terms under the input's names: what the rules check and what the audit log compares. */
function termsOf(row: BatchRow): BatchTerms & { eligibility: { tags: string[] }; categoryIds: string[] } {
  return {
    name: row.name,
    year: row.year,
    faceValue: row.face_value,
    quota: row.quota,
    annualCapPerEnterprise: row.annual_cap,
    maxCoverage: row.max_coverage,
    useWithinDays: row.use_within_days,
    claimOpensAt: row.claim_opens_at,
    claimClosesAt: row.claim_closes_at,
    settleBy: row.settle_by,
    eligibility: {
      sizes: JSON.parse(row.sizes) as string[],
      tags: JSON.parse(row.tags) as string[],
      regionCodes: JSON.parse(row.region_codes) as string[],
    },
    categoryIds: JSON.parse(row.category_ids) as string[],
  };
}

type Terms = ReturnType<typeof termsOf>;

/** The 422 naming each field whose rule the terms break, or nothing. */
function checkTerms(context: VoucherContext, issuerRegion: string, terms: Terms): void {
  const refusals = batchRefusals(terms, {
    exists: (code) => context.regions.get(code) !== undefined,
    withinIssuer: (code) => context.regions.isWithin(code, issuerRegion),
  });
  if (refusals.length === 0) return;
  throw new ProblemError('rules_not_met', TEXT.rules, {
    errors: refusals.map((refusal) => ({
      path: `body.${refusal.path}`,
      code: refusal.key,
      message: BATCH_MESSAGES[refusal.key],
    })),
  });
}

/** An instant as the platform writes it (Asia/Shanghai), with its epoch milliseconds. */
function instant(value: string): { text: string; ts: number } {
  const ts = Date.parse(value);
  return { text: shanghaiDateTime(ts), ts };
}

/** The columns of `terms`, normalised (instants in Shanghai time, lists de-duplicated). */
function columnsOf(terms: Terms) {
  const opens = instant(terms.claimOpensAt);
  const closes = instant(terms.claimClosesAt);
  const settle = instant(terms.settleBy);
  const unique = (values: readonly string[]) => JSON.stringify([...new Set(values)]);
  return {
    name: terms.name.trim(),
    year: terms.year,
    face_value: terms.faceValue,
    quota: terms.quota,
    annual_cap: terms.annualCapPerEnterprise,
    max_coverage: terms.maxCoverage,
    use_within_days: terms.useWithinDays,
    claim_opens_at: opens.text,
    opens_ts: opens.ts,
    claim_closes_at: closes.text,
    closes_ts: closes.ts,
    settle_by: settle.text,
    settle_ts: settle.ts,
    sizes: unique(terms.eligibility.sizes),
    tags: unique(terms.eligibility.tags),
    region_codes: unique(terms.eligibility.regionCodes),
    category_ids: unique(terms.categoryIds),
  };
}

/** Only the fields that differ, for the audit log's before and after. */
function changed(was: object, now: object) {
  const before = was as Record<string, unknown>;
  const after = now as Record<string, unknown>;
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

async function issuerName(trx: Transaction<Database>, context: VoucherContext, principal: Principal, region: string) {
  const user = await trx
    .selectFrom('users')
    .select('organization')
    .where('id', '=', principal.userId)
    .executeTakeFirst();
  const organization = user?.organization.trim();
  return organization ? organization : `${context.regions.get(region)?.name ?? region}中小企业服务中心`;
}

/** A new draft of the staff member's center; the scope defaults to the center's whole region. */
export async function createBatch(
  context: VoucherContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  input: VoucherBatchInput,
): Promise<{ batch: VoucherBatch; row: BatchRow }> {
  const { principal } = actor;
  const region = centerRegionOf(principal);
  const terms: Terms = {
    ...input,
    eligibility: {
      sizes: input.eligibility.sizes,
      tags: input.eligibility.tags ?? [],
      regionCodes: input.eligibility.regionCodes ?? [region],
    },
    categoryIds: input.categoryIds ?? [],
  };
  checkTerms(context, region, terms);
  const now = context.clock.now();
  const columns = columnsOf(terms);
  const id = `vbt-${randomBytes(6).toString('hex')}`;
  const values = {
    ...columns,
    id,
    issuer_name: await issuerName(trx, context, principal, region),
    issuer_region_code: region,
    code_prefix: `V${region}-${terms.year}-${id.slice(-4).toUpperCase()}`,
    remaining: columns.quota,
    updated_at: shanghaiDateTime(now),
    status: 'draft' as const,
    created_by: principal.userId,
    revision: 0,
  };
  const { seq } = await trx.insertInto('voucher_batches').values(values).returning('seq').executeTakeFirstOrThrow();
  const row: BatchRow = { ...values, seq };
  await recordAudit(trx, actor, now, {
    action: 'voucherBatch.create',
    entityType: 'voucherBatch',
    entityId: id,
    after: { ...termsOf(row), status: 'draft' },
  });
  return { batch: batchOf(row, now), row };
}

/**
 * Applies a change if `If-Match` names the batch's revision. One conditional UPDATE: of two changes of one revision
 * one wins (the other 412), and the quota is set against the vouchers issued at that moment, whatever claims run.
 */
export async function updateBatch(
  context: VoucherContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  id: string,
  ifMatch: readonly string[] | '*',
  patch: VoucherBatchPatch,
): Promise<{ batch: VoucherBatch; row: BatchRow }> {
  const row = await staffBatchRow(context, trx, actor.principal, id);
  if (!revisionHolds(ifMatch, row.id, row.revision)) throw staleEdit();
  const current = termsOf(row);
  const next: Terms = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    eligibility: {
      sizes: patch.eligibility?.sizes ?? current.eligibility.sizes,
      tags: patch.eligibility?.tags ?? current.eligibility.tags,
      regionCodes: patch.eligibility?.regionCodes ?? current.eligibility.regionCodes,
    },
    categoryIds: patch.categoryIds ?? current.categoryIds,
  };
  if (row.status !== 'draft') {
    const frozen = frozenChanges(current, {
      ...patch,
      ...(patch.eligibility ? { eligibility: next.eligibility } : {}),
    });
    if (frozen.length > 0) {
      throw new ProblemError('batch_terms_frozen', fill(TEXT.frozen, { fields: frozen.join(', ') }), {
        extensions: { fields: frozen.join(',') },
      });
    }
  }
  checkTerms(context, row.issuer_region_code, next);
  const issued = row.quota - row.remaining;
  if (next.quota < issued) throw belowIssued(issued);
  const now = context.clock.now();
  const { quota, ...columns } = columnsOf(next);
  const updated = await trx
    .updateTable('voucher_batches')
    .set(() => ({
      ...columns,
      quota,
      // The vouchers issued stay issued: what is left follows the new quota.
      remaining: sql<number>`remaining + ${quota} - quota`,
      updated_at: shanghaiDateTime(now),
      revision: row.revision + 1,
    }))
    .where('seq', '=', row.seq)
    .where('revision', '=', row.revision)
    .where(sql<boolean>`quota - remaining <= ${quota}`)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const now2 = await trx
      .selectFrom('voucher_batches')
      .select(['revision', 'quota', 'remaining'])
      .where('seq', '=', row.seq)
      .executeTakeFirstOrThrow();
    if (now2.revision !== row.revision) throw staleEdit();
    throw belowIssued(now2.quota - now2.remaining);
  }
  const written = await trx
    .selectFrom('voucher_batches')
    .selectAll()
    .where('seq', '=', row.seq)
    .executeTakeFirstOrThrow();
  const diff = changed(current, termsOf(written));
  await recordAudit(trx, actor, now, {
    action: 'voucherBatch.update',
    entityType: 'voucherBatch',
    entityId: id,
    ...diff,
  });
  return { batch: batchOf(written, now), row: written };
}

function belowIssued(issued: number): ProblemError {
  return new ProblemError('quota_below_issued', fill(TEXT.belowIssued, { issued: String(issued) }), {
    extensions: { issued },
  });
}

/** Opens (a draft, after checking its terms again, or a paused batch), pauses or closes a batch. */
export async function transitionBatch(
  context: VoucherContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  id: string,
  ifMatch: readonly string[] | '*' | undefined,
  move: VoucherBatchTransition,
): Promise<{ batch: VoucherBatch; row: BatchRow }> {
  const row = await staffBatchRow(context, trx, actor.principal, id);
  if (ifMatch !== undefined && !revisionHolds(ifMatch, row.id, row.revision)) throw staleEdit();
  const rule = BATCH_MOVES[move.action];
  if (!rule.from.includes(row.status)) {
    throw new ProblemError(
      'conflict',
      fillLocalized(TEXT.move, {
        status: STATUS_WORDS[row.status] ?? row.status,
        action: ACTION_WORDS[move.action] ?? move.action,
      }),
    );
  }
  const now = context.clock.now();
  if (move.action === 'open') {
    checkTerms(context, row.issuer_region_code, termsOf(row));
    if (now >= row.closes_ts) throw new ProblemError('conflict', TEXT.windowOver);
  }
  const updated = await trx
    .updateTable('voucher_batches')
    .set({ status: rule.to, revision: row.revision + 1, updated_at: shanghaiDateTime(now) })
    .where('seq', '=', row.seq)
    .where('revision', '=', row.revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw staleEdit();
  const written = await trx
    .selectFrom('voucher_batches')
    .selectAll()
    .where('seq', '=', row.seq)
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, now, {
    action: `voucherBatch.${move.action}`,
    entityType: 'voucherBatch',
    entityId: id,
    before: { status: row.status },
    after: { status: rule.to, ...(move.note ? { note: move.note } : {}) },
  });
  return { batch: batchOf(written, now), row: written };
}
