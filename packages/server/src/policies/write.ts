/**
 * The policies a center publishes (政策宣贯): published by its staff for its region or one below, changed with
 * If-Match, withdrawn with a reason (the policy leaves the public list; the record stays). A document number is one
 * per issuer (a unique index: 409 on a duplicate). The n-gram index follows every write in the same transaction, so
 * a published policy is found by the list's search at once. Every write is on the audit log.
 */
import type { Policy, PolicyInput, PolicyPatch, PolicyWithdrawInput, Principal } from '@smec/schemas';
import { PostgresAdapter, sql, type Selectable, type Transaction } from 'kysely';
import { recordAudit, type AuditActor } from '../audit/record.js';
import type { Database, PolicyTable } from '../db/schema.js';
import { staleEdit } from '../http/if-match.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { revisionHolds } from '../http/revision-etag.js';
import { shanghaiDay } from '../time/shanghai.js';
import { policySearchText, reindexPolicy } from './search-text.js';
import { policyOf, type PolicyContext } from './store.js';

type PolicyRow = Selectable<PolicyTable>;

const TEXT = {
  noPolicy: {
    'zh-CN': '本中心及下辖地区没有政策 {id}。',
    'zh-HK': '本中心及下轄地區沒有政策 {id}。',
    en: 'No policy {id} in your center’s region.',
  },
  rules: {
    'zh-CN': '政策信息有误：请修改以下各项。',
    'zh-HK': '政策資料有誤：請修改以下各項。',
    en: 'The policy breaks a rule: correct each field listed.',
  },
  regionOutside: {
    'zh-CN': '只能发布本中心所在地区或其下辖地区的政策',
    'zh-HK': '只能發佈本中心所在地區或其下轄地區的政策',
    en: 'Only a policy of your center’s region or a region below it can be published',
  },
  regionUnknown: { 'zh-CN': '没有这个行政区划代码', 'zh-HK': '沒有這個行政區劃代碼', en: 'No region has this code' },
  untilBeforeFrom: {
    'zh-CN': '失效日期不能早于生效日期',
    'zh-HK': '失效日期不能早於生效日期',
    en: 'The last day in force cannot come before the first',
  },
  docNumberTaken: {
    'zh-CN': '“{issuer}”已有文号为“{docNumber}”的政策。',
    'zh-HK': '「{issuer}」已有文號為「{docNumber}」的政策。',
    en: '{issuer} already has a policy numbered {docNumber}.',
  },
  withdrawn: {
    'zh-CN': '该政策已撤回。',
    'zh-HK': '該政策已撤回。',
    en: 'The policy is withdrawn already.',
  },
  noCenter: {
    'zh-CN': '您的账号未关联服务中心。',
    'zh-HK': '您的帳戶未關聯服務中心。',
    en: 'Your account acts for no center.',
  },
} as const satisfies Record<string, Localized>;

/** The advisory lock of policy numbering: any fixed number no other lock of the platform takes. */
const POLICY_LOCK = 19_022;

function regionOf(principal: Principal): string {
  if (!principal.regionCode) throw new ProblemError('forbidden', TEXT.noCenter);
  return principal.regionCode;
}

/** The fields as the API names them, for the audit log's before and after. */
function fieldsOf(row: PolicyRow) {
  return {
    title: row.title,
    issuer: row.issuer,
    docNumber: row.doc_number,
    publishedAt: row.published_on,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
    regionCode: row.region_code,
    categoryIds: JSON.parse(row.category_ids) as string[],
    summary: row.summary,
    url: row.url,
  };
}

type Fields = ReturnType<typeof fieldsOf>;

/** The 422 naming each field that breaks a rule: a region of the center's, and dates in order. */
function checkFields(context: PolicyContext, centerRegion: string, fields: Fields): void {
  const errors: { path: string; code: string; message: Localized }[] = [];
  if (!context.regions.get(fields.regionCode)) {
    errors.push({ path: 'body.regionCode', code: 'policy.region.unknown', message: TEXT.regionUnknown });
  } else if (!context.regions.isWithin(fields.regionCode, centerRegion)) {
    errors.push({ path: 'body.regionCode', code: 'policy.region.outside', message: TEXT.regionOutside });
  }
  if (fields.effectiveUntil !== null && fields.effectiveUntil < fields.effectiveFrom) {
    errors.push({ path: 'body.effectiveUntil', code: 'policy.effective.order', message: TEXT.untilBeforeFrom });
  }
  if (errors.length > 0) throw new ProblemError('rules_not_met', TEXT.rules, { errors });
}

/** The 409 of a document number the issuer already used, found before the unique index would refuse it. */
async function checkDocNumber(trx: Transaction<Database>, fields: Fields, exceptSeq?: number): Promise<void> {
  let query = trx
    .selectFrom('policies')
    .select('seq')
    .where('issuer', '=', fields.issuer)
    .where('doc_number', '=', fields.docNumber);
  if (exceptSeq !== undefined) query = query.where('seq', '<>', exceptSeq);
  if (await query.executeTakeFirst()) throw docNumberTaken(fields.issuer, fields.docNumber);
}

export function docNumberTaken(issuer: string, docNumber: string): ProblemError {
  return new ProblemError('doc_number_taken', fill(TEXT.docNumberTaken, { issuer, docNumber }));
}

