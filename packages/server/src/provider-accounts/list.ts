// The providers a center looks after: those of its region and the regions below it, whatever their admission, each
// with its timeline (when and why it was suspended or reinstated), by name and keyset paged. The timelines and pending
// changes of a page are read in two queries, not two per provider.
import type {
  AdmissionFilter,
  IdentityChange,
  Principal,
  ProviderAccount,
  ProviderAccountPage,
  ProviderAccountsQuery,
  z,
} from '@smec/schemas';
import { sql, type RawBuilder } from 'kysely';
import { regionsBelow } from '../catalog/regions.js';
import { providerFromRow, type ProviderRow } from '../catalog/rows.js';
import { cursorScope, decodeCursor, encodeCursor, invalidCursor } from '../http/cursor.js';
import { ProblemError } from '../http/problem.js';
import { normalizeText } from '../search/ngrams.js';
import type { ProviderAccountContext } from './transitions.js';

type Query = z.output<typeof ProviderAccountsQuery>;
type Fragment = RawBuilder<unknown>;

const NO_REGION = {
  'zh-CN': '您的账号未关联服务中心所在地区，不能查看服务机构。',
  'zh-HK': '您的帳戶未關聯服務中心所在地區，不能查看服務機構。',
  en: 'Your account is not bound to a service center’s region, so it cannot list providers.',
} as const;

const STATES: Readonly<Record<AdmissionFilter, readonly string[]>> = {
  current: ['admitted', 'suspended'],
  admitted: ['admitted'],
  suspended: ['suspended'],
  removed: ['removed'],
};

function likeAny(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** The accounts of the rows, in their order, with their timelines and pending changes. */
async function accountsOf(context: ProviderAccountContext, rows: readonly ProviderRow[]): Promise<ProviderAccount[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [steps, pending] = await Promise.all([
    context.db.selectFrom('provider_timeline').selectAll().where('provider_id', 'in', ids).orderBy('seq').execute(),
    context.db
      .selectFrom('provider_changes')
      .selectAll()
      .where('provider_id', 'in', ids)
      .where('status', '=', 'pending')
      .execute(),
  ]);
  return rows.map((row) => {
    const change = pending.find((each) => each.provider_id === row.id);
    return {
      profile: providerFromRow(row),
      legalRepresentative: row.legal_representative ?? '',
      regionsServed: JSON.parse(row.regions_served ?? '[]') as string[],
      revision: row.revision ?? 0,
      timeline: steps
        .filter((step) => step.provider_id === row.id)
        .map((step) => ({ action: step.action, at: step.at, reason: step.reason, actorUserId: step.actor_user_id })),
      pendingChange: change
        ? { fields: JSON.parse(change.fields) as IdentityChange, requestedAt: change.requested_at }
        : null,
    };
  });
}

export async function listProviderAccounts(
  context: ProviderAccountContext,
  principal: Principal,
  query: Query,
): Promise<ProviderAccountPage> {
  if (!principal.regionCode) throw new ProblemError('forbidden', NO_REGION);
  const admission = query.admission ?? 'current';
  const limit = query.limit ?? 20;
  const scope = cursorScope('provider-accounts', { ...query, admission, within: principal.regionCode });
  const position = query.cursor === undefined ? undefined : decodeCursor(context.secret, query.cursor, scope);

  const conditions: Fragment[] = [
    sql`p.admission in (${sql.join(STATES[admission].map((state) => sql`${state}`))})`,
    sql`p.region_code in (${sql.join(regionsBelow(context.regions, principal.regionCode).map((code) => sql`${code}`))})`,
  ];
  const words = normalizeText(query.q?.trim() ?? '')
    .split(/\s+/)
    .filter(Boolean);
  // A credit code is typed whole or in part, in capitals or not; a name is found by any of its characters.
  for (const word of words) {
    conditions.push(
      sql`(p.search_text like ${likeAny(word)} escape '\\' or p.uscc like ${likeAny(word.toUpperCase())} escape '\\')`,
    );
  }
  const where = sql.join(conditions, sql` and `);
  const total = await sql<{ n: number }>`select count(*) as n from providers p where ${where}`.execute(context.db);
  let page = where;
  if (position) {
    const [name, seq] = position;
    if (typeof name !== 'string' || typeof seq !== 'number') throw invalidCursor();
    page = sql`${where} and (p.name > ${name} or (p.name = ${name} and p.seq > ${seq}))`;
  }
  const rows = await sql<ProviderRow>`
    select p.* from providers p where ${page}
    order by p.name asc, p.seq asc
    limit ${limit + 1}`.execute(context.db);
  const items = rows.rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await accountsOf(context, items),
    nextCursor: rows.rows.length > limit && last ? encodeCursor(context.secret, [last.name, last.seq], scope) : null,
    total: Number(total.rows[0]?.n ?? 0),
  };
}
