import type { Clock } from '../clock.js';
import type { Policy, PolicyPage, PoliciesQuery } from '@smec/schemas';
import { policyStatus, type PolicyValidityFilter } from '@smec/schemas/rules';
import { sql, type Kysely, type Selectable, type SqlBool, type Expression } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database, PolicyTable } from '../db/schema.js';
import { cursorScope, decodeCursor, encodeCursor } from '../http/cursor.js';
import { notFound } from '../http/problem.js';
import { likeContaining, termMatch, type TermIndex } from '../search/term-match.js';
import { shanghaiDay } from '../time/shanghai.js';
import { unknownRegion } from '../http/common-problems.js';
import { fill, type Localized } from '../http/localized.js';

const NO_POLICY: Localized = { 'zh-CN': '未找到政策 {id}。', 'zh-HK': '找不到政策 {id}。', en: 'No policy {id}.' };

export interface PolicyContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  /** The clock that decides which policies are in force. */
  readonly clock: Clock;
}

export type PolicyListQuery = Omit<PoliciesQuery, 'limit'> & { readonly limit?: number | undefined };

const DEFAULT_LIMIT = 20;
const POLICY_TERMS: TermIndex = { table: 'policy_terms', rowColumn: 'policy_seq' };

export function policyOf(regions: RegionIndex, row: Selectable<PolicyTable>, today: string): Policy {
  const region = regions.get(row.region_code);
  return {
    id: row.id,
    title: row.title,
    issuer: row.issuer,
    docNumber: row.doc_number,
    publishedAt: row.published_on,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
    status: policyStatus(row.effective_from, row.effective_until, today),
    regionCode: row.region_code,
    regionName: region?.name ?? row.region_code,
    regionLevel: region?.level ?? 'province',
    categoryIds: JSON.parse(row.category_ids) as Policy['categoryIds'],
    summary: row.summary,
    url: row.url,
    revision: row.revision,
  };
}

function validityCondition(validity: PolicyValidityFilter, today: string): Expression<SqlBool> {
  return validity === 'inForce'
    ? sql<SqlBool>`(effective_from <= ${today} and (effective_until is null or effective_until >= ${today}))`
    : sql<SqlBool>`(effective_until is not null and effective_until < ${today})`;
}

/** The conditions of a list query, or null when the search cannot match anything (only punctuation). */
function conditions(context: PolicyContext, query: PolicyListQuery, today: string): Expression<SqlBool>[] | null {
  // A withdrawn policy has left the public list.
  const where: Expression<SqlBool>[] = [sql<SqlBool>`status = 'published'`];
  const text = query.q?.trim() ?? '';
  if (text !== '') {
    // Every term must be indexed for the policy (bigrams, or the one character of a one-character query).
    const matched = termMatch(POLICY_TERMS, text, 'seq', 'search_text');
    if (!matched) return null;
    where.push(...matched);
  }
  if (query.region !== undefined) {
    if (!context.regions.get(query.region)) {
      throw unknownRegion('query.region', query.region);
    }
    where.push(sql<SqlBool>`region_code in (${sql.join(context.regions.lineageOf(query.region))})`);
  }
  // category_ids is a JSON array of ids (lowercase letters and hyphens): the quoted id matches exactly one entry.
  if (query.category !== undefined) where.push(sql<SqlBool>`category_ids like ${`%"${query.category}"%`}`);
  if (query.issuer !== undefined) {
    where.push(sql<SqlBool>`issuer like ${likeContaining(query.issuer.trim())} escape '\\'`);
  }
  if (query.from !== undefined) where.push(sql<SqlBool>`published_on >= ${query.from}`);
  if (query.to !== undefined) where.push(sql<SqlBool>`published_on <= ${query.to}`);
  if (query.validity !== undefined) where.push(validityCondition(query.validity, today));
  return where;
}

/**
 * The policies matching the filters. With a region, its own policies come first, then its city's, then the
 * province's, each newest first; without one, newest first. Pages are offsets in a signed cursor: the library holds
 * hundreds of rows, not millions.
 */
export async function listPolicies(context: PolicyContext, query: PolicyListQuery): Promise<PolicyPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const scope = cursorScope('policies', { ...query });
  const offset = query.cursor === undefined ? 0 : Number(decodeCursor(context.secret, query.cursor, scope)[0] ?? 0);
  const today = shanghaiDay(context.clock.now());
  const where = conditions(context, query, today);
  if (where === null) return { items: [], nextCursor: null, total: 0 };
  const condition = where.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(where, sql` and `)}`;

  const chain = query.region === undefined ? [] : context.regions.lineageOf(query.region);
  // A constant ORDER BY term would be read as a column number: without a region there is no nearness to sort by.
  const nearness =
    chain.length === 0
      ? null
      : sql`case region_code ${sql.join(
          chain.map((code, rank) => sql`when ${code} then ${rank}`),
          sql` `,
        )} else ${chain.length} end`;

  const total = await context.db
    .selectFrom('policies')
    .where(condition)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let select = context.db.selectFrom('policies').selectAll().where(condition);
  if (nearness) select = select.orderBy(nearness);
  const rows = await select
    .orderBy('published_on', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const next = offset + rows.length;
  return {
    items: rows.map((row) => policyOf(context.regions, row, today)),
    nextCursor: next < Number(total.n) ? encodeCursor(context.secret, [next], scope) : null,
    total: Number(total.n),
  };
}

/** One published policy, with its revision (the center's version of it, for If-Match). */
export async function getPolicy(context: PolicyContext, id: string): Promise<{ policy: Policy; revision: number }> {
  const row = await context.db
    .selectFrom('policies')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row) throw notFound(fill(NO_POLICY, { id }));
  return { policy: policyOf(context.regions, row, shanghaiDay(context.clock.now())), revision: row.revision };
}
