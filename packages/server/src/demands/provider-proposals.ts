// What a provider sees of the demands a center proposed it for: enough to judge the demand, and the enterprise's
// contact only when the enterprise agreed to share it with the matched providers.
import type { MyDemandProposal, MyDemandProposalPage, Principal } from '@smec/schemas';
import { forbidden } from '../auth/principal.js';
import { cursorScope, decodeCursor, encodeCursor, invalidCursor } from '../http/cursor.js';
import type { DemandContext } from './store.js';

/** The proposals made to the signed-in provider, newest first, paged by (proposed_ts, id). */
export async function listMyProposals(
  context: DemandContext,
  principal: Principal,
  query: { readonly limit?: number | undefined; readonly cursor?: string | undefined },
): Promise<MyDemandProposalPage> {
  const providerId = principal.providerId;
  if (!providerId) throw forbidden();
  const limit = query.limit ?? 20;
  const scope = cursorScope(`demand-proposals:${providerId}`, {});
  const base = () =>
    context.db
      .selectFrom('demand_proposals as dp')
      .innerJoin('demands as d', 'd.seq', 'dp.demand_seq')
      .where('dp.provider_id', '=', providerId);
  const totalRow = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let page = base()
    .leftJoin('products as pd', 'pd.id', 'dp.product_id')
    .select(['dp.id', 'dp.product_id', 'pd.name as product_name', 'dp.note', 'dp.proposed_at', 'dp.proposed_ts'])
    .select(['d.id as demand_id', 'd.title', 'd.category_id', 'd.region_code', 'd.budget_fen', 'd.expected_by'])
    .select(['d.status', 'd.contact_shared', 'd.enterprise_name', 'd.contact_name', 'd.contact_phone']);
  if (query.cursor) {
    const [ts, id] = decodeCursor(context.secret, query.cursor, scope);
    if (typeof ts !== 'number' || typeof id !== 'string') throw invalidCursor();
    page = page.where((eb) =>
      eb.or([eb('dp.proposed_ts', '<', ts), eb.and([eb('dp.proposed_ts', '=', ts), eb('dp.id', '<', id)])]),
    );
  }
  const rows = await page
    .orderBy('dp.proposed_ts', 'desc')
    .orderBy('dp.id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((row): MyDemandProposal => ({
      id: row.id,
      demandId: row.demand_id,
      title: row.title,
      categoryId: row.category_id as MyDemandProposal['categoryId'],
      regionCode: row.region_code,
      budget: row.budget_fen ?? 'negotiable',
      expectedBy: row.expected_by,
      status: row.status as MyDemandProposal['status'],
      productId: row.product_id,
      productName: row.product_name ?? null,
      note: row.note,
      proposedAt: row.proposed_at,
      enterprise: row.contact_shared === 1 ? { name: row.enterprise_name } : null,
      contact: row.contact_shared === 1 ? { name: row.contact_name, phone: row.contact_phone } : null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(context.secret, [last.proposed_ts, last.id], scope) : null,
    total: Number(totalRow.n),
  };
}