/** True when the error is the unique index of document numbers refusing a duplicate (two writes at once). */
export function isDuplicateDocNumber(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /policies_doc_number|UNIQUE constraint failed: policies\.issuer/.test(message);
}

function columnsOf(fields: Fields) {
  return {
    title: fields.title.trim(),
    issuer: fields.issuer.trim(),
    doc_number: fields.docNumber.trim(),
    published_on: fields.publishedAt,
    effective_from: fields.effectiveFrom,
    effective_until: fields.effectiveUntil,
    region_code: fields.regionCode,
    category_ids: JSON.stringify([...new Set(fields.categoryIds)]),
    summary: fields.summary.trim(),
    url: fields.url,
    search_text: policySearchText({
      title: fields.title.trim(),
      issuer: fields.issuer.trim(),
      docNumber: fields.docNumber.trim(),
      summary: fields.summary.trim(),
    }),
  };
}

/** A staff member's policy row, if in the center's region or below; else the 404 of one that does not exist. */
async function staffPolicyRow(
  context: PolicyContext,
  trx: Transaction<Database>,
  principal: Principal,
  id: string,
): Promise<PolicyRow> {
  const region = regionOf(principal);
  const row = await trx.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !context.regions.isWithin(row.region_code, region)) {
    throw new ProblemError('not_found', fill(TEXT.noPolicy, { id }));
  }
  return row;
}

function changed(was: Fields, now: Fields) {
  const before = was as Record<string, unknown>;
  const after = now as Record<string, unknown>;
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

export interface PolicyAnswer {
  readonly policy: Policy;
  readonly id: string;
  readonly revision: number;
}

function answerOf(context: PolicyContext, row: PolicyRow): PolicyAnswer {
  return {
    policy: policyOf(context.regions, row, shanghaiDay(context.clock.now())),
    id: row.id,
    revision: row.revision,
  };
}

export async function createPolicy(
  context: PolicyContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  input: PolicyInput,
): Promise<PolicyAnswer> {
  const region = regionOf(actor.principal);
  const now = context.clock.now();
  const fields: Fields = {
    ...input,
    publishedAt: input.publishedAt ?? shanghaiDay(now),
    effectiveUntil: input.effectiveUntil ?? null,
    categoryIds: input.categoryIds ?? [],
  };
  checkFields(context, region, fields);
  await checkDocNumber(trx, fields);
  // Policies are numbered in the order they arrive: two at once take turns.
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${POLICY_LOCK})`.execute(trx);
  }
  const highest = await trx
    .selectFrom('policies')
    .select((eb) => eb.fn.max('seq').as('n'))
    .executeTakeFirstOrThrow();
  const seq = Number(highest.n ?? 0) + 1;
  const row: PolicyRow = {
    ...columnsOf(fields),
    seq,
    id: `pol-${String(seq).padStart(4, '0')}`,
    status: 'published',
    withdraw_reason: null,
    created_by: actor.principal.userId,
    revision: 0,
  };
  await trx.insertInto('policies').values(row).execute();
  await reindexPolicy(trx, seq, row.search_text);
  await recordAudit(trx, actor, now, {
    action: 'policy.create',
    entityType: 'policy',
    entityId: row.id,
    after: fieldsOf(row),
  });
  return answerOf(context, row);
}

export async function updatePolicy(
  context: PolicyContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  id: string,
  ifMatch: readonly string[] | '*',
  patch: PolicyPatch,
): Promise<PolicyAnswer> {
  const row = await staffPolicyRow(context, trx, actor.principal, id);
  if (!revisionHolds(ifMatch, row.id, row.revision)) throw staleEdit();
  if (row.status === 'withdrawn') throw new ProblemError('conflict', TEXT.withdrawn);
  const current = fieldsOf(row);
  const next: Fields = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
  };
  checkFields(context, regionOf(actor.principal), next);
  await checkDocNumber(trx, next, row.seq);
  const columns = columnsOf(next);
  const updated = await trx
    .updateTable('policies')
    .set({ ...columns, revision: row.revision + 1 })
    .where('seq', '=', row.seq)
    .where('revision', '=', row.revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw staleEdit();
  await reindexPolicy(trx, row.seq, columns.search_text);
  const written: PolicyRow = { ...row, ...columns, revision: row.revision + 1 };
  await recordAudit(trx, actor, context.clock.now(), {
    action: 'policy.update',
    entityType: 'policy',
    entityId: id,
    ...changed(current, fieldsOf(written)),
  });
  return answerOf(context, written);
}

/** Takes a policy out of the public list and out of the search index, with the reason on the record. */
export async function withdrawPolicy(
  context: PolicyContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  id: string,
  input: PolicyWithdrawInput,
): Promise<PolicyAnswer> {
  const row = await staffPolicyRow(context, trx, actor.principal, id);
  const reason = input.reason.trim();
  const updated = await trx
    .updateTable('policies')
    .set({ status: 'withdrawn', withdraw_reason: reason, revision: row.revision + 1 })
    .where('seq', '=', row.seq)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new ProblemError('conflict', TEXT.withdrawn);
  await reindexPolicy(trx, row.seq, null);
  await recordAudit(trx, actor, context.clock.now(), {
    action: 'policy.withdraw',
    entityType: 'policy',
    entityId: id,
    before: { status: 'published' },
    after: { status: 'withdrawn', reason },
  });
  return answerOf(context, { ...row, status: 'withdrawn', withdraw_reason: reason, revision: row.revision + 1 });
}
