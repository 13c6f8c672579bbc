import {
  Demand,
  DemandInput,
  DemandLookupQuery,
  DemandPage,
  DemandStatusView,
  DemandTransition,
  DemandsQuery,
  IdParams,
} from '../../index.js';
import type { Operation } from '../operation.js';

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
      'A wrong pair is the same 404 whichever half was wrong. The phone is masked (138****1234). Limited per client address.',
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
      '`Idempotency-Key` (per user), a retried move returns its first answer instead of a conflict.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one move', required: false }],
    body: DemandTransition,
    response: Demand,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: { params: { id: 'dmd-00002' }, body: { action: 'accept', note: '已受理，三个工作日内联系企业' } },
  },
} as const satisfies Record<string, Operation>;
