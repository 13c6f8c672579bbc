// A demand served by an engagement: the enterprise accepts one of the center's proposals (an engagement is ordered
// and the demand is `inService`), and the demand follows that engagement: closed when the service is accepted,
// back to `matched` (another proposal may be accepted) when the order is cancelled.
import type { DemandProposalAcceptInput, Engagement, MessageLocale, Principal, Role } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { createEngagement } from '../engagements/order.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound, validationFailed } from '../http/problem.js';
import { enterpriseIdOf } from '../vouchers/context.js';
import type { EngagementRow } from '../vouchers/rows.js';
import type { DemandContext } from './store.js';

type Trx = Transaction<Database>;
type Db = DemandContext['db'] | Trx;

const TEXT = {
  noDemand: {
    'zh-CN': '未找到贵企业提交的需求 {id}。',
    'zh-HK': '找不到貴企業提交的需求 {id}。',
    en: 'Your enterprise submitted no demand {id}.',
  },
  noProposal: {
    'zh-CN': '该需求没有推荐 {id}。',
    'zh-HK': '該需求沒有推薦 {id}。',
    en: 'The demand has no proposal {id}.',
  },
  alreadyServed: {
    'zh-CN': '该需求已接受推荐并下单（服务项目 {engagement}），不能再接受其他推荐。',
    'zh-HK': '該需求已接受推薦並下單（服務項目 {engagement}），不能再接受其他推薦。',
    en: 'A proposal of this demand was accepted already (engagement {engagement}); no other can be accepted.',
  },
  notMatched: {
    'zh-CN': '需求当前状态为“{status}”，只有已匹配服务机构的需求可以接受推荐。',
    'zh-HK': '需求目前狀態為「{status}」，只有已配對服務機構的需求可以接受推薦。',
    en: 'The demand is {status}: only a matched demand’s proposals can be accepted.',
  },
  productRequired: {
    'zh-CN': '该推荐只列出服务机构，请选择该机构已上架的一项服务产品。',
    'zh-HK': '該推薦只列出服務機構，請選擇該機構已上架的一項服務產品。',
    en: 'This proposal names a provider only: choose one of its published products.',
  },
  productNotProposed: {
    'zh-CN': '所选服务产品不是该推荐中服务机构的产品。',
    'zh-HK': '所選服務產品不是該推薦中服務機構的產品。',
    en: 'The product chosen is not one of the proposed provider’s.',
  },
} as const satisfies Record<string, Localized>;

/** The live engagement of each demand (none once cancelled), by demand id. */
export async function servingEngagements(db: Db, demandIds: readonly string[]): Promise<Map<string, string>> {
  const byDemand = new Map<string, string>();
  if (demandIds.length === 0) return byDemand;
  const rows = await db
    .selectFrom('engagements')
    .select(['id', 'demand_id'])
    .where('demand_id', 'in', [...demandIds])
    .where('status', '<>', 'cancelled')
    .execute();
  for (const row of rows) if (row.demand_id) byDemand.set(row.demand_id, row.id);
  return byDemand;
}

/** Which product of the proposal the order is for: the proposal's own, or the one the enterprise chose of its provider. */
async function proposedProduct(
  trx: Trx,
  proposal: { provider_id: string; product_id: string | null },
  chosen: string | undefined,
): Promise<string> {
  const invalid = (message: Localized) => validationFailed([{ path: 'body.productId', code: 'invalid', message }]);
  if (proposal.product_id) {
    if (chosen !== undefined && chosen !== proposal.product_id) throw invalid(TEXT.productNotProposed);
    return proposal.product_id;
  }
  if (chosen === undefined) throw invalid(TEXT.productRequired);
  const product = await trx
    .selectFrom('products')
    .select('id')
    .where('id', '=', chosen)
    .where('provider_id', '=', proposal.provider_id)
    .executeTakeFirst();
  if (!product) throw invalid(TEXT.productNotProposed);
  return product.id;
}

