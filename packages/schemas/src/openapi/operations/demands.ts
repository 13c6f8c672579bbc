import {
  Demand,
  DemandDeadlines,
  DemandDeadlinesInput,
  DemandInput,
  DemandProposalAcceptInput,
  DemandProposalParams,
  DemandProposalsInput,
  Engagement,
  DemandTransferInput,
  MyDemandProposalPage,
  MyDemandProposalsQuery,
  RegionCodeParams,
  DemandLookupQuery,
  DemandPage,
  DemandStatusView,
  DemandTransition,
  DemandsQuery,
  IdParams,
} from '../../index.js';
import type { Operation } from '../operation.js';
import { DEMO_ORDER_DEMAND } from './order-demo.js';

/** Enterprises' service demands. */
export const demandOperations = {
  createDemand: {
    operationId: 'createDemand',
    method: 'post',
    path: '/demands',
    tag: 'demands',
    summary: 'Submit a service demand (no sign-in); answers with its tracking number',
    description:
      'Send an `Idempotency-Key`: a retry with the same key and body returns the first answer (header ' +
      '`Idempotent-Replayed: true`), the same key with another body is 422, a retry while the first still runs is 409. ' +
      'Limited per client address (429 with `Retry-After`). Validation errors carry a message key as `code` and its ' +
      'text in the `Accept-Language` language (zh-CN, zh-HK, en) as `message`. The contact phone is returned in full ' +
      'to its submitter only here.',
    headers: [
      {
        name: 'Idempotency-Key',
        description: 'One random key per logical submission, repeated by its retries',
        required: false,
      },
    ],
    body: DemandInput,
    response: Demand,
    successStatus: 201,
    problems: ['rate_limited'],
    cacheable: false,
    example: {
      body: {
        enterprise: { uscc: '91440604MA51K8QX3Q', name: '佛山市禅城区示例科技有限公司' },
        contact: { name: '陈女士', phone: '13812341234' },
        regionCode: '440604',
        categoryId: 'finance-tax',
        title: '申请高新技术企业认定辅导',
        description: '公司计划明年申报高新技术企业，希望有机构协助梳理知识产权和研发费用归集。',
        budget: 'negotiable',
        consent: true,
      },
    },
  },
  lookupDemand: {
    operationId: 'lookupDemand',
    method: 'get',
    path: '/demands/lookup',
    tag: 'demands',
    summary: "A demand's status and timeline, for whoever holds its tracking number and phone number",
    description:
      'A wrong pair is the same 404 whichever half was wrong. The phone is masked (138****1234). Limited per client ' +
      'address. Shows the providers and products the center proposed (`matches`, with their notes), the reason of a ' +
      'rejection, and each transfer to another center (a timeline entry `kind: transferred` with `toRegion`).',
    query: DemandLookupQuery,
    response: DemandStatusView,
    problems: ['not_found', 'rate_limited'],
    cacheable: false,
    example: { query: { trackingNo: 'XQ20261101DEMO01', phone: '13800138000' } },
  },
  listDemands: {
    operationId: 'listDemands',
    method: 'get',
    path: '/demands',
    tag: 'demands',
    summary: "An administrator's demands: their region and below, newest first, phones masked",
    description:
      'Each demand carries its deadlines (`acceptBy`, `firstMatchBy`, in working days from its submission or its ' +
      'last transfer, by its region’s settings) and `overdue`: still open and not accepted by `acceptBy`, or not ' +
      'matched by `firstMatchBy`, by the platform’s clock. `overdue=true` keeps only those, `overdue=false` the others.',
    query: DemandsQuery,
    response: DemandPage,
    security: 'bearer',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { status: 'submitted', limit: '10' } },
  },
  getDemand: {
    operationId: 'getDemand',
    method: 'get',
    path: '/demands/{id}',
    tag: 'demands',
    summary: 'One demand of the administrator’s region, with the phone in full for the call back',
    params: IdParams,
    response: Demand,
    security: 'bearer',
    problems: ['forbidden', 'not_found'],
    cacheable: false,
    example: { params: { id: 'dmd-00002' } },
  },
  transitionDemand: {
    operationId: 'transitionDemand',
    method: 'post',
    path: '/demands/{id}/transitions',
    tag: 'demands',
    summary: 'Move a demand on (accept, match, startService, reject, close); the move joins its timeline',
    description:
      'Moves a state does not allow are 409 `conflict`, as is a move made meanwhile by someone else. With an ' +
      '`Idempotency-Key` (per user), a retried move returns its first answer instead of a conflict. `match` adds ' +
      'its `matches` to the demand’s proposals as `proposeDemandMatches` does (five at most in all).',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one move', required: false }],
    body: DemandTransition,
    response: Demand,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: { params: { id: 'dmd-00002' }, body: { action: 'accept', note: '已受理，三个工作日内联系企业' } },
  },
  acceptDemandProposal: {
    operationId: 'acceptDemandProposal',
    method: 'post',
    path: '/demands/{id}/proposals/{proposalId}/accept',
    tag: 'demands',
    summary: 'The enterprise accepts one of the center’s proposals for its demand: orders the engagement',
    description:
      'The signed-in enterprise whose credit code submitted the demand; anyone else, or a proposal of another demand, ' +
      'is 404. The engagement is ordered with the proposal’s provider and product as `orderEngagement` orders it ' +
      '(a proposal naming only a provider needs `productId`, one of its published products; 400 otherwise), carries ' +
      '`demandId`, and its timeline names the demand; the demand becomes `inService` with a timeline entry naming ' +
      'the engagement (`engagementId`). When the enterprise accepts the delivered service the demand is `closed`; ' +
      'when the order is cancelled it is `matched` again. A demand not `matched`, or one of whose proposals was ' +
      'accepted already, is 409 `conflict`. With an `Idempotency-Key` (per user), a retry returns the first answer.',
    params: DemandProposalParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one acceptance', required: false }],
    body: DemandProposalAcceptInput,
    response: Engagement,
    successStatus: 201,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: [
      'forbidden',
      'not_eligible',
      'not_found',
      'conflict',
      'product_not_orderable',
      'related_party',
      'provider_not_active',
    ],
    cacheable: false,
    example: {
      params: { id: DEMO_ORDER_DEMAND.id, proposalId: DEMO_ORDER_DEMAND.proposals[0] },
      body: { note: '请尽快联系我们' },
    },
  },
  proposeDemandMatches: {
    operationId: 'proposeDemandMatches',
    method: 'post',
    path: '/demands/{id}/proposals',
    tag: 'demands',
    summary: 'Propose one to five providers (or their products) for an accepted or matched demand',
    description:
      'Center staff (level `staff`) of the demand’s region or above. Each provider must be listed and each product ' +
      'one of that provider’s listed products (400 naming the entry otherwise). A demand holds five proposals at ' +
      'most in all, none twice (409 `conflict` saying how many more it takes). The demand becomes `matched` with an ' +
      'entry on its timeline (`note`), the enterprise sees the proposals in its lookup, and each proposed provider’s ' +
      'users are notified (`demandMatched`) and find it in `GET /me/demand-proposals`. A demand still `submitted`, ' +
      'or in service, closed or rejected, is 409. With an `Idempotency-Key` (per user), a retry returns the first answer.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one proposal', required: false }],
    body: DemandProposalsInput,
    response: Demand,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: {
      params: { id: 'dmd-00203' },
      body: {
        proposals: [{ providerId: 'prv-00001', note: '本地机构，擅长此类服务' }],
        note: '已为您推荐服务机构，请留意来电',
      },
    },
  },
  transferDemand: {
    operationId: 'transferDemand',
    method: 'post',
    path: '/demands/{id}/transfer',
    tag: 'demands',
    summary: 'Hand a demand to another center up or down the line, with the reason',
    description:
      'Center staff (level `staff`) of the demand’s region or above. `toRegion` is the city above the staff ' +
      'member’s region, the province, or a region below theirs, on the line of the demand’s region: not a sibling, ' +
      'not their own, not where the demand is (400 naming `body.toRegion`). A closed or rejected demand is 409. The ' +
      'demand’s region becomes `toRegion`: its center sees it, a sender outside no longer does. The status stays; ' +
      'the timeline gets an entry `kind: transferred` with `toRegion` and the reason, and the deadlines count again ' +
      'from the transfer, by the new region’s settings.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one transfer', required: false }],
    body: DemandTransferInput,
    response: Demand,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: {
      params: { id: 'dmd-00203' },
      body: { toRegion: '440500', reason: '需市级统筹对接金融机构' },
    },
  },
  listMyDemandProposals: {
    operationId: 'listMyDemandProposals',
    method: 'get',
    path: '/me/demand-proposals',
    tag: 'demands',
    summary: 'The demands centers proposed the signed-in provider for, newest first',
    description:
      'Provider accounts only. Each with the demand’s title, category, region, budget, expected date and status, ' +
      'the product proposed and the center’s note; the enterprise’s name and its contact (phone in full) only where ' +
      'the enterprise agreed to share them with the matched providers, null otherwise.',
    query: MyDemandProposalsQuery,
    response: MyDemandProposalPage,
    security: 'bearer',
    exampleUserId: 'usr-prv-01',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { limit: '20' } },
  },
  getDemandDeadlines: {
    operationId: 'getDemandDeadlines',
    method: 'get',
    path: '/regions/{code}/demand-deadlines',
    tag: 'demands',
    summary: 'The working days a region’s centers have to accept a demand and to match it first',
    description:
      'Center staff (any level) of the region or above; another region is 404. The region’s own setting, else its ' +
      'city’s, else the province’s, else 2 and 5; `setIn` names where it comes from (null: the defaults). The ETag ' +
      'is the one to send as `If-Match` to `setDemandDeadlines`.',
    params: RegionCodeParams,
    response: DemandDeadlines,
    security: 'bearer',
    problems: ['forbidden', 'not_found'],
    cacheable: false,
    example: { params: { code: '440500' } },
  },
  setDemandDeadlines: {
    operationId: 'setDemandDeadlines',
    method: 'put',
    path: '/regions/{code}/demand-deadlines',
    tag: 'demands',
    summary: 'Set a region’s own deadlines for its demands (1 to 30 working days each)',
    description:
      'Center administrators of the region or above; another region is 404. Applies to the demands submitted (or ' +
      'transferred) from then on, in the region and in the regions below that have no setting of their own. ' +
      '`If-Match` is optional: with one that is stale, 412.',
    params: RegionCodeParams,
    headers: [
      { name: 'If-Match', description: 'The ETag read, to refuse a change made meanwhile', required: false },
      { name: 'Idempotency-Key', description: 'Repeated by the retries of one setting', required: false },
    ],
    body: DemandDeadlinesInput,
    response: DemandDeadlines,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'precondition_failed'],
    cacheable: false,
    example: { params: { code: '440500' }, body: { acceptDays: 3, firstMatchDays: 7 } },
  },
} as const satisfies Record<string, Operation>;
