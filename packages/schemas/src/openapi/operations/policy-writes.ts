import { IdParams, Policy, PolicyInput, PolicyPatch, PolicyWithdrawInput } from '../../index.js';
import type { Operation } from '../operation.js';

const KEY_HEADER = (what: string) => ({
  name: 'Idempotency-Key',
  description: `Repeated by the retries of ${what}`,
  required: false,
});

/** A policy a center publishes: the province's, with a document number no seeded policy has. */
export const DEMO_POLICY_INPUT = {
  title: '广东省中小企业服务券管理办法（试行）',
  issuer: '广东省中小企业服务中心',
  docNumber: '粤中小服〔2027〕1号',
  effectiveFrom: '2027-01-01',
  effectiveUntil: '2029-12-31',
  regionCode: '440000',
  categoryIds: ['policy-consulting', 'financing'],
  summary: '规范服务券的发放、使用和结算：先到先得、总额控制、用完为止、期满作废。',
  url: 'https://smec.gd.gov.cn/policies/voucher-measures.html',
} as const;

/** The seeded policies the examples change and withdraw (seed/policies.ts). */
export const DEMO_POLICY_EXAMPLES = { changed: 'pol-0001', withdrawn: 'pol-0002' } as const;

const RULES =
  'A region outside the staff member’s center or an end before the start is 422 `rules_not_met`, naming each ' +
  'field; a document number the issuer already has (withdrawn policies included) is 409 `doc_number_taken`.';

/** The policies center staff publish, change and withdraw (政策宣贯). */
export const policyWriteOperations = {
  createPolicy: {
    operationId: 'createPolicy',
    method: 'post',
    path: '/policies',
    tag: 'policies',
    summary:
      'Publish a policy of the staff member’s center’s region or one below: in the library and its search at once',
    description: `Center staff. \`publishedAt\` left out is today (Asia/Shanghai). ${RULES} The answer's ETag is the one to send as \`If-Match\`.`,
    headers: [KEY_HEADER('one publication')],
    body: PolicyInput,
    response: Policy,
    successStatus: 201,
    security: 'bearer',
    problems: ['forbidden', 'rules_not_met', 'doc_number_taken'],
    cacheable: false,
    example: { body: DEMO_POLICY_INPUT },
  },
  updatePolicy: {
    operationId: 'updatePolicy',
    method: 'patch',
    path: '/policies/{id}',
    tag: 'policies',
    summary: 'Change some fields of a policy, naming the revision changed with `If-Match`',
    description:
      'Staff of the policy’s region or above; to another center it does not exist (404). Without `If-Match` 428, ' +
      `with a stale one 412 (the ETag of \`getPolicy\` or of the last write). A withdrawn policy is 409 \`conflict\`. ${RULES}`,
    params: IdParams,
    headers: [
      { name: 'If-Match', description: 'The ETag of the revision read', required: true },
      KEY_HEADER('one change'),
    ],
    body: PolicyPatch,
    response: Policy,
    security: 'bearer',
    problems: [
      'forbidden',
      'not_found',
      'precondition_required',
      'precondition_failed',
      'conflict',
      'rules_not_met',
      'doc_number_taken',
    ],
    cacheable: false,
    example: {
      params: { id: DEMO_POLICY_EXAMPLES.changed },
      headers: { 'if-match': `"${DEMO_POLICY_EXAMPLES.changed}.r0"` },
      body: { summary: '从降低企业成本、拓宽融资渠道、加强财政扶持等方面提出促进民营经济大发展的政策措施。' },
    },
  },
  withdrawPolicy: {
    operationId: 'withdrawPolicy',
    method: 'post',
    path: '/policies/{id}/withdraw',
    tag: 'policies',
    summary: 'Withdraw a policy, with a reason: it leaves the public list and its search (the record stays)',
    description:
      'Staff of the policy’s region or above; to another center it does not exist (404). A withdrawn one is 409 `conflict`.',
    params: IdParams,
    headers: [KEY_HEADER('one withdrawal')],
    body: PolicyWithdrawInput,
    response: Policy,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: { params: { id: DEMO_POLICY_EXAMPLES.withdrawn }, body: { reason: '已被新文件替代' } },
  },
} as const satisfies Record<string, Operation>;
