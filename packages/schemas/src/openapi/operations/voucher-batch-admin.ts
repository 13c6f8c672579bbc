import {
  IdParams,
  Voucher,
  VoucherBatch,
  VoucherBatchInput,
  VoucherBatchPatch,
  VoucherBatchTransition,
  VoucherRevokeInput,
} from '../../index.js';
import type { Operation } from '../operation.js';

const KEY_HEADER = (what: string) => ({
  name: 'Idempotency-Key',
  description: `Repeated by the retries of ${what}`,
  required: false,
});

/** The seeded batches and voucher the examples act on (seed/voucher-batches.ts, seed/voucher-demo.ts). */
export const DEMO_BATCH_EXAMPLES = {
  /** The province's upcoming batch: opened (announced), its claim window not yet begun. */
  upcoming: 'vbt-next-440000',
  /** Foshan's open batch, which the example pauses. */
  city: 'vbt-open-440600',
  /** usr-ent-03's unused voucher of the standing province batch, which the example revokes. */
  revocable: 'vch-demo-0017',
} as const;

/** A center's draft: ¥5,000 vouchers for micro and small enterprises of its region, digitalisation only. */
export const DEMO_BATCH_INPUT = {
  name: '数字化转型服务券（2027年第一批）',
  year: 2027,
  faceValue: 500_000,
  quota: 200,
  annualCapPerEnterprise: 2_000_000,
  maxCoverage: 50,
  useWithinDays: 90,
  claimOpensAt: '2027-03-01T09:00:00+08:00',
  claimClosesAt: '2027-06-30T17:00:00+08:00',
  settleBy: '2027-12-31T17:00:00+08:00',
  eligibility: { sizes: ['micro', 'small'], tags: [] },
  categoryIds: ['digitalization'],
} as const;

const TERMS =
  'Terms (DOMAIN.md): the scope within the issuer’s region (left out: its whole region), eligibility by size and ' +
  'recognitions, face value, quota, yearly cap per enterprise (at least the face value), the largest share of a ' +
  'contract, claim window, days to use a voucher, and a settle-by after the window. A term that breaks a rule is ' +
  '422 `rules_not_met` with one entry of `errors` per field, in the request’s language.';

/** A center's voucher batches, worked by its staff: drafts, changes, opening, pausing, closing, and revoking. */
export const voucherBatchAdminOperations = {
  createVoucherBatch: {
    operationId: 'createVoucherBatch',
    method: 'post',
    path: '/voucher-batches',
    tag: 'vouchers',
    summary: 'Create a voucher batch of the signed-in staff member’s center, as a draft (not public until opened)',
    description: `Center staff (level staff or admin). The issuer is the staff member’s center. ${TERMS} The answer's ETag is the one to send as \`If-Match\`.`,
    headers: [KEY_HEADER('one creation')],
    body: VoucherBatchInput,
    response: VoucherBatch,
    successStatus: 201,
    security: 'bearer',
    problems: ['forbidden', 'rules_not_met'],
    cacheable: false,
    example: { body: DEMO_BATCH_INPUT },
  },
  updateVoucherBatch: {
    operationId: 'updateVoucherBatch',
    method: 'patch',
    path: '/voucher-batches/{id}',
    tag: 'vouchers',
    summary: 'Change some terms of a batch, naming the revision changed with `If-Match`',
    description:
      'Staff of the issuer’s region or above; to another center the batch does not exist (404). Without `If-Match` ' +
      '428, with a stale one 412 (the ETag of `getVoucherBatch` or of the last write). Once opened, only the name, ' +
      'the quota and the end of the claim window change: any other term is 409 `batch_terms_frozen`. The quota ' +
      `never drops below the vouchers issued (409 \`quota_below_issued\`, with \`issued\`). ${TERMS}`,
    params: IdParams,
    headers: [
      { name: 'If-Match', description: 'The ETag of the revision read', required: true },
      KEY_HEADER('one change'),
    ],
    body: VoucherBatchPatch,
    response: VoucherBatch,
    security: 'bearer',
    problems: [
      'forbidden',
      'not_found',
      'precondition_required',
      'precondition_failed',
      'rules_not_met',
      'batch_terms_frozen',
      'quota_below_issued',
    ],
    cacheable: false,
    example: {
      params: { id: DEMO_BATCH_EXAMPLES.upcoming },
      headers: { 'if-match': `"${DEMO_BATCH_EXAMPLES.upcoming}.r0"` },
      body: { name: '广东省中小企业服务券（下一期）', quota: 12_000 },
    },
  },
  transitionVoucherBatch: {
    operationId: 'transitionVoucherBatch',
    method: 'post',
    path: '/voucher-batches/{id}/transitions',
    tag: 'vouchers',
    summary: 'Open, pause or close a batch',
    description:
      '`open` a draft (its terms are checked again; a window already over is 409) or a paused batch: claims are ' +
      'taken from its claim window. `pause` an open one, `close` an open or paused one for good. A claim on a paused ' +
      'or closed batch is 409 `claim_not_open`, however late the pause came. Any other move is 409 `conflict`. ' +
      '`If-Match` is optional: sent, a stale one is 412.',
    params: IdParams,
    headers: [
      {
        name: 'If-Match',
        description: 'The ETag of the revision read, to refuse a move on a changed batch',
        required: false,
      },
      KEY_HEADER('one move'),
    ],
    body: VoucherBatchTransition,
    response: VoucherBatch,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict', 'rules_not_met', 'precondition_required', 'precondition_failed'],
    cacheable: false,
    example: { params: { id: DEMO_BATCH_EXAMPLES.city }, body: { action: 'pause', note: '核查异常领取' } },
  },
  revokeVoucher: {
    operationId: 'revokeVoucher',
    method: 'post',
    path: '/vouchers/{id}/revoke',
    tag: 'vouchers',
    summary: 'Revoke an unused voucher for fraud, with a reason on its history; the holder is notified',
    description:
      'Staff of the issuing center’s region or above; to another center the voucher does not exist (404). Only an ' +
      '`issued` voucher is revoked; one with an engagement (ordered and after), expired, handed back or revoked is ' +
      '409 `conflict`. Its quota does not return to the batch.',
    params: IdParams,
    headers: [KEY_HEADER('one revocation')],
    body: VoucherRevokeInput,
    response: Voucher,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: { params: { id: DEMO_BATCH_EXAMPLES.revocable }, body: { reason: '同一法人以多家企业名义重复领取' } },
  },
} as const satisfies Record<string, Operation>;
