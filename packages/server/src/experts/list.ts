// The public expert database: listed experts of listed providers (and the centers' own), searched with the shared
// n-gram match and filtered by specialty, region (and the regions within it) and provider; pages by expert number.
import type { ExpertDetail, ExpertPage, ExpertsQueryParsed } from '@smec/schemas';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { CatalogContext } from '../catalog/context.js';
import { unknownRegion } from '../http/common-problems.js';
import { cursorScope, decodeCursor, encodeCursor, invalidCursor } from '../http/cursor.js';
import { termMatch, type TermIndex } from '../search/term-match.js';
import { expertDetailOf, expertRows, expertsOf } from './rows.js';

export const EXPERT_TERMS: TermIndex = { table: 'expert_terms', rowColumn: 'expert_seq' };

const DEFAULT_LIMIT = 20;

/** Shown to the public: listed, and a listed provider's (a suspended provider's experts are hidden with it). */
const PUBLIC = sql<SqlBool>`e.listed = 1 and (e.provider_id is null or p.listed = 1)`;

/** The conditions of a list query, or null when its search cannot match anything (only punctuation). */
function conditions(context: CatalogContext, query: ExpertsQueryParsed): Expression<SqlBool>[] | null {
  const where: Expression<SqlBool>[] = [PUBLIC];
  const text = query.q?.trim() ?? '';
  if (text !== '') {
    const matched = termMatch(EXPERT_TERMS, text, 'e.seq', 'e.search_text');
    if (!matched) return null;
    where.push(...matched);
  }
  if (query.categoryId !== undefined) {
    where.push(sql<SqlBool>`exists (select 1 from expert_specialties s
      where s.expert_seq = e.seq and s.category_id = ${query.categoryId})`);
  }
  if (query.regionCode !== undefined) {
    const region = query.regionCode;
    if (!context.regions.get(region)) throw unknownRegion('query.regionCode', region);
    const within = context.regions.all.filter((r) => context.regions.isWithin(r.code, region)).map((r) => r.code);
    where.push(sql<SqlBool>`e.region_code in (${sql.join(within)})`);
  }
  if (query.providerId !== undefined) where.push(sql<SqlBool>`e.provider_id = ${query.providerId}`);
  return where;
}

export async function listExperts(context: CatalogContext, query: ExpertsQueryParsed): Promise<ExpertPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const scope = cursorScope('experts', { ...query });
  let after = 0;
  if (query.cursor !== undefined) {
    const [seq] = decodeCursor(context.cursorSecret, query.cursor, scope);
    if (typeof seq !== 'number') throw invalidCursor();
    after = seq;
  }
  const where = conditions(context, query);
  if (where === null) return { items: [], nextCursor: null, total: 0 };
  const condition = sql<SqlBool>`${sql.join(where, sql` and `)}`;
  const total = await context.db
    .selectFrom('experts as e')
    .leftJoin('providers as p', 'p.id', 'e.provider_id')
    .where(condition)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await expertRows(context.db)
    .where(condition)
    .where('e.seq', '>', after)
    .orderBy('e.seq')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await expertsOf(context.db, items),
    nextCursor: rows.length > limit && last ? encodeCursor(context.cursorSecret, [Number(last.seq)], scope) : null,
    total: Number(total.n),
  };
}

/** A public expert, or undefined when there is none or it is not shown to the public. */
export async function getExpert(context: CatalogContext, id: string): Promise<ExpertDetail | undefined> {
  const row = await expertRows(context.db).where('e.id', '=', id).where(PUBLIC).executeTakeFirst();
  return row ? expertDetailOf(context.db, row) : undefined;
}