/**
 * The enterprise that submitted the demand (its credit code is the demand's) accepts a proposal: the engagement is
 * ordered by the one order path, the demand moves to `inService`, and each timeline names the other. Another
 * enterprise, or no such demand or proposal, is the same 404.
 */
export async function acceptProposal(
  context: DemandContext,
  trx: Trx,
  principal: Principal,
  demandId: string,
  proposalId: string,
  input: DemandProposalAcceptInput,
  locale: MessageLocale,
): Promise<Engagement> {
  const enterpriseId = enterpriseIdOf(principal, locale);
  const enterprise = await trx
    .selectFrom('enterprises')
    .select('uscc')
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  const demand = await trx.selectFrom('demands').selectAll().where('id', '=', demandId).executeTakeFirst();
  if (!demand || !enterprise || demand.uscc !== enterprise.uscc) throw notFound(fill(TEXT.noDemand, { id: demandId }));
  const proposal = await trx
    .selectFrom('demand_proposals')
    .selectAll()
    .where('id', '=', proposalId)
    .where('demand_seq', '=', demand.seq)
    .executeTakeFirst();
  if (!proposal) throw notFound(fill(TEXT.noProposal, { id: proposalId }));
  const serving = (await servingEngagements(trx, [demand.id])).get(demand.id);
  if (serving) throw new ProblemError('conflict', fill(TEXT.alreadyServed, { engagement: serving }));
  if (demand.status !== 'matched') throw new ProblemError('conflict', fill(TEXT.notMatched, { status: demand.status }));
  const productId = await proposedProduct(trx, proposal, input.productId);
  const engagement = await createEngagement(
    context,
    trx,
    principal,
    {
      productId,
      contractAmount: input.contractAmount,
      note: input.note,
      demand: { id: demand.id, proposalId: proposal.id, trackingNo: demand.tracking_no },
    },
    locale,
  );
  const moved = await trx
    .updateTable('demands')
    .set({ status: 'inService', updated_at: engagement.createdAt })
    .where('seq', '=', demand.seq)
    .where('status', '=', 'matched')
    .executeTakeFirst();
  // A concurrent acceptance moved it first: the unique index would refuse this engagement too.
  if (Number(moved.numUpdatedRows) !== 1) {
    throw new ProblemError('conflict', fill(TEXT.alreadyServed, { engagement: '' }));
  }
  await trx
    .insertInto('demand_timeline')
    .values({
      demand_seq: demand.seq,
      status: 'inService',
      at: engagement.createdAt,
      actor: 'submitter',
      note: `企业接受推荐，已向${engagement.providerName}预约“${engagement.productName}”（服务项目 ${engagement.id}）`,
      engagement_id: engagement.id,
    })
    .execute();
  return engagement;
}

/**
 * The demand an engagement serves follows its moves: accepted, the demand is closed (the service was done);
 * cancelled, the demand is `matched` again so that the enterprise may accept another proposal. A demand the center
 * closed meanwhile stays as it is.
 */
export async function demandFollows(
  trx: Trx,
  engagement: EngagementRow,
  what: 'accepted' | 'cancelled',
  by: Role,
  at: string,
): Promise<void> {
  if (!engagement.demand_id) return;
  const demand = await trx
    .selectFrom('demands')
    .select(['seq', 'status'])
    .where('id', '=', engagement.demand_id)
    .executeTakeFirst();
  if (!demand || demand.status !== 'inService') return;
  const to = what === 'accepted' ? 'closed' : 'matched';
  await trx.updateTable('demands').set({ status: to, updated_at: at }).where('seq', '=', demand.seq).execute();
  const note =
    what === 'accepted'
      ? `企业已验收服务项目 ${engagement.id}，需求办结`
      : `服务项目 ${engagement.id} 已取消，可另选推荐`;
  await trx
    .insertInto('demand_timeline')
    .values({
      demand_seq: demand.seq,
      status: to,
      at,
      actor: by === 'provider' ? 'provider' : 'submitter',
      note,
      engagement_id: engagement.id,
    })
    .execute();
}
