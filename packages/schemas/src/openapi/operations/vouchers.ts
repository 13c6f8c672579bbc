import {
  Engagement,
  EngagementOrderInput,
  EngagementPage,
  EngagementTransition,
  EngagementsQuery,
  IdParams,
  MyVouchersQuery,
  Voucher,
  VoucherBatch,
  VoucherBatchPage,
  VoucherBatchesQuery,
  VoucherPage,
  VoucherQuote,
  VoucherUseInput,
} from '../../index.js';
import type { ProblemCode } from '../../rules/problem.js';
import type { Operation } from '../operation.js';

/** The refusals of using a voucher, which its quote checks the same way. */
const USE_PROBLEMS = [
  'forbidden',
  'not_eligible',
  'not_found',
  'voucher_not_usable',
  'voucher_expired',
  'product_not_eligible',
  'related_party',
  'annual_cap_reached',
  'provider_not_active',
] as const satisfies readonly ProblemCode[];

/** A quote and then the use itself, of the seeded enterprise's voucher on a product that takes it. */
const USE_EXAMPLE = {
  params: { id: 'vch-demo-0001' },
  body: { productId: 'prd-00002', contractAmount: 1_200_000 },
} as const;

/** Service vouchers and the engagements they pay for. */
export const voucherOperations = {
  listVoucherBatches: {
    operationId: 'listVoucherBatches',
    method: 'get',
    path: '/voucher-batches',
    tag: 'vouchers',
    summary: 'Service-voucher batches, the soonest claim window first, with the quota left',
    description:
      '`region` keeps the batches whose scope includes that region (a county sees its own, its city’s and the ' +
      'province’s batches); `state` is `upcoming`, `open` (window open, quota left), `exhausted` or `closed`.',
    query: VoucherBatchesQuery,
    response: VoucherBatchPage,
    problems: ['invalid_cursor'],
    cacheable: true,
    example: { query: { region: '440604', state: 'open' } },
  },
  getVoucherBatch: {
    operationId: 'getVoucherBatch',
    method: 'get',
    path: '/voucher-batches/{id}',
    tag: 'vouchers',
    summary: 'One voucher batch, with its quota left',
    params: IdParams,
    response: VoucherBatch,
    problems: ['not_found'],
    cacheable: true,
    example: { params: { id: 'vbt-open-440600' } },
  },
  claimVoucher: {
    operationId: 'claimVoucher',
    method: 'post',
    path: '/voucher-batches/{id}/claims',
    tag: 'vouchers',
    summary: 'Claim a voucher of a batch for the signed-in enterprise: first come, first served',
    description:
      'Enterprise accounts only. 409 problems: `claim_not_open` (before the window or after it), `quota_exhausted`, ' +
      '`already_claimed` (one voucher per enterprise and batch), `annual_cap_reached`; 403 `not_eligible` (size, ' +
      'recognitions or region outside the batch’s terms; the detail says which). The quota is decremented by the ' +
      'database itself, so it is never oversold under any concurrency. With an `Idempotency-Key`, a retry returns the ' +
      'first answer.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one claim', required: false }],
    response: Voucher,
    successStatus: 201,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: [
      'forbidden',
      'not_eligible',
      'not_found',
      'claim_not_open',
      'quota_exhausted',
      'already_claimed',
      'annual_cap_reached',
    ],
    cacheable: false,
    example: { params: { id: 'vbt-open-440000-c' } },
  },
  listMyVouchers: {
    operationId: 'listMyVouchers',
    method: 'get',
    path: '/me/vouchers',
    tag: 'vouchers',
    summary: "The signed-in enterprise's vouchers with their histories, newest first",
    query: MyVouchersQuery,
    response: VoucherPage,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { limit: '20' } },
  },
  getVoucher: {
    operationId: 'getVoucher',
    method: 'get',
    path: '/vouchers/{id}',
    tag: 'vouchers',
    summary: 'One voucher with its history',
    description:
      'The enterprise that holds it, the provider it was used with, and administrators of the batch’s region see it; ' +
      'to anyone else it is 404, the same as a voucher that does not exist.',
    params: IdParams,
    response: Voucher,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['not_found'],
    cacheable: false,
    example: { params: { id: 'vch-demo-0001' } },
  },
  quoteVoucherUse: {
    operationId: 'quoteVoucherUse',
    method: 'post',
    path: '/vouchers/{id}/quote',
    tag: 'vouchers',
    summary: 'What using a voucher on a product and contract amount would pay, without ordering',
    description: 'The same checks and amounts as `useVoucher`, so a form can show them before the enterprise confirms.',
    params: IdParams,
    body: VoucherUseInput,
    response: VoucherQuote,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: USE_PROBLEMS,
    cacheable: false,
    example: USE_EXAMPLE,
  },
  useVoucher: {
    operationId: 'useVoucher',
    method: 'post',
    path: '/vouchers/{id}/use',
    tag: 'vouchers',
    summary: 'Use a voucher on a published, voucher-eligible product: orders an engagement',
    description:
      'voucherAmount = min(face value, maxCoverage % of the contract, what is left of the yearly cap); the enterprise ' +
      'pays the rest. 409 problems: `voucher_not_usable` (not `issued`), `voucher_expired` (past `useBy`), ' +
      '`product_not_eligible` (not published, not voucher-eligible, or outside the batch’s categories), ' +
      '`related_party` (same USCC or same legal representative as the provider), `annual_cap_reached`, ' +
      '`provider_not_active` (the provider is suspended or removed). Of concurrent ' +
      'uses of one voucher exactly one succeeds. With an `Idempotency-Key`, a retry returns the first answer.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one use', required: false }],
    body: VoucherUseInput,
    response: Engagement,
    successStatus: 201,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: USE_PROBLEMS,
    cacheable: false,
    example: USE_EXAMPLE,
  },
  returnVoucher: {
    operationId: 'returnVoucher',
    method: 'post',
    path: '/vouchers/{id}/return',
    tag: 'vouchers',
    summary: 'Hand an unused voucher back: it becomes `withdrawn` and its quota returns to the batch',
    description:
      'Only an `issued` voucher can be handed back (409 `voucher_not_returnable` otherwise). With an ' +
      '`Idempotency-Key` (per user), a retry returns the first answer, not a refusal of the voucher it withdrew.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one hand-back', required: false }],
    response: Voucher,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['forbidden', 'not_found', 'voucher_not_returnable'],
    cacheable: false,
    example: { params: { id: 'vch-demo-0002' } },
  },
  orderEngagement: {
    operationId: 'orderEngagement',
    method: 'post',
    path: '/engagements',
    tag: 'engagements',
    summary: 'Order a published product (预约服务): paid, free (公益), or with a voucher on top',
    description:
      'The signed-in enterprise orders a published product of an admitted provider. A free product is ordered at 0 ' +
      '(`paidBy: free`; a `contractAmount` is 400, a voucher 409 `product_not_eligible`); a paid one at ' +
      '`contractAmount`, by default the product’s price (`paidBy: self`), which the provider confirms or corrects ' +
      'with `confirm` and its `contractAmount`. With `voucherId` the order is the voucher’s use (`useVoucher`): the ' +
      'same checks, amounts and refusals (`paidBy: voucher`). 409 problems: `product_not_orderable` (not ' +
      'published), `related_party` (same USCC or same legal representative as the provider), `provider_not_active`. ' +
      'With an `Idempotency-Key`, a retry returns the first answer.',
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one order', required: false }],
    body: EngagementOrderInput,
    response: Engagement,
    successStatus: 201,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: [...USE_PROBLEMS, 'product_not_orderable'],
    cacheable: false,
    example: { body: { productId: 'prd-00002', note: '希望下周上门沟通' } },
  },
  listEngagements: {
    operationId: 'listEngagements',
    method: 'get',
    path: '/engagements',
    tag: 'engagements',
    summary: 'The engagements the signed-in user may see, newest first',
    description:
      'An enterprise sees its own, a provider the ones ordered from it, an administrator those of enterprises in its ' +
      'region and below.',
    query: EngagementsQuery,
    response: EngagementPage,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['invalid_cursor'],
    cacheable: false,
    example: { query: { limit: '20' } },
  },
  getEngagement: {
    operationId: 'getEngagement',
    method: 'get',
    path: '/engagements/{id}',
    tag: 'engagements',
    summary: 'One engagement with its timeline; 404 to anyone who may not see it',
    params: IdParams,
    response: Engagement,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['not_found'],
    cacheable: false,
    example: { params: { id: 'eng-demo-0001' } },
  },
  transitionEngagement: {
    operationId: 'transitionEngagement',
    method: 'post',
    path: '/engagements/{id}/transitions',
    tag: 'engagements',
    summary:
      'Move an engagement on: confirm, start, deliver (provider), accept (enterprise), settle or refuse to settle ' +
      '(center staff), cancel',
    description:
      'The voucher follows: confirmed on `confirm`, delivered on `accept`, settled on `settle`; `cancel` (before ' +
      'confirmation) gives the voucher back to the enterprise if it is still within `useBy`. `refuseSettlement` (an ' +
      'accepted, voucher-paid engagement; a reason of 2–200 characters) keeps it delivered with the reason on its ' +
      'timeline and in `settlementRefusal`, until the provider adds proof (`POST /engagements/{id}/proofs`); refused ' +
      'once, a second refusal waits for that proof (409). A move the state or the role does not allow is 409 ' +
      '`conflict` or 403. `confirm` may carry the `contractAmount` agreed with the enterprise (not on a free ' +
      'service: 400); a voucher’s part is computed again by the rule of its use. `accept` closes the demand an ' +
      'engagement serves (`demandId`), `cancel` makes it `matched` again.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one move', required: false }],
    body: EngagementTransition,
    response: Engagement,
    security: 'bearer',
    exampleUserId: 'usr-prv-01',
    problems: ['forbidden', 'not_found', 'conflict', 'annual_cap_reached'],
    cacheable: false,
    example: { params: { id: 'eng-demo-0002' }, body: { action: 'confirm', note: '已确认，下周一上门服务' } },
  },
} as const satisfies Record<string, Operation>;
